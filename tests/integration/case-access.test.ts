import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { loader as adminUsersLoader } from '~/routes/admin.users';
import { auditLog, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let parent: User, otherParent: User, caseworker: User, otherLaCaseworker: User, admin: User;
let caseId: string;

const loadCase = (user: User | null, id: string) =>
  settle(async () => caseLoader({ request: await requestAs(user, `/cases/${id}`), params: { caseId: id }, context: {} }));

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const other = await makeLa(db, 'Other Council');
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  otherLaCaseworker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  admin = await makeUser(db, 'la_admin', { laId: la.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
  await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [otherParent.id] });
});

describe("who can open a child's case", () => {
  it('the parent sees their own child', async () => {
    const response = await loadCase(parent, caseId);
    expect(response.status).toBe(200);
    expect((await response.json()).summary.caseworker.name).toBe(caseworker.name);
  });

  it("another family gets a 404 for a case they should not know exists, and the attempt is audited", async () => {
    const response = await loadCase(otherParent, caseId);
    expect(response.status).toBe(404);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, otherParent.id), eq(auditLog.subjectId, caseId), eq(auditLog.outcome, 'denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0].details).toMatchObject({ path: `/cases/${caseId}`, method: 'GET' });
  });

  it("a caseworker in the case's LA sees it; access is audited as allowed", async () => {
    expect((await loadCase(caseworker, caseId)).status).toBe(200);
    const allowed = await db.select().from(auditLog).where(and(eq(auditLog.userId, caseworker.id), eq(auditLog.outcome, 'allowed')));
    expect(allowed.length).toBeGreaterThan(0);
  });

  it("another LA's caseworker gets a 404", async () => {
    expect((await loadCase(otherLaCaseworker, caseId)).status).toBe(404);
  });

  it('an LA admin is told they may not (403): admins manage accounts, not records', async () => {
    expect((await loadCase(admin, caseId)).status).toBe(403);
  });

  it('a made-up or malformed id is a 404, never a 500', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', "1' or '1'='1", '%00']) {
      expect((await loadCase(parent, id)).status).toBe(404);
    }
  });

  it('someone signed out is sent to sign in, and comes back after', async () => {
    const response = await loadCase(null, caseId);
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/sign-in?returnTo=${encodeURIComponent(`/cases/${caseId}`)}`);
  });
});

describe('admin pages', () => {
  const loadAdmin = (user: User) => settle(async () => adminUsersLoader({ request: await requestAs(user, '/admin/users'), params: {}, context: {} }));

  it('an LA admin sees their staff', async () => {
    const response = await loadAdmin(admin);
    expect(response.status).toBe(200);
    const { accounts } = await response.json();
    expect(accounts.map((s: { email: string }) => s.email)).toContain(caseworker.email);
    expect(accounts.map((s: { email: string }) => s.email)).not.toContain(otherLaCaseworker.email);
  });

  it('a caseworker or a parent gets 403', async () => {
    expect((await loadAdmin(caseworker)).status).toBe(403);
    expect((await loadAdmin(parent)).status).toBe(403);
  });
});
