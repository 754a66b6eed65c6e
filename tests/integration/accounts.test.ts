import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateSession, validateSessionToken, createSession, IDLE_MS, ABSOLUTE_MS } from '~/auth/session.server';
import { action as signInAction } from '~/routes/sign-in';
import { action as registerAction } from '~/routes/register';
import { loader as verifyLoader } from '~/routes/verify-email.$token';
import { action as forgotAction } from '~/routes/forgot-password';
import { action as resetAction } from '~/routes/reset-password.$token';
import { action as inviteAction } from '~/routes/admin.users_.invite';
import { action as acceptAction } from '~/routes/accept-invite.$token';
import { sessions, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeLa, makeUser, requestAs, settle, TEST_PASSWORD } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;

const post = (action: (args: never) => Promise<unknown>, path: string, form: Record<string, string>, user: User | null = null, params = {}) =>
  settle(async () => action({ request: await requestAs(user, path, { form }), params, context: {} } as never));

const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://\\S*${path}/([a-z2-7]+)`));
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return match[1];
};

const sessionTokenFrom = (response: Response) => response.headers.get('Set-Cookie')?.match(/ehcp_session=([a-z2-7]+)/)?.[1];

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
});

describe('a family registers, confirms their email and signs in', () => {
  const email = 'new.parent@test.example';
  const password = 'a long enough password';

  it('registers and is sent a verification link in their language', async () => {
    const response = await post(registerAction, '/register', {
      name: 'New Parent',
      email: 'New.Parent@Test.example',
      accountType: 'parent',
      password,
      confirmPassword: password,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/register/check-email');
    const message = await mail.waitFor((m) => m.to.includes(email));
    expect(message.subject).toBe('Confirm your email address for the EHCP portal');
    expect(message.text).toContain('You created an account on the EHCP portal. To confirm your email address, open this link within 24 hours');
  });

  it('cannot sign in before confirming, and is sent a fresh link', async () => {
    mail.clear();
    const response = await post(signInAction, '/sign-in', { email, password });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ email: 'errors.signIn.unverified' });
    await mail.waitFor((m) => m.to.includes(email));
  });

  it('confirms with the link, then signs in with a new session cookie', async () => {
    const token = linkIn(mail.messages.at(-1)!.text, '/verify-email');
    const verified = await settle(async () => verifyLoader({ request: new Request(`http://localhost/verify-email/${token}`), params: { token }, context: {} }));
    expect(verified.headers.get('Location')).toBe('/sign-in?notice=verified');

    const reused = await settle(async () => verifyLoader({ request: new Request(`http://localhost/verify-email/${token}`), params: { token }, context: {} }));
    expect(reused.status).toBe(200); // the "link expired or used" page

    const response = await post(signInAction, '/sign-in', { email, password, returnTo: '/account' });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/account');
    const cookie = response.headers.get('Set-Cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(await validateSessionToken(sessionTokenFrom(response)!)).toMatchObject({ email });
  });

  it('registering the same address again creates nothing and tells the owner by email', async () => {
    mail.clear();
    const response = await post(registerAction, '/register', { name: 'Someone', email, accountType: 'parent', password: 'another password!', confirmPassword: 'another password!' });
    expect(response.headers.get('Location')).toBe('/register/check-email');
    expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    expect((await mail.waitFor((m) => m.to.includes(email))).subject).toBe('You already have an EHCP portal account');
  });

  it('never sends the user back to another site after sign-in', async () => {
    const response = await post(signInAction, '/sign-in', { email, password, returnTo: '//evil.example/steal' });
    expect(response.headers.get('Location')).toBe('/');
  });
});

describe('sign-in throttling', () => {
  it('after 5 failed attempts from one address even the right password is refused from there (more in sign-in-safety.test.ts)', async () => {
    const user = await makeUser(db, 'parent');
    for (let i = 0; i < 5; i++) {
      const failed = await post(signInAction, '/sign-in', { email: user.email, password: 'wrong password' });
      expect((await failed.json()).errors).toEqual({ email: 'errors.signIn.invalid' });
    }
    const throttled = await post(signInAction, '/sign-in', { email: user.email, password: TEST_PASSWORD });
    expect((await throttled.json()).errors).toEqual({ email: 'errors.signInSafety.signInThrottled' });
  });

  it('an unknown address gets the same message as a wrong password', async () => {
    const response = await post(signInAction, '/sign-in', { email: 'nobody@test.example', password: 'whatever it is' });
    expect((await response.json()).errors).toEqual({ email: 'errors.signIn.invalid' });
  });
});

describe('password reset', () => {
  it('emails a one-time link; the new password works and every old session ends', async () => {
    const user = await makeUser(db, 'parent');
    const oldSession = await createSession(user.id);
    mail.clear();
    const asked = await post(forgotAction, '/forgot-password', { email: user.email.toUpperCase() });
    expect(asked.headers.get('Location')).toBe('/forgot-password?sent=1');
    const token = linkIn((await mail.waitFor((m) => m.to.includes(user.email))).text, '/reset-password');

    const mismatch = await post(resetAction, `/reset-password/${token}`, { password: 'brand new password', confirmPassword: 'different' }, null, { token });
    expect((await mismatch.json()).errors).toEqual({ confirmPassword: 'errors.confirmPassword.mismatch' });

    const reset = await post(resetAction, `/reset-password/${token}`, { password: 'brand new password', confirmPassword: 'brand new password' }, null, { token });
    expect(reset.headers.get('Location')).toBe('/sign-in?notice=reset');
    expect(await validateSessionToken(oldSession)).toBeNull();

    const again = await post(resetAction, `/reset-password/${token}`, { password: 'another new password', confirmPassword: 'another new password' }, null, { token });
    expect((await again.json()).errors).toEqual({ password: 'errors.link.expired' });

    const signedIn = await post(signInAction, '/sign-in', { email: user.email, password: 'brand new password' });
    expect(signedIn.status).toBe(302);
  });

  it('says the same thing for an address with no account, and sends nothing', async () => {
    mail.clear();
    const asked = await post(forgotAction, '/forgot-password', { email: 'no-account@test.example' });
    expect(asked.headers.get('Location')).toBe('/forgot-password?sent=1');
    await new Promise((r) => setTimeout(r, 200));
    expect(mail.messages).toHaveLength(0);
  });
});

describe('staff are invited by their LA admin', () => {
  it('an admin invites a caseworker, who sets a password from the emailed link and goes on to set up their second factor', async () => {
    const { la, team } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    mail.clear();
    const missingTeam = await post(inviteAction, '/admin/users/invite', { name: 'New Caseworker', email: 'cw.new@test.example', role: 'caseworker' }, admin);
    expect((await missingTeam.json()).errors).toEqual({ teamId: 'errors.team.required' });

    const invited = await post(inviteAction, '/admin/users/invite', { name: 'New Caseworker', email: 'cw.new@test.example', role: 'caseworker', teamId: team.id }, admin);
    expect(invited.headers.get('Location')).toBe('/admin/users?invited=cw.new%40test.example');
    const token = linkIn((await mail.waitFor((m) => m.to.includes('cw.new@test.example'))).text, '/accept-invite');

    const accepted = await post(acceptAction, `/accept-invite/${token}`, { password: 'caseworker password', confirmPassword: 'caseworker password' }, null, { token });
    expect(accepted.headers.get('Location')).toBe('/sign-in/two-factor/set-up');
    // Signed in by password only: the session opens nothing but the two-factor pages yet.
    expect(await validateSessionToken(sessionTokenFrom(accepted)!)).toBeNull();
    const pending = await validateSession(sessionTokenFrom(accepted)!);
    expect(pending?.session.mfaPending).toBe(true);
    expect(pending?.user).toMatchObject({ role: 'caseworker', laId: la.id, teamId: team.id });
  });

  it('an invite to an address already in use looks sent, changes nothing, and tells the owner by email', async () => {
    const { la, team } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const parent = await makeUser(db, 'parent');
    mail.clear();
    const response = await post(inviteAction, '/admin/users/invite', { name: 'Dup', email: parent.email, role: 'manager', teamId: team.id }, admin);
    expect(response.headers.get('Location')).toBe(`/admin/users?invited=${encodeURIComponent(parent.email)}`);
    const [unchanged] = await db.select().from(users).where(eq(users.id, parent.id));
    expect(unchanged).toMatchObject({ role: 'parent', name: parent.name, laId: null });
    const told = await mail.waitFor((m) => m.to.includes(parent.email));
    expect(told.subject).toBe('Someone tried to invite you to the EHCP portal');
    expect(told.text).toContain(admin.name);
  });

  it('a caseworker cannot invite anyone', async () => {
    const { la, team } = await makeLa(db);
    const caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
    const response = await post(inviteAction, '/admin/users/invite', { name: 'X', email: 'x@test.example', role: 'la_admin' }, caseworker);
    expect(response.status).toBe(403);
  });
});

describe('sessions', () => {
  it('end after an hour idle, and 12 hours after sign-in however busy', async () => {
    const user = await makeUser(db, 'parent');
    const start = new Date('2026-11-20T09:00:00Z');
    const idle = await createSession(user.id, start);
    expect(await validateSessionToken(idle, new Date(start.getTime() + IDLE_MS - 1000))).not.toBeNull();
    expect(await validateSessionToken(idle, new Date(start.getTime() + 2 * IDLE_MS))).toBeNull();

    const busy = await createSession(user.id, start);
    for (let at = start.getTime(); at < start.getTime() + ABSOLUTE_MS; at += IDLE_MS / 2) {
      expect(await validateSessionToken(busy, new Date(at))).not.toBeNull();
    }
    expect(await validateSessionToken(busy, new Date(start.getTime() + ABSOLUTE_MS))).toBeNull();
  });

  it('stores only a hash of the token', async () => {
    const user = await makeUser(db, 'parent');
    const token = await createSession(user.id);
    const rows = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows.map((r) => r.id)).not.toContain(token);
    expect(rows[0].id).toMatch(/^[0-9a-f]{64}$/);
  });
});
