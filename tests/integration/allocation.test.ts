import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as intakeAction, loader as intakeLoader } from '~/routes/intake';
import { action as changeAction, loader as changeLoader } from '~/routes/cases.$caseId.caseworker';
import { areaTeams, auditLog, cases, outboxEmails, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;
let parent: User, alex: User, blake: User, manager: User, foreignCaseworker: User;
let laId: string, northId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  laId = la.id;
  northId = team.id;
  const [south] = await db.insert(areaTeams).values({ laId, name: 'Zeta South' }).returning();
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  alex = await makeUser(db, 'caseworker', { laId, teamId: northId, name: 'Alex North', phone: '01632 960001' });
  blake = await makeUser(db, 'caseworker', { laId, teamId: south.id, name: 'Blake South', phone: '01632 960002' });
  manager = await makeUser(db, 'manager', { laId });
  const elsewhere = await makeLa(db, 'Elsewhere');
  foreignCaseworker = await makeUser(db, 'caseworker', { laId: elsewhere.la.id, teamId: elsewhere.team.id });
  for (let i = 0; i < 3; i++) await makeChildWithCase(db, { laId, teamId: northId, parentIds: [], caseworkerId: alex.id });
});

const post = (route: 'intake' | 'change', user: User, caseId: string, caseworkerId: string) =>
  settle(async () =>
    route === 'intake'
      ? intakeAction({ request: await requestAs(user, '/intake', { form: { caseId, caseworkerId } }), params: {}, context: {} })
      : changeAction({ request: await requestAs(user, `/cases/${caseId}/caseworker`, { form: { caseworkerId } }), params: { caseId }, context: {} }),
  );
const caseworkerOf = async (caseId: string) => (await db.select({ id: cases.caseworkerId }).from(cases).where(eq(cases.id, caseId)))[0].id;
const emailsTo = (userId: string, template: string) => db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, userId), eq(outboxEmails.template, template)));

describe('allocating a new request', () => {
  it('offers each caseworker with their open caseload, by team, and confirms with a link to the case', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: northId, parentIds: [parent.id] });
    const page = await (await settle(async () => intakeLoader({ request: await requestAs(alex, '/intake'), params: {}, context: {} }))).json();
    expect(page.caseworkers.map((c: { name: string; teamName: string; openCases: number }) => [c.name, c.teamName, c.openCases])).toEqual([
      ['Alex North', expect.stringMatching(/^Team /), 3],
      ['Blake South', 'Zeta South', 0],
    ]);
    const done = await post('intake', alex, caseRecord.id, blake.id);
    expect(done.headers.get('Location')).toBe(`/intake?allocated=${caseRecord.id}`);
    const confirmed = await (await settle(async () => intakeLoader({ request: await requestAs(alex, `/intake?allocated=${caseRecord.id}`), params: {}, context: {} }))).json();
    expect(confirmed.confirmation).toMatchObject({ id: caseRecord.id, caseworkerName: 'Blake South' });
    // Sent twice (a double click): still one allocation, one email.
    await post('intake', alex, caseRecord.id, blake.id);
    expect(await emailsTo(parent.id, 'caseworkerAllocated')).toHaveLength(1);
    // A caseworker cannot take it away from Blake through the intake form.
    const taken = await post('intake', alex, caseRecord.id, alex.id);
    expect(taken.status).toBe(400);
    expect((await taken.json()).errors).toEqual({ [`caseworkerId-${caseRecord.id}`]: 'errors.allocation.alreadyAllocated' });
    expect(await caseworkerOf(caseRecord.id)).toBe(blake.id);
    // Another council's caseworker is not a choice.
    expect((await post('intake', manager, (await makeChildWithCase(db, { laId, teamId: northId, parentIds: [] })).caseRecord.id, foreignCaseworker.id)).status).toBe(400);
  });
});

describe('a manager changes the caseworker', () => {
  it('reassigns, emails the family the new caseworker in place of the old one, and audits it', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: northId, parentIds: [parent.id], caseworkerId: alex.id });
    const page = await settle(async () => changeLoader({ request: await requestAs(manager, `/cases/${caseRecord.id}/caseworker`), params: { caseId: caseRecord.id }, context: {} }));
    expect(await page.json()).toMatchObject({ current: 'Alex North' });
    mail.clear();
    const done = await post('change', manager, caseRecord.id, blake.id);
    expect(done.headers.get('Location')).toBe(`/cases/${caseRecord.id}/caseworker?changed=1`);
    expect(await caseworkerOf(caseRecord.id)).toBe(blake.id);
    // The subject names no one; the body says who. (The earlier test's allocation email to the same
    // parent may still be on its way from the outbox: wait for this one by what it says.)
    const email = await mail.waitFor((m) => m.to.includes(parent.email) && m.subject === 'Your caseworker has changed');
    expect(email.text).toContain('Blake South is now the caseworker');
    expect(email.text).toContain('in place of Alex North');
    expect(email.text).toContain('01632 960002');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'reassign:case'), eq(auditLog.subjectId, caseRecord.id)));
    expect(audit).toMatchObject({ userId: manager.id, outcome: 'allowed' });
  });

  it('is a manager\'s call: a caseworker is refused, a parent and another council do not see the page', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: northId, parentIds: [parent.id], caseworkerId: alex.id });
    const as = async (user: User) => (await settle(async () => changeLoader({ request: await requestAs(user, `/cases/${caseRecord.id}/caseworker`), params: { caseId: caseRecord.id }, context: {} }))).status;
    expect(await as(alex)).toBe(403);
    expect(await as(parent)).toBe(404);
    expect(await as(foreignCaseworker)).toBe(404);
    expect((await post('change', alex, caseRecord.id, blake.id)).status).toBe(403);
    expect(await caseworkerOf(caseRecord.id)).toBe(alex.id);
  });
});
