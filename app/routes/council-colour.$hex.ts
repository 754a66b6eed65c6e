import type { LoaderFunctionArgs } from '@remix-run/node';

/**
 * A council's colour as a stylesheet (the line under the header): the Content-Security-Policy
 * allows no inline styles. The colour is the whole of what it serves, so anyone may ask for it
 * and it never changes: a council that picks another colour links to another address.
 */
export function loader({ params }: LoaderFunctionArgs) {
  const hex = params.hex ?? '';
  if (!/^[0-9a-f]{6}$/.test(hex)) return new Response('Not Found', { status: 404 });
  return new Response(`.govuk-header__container{border-bottom-color:#${hex}}\n`, {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' },
  });
}
