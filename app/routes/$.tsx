/** Any address the portal does not have: the styled 404 page. */
export async function loader() {
  throw new Response('Not Found', { status: 404 });
}

export async function action() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return null;
}
