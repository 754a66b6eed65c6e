/**
 * The address just registered, kept for an hour in a cookie the check-your-email page reads, so
 * that page can say where the link went and send it again without asking. Only this browser's
 * own typing is kept: changing it is no different from registering again with another address,
 * and the resend is counted like any account email.
 */
const CHECK_EMAIL_COOKIE = 'ehcp_check_email';

export function checkEmailCookie(email: string, secure: boolean) {
  return `${CHECK_EMAIL_COOKIE}=${encodeURIComponent(email)}; Path=/register; Max-Age=3600; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

export function registeredEmailOf(request: Request): string | null {
  for (const part of (request.headers.get('Cookie') ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name !== CHECK_EMAIL_COOKIE) continue;
    try {
      return decodeURIComponent(value.join('=')) || null;
    } catch {
      return null;
    }
  }
  return null;
}
