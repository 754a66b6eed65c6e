import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, validateSessionToken } from '~/auth/session.server';
import { CLIENT_ADDRESS_HEADER } from '~/client-address.server';
import { recordAudit } from '~/services/audit.server';
import { loader as adminUsersLoader } from '~/routes/admin.users';
import { loader as adminAccountLoader } from '~/routes/admin.users_.$userId';
import { action as changeAction, loader as changeLoader } from '~/routes/admin.users_.$userId_.$change';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { adviceOrganisations, auditLog, emailTokens, sessions, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;

const ADDRESS = '203.0.113.7';

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

async function auditRows(action: string, subjectId: string) {
  return db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.subjectId, subjectId)));
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
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
