import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { clearedSessionCookie, invalidateSession, readSessionToken } from '~/auth/session.server';

/** Signing out is a POST (a link could be followed by a prefetcher); GET just goes home. */
export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const token = readSessionToken(request);
  if (token) await invalidateSession(token);
  return redirect('/sign-in?notice=signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } });
}
