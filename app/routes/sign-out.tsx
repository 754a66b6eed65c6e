import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { clearedSessionCookie, invalidateSession, readSession, readSessionToken } from '~/auth/session.server';
import { clientAddress } from '~/client-address.server';
import { recordAudit } from '~/audit/audit.server';

/** Signing out is a POST (a link could be followed by a prefetcher); GET just goes home. */
export async function loader() {
  return redirect('/');
}

/** Ends this session (audited when it was still live) and clears the cookie. */
export async function action({ request }: ActionFunctionArgs) {
  const live = await readSession(request);
  const token = readSessionToken(request);
  if (token) await invalidateSession(token);
  if (live) await recordAudit({ userId: live.user.id, action: 'sign_out', subjectType: 'user', subjectId: live.user.id, outcome: 'allowed', address: clientAddress(request) });
  return redirect('/sign-in?notice=signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } });
}
