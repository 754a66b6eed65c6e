import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { advocateConsents, adviceOrganisations, auditLog, childParents, children, outboxEmails, rectificationRequests, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { subjectAccessDueOn } from '~/domain/subject-access';
import { todayInLondon } from '~/domain/timescales';
import { action as askAction, loader as askLoader } from '~/routes/children.$childId_.correction';
import { loader as yoursLoader } from '~/routes/account_.corrections.$correctionId';
import { loader as listLoader } from '~/routes/corrections';
import { action as decideAction, loader as decideLoader } from '~/routes/corrections_.$correctionId';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 19, item 4 (ADR 0038): a parent asks the council to correct their child's details; the
 * child's caseworker (or a manager) approves, and the record changes in the same transaction, or
 * refuses with a reason; the family is emailed; the history keeps the old value.
 */
let db: Database;
let parent: User, otherParent: User, caseworker: User, otherCaseworker: User, manager: User, otherManager: User, adviser: User;
let childId: string, otherChildId: string, laIdOf: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laIdOf = la.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  otherParent = await makeUser(db, 'parent', { name: 'Other Parent' });
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Casey Worker' });
  otherCaseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  manager = await makeUser(db, 'manager', { laId: la.id });
  otherManager = await makeUser(db, 'manager', { laId: elsewhere.la.id });
  const [org] = await db.insert(adviceOrganisations).values({ laId: la.id, name: `SENDIASS ${crypto.randomUUID()}` }).returning();
  adviser = await makeUser(db, 'advocate', { adviceOrgId: org.id });
  ({ child: { id: childId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
  ({ child: { id: otherChildId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [otherParent.id], caseworkerId: otherCaseworker.id }));
  await db.insert(advocateConsents).values({ childId, grantedBy: parent.id, adviceOrgId: org.id, scope: 'act', expiresOn: '2099-12-31', formKey: crypto.randomUUID() });
});

const ask = (user: User, child: string, form: Record<string, string>) =>
  settle(async () => askAction({ request: await requestAs(user, `/children/${child}/correction`, { form }), params: { childId: child }, context: {} }));

/** The form as the page fills it (the details held), with `change` made. */
function correctionForm(change: Record<string, string>) {
  return { firstName: 'Sam', lastName: '', 'dateOfBirth-day': '4', 'dateOfBirth-month': '5', 'dateOfBirth-year': '2016', school: '', reason: 'His birth certificate says so', formKey: crypto.randomUUID(), ...change };
}

async function heldLastName(id: string) {
  const [child] = await db.select().from(children).where(eq(children.id, id));
  return child;
}

describe('asking for a correction', () => {
  it('a parent asks; the same form twice records one request, due one calendar month on; the caseworker is emailed', async () => {
    const { lastName } = await heldLastName(childId);
    const page = await settle(async () => askLoader({ request: await requestAs(parent, `/children/${childId}/correction`), params: { childId }, context: {} }));
    expect(page.status).toBe(200);
    const form = correctionForm({ lastName, 'dateOfBirth-day': '14', 'dateOfBirth-month': '5' });
    const first = await ask(parent, childId, form);
    expect(first.status).toBe(302);
    const second = await ask(parent, childId, form);
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const rows = await db.select().from(rectificationRequests).where(eq(rectificationRequests.childId, childId));
    expect(rows).toHaveLength(1);
    expect(first.headers.get('Location')).toBe(`/account/corrections/${rows[0].id}?asked=1`);
    expect(rows[0]).toMatchObject({ status: 'pending', changes: [{ field: 'dateOfBirth', from: '2016-05-04', to: '2016-05-14' }], reason: 'His birth certificate says so' });
    expect(rows[0].dueOn).toBe(subjectAccessDueOn(todayInLondon()));
    const emails = await db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, caseworker.id), eq(outboxEmails.template, 'rectificationAsked')));
    expect(emails).toHaveLength(1);
  });

  it('bad input comes back with errors by the field and what was typed; the same details are no correction', async () => {
    const { lastName } = await heldLastName(childId);
    const bad = await ask(parent, childId, correctionForm({ lastName, 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', reason: '' }));
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors).toEqual({ dateOfBirth: 'errors.date.invalid', reason: 'errors.rectification.reason' });
    expect(body.values['dateOfBirth-day']).toBe('31');
    const future = await ask(parent, childId, correctionForm({ lastName, 'dateOfBirth-year': String(Number(todayInLondon().slice(0, 4)) + 1) }));
    expect((await future.json()).errors).toEqual({ dateOfBirth: 'errors.rectification.dateOfBirthFuture' });
    const same = await ask(parent, childId, correctionForm({ lastName: ` ${lastName} ` }));
    expect(same.status).toBe(400);
    expect((await same.json()).errors).toEqual({ details: 'errors.rectification.noChange' });
  });

  it('a young person asks about themself; their parent, not shared with, may not', async () => {
    const youngPerson = await makeUser(db, 'young_person', { name: 'Yan Young' });
    const [teen] = await db.insert(children).values({ laId: laIdOf, firstName: 'Yan', lastName: 'Young', dateOfBirth: `${Number(todayInLondon().slice(0, 4)) - 18}-01-10`, youngPersonUserId: youngPerson.id }).returning();
    await db.insert(childParents).values({ childId: teen.id, userId: parent.id });
    const page = await settle(async () => askLoader({ request: await requestAs(youngPerson, `/children/${teen.id}/correction`), params: { childId: teen.id }, context: {} }));
    expect(page.status).toBe(200);
    expect((await page.json()).own).toBe(true);
    expect((await ask(youngPerson, teen.id, correctionForm({ firstName: 'Yann', lastName: 'Young', 'dateOfBirth-day': '10', 'dateOfBirth-month': '1', 'dateOfBirth-year': teen.dateOfBirth.slice(0, 4) }))).status).toBe(302);
    expect((await ask(parent, teen.id, correctionForm({ firstName: 'Yanek', lastName: 'Young' }))).status).toBe(403);
  });

  it('another family’s child does not exist; an adviser, even one who may act, may not ask; staff may not', async () => {
    expect((await ask(parent, otherChildId, correctionForm({ lastName: 'X' }))).status).toBe(404);
    expect((await ask(adviser, childId, correctionForm({ lastName: 'X' }))).status).toBe(403);
    expect((await ask(caseworker, childId, correctionForm({ lastName: 'X' }))).status).toBe(403);
  });
});

describe('deciding a correction', () => {
  const list = async (user: User) => (await (await settle(async () => listLoader({ request: await requestAs(user, '/corrections'), params: {}, context: {} }))).json()) as { entries: { id: string; childName: string }[] };
  const decide = (user: User, id: string, form: Record<string, string>) =>
    settle(async () => decideAction({ request: await requestAs(user, `/corrections/${id}`, { form }), params: { correctionId: id }, context: {} }));
  const open = (user: User, id: string) => settle(async () => decideLoader({ request: await requestAs(user, `/corrections/${id}`), params: { correctionId: id }, context: {} }));

  it('the child’s caseworker and the council’s managers see it; another caseworker and another council do not', async () => {
    const [row] = await db.select().from(rectificationRequests).where(eq(rectificationRequests.childId, childId));
    expect((await list(caseworker)).entries.map((e) => e.id)).toEqual([row.id]);
    expect((await list(manager)).entries.map((e) => e.id)).toContain(row.id);
    expect((await list(otherCaseworker)).entries).toEqual([]);
    expect((await list(otherManager)).entries).toEqual([]);
    expect((await open(otherCaseworker, row.id)).status).toBe(403);
    expect((await open(otherManager, row.id)).status).toBe(404);
    expect((await open(parent, row.id)).status).toBe(404);
    const page = await (await open(caseworker, row.id)).json();
    expect(page.held.dateOfBirth).toBe('2016-05-04');
    expect(page.request.changes[0].to).toBe('2016-05-14');
  });

  it('approving corrects the record in the same step, keeps the old value, emails the family; a second decision changes nothing', async () => {
    const [row] = await db.select().from(rectificationRequests).where(eq(rectificationRequests.childId, childId));
    const missing = await decide(caseworker, row.id, {});
    expect((await missing.json()).errors).toEqual({ decision: 'errors.rectification.decision' });
    expect((await decide(caseworker, row.id, { decision: 'approve' })).status).toBe(302);
    expect((await decide(manager, row.id, { decision: 'refuse', reasons: 'Too late' })).status).toBe(302);
    expect((await heldLastName(childId)).dateOfBirth).toBe('2016-05-14');
    const [decided] = await db.select().from(rectificationRequests).where(eq(rectificationRequests.id, row.id));
    expect(decided).toMatchObject({ status: 'approved', decidedBy: caseworker.id, refusalReason: null, changes: [{ field: 'dateOfBirth', from: '2016-05-04', to: '2016-05-14' }] });
    const emails = await db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, parent.id), eq(outboxEmails.template, 'rectificationApproved')));
    expect(emails).toHaveLength(1);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'approve:rectification'), eq(auditLog.subjectId, row.id)))).toHaveLength(1);
    const page = await (await open(manager, row.id)).json();
    expect(page.history).toEqual([expect.objectContaining({ id: row.id, status: 'approved', requesterName: 'Pat Parent', deciderName: 'Casey Worker', reason: 'His birth certificate says so' })]);
    const yours = await settle(async () => yoursLoader({ request: await requestAs(parent, `/account/corrections/${row.id}`), params: { correctionId: row.id }, context: {} }));
    expect((await yours.json()).decision.by).toBe('Casey Worker');
    const notYours = await settle(async () => yoursLoader({ request: await requestAs(otherParent, `/account/corrections/${row.id}`), params: { correctionId: row.id }, context: {} }));
    expect(notYours.status).toBe(404);
  });

  it('refusing needs a reason the family reads, and leaves the record as it was', async () => {
    const before = await heldLastName(childId);
    const asked = await ask(parent, childId, correctionForm({ 'dateOfBirth-day': '14', lastName: 'Smyth' }));
    const id = asked.headers.get('Location')!.split('/')[3].split('?')[0];
    const noReason = await decide(manager, id, { decision: 'refuse', reasons: '  ' });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors).toEqual({ reasons: 'errors.rectification.refusalReason' });
    expect((await decide(manager, id, { decision: 'refuse', reasons: 'Our records match the birth certificate we were shown.\nSee our letter.' })).status).toBe(302);
    expect((await heldLastName(childId)).lastName).toBe(before.lastName);
    const yours = await (await settle(async () => yoursLoader({ request: await requestAs(parent, `/account/corrections/${id}`), params: { correctionId: id }, context: {} }))).json();
    expect(yours.request).toMatchObject({ status: 'refused', refusalReason: 'Our records match the birth certificate we were shown.\nSee our letter.' });
    const emails = await db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, parent.id), eq(outboxEmails.template, 'rectificationRefused')));
    expect(emails).toHaveLength(1);
  });
});

describe('the list of corrections', () => {
  it('goes a page at a time, those waiting first, soonest due first', async () => {
    const due = (n: number) => `2030-01-${String(n + 1).padStart(2, '0')}`;
    for (let n = 0; n < 26; n += 1) {
      await db.insert(rectificationRequests).values({ laId: laIdOf, childId: otherChildId, requesterId: otherParent.id, receivedOn: '2029-12-01', dueOn: due(n), changes: [{ field: 'school', from: null, to: `School ${n}` }], reason: 'Wrong school', formKey: crypto.randomUUID() });
    }
    const pageOf = async (page: number) => (await (await settle(async () => listLoader({ request: await requestAs(manager, `/corrections?page=${page}`), params: {}, context: {} }))).json()) as { entries: { dueOn: string; status: string }[]; page: number; pages: number };
    const first = await pageOf(1);
    expect(first.entries).toHaveLength(25);
    expect(first.pages).toBe(2);
    const second = await pageOf(2);
    const all = [...first.entries, ...second.entries];
    const waiting = all.filter((e) => e.status === 'pending').map((e) => e.dueOn);
    expect(waiting).toEqual([...waiting].sort());
    expect(all.findIndex((e) => e.status !== 'pending')).toBeGreaterThan(waiting.length - 1);
    // A page past the end shows the last.
    expect((await pageOf(9)).page).toBe(2);
  });
});
