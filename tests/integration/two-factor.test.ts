import { and, asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE, validateSession, validateSessionToken } from '~/auth/session.server';
import { CLIENT_ADDRESS_HEADER } from '~/client-address.server';
import { decodeTotpSecret, totpCode, totpStep } from '~/domain/totp';
import { loader as rootLoader } from '~/root';
import { action as acceptInviteAction } from '~/routes/accept-invite.$token';
import { action as accountTwoFactorAction, loader as accountTwoFactorLoader } from '~/routes/account_.two-factor';
import { loader as casesLoader } from '~/routes/cases.$caseId';
import { loader as homeLoader } from '~/routes/_index';
import { action as signInAction } from '~/routes/sign-in';
import { action as codeAction, loader as codeLoader } from '~/routes/sign-in_.two-factor';
import { action as recoveryAction } from '~/routes/sign-in_.two-factor_.recovery';
import { action as setUpAction, loader as setUpLoader } from '~/routes/sign-in_.two-factor_.set-up';
import { action as signOutAction } from '~/routes/sign-out';
import { issueProfessionalInvite } from '~/features/identity/index.server';
import { DEMO_TOTP_SECRET, seedDemoData } from '~/demo/demo-data.server';
import { auditLog, mfaRecoveryCodes, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeUser, settle, TEST_PASSWORD } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11 item 8 (ADR 0015): a second factor for staff and professionals (optional for
 * families and advisers), TOTP with recovery codes, and sessions rotated when it is completed.
 */
let db: Database;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
});

type RouteFunction = (args: never) => Promise<unknown>;

function request(path: string, { token, form, address = '192.0.2.1' }: { token?: string; form?: Record<string, string>; address?: string } = {}) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: address, 'User-Agent': 'Test browser/1.0' });
  if (token) headers.set('Cookie', `${SESSION_COOKIE}=${token}`);
  if (form) headers.set('Content-Type', 'application/x-www-form-urlencoded');
  return new Request(`http://localhost${path}`, { method: form ? 'POST' : 'GET', headers, body: form ? new URLSearchParams(form).toString() : undefined });
}

const call = (fn: RouteFunction, path: string, options: Parameters<typeof request>[1] = {}, params: Record<string, string> = {}) =>
  settle(async () => fn({ request: request(path, options), params, context: {} } as never));

const tokenFrom = (response: Response) => response.headers.get('Set-Cookie')?.match(/ehcp_session=([a-z2-7]+)/)?.[1];
const reload = async (user: User) => (await db.select().from(users).where(eq(users.id, user.id)))[0];
const codeNow = (secret: string, offsetSteps = 0) => totpCode(decodeTotpSecret(secret), totpStep(Date.now()) + offsetSteps);

/** Signs in with the password; the session it opens (pending or not) and where it leads. */
async function signInWithPassword(user: User, address = '192.0.2.1', returnTo?: string) {
  const response = await call(signInAction, '/sign-in', { form: { email: user.email, password: TEST_PASSWORD, ...(returnTo ? { returnTo } : {}) }, address });
  expect(response.status).toBe(302);
  return { token: tokenFrom(response)!, location: response.headers.get('Location') };
}

/** A member of staff who has set up their app (as the enrolment test below does through the pages). */
async function enrolledStaff(role: User['role'] = 'caseworker') {
  const user = await makeUser(db, role, { mfaSecret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', mfaEnabledAt: new Date() });
  return { user, secret: user.mfaSecret! };
}

describe('staff set up the app the first time they sign in', () => {
  it('a password alone opens only the set-up page; confirming a code shows 10 recovery codes once and opens a new session', async () => {
    const caseworker = await makeUser(db, 'caseworker');
    const { token: pending, location } = await signInWithPassword(caseworker, '192.0.2.5', '/inbox');
    expect(location).toBe('/sign-in/two-factor/set-up?returnTo=%2Finbox');
    expect(await validateSessionToken(pending)).toBeNull();
    expect((await validateSession(pending))?.session.mfaPending).toBe(true);

    // Anything else, the root layout included, sends them back to finish.
    const home = await call(homeLoader, '/', { token: pending });
    expect([home.status, home.headers.get('Location')]).toEqual([302, '/sign-in/two-factor/set-up']);
    const inbox = await call(rootLoader, '/inbox', { token: pending });
    expect(inbox.headers.get('Location')).toBe('/sign-in/two-factor/set-up?returnTo=%2Finbox');

    const page = await call(setUpLoader, '/sign-in/two-factor/set-up?returnTo=%2Finbox', { token: pending });
    expect(page.headers.get('Cache-Control')).toBe('no-store');
    const { enrolment } = await page.json();
    const secret = enrolment.secretGroups.join('');
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolment.qr.path).toMatch(/^M\d+ \d+h1v1h-1z/);
    // Reloading the page shows the same key (it may already be in the app).
    expect((await (await call(setUpLoader, '/sign-in/two-factor/set-up', { token: pending })).json()).enrolment.secretGroups.join('')).toBe(secret);

    const wrong = await call(setUpAction, '/sign-in/two-factor/set-up', { token: pending, form: { code: codeNow(secret, 3), returnTo: '/inbox' } });
    expect((await wrong.json()).errors).toEqual({ code: 'errors.twoFactor.code.wrong' });
    const badFormat = await call(setUpAction, '/sign-in/two-factor/set-up', { token: pending, form: { code: '12 34', returnTo: '/inbox' } });
    expect((await badFormat.json()).errors).toEqual({ code: 'errors.twoFactor.code.format' });

    const done = await call(setUpAction, '/sign-in/two-factor/set-up', { token: pending, form: { code: codeNow(secret), returnTo: '/inbox' }, address: '192.0.2.5' });
    const { recoveryCodes, returnTo } = await done.json();
    expect(returnTo).toBe('/inbox');
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    for (const code of recoveryCodes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);

    // Rotation: the pending session is gone, a new complete one replaces it.
    const full = tokenFrom(done)!;
    expect(full).not.toBe(pending);
    expect(await validateSession(pending)).toBeNull();
    expect(await validateSessionToken(full)).toMatchObject({ id: caseworker.id });

    const stored = await db.select().from(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, caseworker.id));
    expect(stored).toHaveLength(10);
    expect(JSON.stringify(stored)).not.toContain(recoveryCodes[0]);
    expect((await reload(caseworker)).mfaEnabledAt).not.toBeNull();

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.userId, caseworker.id), eq(auditLog.action, 'mfa_enrol'), eq(auditLog.outcome, 'allowed')));
    expect(audit.details).toMatchObject({ address: '192.0.2.5' });
  });

  it('accepting an invitation ends whatever session the browser had and opens a pending one', async () => {
    const professional = await makeUser(db, 'professional', { passwordHash: null, emailVerifiedAt: null });
    const invitation = await db.transaction((tx) => issueProfessionalInvite(tx, professional.id));
    const planted = await createSession((await makeUser(db, 'parent')).id);
    const accepted = await call(acceptInviteAction, `/accept-invite/${invitation}`, { token: planted, form: { password: 'a professional password', confirmPassword: 'a professional password' } }, { token: invitation });
    expect(accepted.headers.get('Location')).toBe('/sign-in/two-factor/set-up');
    expect(await validateSession(planted)).toBeNull();
    expect((await validateSession(tokenFrom(accepted)!))?.session).toMatchObject({ userId: professional.id, mfaPending: true });
  });

  it('professionals and LA admins must set it up too; parents and advisers sign in with a password alone', async () => {
    for (const role of ['professional', 'la_admin', 'manager'] as const) {
      expect((await signInWithPassword(await makeUser(db, role))).location).toBe('/sign-in/two-factor/set-up');
    }
    for (const role of ['parent', 'young_person', 'advocate'] as const) {
      const { token, location } = await signInWithPassword(await makeUser(db, role));
      expect(location).toBe('/');
      expect((await validateSession(token))?.session.mfaPending).toBe(false);
    }
  });

  it('a pending session may sign out, and cannot reach a case or any other data', async () => {
    const { user } = await enrolledStaff();
    const { token } = await signInWithPassword(user);
    const someCase = await call(casesLoader, '/cases/00000000-0000-4000-8000-000000000000', { token }, { caseId: '00000000-0000-4000-8000-000000000000' });
    expect(someCase.headers.get('Location')).toBe(`/sign-in/two-factor?returnTo=${encodeURIComponent('/cases/00000000-0000-4000-8000-000000000000')}`);
    const signedOut = await call(signOutAction, '/sign-out', { token, form: {} });
    expect(signedOut.headers.get('Location')).toBe('/sign-in?notice=signedOut');
    expect(await validateSession(token)).toBeNull();
  });
});

describe('signing in with the app', () => {
  it('a right code replaces the pending session with a new one and goes where the person was going', async () => {
    const { user, secret } = await enrolledStaff();
    const { token: pending, location } = await signInWithPassword(user, '192.0.2.6', '/inbox');
    expect(location).toBe('/sign-in/two-factor?returnTo=%2Finbox');
    expect((await call(codeLoader, '/sign-in/two-factor?returnTo=%2Finbox', { token: pending })).status).toBe(200);

    const done = await call(codeAction, '/sign-in/two-factor', { token: pending, form: { code: codeNow(secret), returnTo: '/inbox' }, address: '192.0.2.6' });
    expect(done.headers.get('Location')).toBe('/inbox');
    const full = tokenFrom(done)!;
    expect(await validateSession(pending)).toBeNull();
    const valid = await validateSession(full);
    expect(valid?.session).toMatchObject({ mfaPending: false, ipAddress: '192.0.2.6', userAgent: 'Test browser/1.0' });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.userId, user.id), eq(auditLog.action, 'mfa_verify')));
    expect(audit).toMatchObject({ outcome: 'allowed', details: { address: '192.0.2.6' } });
  });

  it('a code works once: the same code (or an earlier one) is refused at the next sign-in, the next step is not', async () => {
    const { user, secret } = await enrolledStaff();
    const first = await signInWithPassword(user);
    const code = codeNow(secret);
    expect((await call(codeAction, '/sign-in/two-factor', { token: first.token, form: { code } })).status).toBe(302);

    const second = await signInWithPassword(user);
    const replayed = await call(codeAction, '/sign-in/two-factor', { token: second.token, form: { code } });
    expect((await replayed.json()).errors).toEqual({ code: 'errors.twoFactor.code.reused' });
    const earlier = await call(codeAction, '/sign-in/two-factor', { token: second.token, form: { code: codeNow(secret, -1) } });
    expect((await earlier.json()).errors).toEqual({ code: 'errors.twoFactor.code.reused' });
    const tooFar = await call(codeAction, '/sign-in/two-factor', { token: second.token, form: { code: codeNow(secret, 2) } });
    expect((await tooFar.json()).errors).toEqual({ code: 'errors.twoFactor.code.wrong' });
    expect((await call(codeAction, '/sign-in/two-factor', { token: second.token, form: { code: codeNow(secret, 1) } })).status).toBe(302);
  });

  it('the same code sent twice at once (two pending sign-ins racing) signs in only once', async () => {
    const { user, secret } = await enrolledStaff();
    const [first, second] = [await signInWithPassword(user), await signInWithPassword(user)];
    const code = codeNow(secret);
    const answers = await Promise.all([first, second].map(({ token }) => call(codeAction, '/sign-in/two-factor', { token, form: { code } })));
    expect(answers.map((answer) => answer.status).sort()).toEqual([302, 400]);
  });

  it('wrong codes are throttled per account and address: after 5, even the right code waits', async () => {
    const { user, secret } = await enrolledStaff();
    const { token } = await signInWithPassword(user, '203.0.113.10');
    for (let i = 0; i < 5; i++) {
      const wrong = await call(codeAction, '/sign-in/two-factor', { token, form: { code: '000000' }, address: '203.0.113.10' });
      expect((await wrong.json()).errors).toEqual({ code: 'errors.twoFactor.code.wrong' });
    }
    const throttled = await call(codeAction, '/sign-in/two-factor', { token, form: { code: codeNow(secret) }, address: '203.0.113.10' });
    expect((await throttled.json()).errors).toEqual({ code: 'errors.twoFactor.throttled' });
    const failures = await db.select().from(auditLog).where(and(eq(auditLog.userId, user.id), eq(auditLog.action, 'mfa_verify'), eq(auditLog.outcome, 'denied')));
    expect(failures).toHaveLength(5);
    expect(failures[0].details).toMatchObject({ address: '203.0.113.10' });
  });

  it('a recovery code signs in once, instead of the app', async () => {
    const caseworker = await makeUser(db, 'caseworker');
    const pending = (await signInWithPassword(caseworker)).token;
    const secret = (await (await call(setUpLoader, '/sign-in/two-factor/set-up', { token: pending })).json()).enrolment.secretGroups.join('');
    const { recoveryCodes } = await (await call(setUpAction, '/sign-in/two-factor/set-up', { token: pending, form: { code: codeNow(secret) } })).json();

    const { token } = await signInWithPassword(caseworker, '192.0.2.7');
    const wrong = await call(recoveryAction, '/sign-in/two-factor/recovery', { token, form: { recoveryCode: 'aaaaa-aaaaa' } });
    expect((await wrong.json()).errors).toEqual({ recoveryCode: 'errors.twoFactor.recoveryCode.wrong' });
    const used = await call(recoveryAction, '/sign-in/two-factor/recovery', { token, form: { recoveryCode: recoveryCodes[3].toUpperCase(), returnTo: '/account' }, address: '192.0.2.7' });
    expect(used.headers.get('Location')).toBe('/account');
    expect(await validateSessionToken(tokenFrom(used)!)).toMatchObject({ id: caseworker.id });
    expect(await validateSession(token)).toBeNull();

    const again = (await signInWithPassword(caseworker)).token;
    const reused = await call(recoveryAction, '/sign-in/two-factor/recovery', { token: again, form: { recoveryCode: recoveryCodes[3] } });
    expect((await reused.json()).errors).toEqual({ recoveryCode: 'errors.twoFactor.recoveryCode.wrong' });
    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, caseworker.id), eq(auditLog.action, 'mfa_recovery_code')))
      .orderBy(asc(auditLog.id));
    expect(audits.map((row) => row.outcome)).toEqual(['denied', 'allowed', 'denied']);
    expect(audits[1].details).toMatchObject({ address: '192.0.2.7', codesLeft: 9 });
  });
});

describe('families and advisers may turn it on from their account', () => {
  it('turning it on ends their other sessions; from then on signing in asks for a code; they may turn it off', async () => {
    const parent = await makeUser(db, 'parent');
    const elsewhere = (await signInWithPassword(parent, '192.0.2.30')).token;
    const here = (await signInWithPassword(parent, '192.0.2.31')).token;

    const page = await (await call(accountTwoFactorLoader, '/account/two-factor', { token: here })).json();
    expect(page).toMatchObject({ on: false, required: false });
    const secret = page.enrolment.secretGroups.join('');
    // Codes from three successive steps (the app's clock a step behind, then on time, then ahead): each must be later than the last used.
    const turnedOn = await call(accountTwoFactorAction, '/account/two-factor', { token: here, form: { intent: 'turn-on', code: codeNow(secret, -1) } });
    expect((await turnedOn.json()).recoveryCodes).toHaveLength(10);
    expect(await validateSessionToken(here)).not.toBeNull();
    expect(await validateSession(elsewhere)).toBeNull();

    const next = await signInWithPassword(parent);
    expect(next.location).toBe('/sign-in/two-factor');
    const full = tokenFrom(await call(codeAction, '/sign-in/two-factor', { token: next.token, form: { code: codeNow(secret) } }))!;

    const newCodes = await call(accountTwoFactorAction, '/account/two-factor', { token: full, form: { intent: 'new-codes', newCodesCode: '123456' } });
    expect((await newCodes.json()).errors).toEqual({ newCodesCode: 'errors.twoFactor.code.wrong' });

    const off = await call(accountTwoFactorAction, '/account/two-factor', { token: full, form: { intent: 'turn-off', turnOffCode: codeNow(secret, -1) } });
    expect((await off.json()).errors).toEqual({ turnOffCode: 'errors.twoFactor.code.reused' });
    expect((await call(accountTwoFactorAction, '/account/two-factor', { token: full, form: { intent: 'turn-off', turnOffCode: codeNow(secret, 1) } })).headers.get('Location')).toBe(
      '/account/two-factor?notice=off',
    );
    expect(await reload(parent)).toMatchObject({ mfaEnabledAt: null, mfaSecret: null });
    expect((await signInWithPassword(parent)).location).toBe('/');
  });

  it('staff cannot turn it off', async () => {
    const { user, secret } = await enrolledStaff('manager');
    const token = tokenFrom(await call(codeAction, '/sign-in/two-factor', { token: (await signInWithPassword(user)).token, form: { code: codeNow(secret) } }))!;
    const refused = await call(accountTwoFactorAction, '/account/two-factor', { token, form: { intent: 'turn-off', turnOffCode: codeNow(secret, 1) } });
    expect(refused.headers.get('Location')).toBe('/account/two-factor');
    expect((await reload(user)).mfaEnabledAt).not.toBeNull();
  });
});

describe('demo data', () => {
  it('staff and professionals have the published key, families and advisers none', async () => {
    await seedDemoData(db);
    const demo = await db.select({ email: users.email, role: users.role, secret: users.mfaSecret, on: users.mfaEnabledAt }).from(users);
    const byEmail = new Map(demo.map((row) => [row.email, row]));
    for (const email of ['caseworker1@example.com', 'manager@example.com', 'admin@example.com', 'ep@example.com']) {
      expect(byEmail.get(email)).toMatchObject({ secret: DEMO_TOTP_SECRET });
      expect(byEmail.get(email)?.on).not.toBeNull();
    }
    for (const email of ['parent1@example.com', 'advocate1@example.com']) expect(byEmail.get(email)).toMatchObject({ secret: null, on: null });
  });
});
