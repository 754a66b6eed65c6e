import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '~/auth/session.server';
import { CLIENT_ADDRESS_HEADER } from '~/client-address.server';
import { recordAudit } from '~/audit/audit.server';
import { action as acceptAction } from '~/routes/accept-invite.$token';
import { action as emailAction } from '~/routes/account_.email';
import { action as passwordAction } from '~/routes/account_.password';
import { action as sessionsAction, loader as sessionsLoader } from '~/routes/account_.sessions';
import { loader as adminUsersLoader } from '~/routes/admin.users';
import { loader as adminAccountLoader } from '~/routes/admin.users_.$userId';
import { action as changeAction, loader as changeLoader } from '~/routes/admin.users_.$userId_.$change';
import { action as confirmAction, loader as confirmLoader } from '~/routes/confirm-email.$token';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { action as registerAction } from '~/routes/register';
import { action as resetAction } from '~/routes/reset-password.$token';
import { action as signOutAction } from '~/routes/sign-out';
import { action as forgotAction } from '~/routes/forgot-password';
import { adviceOrganisations, auditLog, emailTokens, sessions, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle, TEST_PASSWORD } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;

const ADDRESS = '203.0.113.7';
const FIREFOX_ON_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';

/** Runs a route function as Remix would, signed in as `user` (a fresh session) or with `cookie`. */
async function call(
  fn: (args: never) => Promise<unknown>,
  path: string,
  options: { user?: User | null; form?: Record<string, string>; params?: Record<string, string>; sessionToken?: string } = {},
) {
  const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: ADDRESS };
  if (options.sessionToken) headers.Cookie = `ehcp_session=${options.sessionToken}`;
  const request = await requestAs(options.user ?? null, path, { form: options.form, headers });
  return settle(async () => fn({ request, params: options.params ?? {}, context: {} } as never));
}

const linkIn = (text: string, path: string) => {
  const match = text.match(new RegExp(`https?://\\S*${path}/([a-z2-7]+)`));
  if (!match) throw new Error(`No ${path} link in:\n${text}`);
  return match[1];
};

async function auditRows(action: string, subjectId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
});

describe('the password rule applies wherever a password is chosen', () => {
  const tooShort = 'eleven char';
  const common = 'Qwerty123456'; // on the breached list as "qwerty123456": case does not save it

  it('registration', async () => {
    for (const [password, error] of [
      [tooShort, 'errors.password.tooShort'],
      [common, 'errors.password.common'],
    ]) {
      const response = await call(registerAction, '/register', {
        form: { name: 'A Parent', email: 'rule@test.example', accountType: 'parent', password, confirmPassword: password },
      });
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual({ password: error });
    }
  });

  it('a reset link and an invitation', async () => {
    for (const [action, path] of [
      [resetAction, '/reset-password'],
      [acceptAction, '/accept-invite'],
    ] as const) {
      const response = await call(action, `${path}/sometoken`, { form: { password: common, confirmPassword: common }, params: { token: 'sometoken' } });
      expect((await response.json()).errors).toEqual({ password: 'errors.password.common' });
    }
  });

  it('changing a password', async () => {
    const user = await makeUser(db, 'parent');
    const response = await call(passwordAction, '/account/password', { user, form: { currentPassword: TEST_PASSWORD, password: tooShort, confirmPassword: tooShort } });
    expect((await response.json()).errors).toEqual({ password: 'errors.password.tooShort' });
  });

  it('twelve characters that are not on the list are enough (three random words welcome)', async () => {
    const response = await call(registerAction, '/register', {
      form: { name: 'A Parent', email: 'words@test.example', accountType: 'parent', password: 'ox tin kite', confirmPassword: 'ox tin kite' },
    });
    expect((await response.json()).errors).toEqual({ password: 'errors.password.tooShort' });
    const accepted = await call(registerAction, '/register', {
      form: { name: 'A Parent', email: 'words@test.example', accountType: 'parent', password: 'ox tin kite!', confirmPassword: 'ox tin kite!' },
    });
    expect(accepted.status).toBe(302);
  });
});

describe('changing your password', () => {
  it('needs the current password; wrong guesses are audited and, after five, refused for a while', async () => {
    const user = await makeUser(db, 'parent');
    const form = { currentPassword: 'not my password', password: 'a brand new long password', confirmPassword: 'a brand new long password' };
    for (let i = 0; i < 5; i++) {
      const wrong = await call(passwordAction, '/account/password', { user, form });
      expect((await wrong.json()).errors).toEqual({ currentPassword: 'errors.currentPassword.incorrect' });
    }
    const throttled = await call(passwordAction, '/account/password', { user, form: { ...form, currentPassword: TEST_PASSWORD } });
    expect((await throttled.json()).errors).toEqual({ currentPassword: 'errors.currentPassword.throttled' });
    const denied = await auditRows('change_password', user.id);
    expect(denied).toHaveLength(5);
    expect(denied.every((row) => row.outcome === 'denied' && row.details.address === ADDRESS)).toBe(true);
    const [row] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, user.id));
    expect(row.passwordHash).toBe(user.passwordHash);
  });

  it('ends every other session (not this one), cancels pending links, audits it and emails the owner', async () => {
    const user = await makeUser(db, 'parent');
    await call(emailAction, '/account/email', { user, form: { email: 'pending.change@test.example', currentPassword: TEST_PASSWORD } });
    const elsewhere = await createSession(user.id);
    const here = await createSession(user.id);
    mail.clear();

    const response = await call(passwordAction, '/account/password', {
      sessionToken: here,
      form: { currentPassword: TEST_PASSWORD, password: 'a brand new long password', confirmPassword: 'a brand new long password' },
    });
    expect(response.headers.get('Location')).toBe('/account?notice=passwordChanged');
    expect(await validateSessionToken(elsewhere)).toBeNull();
    expect(await validateSessionToken(here)).not.toBeNull();

    const pending = await db.select().from(emailTokens).where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, 'change_email')));
    expect(pending.every((token) => token.usedAt !== null)).toBe(true);

    const [audited] = await auditRows('change_password', user.id);
    // `elsewhere`, and the session that asked for the change of email above.
    expect(audited).toMatchObject({ outcome: 'allowed', details: { address: ADDRESS, sessionsEnded: 2 } });

    const notice = await mail.waitFor((m) => m.to.includes(user.email) && m.subject === 'Your EHCP portal password has been changed');
    expect(notice.text).toContain("The password for your EHCP portal account was changed on");
    expect(notice.text).toContain('/forgot-password');
  });
});

describe('changing your email address', () => {
  it('asks for the current password and a different address', async () => {
    const user = await makeUser(db, 'parent');
    const wrong = await call(emailAction, '/account/email', { user, form: { email: 'new.one@test.example', currentPassword: 'not my password' } });
    expect(await wrong.json()).toEqual({ errors: { currentPassword: 'errors.currentPassword.incorrect' }, values: { email: 'new.one@test.example' } });
    const same = await call(emailAction, '/account/email', { user, form: { email: user.email.toUpperCase(), currentPassword: TEST_PASSWORD } });
    expect((await same.json()).errors).toEqual({ email: 'errors.newEmail.same' });
  });

  it('changes only when the link sent to the new address is followed; the old address is told', async () => {
    const user = await makeUser(db, 'parent');
    const newEmail = `moved-${user.id.slice(0, 8)}@test.example`;
    mail.clear();
    const asked = await call(emailAction, '/account/email', { user, form: { email: newEmail, currentPassword: TEST_PASSWORD } });
    expect(asked.headers.get('Location')).toBe('/account?notice=emailChangeSent');
    const toOld = await mail.waitFor((m) => m.to.includes(user.email));
    expect(toOld.subject).toBe('Someone asked to change the email address of your EHCP portal account');
    expect(toOld.text).not.toContain(newEmail);
    const toNew = await mail.waitFor((m) => m.to.includes(newEmail));
    const token = linkIn(toNew.text, '/confirm-email');
    expect((await db.select({ email: users.email }).from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);

    // Opening the link only shows what will change (a mail scanner's visit changes nothing).
    const page = await call(confirmLoader, `/confirm-email/${token}`, { params: { token } });
    expect(await page.json()).toEqual({ newEmail });
    expect((await db.select({ email: users.email }).from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);

    const confirmed = await call(confirmAction, `/confirm-email/${token}`, { params: { token }, form: {} });
    expect(confirmed.headers.get('Location')).toBe('/account?notice=emailChanged');
    const [moved] = await db.select().from(users).where(eq(users.id, user.id));
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerifiedAt).not.toBeNull();
    const [audited] = await auditRows('change_email', user.id);
    expect(audited.details).toMatchObject({ from: user.email, to: newEmail, address: ADDRESS });

    const again = await call(confirmAction, `/confirm-email/${token}`, { params: { token }, form: {} });
    expect(again.status).toBe(400);
  });

  it('an address that already has an account gets the same answer, its owner an email, and no link exists', async () => {
    const user = await makeUser(db, 'parent');
    const owner = await makeUser(db, 'caseworker');
    mail.clear();
    const asked = await call(emailAction, '/account/email', { user, form: { email: owner.email, currentPassword: TEST_PASSWORD } });
    expect(asked.headers.get('Location')).toBe('/account?notice=emailChangeSent');
    expect((await mail.waitFor((m) => m.to.includes(owner.email))).subject).toBe('Your email address is already used for an EHCP portal account');
    await mail.waitFor((m) => m.to.includes(user.email));
    const links = await db.select().from(emailTokens).where(and(eq(emailTokens.userId, user.id), eq(emailTokens.purpose, 'change_email')));
    expect(links).toHaveLength(0);
  });

  it('only the latest link works', async () => {
    const user = await makeUser(db, 'parent');
    const [firstEmail, secondEmail] = [`first-${user.id.slice(0, 8)}@test.example`, `second-${user.id.slice(0, 8)}@test.example`];
    mail.clear();
    await call(emailAction, '/account/email', { user, form: { email: firstEmail, currentPassword: TEST_PASSWORD } });
    const first = linkIn((await mail.waitFor((m) => m.to.includes(firstEmail))).text, '/confirm-email');
    await call(emailAction, '/account/email', { user, form: { email: secondEmail, currentPassword: TEST_PASSWORD } });
    const stale = await call(confirmAction, `/confirm-email/${first}`, { params: { token: first }, form: {} });
    expect(stale.status).toBe(400);
    expect((await db.select({ email: users.email }).from(users).where(eq(users.id, user.id)))[0].email).toBe(user.email);
  });
});

describe('your active sessions', () => {
  it('lists them with this device first, a readable browser and the address; signs out the others or all', async () => {
    const user = await makeUser(db, 'parent');
    const phone = await createSession(user.id, new Date(), { ipAddress: '198.51.100.4', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1' });
    const here = await createSession(user.id, new Date(Date.now() - 1000), { ipAddress: ADDRESS, userAgent: FIREFOX_ON_WINDOWS });

    const page = await (await call(sessionsLoader, '/account/sessions', { sessionToken: here })).json();
    expect(page.sessions.map((s: { current: boolean; browser: string; system: string; ipAddress: string }) => [s.current, s.browser, s.system, s.ipAddress])).toEqual([
      [true, 'Firefox', 'Windows', ADDRESS],
      [false, 'Safari', 'iOS', '198.51.100.4'],
    ]);

    const others = await call(sessionsAction, '/account/sessions', { sessionToken: here, form: { intent: 'sign-out-others' } });
    expect(others.headers.get('Location')).toBe('/account/sessions?signedOut=others');
    expect(await validateSessionToken(phone)).toBeNull();
    expect(await validateSessionToken(here)).not.toBeNull();
    expect((await auditRows('sign_out_other_sessions', user.id))[0].details).toMatchObject({ sessionsEnded: 1, address: ADDRESS });

    const all = await call(sessionsAction, '/account/sessions', { sessionToken: here, form: { intent: 'sign-out-everywhere' } });
    expect(all.headers.get('Location')).toBe('/sign-in?notice=signedOut');
    expect(all.headers.get('Set-Cookie')).toMatch(/Max-Age=0/);
    expect(await validateSessionToken(here)).toBeNull();
    expect(await auditRows('sign_out_everywhere', user.id)).toHaveLength(1);
  });
});

describe('an LA admin switches a leaver off and on', () => {
  it('deactivating ends every session at once, kills their links, is audited and shows on the list; reactivating lets them back', async () => {
    const { la, team } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Leaving Caseworker' });
    const theirSession = await createSession(caseworker.id);
    expect(await validateSessionToken(theirSession)).not.toBeNull();

    const confirmPage = await call(changeLoader, `/admin/users/${caseworker.id}/deactivate`, { user: admin, params: { userId: caseworker.id, change: 'deactivate' } });
    expect(await confirmPage.json()).toMatchObject({ change: 'deactivate', name: 'Leaving Caseworker' });

    const done = await call(changeAction, `/admin/users/${caseworker.id}/deactivate`, { user: admin, params: { userId: caseworker.id, change: 'deactivate' }, form: {} });
    expect(done.headers.get('Location')).toBe(`/admin/users/${caseworker.id}?notice=deactivated`);
    // Sent twice (a double click without JavaScript): nothing more happens.
    await call(changeAction, `/admin/users/${caseworker.id}/deactivate`, { user: admin, params: { userId: caseworker.id, change: 'deactivate' }, form: {} });

    const [row] = await db.select().from(users).where(eq(users.id, caseworker.id));
    expect(row.deactivatedAt).not.toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, caseworker.id))).toHaveLength(0);
    // Their existing cookie stops working (session validation also refuses a deactivated account).
    expect(await validateSessionToken(theirSession)).toBeNull();
    const audited = await auditRows('deactivate_account', caseworker.id);
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ userId: admin.id, outcome: 'allowed', details: { address: ADDRESS, sessionsEnded: 1 } });

    const list = await (await call(adminUsersLoader, '/admin/users', { user: admin })).json();
    expect(list.accounts.find((a: { id: string }) => a.id === caseworker.id)).toMatchObject({ status: 'deactivated' });
    const page = await (await call(adminAccountLoader, `/admin/users/${caseworker.id}`, { user: admin, params: { userId: caseworker.id } })).json();
    expect(page).toMatchObject({ account: { status: 'deactivated' }, mayChange: true });

    const back = await call(changeAction, `/admin/users/${caseworker.id}/reactivate`, { user: admin, params: { userId: caseworker.id, change: 'reactivate' }, form: {} });
    expect(back.headers.get('Location')).toBe(`/admin/users/${caseworker.id}?notice=reactivated`);
    expect((await db.select().from(users).where(eq(users.id, caseworker.id)))[0].deactivatedAt).toBeNull();
    expect(await auditRows('reactivate_account', caseworker.id)).toHaveLength(1);
    expect(await validateSessionToken(await createSession(caseworker.id))).not.toBeNull();
  });

  it('deactivating stops an outstanding invitation from being accepted', async () => {
    const { la } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const invited = await makeUser(db, 'manager', { laId: la.id, passwordHash: null });
    await db.insert(emailTokens).values({ id: 'f'.repeat(64), userId: invited.id, purpose: 'staff_invite', expiresAt: new Date(Date.now() + 86_400_000) });
    await call(changeAction, `/admin/users/${invited.id}/deactivate`, { user: admin, params: { userId: invited.id, change: 'deactivate' }, form: {} });
    const [link] = await db.select().from(emailTokens).where(eq(emailTokens.userId, invited.id));
    expect(link.usedAt).not.toBeNull();
  });

  it('covers the LA’s staff, professionals and the advisers of its advice services; nobody else', async () => {
    const { la, team } = await makeLa(db);
    const other = await makeLa(db, 'Other Borough Council');
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const [org] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Test SENDIASS' }).returning();
    const [otherOrg] = await db.insert(adviceOrganisations).values({ laId: other.la.id, name: 'Other SENDIASS' }).returning();
    const ours = [
      await makeUser(db, 'manager', { laId: la.id, teamId: team.id }),
      await makeUser(db, 'la_admin', { laId: la.id }),
      await makeUser(db, 'professional', { laId: la.id }),
      await makeUser(db, 'advocate', { adviceOrgId: org.id }),
    ];
    for (const account of ours) {
      const response = await call(changeLoader, `/admin/users/${account.id}/deactivate`, { user: admin, params: { userId: account.id, change: 'deactivate' } });
      expect(response.status, account.role).toBe(200);
    }
    const list = await (await call(adminUsersLoader, '/admin/users', { user: admin })).json();
    expect(list.accounts.map((a: { id: string }) => a.id).sort()).toEqual([admin.id, ...ours.map((a) => a.id)].sort());

    const notOurs = [
      await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id }),
      await makeUser(db, 'advocate', { adviceOrgId: otherOrg.id }),
      await makeUser(db, 'parent'),
    ];
    for (const account of [...notOurs, { id: 'not-a-uuid' }, { id: '00000000-0000-4000-8000-000000000000' }]) {
      for (const change of ['deactivate', 'reactivate']) {
        const response = await call(changeAction, `/admin/users/${account.id}/${change}`, { user: admin, params: { userId: account.id, change }, form: {} });
        expect(response.status).toBe(404);
      }
      const page = await call(adminAccountLoader, `/admin/users/${account.id}`, { user: admin, params: { userId: account.id } });
      expect(page.status).toBe(404);
    }
    expect((await db.select().from(users).where(eq(users.id, notOurs[0].id)))[0].deactivatedAt).toBeNull();
  });

  it('an admin cannot switch off their own account, and nobody but an admin can switch off anyone', async () => {
    const { la, team } = await makeLa(db);
    const admin = await makeUser(db, 'la_admin', { laId: la.id });
    const own = await call(changeAction, `/admin/users/${admin.id}/deactivate`, { user: admin, params: { userId: admin.id, change: 'deactivate' }, form: {} });
    expect(own.status).toBe(403);
    const ownPage = await (await call(adminAccountLoader, `/admin/users/${admin.id}`, { user: admin, params: { userId: admin.id } })).json();
    expect(ownPage.mayChange).toBe(false);

    const manager = await makeUser(db, 'manager', { laId: la.id, teamId: team.id });
    const caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
    const byManager = await call(changeAction, `/admin/users/${caseworker.id}/deactivate`, { user: manager, params: { userId: caseworker.id, change: 'deactivate' }, form: {} });
    expect(byManager.status).toBe(403);
    expect((await db.select().from(users).where(eq(users.id, caseworker.id)))[0].deactivatedAt).toBeNull();
  });
});

describe('the audit log', () => {
  it('carries the source address on access to a child’s case', async () => {
    const { la, team } = await makeLa(db);
    const parent = await makeUser(db, 'parent');
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id] });
    await call(caseLoader, `/cases/${caseRecord.id}`, { user: parent, params: { caseId: caseRecord.id } });
    const [row] = await auditRows('read:case', caseRecord.id);
    expect(row.details.address).toBe(ADDRESS);
  });

  it('records signing out and a password reset, with the address', async () => {
    const user = await makeUser(db, 'parent');
    const session = await createSession(user.id);
    const signedOut = await call(signOutAction, '/sign-out', { sessionToken: session, form: {} });
    expect(signedOut.headers.get('Location')).toBe('/sign-in?notice=signedOut');
    expect(await validateSessionToken(session)).toBeNull();
    expect((await auditRows('sign_out', user.id))[0]).toMatchObject({ outcome: 'allowed', details: { address: ADDRESS } });

    mail.clear();
    await call(forgotAction, '/forgot-password', { form: { email: user.email } });
    const token = linkIn((await mail.waitFor((m) => m.to.includes(user.email))).text, '/reset-password');
    const reset = await call(resetAction, `/reset-password/${token}`, { params: { token }, form: { password: 'a new long password here', confirmPassword: 'a new long password here' } });
    expect(reset.headers.get('Location')).toBe('/sign-in?notice=reset');
    expect((await auditRows('reset_password', user.id))[0].details).toMatchObject({ address: ADDRESS });
  });

  it('is append-only for the application’s own database connection: no UPDATE, DELETE or TRUNCATE', async () => {
    await recordAudit({ userId: null, action: 'append_only_probe', subjectType: 'test', subjectId: 'probe', outcome: 'allowed', address: ADDRESS });
    const attempts = {
      update: sql`UPDATE audit_log SET action = 'rewritten' WHERE action = 'append_only_probe'`,
      delete: sql`DELETE FROM audit_log WHERE action = 'append_only_probe'`,
      truncate: sql`TRUNCATE audit_log`,
    };
    for (const [name, statement] of Object.entries(attempts)) {
      await expect(db.execute(statement), name).rejects.toThrow();
    }
    const rows = await auditRows('append_only_probe', 'probe');
    expect(rows).toHaveLength(1);
    expect(rows[0].details).toEqual({ address: ADDRESS });
    expect((await db.select({ n: sql<number>`count(*)::int` }).from(auditLog))[0].n).toBeGreaterThan(1);
  });
});
