import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { adviceOrganisations, adviceRequests, advocateConsents, auditLog, children, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { addDays, todayInLondon } from '~/domain/timescales';
import type { Opening } from '~/domain/access-history';
import { loader as accessLoader } from '~/routes/cases.$caseId.access';
import { loader as logLoader } from '~/routes/cases.$caseId.access_.log';
import { loader as notesLoader } from '~/routes/cases.$caseId.notes';
import { loader as historyLoader } from '~/routes/account_.access-history';
import { loader as accountLoader } from '~/routes/account';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 19 item 1: "who has looked at this case", from the audit log, for the family member who
 * decides, the young person and the council's managers; a member of staff's own access history.
 */
let db: Database;
let laName: string, teamName: string;
let caseworker: User, teammate: User, manager: User, otherLaManager: User, professional: User, advocate: User, parent: User, otherParent: User;
let caseId: string, childId: string, quietCaseId: string;

type LogData = { openings: Opening[]; total: number; page: number; pages: number };
type HistoryData = { openings: { whatKey: string; caseId: string | null; reference: string | null; childName: string | null }[]; total: number; page: number; pages: number };

const open = (user: User, path: string, loader: typeof accessLoader | typeof notesLoader, id = caseId) =>
  settle(async () => loader({ request: await requestAs(user, path), params: { caseId: id }, context: {} }));
const log = (user: User | null, id = caseId, query = '') => settle(async () => logLoader({ request: await requestAs(user, `/cases/${id}/access/log${query}`), params: { caseId: id }, context: {} }));
const history = (user: User, query = '') => settle(async () => historyLoader({ request: await requestAs(user, `/account/access-history${query}`), params: {}, context: {} }));

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db, 'Eastmoor Borough Council');
  const other = await makeLa(db, 'Westvale District Council');
  laName = la.name;
  teamName = team.name;
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Priya Shah' });
  teammate = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Tom Okafor' });
  manager = await makeUser(db, 'manager', { laId: la.id, name: 'Helen Brooks' });
  otherLaManager = await makeUser(db, 'manager', { laId: other.la.id });
  professional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist', name: 'Dr Ada Price' });
  const [org] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Eastmoor SENDIASS' }).returning();
  advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id, name: 'Maya Green' });
  parent = await makeUser(db, 'parent', { name: 'Sarah Jones' });
  otherParent = await makeUser(db, 'parent');
  const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id });
  caseId = made.caseRecord.id;
  childId = made.child.id;
  quietCaseId = (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id] })).caseRecord.id;
  const today = todayInLondon();
  await db.insert(adviceRequests).values({ caseId, laId: la.id, professionalId: professional.id, kind: 'educational_psychologist', requestedBy: caseworker.id, requestedOn: today, dueBy: addDays(today, 42), needs: 'Learning', formKey: crypto.randomUUID() });
  await db.insert(advocateConsents).values({ childId, grantedBy: parent.id, adviceOrgId: org.id, advocateUserId: advocate.id, scope: 'view', expiresOn: addDays(today, 365), formKey: crypto.randomUUID() });

  // Each kind of accessor opens the record through the real pages; the family opens it too.
  for (const person of [caseworker, teammate, professional, advocate, parent]) expect((await open(person, `/cases/${caseId}/access`, accessLoader)).status).toBe(200);
  expect((await open(caseworker, `/cases/${caseId}/notes`, notesLoader)).status).toBe(200);
  expect((await log(manager)).status).toBe(200);
});

describe('who has looked at this case', () => {
  it('the parent who decides sees each kind of accessor: name, role in plain words, organisation and what they opened', async () => {
    const response = await log(parent);
    expect(response.status).toBe(200);
    const { openings, total } = (await response.json()) as LogData;
    const line = (name: string) => openings.filter((o) => o.name === name);
    expect(line('Priya Shah').map((o) => o.whatKey).sort()).toEqual(['accessLog.what.case', 'accessLog.what.caseNotes']);
    expect(line('Priya Shah')[0]).toMatchObject({ roleKey: 'accessLog.role.caseCaseworker', organisation: laName, team: teamName });
    expect(line('Tom Okafor')).toEqual([expect.objectContaining({ roleKey: 'accessLog.role.caseworker', organisation: laName, whatKey: 'accessLog.what.case' })]);
    expect(line('Helen Brooks')).toEqual([expect.objectContaining({ roleKey: 'accessLog.role.manager', organisation: laName, whatKey: 'accessLog.what.accessLog' })]);
    expect(line('Dr Ada Price')).toEqual([expect.objectContaining({ roleKey: 'accessLog.role.educationalPsychologist', organisation: laName, team: null })]);
    expect(line('Maya Green')).toEqual([expect.objectContaining({ roleKey: 'accessLog.role.adviser', organisation: 'Eastmoor SENDIASS', team: null })]);
    // The family's own visits are not listed; one page load (layout + page) is one opening.
    expect(line('Sarah Jones')).toEqual([]);
    expect(total).toBe(6);
    // Newest first.
    const times = openings.map((o) => o.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('the staff-only notes are listed as opened, never what they say', async () => {
    const body = await (await log(parent)).text();
    expect(body).toContain('accessLog.what.caseNotes');
    expect(body).not.toContain('/notes');
  });

  it('viewing the log is itself audited', async () => {
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.userId, parent.id), eq(auditLog.action, 'read:access-log'), eq(auditLog.subjectId, caseId)));
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.outcome === 'allowed' && r.subjectType === 'case')).toBe(true);
  });

  it('caseworkers, professionals and advisers read the case but not its log; to anyone else it does not exist', async () => {
    for (const person of [caseworker, teammate, professional, advocate]) expect((await log(person)).status).toBe(403);
    expect((await log(otherParent)).status).toBe(404);
    expect((await log(otherLaManager)).status).toBe(404);
    expect((await log(parent, 'not-a-case')).status).toBe(404);
    const refused = await db.select().from(auditLog).where(and(eq(auditLog.userId, advocate.id), eq(auditLog.action, 'read:access-log')));
    expect(refused.map((r) => r.outcome)).toEqual(['denied']);
  });

  it('the access page links to it only for those who may see it', async () => {
    // The same page opened again within the same second counts as one opening (ADR 0035); these
    // views are new ones, so the own-history test below can count them.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const canSee = async (user: User) => ((await (await open(user, `/cases/${caseId}/access`, accessLoader)).json()) as { canSeeLog: boolean }).canSeeLog;
    expect(await canSee(parent)).toBe(true);
    expect(await canSee(manager)).toBe(true);
    expect(await canSee(caseworker)).toBe(false);
    expect(await canSee(advocate)).toBe(false);
  });

  it('once the young person decides for themself, they see it and the parent they share the case with does not', async () => {
    const youngPerson = await makeUser(db, 'young_person');
    const eighteen = addDays(todayInLondon(), -19 * 366);
    await db.update(children).set({ dateOfBirth: eighteen, youngPersonUserId: youngPerson.id, parentAccessAgreedAt: new Date() }).where(eq(children.id, childId));
    try {
      expect((await open(parent, `/cases/${caseId}/access`, accessLoader)).status).toBe(200);
      expect((await log(parent)).status).toBe(403);
      expect((await log(youngPerson)).status).toBe(200);
    } finally {
      await db.update(children).set({ dateOfBirth: '2016-05-04', youngPersonUserId: null, parentAccessAgreedAt: null }).where(eq(children.id, childId));
    }
  });

  it('an empty log says so', async () => {
    const data = (await (await log(parent, quietCaseId)).json()) as LogData;
    expect(data).toEqual({ caseId: quietCaseId, openings: [], total: 0, page: 1, pages: 1 });
  });
});

describe('a busy case is read a page at a time', () => {
  let busyCaseId: string;
  beforeAll(async () => {
    const { la, team } = await makeLa(db);
    const worker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
    const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: worker.id });
    busyCaseId = made.caseRecord.id;
    const start = Date.parse('2026-11-02T09:00:00Z');
    // 60 openings a minute apart, each a page and its layout (two rows, one opening), and a denied attempt.
    await db.insert(auditLog).values(
      Array.from({ length: 60 }, (_, i) => [
        { at: new Date(start + i * 60_000), userId: worker.id, action: 'read:case', subjectType: 'case', subjectId: busyCaseId, outcome: 'allowed' as const, details: { path: `/cases/${busyCaseId}/messages`, method: 'GET' } },
        { at: new Date(start + i * 60_000 + 20), userId: worker.id, action: 'read:thread', subjectType: 'case', subjectId: busyCaseId, outcome: 'allowed' as const, details: { path: `/cases/${busyCaseId}/messages`, method: 'GET' } },
      ]).flat(),
    );
    await db.insert(auditLog).values({ userId: worker.id, action: 'read:case', subjectType: 'case', subjectId: busyCaseId, outcome: 'denied', details: {} });
  });

  it('page 1 holds the newest 25; page 2 the next 25', async () => {
    const first = (await (await log(parent, busyCaseId)).json()) as LogData;
    expect(first).toMatchObject({ total: 60, page: 1, pages: 3 });
    expect(first.openings).toHaveLength(25);
    expect(first.openings[0].at).toBe('2026-11-02T09:59:00.020Z');
    expect(first.openings.every((o) => o.whatKey === 'accessLog.what.messages')).toBe(true);
    const second = (await (await log(parent, busyCaseId, '?page=2')).json()) as LogData;
    expect(second).toMatchObject({ page: 2, pages: 3 });
    expect(second.openings[0].at).toBe('2026-11-02T09:34:00.020Z');
  });

  it('past the last page shows the last; a page that is not a number shows the first', async () => {
    const past = (await (await log(parent, busyCaseId, '?page=40')).json()) as LogData;
    expect(past).toMatchObject({ page: 3, pages: 3 });
    expect(past.openings).toHaveLength(10);
    expect(past.openings.at(-1)?.at).toBe('2026-11-02T09:00:00.020Z');
    const junk = (await (await log(parent, busyCaseId, '?page=%27x')).json()) as LogData;
    expect(junk.page).toBe(1);
  });
});

describe("a member of staff's own access history", () => {
  it('lists the records they opened, with the case reference, newest first', async () => {
    const response = await history(caseworker);
    expect(response.status).toBe(200);
    const data = (await response.json()) as HistoryData;
    // The access page at the start and again in the link check above, and the notes in between.
    expect(data.total).toBe(3);
    expect(data.openings.map((o) => o.whatKey)).toEqual(['accessLog.what.case', 'accessLog.what.caseNotes', 'accessLog.what.case']);
    expect(data.openings.every((o) => o.caseId === caseId && o.reference?.startsWith('TST-'))).toBe(true);
  });

  it('is linked from the account page for staff only; families, advisers and professionals are refused it', async () => {
    const linked = async (user: User) => ((await (await settle(async () => accountLoader({ request: await requestAs(user, '/account'), params: {}, context: {} }))).json()) as { accessHistory: boolean }).accessHistory;
    expect(await linked(caseworker)).toBe(true);
    expect(await linked(manager)).toBe(true);
    expect(await linked(parent)).toBe(false);
    for (const person of [parent, advocate, professional]) expect((await history(person)).status).toBe(403);
  });

  it('an empty history says so', async () => {
    const data = (await (await history(otherLaManager)).json()) as HistoryData;
    expect(data).toMatchObject({ openings: [], total: 0, page: 1, pages: 1 });
  });
});
