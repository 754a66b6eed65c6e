import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as newAction, loader as newLoader } from '~/routes/cases.$caseId.complaints_.new';
import { action as viewAction, loader as viewLoader } from '~/routes/cases.$caseId.complaints_.$complaintId';
import { action as respondAction } from '~/routes/cases.$caseId.complaints_.$complaintId_.respond';
import { action as escalateAction, loader as escalateLoader } from '~/routes/cases.$caseId.complaints_.$complaintId_.escalate';
import { loader as caseListLoader } from '~/routes/cases.$caseId.complaints';
import { loader as councilListLoader } from '~/routes/complaints';
import { loader as casePageLoader } from '~/routes/cases.$caseId._index';
import { action as timesAction, loader as timesLoader } from '~/routes/admin.complaints';
import { complaintFigures as figuresInSql, councilComplaints, lateComplaintCount } from '~/features/complaints/index.server';
import { complaintFigures as figuresInCode, stage1Deadlines, stage2Deadlines, DEFAULT_COMPLAINT_TIMES, type ComplaintFacts } from '~/domain/complaints';
import { addDays, todayInLondon } from '~/domain/timescales';
import { adviceOrganisations, adviceRequests, advocateConsents, auditLog, caseEvents, complaints, outboxEmails, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 16, item 4 (ADR 0050): a family complains; staff acknowledge and respond; the family
 * escalates; staff respond at stage 2. Creation is idempotent, due dates are stored from the
 * council's own times, other councils and advisers without consent see nothing, and the late
 * list and figures are queries over the stored dates.
 */
let db: Database;
let laId: string, teamId: string;
let parent: User, otherParent: User, caseworker: User, teammate: User, manager: User, admin: User, otherCaseworker: User, otherManager: User, actingAdvocate: User, viewingAdvocate: User;
let caseId: string;
const today = todayInLondon();

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  parent = await makeUser(db, 'parent', { name: 'Sean Murphy' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
  teammate = await makeUser(db, 'caseworker', { laId, teamId });
  manager = await makeUser(db, 'manager', { laId });
  admin = await makeUser(db, 'la_admin', { laId });
  otherCaseworker = await makeUser(db, 'caseworker', { laId: elsewhere.la.id, teamId: elsewhere.team.id });
  otherManager = await makeUser(db, 'manager', { laId: elsewhere.la.id });
  const made = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id });
  caseId = made.caseRecord.id;
  const [org] = await db.insert(adviceOrganisations).values({ laId, name: 'Complaints SENDIASS' }).returning();
  actingAdvocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
  viewingAdvocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
  await db.insert(advocateConsents).values([
    { childId: made.child.id, grantedBy: parent.id, adviceOrgId: org.id, advocateUserId: actingAdvocate.id, scope: 'act', expiresOn: addDays(today, 365), formKey: crypto.randomUUID() },
    { childId: made.child.id, grantedBy: parent.id, adviceOrgId: org.id, advocateUserId: viewingAdvocate.id, scope: 'view', expiresOn: addDays(today, 365), formKey: crypto.randomUUID() },
  ]);
});

const make = (user: User, form: Record<string, string>) => settle(async () => newAction({ request: await requestAs(user, `/cases/${caseId}/complaints/new`, { form }), params: { caseId }, context: {} }));
const view = (user: User, complaintId: string) => settle(async () => viewLoader({ request: await requestAs(user, `/cases/${caseId}/complaints/${complaintId}`), params: { caseId, complaintId }, context: {} }));
const act = (user: User, complaintId: string, intent: string) =>
  settle(async () => viewAction({ request: await requestAs(user, `/cases/${caseId}/complaints/${complaintId}`, { form: { intent } }), params: { caseId, complaintId }, context: {} }));
const respond = (user: User, complaintId: string, form: Record<string, string>) =>
  settle(async () => respondAction({ request: await requestAs(user, `/cases/${caseId}/complaints/${complaintId}/respond`, { form }), params: { caseId, complaintId }, context: {} }));
const escalate = (user: User, complaintId: string, form: Record<string, string>) =>
  settle(async () => escalateAction({ request: await requestAs(user, `/cases/${caseId}/complaints/${complaintId}/escalate`, { form }), params: { caseId, complaintId }, context: {} }));
const idFrom = (response: Response) => /complaints\/([0-9a-f-]{36})/.exec(response.headers.get('Location') ?? '')?.[1] ?? '';

const emailsTo = (user: User) => db.select().from(outboxEmails).where(eq(outboxEmails.recipientId, user.id));

describe('a complaint from the family, to the end of stage 2', () => {
  let complaintId: string;

  it('a double submit makes one complaint, with its reference and stored due dates; the family and the caseworker are emailed', async () => {
    const form = { about: 'Nobody answered my messages for a month.', putRight: 'An apology and a named contact.', formKey: crypto.randomUUID() };
    const first = await make(parent, form);
    const second = await make(parent, form);
    expect(first.status).toBe(302);
    complaintId = idFrom(first);
    expect(idFrom(second)).toBe(complaintId);
    const rows = await db.select().from(complaints).where(eq(complaints.caseId, caseId));
    expect(rows).toHaveLength(1);
    const due = stage1Deadlines(today, DEFAULT_COMPLAINT_TIMES);
    expect(rows[0]).toMatchObject({ laId, number: 1, channel: 'portal', madeBy: parent.id, status: 'received', stage: 1, receivedOn: today, acknowledgeBy: due.acknowledgeBy, stage1DueBy: due.respondBy });
    expect(rows[0].reference).toMatch(/-C1$/);
    const toParent = await emailsTo(parent);
    expect(toParent.map((e) => e.template)).toEqual(['complaintReceived']);
    expect((await emailsTo(caseworker)).map((e) => e.template)).toEqual(['complaintForStaff']);
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'complaint_received')));
    expect(events).toHaveLength(1);
  });

  it('an empty complaint is refused by field, what was typed kept', async () => {
    const response = await make(parent, { about: '  ', putRight: 'Something', formKey: crypto.randomUUID() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { about: 'errors.complaints.aboutRequired' }, values: { putRight: 'Something' } });
  });

  it('another caseworker of the council may read it but not act; the family may not acknowledge', async () => {
    expect((await view(teammate, complaintId)).status).toBe(200);
    expect((await act(teammate, complaintId, 'acknowledge')).status).toBe(403);
    expect((await act(parent, complaintId, 'acknowledge')).status).toBe(403);
  });

  it('the caseworker acknowledges (twice pressed: once) and responds at stage 1; the family may escalate until the stored date', async () => {
    expect((await act(caseworker, complaintId, 'acknowledge')).status).toBe(302);
    expect((await act(caseworker, complaintId, 'acknowledge')).status).toBe(302);
    const missing = await respond(caseworker, complaintId, { stage: '1', letter: '' });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual({ outcome: 'errors.complaints.outcomeRequired', letter: 'errors.complaints.letterRequired' });
    const form = { stage: '1', outcome: 'partly_upheld', letter: 'We are sorry our replies were slow.' };
    expect((await respond(caseworker, complaintId, form)).status).toBe(302);
    expect((await respond(caseworker, complaintId, form)).status).toBe(302);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({ status: 'responded', acknowledgedOn: today, stage1Outcome: 'partly_upheld', stage1RespondedOn: today, stage1RespondedBy: caseworker.id });
    expect(row.escalateBy).not.toBeNull();
    expect((await emailsTo(parent)).map((e) => e.template).sort()).toEqual(['complaintAcknowledged', 'complaintReceived', 'complaintResponded']);
    const page = await (await view(parent, complaintId)).json();
    expect(page.mayEscalate).toBe(true);
  });

  it('an adviser who may only view cannot escalate; the parent escalates with reasons, and stage 2 dates are stored', async () => {
    expect((await settle(async () => escalateLoader({ request: await requestAs(viewingAdvocate, `/cases/${caseId}/complaints/${complaintId}/escalate`), params: { caseId, complaintId }, context: {} }))).status).toBe(403);
    const empty = await escalate(parent, complaintId, { reason: '' });
    expect(await empty.json()).toMatchObject({ errors: { reason: 'errors.complaints.reasonRequired' } });
    expect((await escalate(parent, complaintId, { reason: 'The apology does not say what will change.' })).status).toBe(302);
    expect((await escalate(parent, complaintId, { reason: 'Again' })).status).toBe(302);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({ status: 'escalated', stage: 2, escalatedOn: today, escalationReason: 'The apology does not say what will change.', stage2DueBy: stage2Deadlines(today, DEFAULT_COMPLAINT_TIMES).respondBy });
    expect((await emailsTo(manager)).map((e) => e.template)).toEqual(['complaintEscalatedForStaff']);
  });

  it('a manager responds at stage 2: closed, and the family sees the final letter (the page shows the Ombudsman)', async () => {
    expect((await respond(manager, complaintId, { stage: '2', outcome: 'upheld', letter: 'You are right. From now on you will have a named contact.' })).status).toBe(302);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, complaintId));
    expect(row).toMatchObject({ status: 'closed', stage2Outcome: 'upheld', stage2RespondedOn: today, closedOn: today });
    const page = await (await view(parent, complaintId)).json();
    expect(page.complaint.stage2Letter).toContain('named contact');
    expect(page.mayEscalate).toBe(false);
    expect((await emailsTo(parent)).some((e) => e.template === 'complaintFinalResponse')).toBe(true);
    // Each step's own row names the complaint (the guard's rows, one per page opened, do not).
    const rows = await db.select({ action: auditLog.action, details: auditLog.details }).from(auditLog).where(and(eq(auditLog.subjectId, caseId), inArray(auditLog.action, ['make:complaint', 'acknowledge:complaint', 'respond:complaint', 'escalate:complaint'])));
    const audited = rows.filter((r) => (r.details as Record<string, unknown>).complaintId === complaintId);
    expect(audited.map((a) => a.action).sort()).toEqual(['acknowledge:complaint', 'escalate:complaint', 'make:complaint', 'respond:complaint', 'respond:complaint']);
  });
});

describe('who may complain and who may see', () => {
  it('an adviser acting for the family may complain; one who may only view may not', async () => {
    expect((await settle(async () => newLoader({ request: await requestAs(actingAdvocate, `/cases/${caseId}/complaints/new`), params: { caseId }, context: {} }))).status).toBe(200);
    expect((await settle(async () => newLoader({ request: await requestAs(viewingAdvocate, `/cases/${caseId}/complaints/new`), params: { caseId }, context: {} }))).status).toBe(403);
  });

  it("the case page's timeline shows the complaint's steps to the family, never to a professional asked for advice", async () => {
    const ep = await makeUser(db, 'professional', { professionalKind: 'educational_psychologist' });
    await db.insert(adviceRequests).values({ caseId, laId, professionalId: ep.id, kind: 'educational_psychologist', requestedBy: caseworker.id, requestedOn: today, dueBy: addDays(today, 42), formKey: crypto.randomUUID() });
    const timelineKinds = async (user: User) => {
      const response = await settle(async () => casePageLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }));
      expect(response.status).toBe(200);
      const page = (await response.json()) as { progress: { timeline: { kind: string }[] } };
      return page.progress.timeline.map((entry) => entry.kind);
    };
    const familySees = await timelineKinds(parent);
    expect(familySees).toContain('complaint_received');
    expect(await timelineKinds(ep)).toEqual(familySees.filter((kind) => !kind.startsWith('complaint_')));
  });

  it("another council's staff and another family get 404 on the case's complaints; another council's manager does not see them in their list", async () => {
    const [one] = await db.select().from(complaints).where(eq(complaints.caseId, caseId));
    for (const outsider of [otherCaseworker, otherManager, otherParent]) {
      expect((await settle(async () => caseListLoader({ request: await requestAs(outsider, `/cases/${caseId}/complaints`), params: { caseId }, context: {} }))).status).toBe(404);
      expect((await view(outsider, one.id)).status).toBe(404);
    }
    expect((await act(otherManager, one.id, 'acknowledge')).status).toBe(404);
    const theirs = await (await settle(async () => councilListLoader({ request: await requestAs(otherManager, '/complaints?show=all'), params: {}, context: {} }))).json();
    expect(theirs.list.total).toBe(0);
    // Caseworkers do not see the council's list: it is the managers'.
    expect((await settle(async () => councilListLoader({ request: await requestAs(caseworker, '/complaints'), params: {}, context: {} }))).status).toBe(403);
  });

  it("a complaint id of another case is a 404 on this case's pages", async () => {
    const other = await makeChildWithCase(db, { laId, teamId, parentIds: [otherParent.id], caseworkerId: caseworker.id });
    const response = await settle(async () => newAction({ request: await requestAs(otherParent, `/cases/${other.caseRecord.id}/complaints/new`, { form: { about: 'Elsewhere', putRight: 'Fix it', formKey: crypto.randomUUID() } }), params: { caseId: other.caseRecord.id }, context: {} }));
    expect((await view(parent, idFrom(response))).status).toBe(404);
  });
});

describe('staff record a complaint from a call or a letter', () => {
  it('the date it arrived sets the due dates; a date in the future is refused', async () => {
    const base = { complainantName: 'Sean Murphy', channel: 'phone', about: 'Rang to complain about the meeting.', putRight: 'Rearrange it', formKey: crypto.randomUUID() };
    const future = addDays(today, 3).split('-');
    const refused = await make(caseworker, { ...base, 'receivedOn-day': future[2], 'receivedOn-month': future[1], 'receivedOn-year': future[0] });
    expect(await refused.json()).toMatchObject({ errors: { receivedOn: 'errors.complaints.receivedInFuture' }, values: { complainantName: 'Sean Murphy' } });
    const arrived = addDays(today, -30);
    const [y, m, d] = arrived.split('-');
    const recorded = await make(caseworker, { ...base, 'receivedOn-day': d, 'receivedOn-month': m, 'receivedOn-year': y });
    expect(recorded.status).toBe(302);
    const [row] = await db.select().from(complaints).where(eq(complaints.id, idFrom(recorded)));
    expect(row).toMatchObject({ channel: 'phone', madeBy: null, recordedBy: caseworker.id, complainantName: 'Sean Murphy', receivedOn: arrived, stage1DueBy: stage1Deadlines(arrived, DEFAULT_COMPLAINT_TIMES).respondBy });
  });
});

describe("the council's times, list and figures", () => {
  it('the LA admin sets the times, with errors by field; new complaints use them', async () => {
    const bad = await settle(async () => timesAction({ request: await requestAs(admin, '/admin/complaints', { form: { acknowledgeDays: 'three', stage1Days: '10', stage2Days: '5' } }), params: {}, context: {} }));
    expect(await bad.json()).toMatchObject({ errors: { acknowledgeDays: 'errors.complaintTimes.acknowledgeDaysWhole', stage2Days: 'errors.complaintTimes.stage2DaysTooShort' }, values: { acknowledgeDays: 'three' } });
    expect((await settle(async () => timesLoader({ request: await requestAs(manager, '/admin/complaints'), params: {}, context: {} }))).status).toBe(403);
    expect((await settle(async () => timesAction({ request: await requestAs(admin, '/admin/complaints', { form: { acknowledgeDays: '2', stage1Days: '15', stage2Days: '25' } }), params: {}, context: {} }))).status).toBe(302);
    const made = await make(parent, { about: 'Another thing', putRight: 'Fix it', formKey: crypto.randomUUID() });
    const [row] = await db.select().from(complaints).where(eq(complaints.id, idFrom(made)));
    expect(row.stage1DueBy).toBe(stage1Deadlines(today, { acknowledgeDays: 2, stage1Days: 15, stage2Days: 25 }).respondBy);
  });

  it('the late list goes past 200 rows in pages, flags late ones, and the SQL figures agree with the pure counts', async () => {
    const [{ id: anyCase }] = [{ id: caseId }];
    const rows = Array.from({ length: 230 }, (_, i) => {
      const receivedOn = addDays(today, -(i % 60) - 1);
      const due = stage1Deadlines(receivedOn, DEFAULT_COMPLAINT_TIMES);
      const answered = i % 3 === 0;
      return {
        laId,
        caseId: anyCase,
        reference: `BULK-C${100 + i}`,
        number: 100 + i,
        channel: 'letter' as const,
        complainantName: 'Bulk',
        about: 'x',
        putRight: 'y',
        status: answered ? ('responded' as const) : ('received' as const),
        receivedOn,
        acknowledgeBy: due.acknowledgeBy,
        stage1DueBy: due.respondBy,
        stage1RespondedOn: answered ? addDays(receivedOn, i % 2 === 0 ? 2 : 20) : null,
        stage1Outcome: answered ? ('not_upheld' as const) : null,
        formKey: crypto.randomUUID(),
      };
    });
    await db.insert(complaints).values(rows);
    const late = await lateComplaintCount(laId);
    const all = await db.select().from(complaints).where(eq(complaints.laId, laId));
    const expectedLate = all.filter((c) => ['received', 'acknowledged', 'escalated'].includes(c.status) && ((c.stage === 2 ? c.stage2DueBy : c.stage1DueBy) ?? '9999') < today).length;
    expect(late).toBe(expectedLate);
    expect(late).toBeGreaterThan(25);
    const firstPage = await councilComplaints(laId, { show: 'late', stage: null, teamId: null, page: 1 });
    expect(firstPage.total).toBe(late);
    expect(firstPage.rows).toHaveLength(25);
    expect(firstPage.rows.every((r) => r.late)).toBe(true);
    const everything = await councilComplaints(laId, { show: 'all', stage: null, teamId: null, page: 10 });
    expect(everything.total).toBeGreaterThan(200);
    expect(everything.page).toBe(10);
    const period = { from: addDays(today, -40), to: today };
    const facts: ComplaintFacts[] = all.map((c) => ({ status: c.status, receivedOn: c.receivedOn, stage1DueBy: c.stage1DueBy, stage1RespondedOn: c.stage1RespondedOn, stage1Outcome: c.stage1Outcome, escalatedOn: c.escalatedOn, stage2DueBy: c.stage2DueBy, stage2RespondedOn: c.stage2RespondedOn, stage2Outcome: c.stage2Outcome }));
    const inSql = await figuresInSql(laId, period);
    expect(inSql).toEqual(figuresInCode(facts, period, today));
    expect(inSql.stage1.respondedLate).toBeGreaterThan(0);
    expect(inSql.stage1.outstandingLate).toBe(late - all.filter((c) => c.stage === 2 && c.status !== 'closed' && !c.stage2RespondedOn && (c.stage2DueBy ?? '9999') < today).length);
    // One team's figures: this council has one team, so the same.
    expect(await figuresInSql(laId, period, teamId)).toEqual(inSql);
    const page = await (await settle(async () => councilListLoader({ request: await requestAs(manager, '/complaints?show=late&stage=1'), params: {}, context: {} }))).json();
    expect(page.list.lateNow).toBe(late);
  });
});
