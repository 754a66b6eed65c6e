import { and, eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadCaseSubject } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { action as childAction } from '~/routes/children.$childId';
import { youngPersonFrom } from '~/domain/timescales';
import { confirmConsent, grantConsent } from '~/features/advocates/index.server';
import { seedDemoData, sixteenThisSchoolYear } from '~/demo/demo-data.server';
import { adviceOrganisations, auditLog, capacityRecords, cases, children, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * The demo child who turns 16 this school year (Sami Hussain, seeded on a fixed date) passes to
 * his own control on the Saturday after the last Friday in June; his parent's access then
 * follows his choice, and a parent's advocate consent waits for his confirmation.
 */
const SEEDED_ON = new Date('2026-11-22T10:00:00Z');
let db: Database;
let parent: User, advocate: User, youngPerson: User;
let sami: typeof children.$inferSelect;
let caseId: string;
let lastDayAsChild: string, firstDayAsYoungPerson: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  await useMailSink();
  await seedDemoData(db, SEEDED_ON);
  [parent] = await db.select().from(users).where(eq(users.email, 'parent7@example.com'));
  [advocate] = await db.select().from(users).where(eq(users.email, 'advocate1@example.com'));
  [sami] = await db.select().from(children).where(eq(children.firstName, 'Sami'));
  [{ id: caseId }] = await db.select({ id: cases.id }).from(cases).where(eq(cases.childId, sami.id));
  firstDayAsYoungPerson = youngPersonFrom(sami.dateOfBirth);
  lastDayAsChild = '2027-06-25';
});

afterEach(() => vi.useRealTimers());

const parentMay = async (permission: 'read:case' | 'post:message', today: string) => decide(parent, permission, (await loadCaseSubject(caseId, today))!.subject);

describe('the seeded child who turns 16 this school year', () => {
  it('is born so that his 16th birthday is in the school year of the seed date', () => {
    expect(sami.dateOfBirth).toBe(sixteenThisSchoolYear(SEEDED_ON));
    expect(sami.dateOfBirth).toBe('2010-12-01');
    expect(firstDayAsYoungPerson).toBe('2027-06-26');
  });

  it('his parent acts for him up to the last Friday in June, and from the Saturday may only read until he joins', async () => {
    expect(await parentMay('post:message', lastDayAsChild)).toBe('allow');
    expect(await parentMay('post:message', firstDayAsYoungPerson)).toBe('forbidden');
    expect(await parentMay('read:case', firstDayAsYoungPerson)).toBe('allow');
  });

  it("the parent's advocate consent stops on that day until the young person confirms it", async () => {
    const [org] = await db.select().from(adviceOrganisations);
    await grantConsent(parent, sami, { adviceOrgId: org.id, advocateEmail: '', scope: 'act', expiresOn: '2027-12-31', formKey: crypto.randomUUID() }, SEEDED_ON);
    const advocateMay = async (today: string) => decide(advocate, 'post:message', (await loadCaseSubject(caseId, today))!.subject);
    expect(await advocateMay(lastDayAsChild)).toBe('allow');
    expect(await advocateMay(firstDayAsYoungPerson)).toBe('not_found');
  });

  it('on the day, the parent invites him; until he agrees, the parent is refused; his choice is recorded and followed', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(`${firstDayAsYoungPerson}T09:00:00Z`));
    const invited = await settle(async () =>
      childAction({ request: await requestAs(parent, `/children/${sami.id}`, { form: { intent: 'invite-young-person', email: 'sami@example.com' } }), params: { childId: sami.id }, context: {} }),
    );
    expect(invited.status).toBe(302);
    [youngPerson] = await db.select().from(users).where(eq(users.email, 'sami@example.com'));
    const openCase = async (user: User) => (await settle(async () => caseLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }))).status;
    expect(await openCase(youngPerson)).toBe(200);
    expect(await openCase(parent)).toBe(403);

    const choose = async (parentAccess: string) =>
      settle(async () =>
        childAction({ request: await requestAs(youngPerson, `/children/${sami.id}`, { form: { intent: 'parent-access', parentAccess } }), params: { childId: sami.id }, context: {} }),
      );
    expect((await choose('yes')).status).toBe(302);
    expect(await openCase(parent)).toBe(200);
    expect((await choose('no')).status).toBe(302);
    expect(await openCase(parent)).toBe(403);
    const choices = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.subjectId, sami.id), eq(auditLog.userId, youngPerson.id)));
    expect(choices.map((c) => c.action)).toEqual(expect.arrayContaining(['agree:parent_access', 'withdraw:parent_access']));
    // Only the young person makes that choice.
    const byParent = await settle(async () =>
      childAction({ request: await requestAs(parent, `/children/${sami.id}`, { form: { intent: 'parent-access', parentAccess: 'yes' } }), params: { childId: sami.id }, context: {} }),
    );
    expect(byParent.status).toBe(403);
  });

  it("the young person confirms the parent's consent and the advocate acts again", async () => {
    const [reloaded] = await db.select().from(children).where(eq(children.id, sami.id));
    const subject = async () => (await loadCaseSubject(caseId, firstDayAsYoungPerson))!.subject;
    const consentId = (await db.select().from(auditLog).where(eq(auditLog.action, 'grant:consent')))[0].details.consentId as string;
    expect(decide(advocate, 'post:message', await subject())).toBe('not_found');
    expect(await confirmConsent(youngPerson, reloaded, consentId)).toBe(true);
    expect(decide(advocate, 'post:message', await subject())).toBe('allow');
  });
});

describe('a young person who lacks capacity', () => {
  it('a parent records it (kept on record) and keeps acting for them; not once the young person has an account', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2027-07-01T09:00:00Z'));
    const [la] = await db.select().from(adviceOrganisations);
    const [{ teamId }] = await db.select({ teamId: cases.teamId }).from(cases).limit(1);
    const mum = await makeUser(db, 'parent');
    const { child, caseRecord } = await makeChildWithCase(db, { laId: la.laId, teamId, parentIds: [mum.id] });
    await db.update(children).set({ dateOfBirth: '2010-12-01' }).where(eq(children.id, child.id));
    const record = (form: Record<string, string>) =>
      settle(async () => childAction({ request: await requestAs(mum, `/children/${child.id}`, { form: { intent: 'lacks-capacity', ...form } }), params: { childId: child.id }, context: {} }));
    const refusedStart = await settle(async () => childAction({ request: await requestAs(mum, `/children/${child.id}`, { form: {} }), params: { childId: child.id }, context: {} }));
    expect(refusedStart.status).toBe(400);
    const missing = await record({ explanation: '' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toMatchObject({ explanation: 'errors.capacity.explanationRequired', confirm: 'errors.capacity.confirmRequired' });
    expect(decide(mum, 'post:message', (await loadCaseSubject(caseRecord.id, '2027-07-01'))!.subject)).toBe('forbidden');
    expect((await record({ explanation: 'Capacity assessment by Dr Lee, May 2027: cannot weigh up education decisions.', confirm: 'yes' })).status).toBe(302);
    expect(await db.select().from(capacityRecords).where(eq(capacityRecords.childId, child.id))).toHaveLength(1);
    expect(decide(mum, 'post:message', (await loadCaseSubject(caseRecord.id, '2027-07-01'))!.subject)).toBe('allow');
    // ...and may ask for an assessment for them, which a parent of a young person otherwise may not
    // (once the earlier case is closed: a child has one open request at a time).
    await db.update(cases).set({ stage: 'withdrawn' }).where(eq(cases.id, caseRecord.id));
    const started = await settle(async () => childAction({ request: await requestAs(mum, `/children/${child.id}`, { form: {} }), params: { childId: child.id }, context: {} }));
    expect(started.headers.get('Location')).toMatch(/^\/requests\//);
    await db.update(cases).set({ stage: 'request_received' }).where(eq(cases.id, caseRecord.id));
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'record:lacks_capacity'), eq(auditLog.subjectId, child.id)))).toHaveLength(1);

    // Capacity can change: the parent withdraws the record, saying why; decisions go back to the young person.
    const withdraw = (user: User, form: Record<string, string>) =>
      settle(async () => childAction({ request: await requestAs(user, `/children/${child.id}`, { form: { intent: 'withdraw-capacity', ...form } }), params: { childId: child.id }, context: {} }));
    const blank = await withdraw(mum, { reason: '  ' });
    expect(blank.status).toBe(400);
    expect((await blank.json()).errors).toEqual({ reason: 'errors.capacity.reasonRequired' });
    expect((await withdraw(await makeUser(db, 'parent'), { reason: 'Not mine to say' })).status).toBe(404);
    const reason = 'New assessment by Dr Lee, July 2027: can make these decisions with support.';
    const twice = await Promise.all([withdraw(mum, { reason }), withdraw(mum, { reason })]);
    expect(twice.map((r) => r.status)).toEqual([302, 302]);
    const [kept] = await db.select().from(capacityRecords).where(eq(capacityRecords.childId, child.id));
    expect(kept).toMatchObject({ withdrawnBy: mum.id, withdrawalReason: reason });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'withdraw:lacks_capacity'), eq(auditLog.subjectId, child.id)))).toHaveLength(1);
    expect(decide(mum, 'post:message', (await loadCaseSubject(caseRecord.id, '2027-07-01'))!.subject)).toBe('forbidden');

    // Once the young person has their own account (and shares with the parent), the choice is theirs.
    const own = await makeUser(db, 'young_person');
    await db.delete(capacityRecords).where(eq(capacityRecords.childId, child.id));
    await db.update(children).set({ youngPersonUserId: own.id, parentAccessAgreedAt: new Date() }).where(eq(children.id, child.id));
    const refused = await record({ explanation: 'Again.', confirm: 'yes' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ explanation: 'errors.capacity.youngPersonHasAccount' });
  });
});
