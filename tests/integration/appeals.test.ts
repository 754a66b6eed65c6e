import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as overviewLoader } from '~/routes/cases.$caseId.appeals';
import { action as mediationAction, loader as mediationLoader } from '~/routes/cases.$caseId.appeals_.mediation';
import { action as newAppealAction } from '~/routes/cases.$caseId.appeals_.new';
import { action as manageAction, loader as manageLoader } from '~/routes/cases.$caseId.appeals_.$appealId';
import { loader as ordersLoader } from '~/routes/appeals';
import { appealFigures, disputesByCase } from '~/features/appeals/index.server';
import { renderEmail, type TemplateParams } from '~/mail/templates.server';
import { addDays, todayInLondon } from '~/domain/timescales';
import { appealDeadline } from '~/domain/timescales';
import { caseEvents, mediations, outboxEmails, tribunalAppeals, tribunalOrders, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 16, item 5 (ADR 0051): staff record a mediation certificate (the last day to appeal
 * stored, from the existing rule) and a Tribunal appeal with its hearing, outcome and orders
 * (each with its compliance date stored); the family reads it all and is emailed an order; a
 * double submit stores one row; another council's or family's record is not there.
 */
let db: Database;
let parent: User, otherParent: User, caseworker: User, manager: User, otherCaseworker: User, otherManager: User;
let caseId: string, otherCaseId: string, laId: string, teamId: string;
const today = todayInLondon();

const date = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-');
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y };
};

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  parent = await makeUser(db, 'parent', { name: 'Chloe Taylor' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  manager = await makeUser(db, 'manager', { laId: la.id });
  otherCaseworker = await makeUser(db, 'caseworker', { laId: elsewhere.la.id, teamId: elsewhere.team.id });
  otherManager = await makeUser(db, 'manager', { laId: elsewhere.la.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'assessment_refused' }));
  ({ caseRecord: { id: otherCaseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [otherParent.id], caseworkerId: caseworker.id }));
});

const post = (user: User, path: string, action: typeof mediationAction, params: Record<string, string>, form: Record<string, string>) =>
  settle(async () => action({ request: await requestAs(user, path, { form }), params, context: {} }));
const recordMediation = (user: User, form: Record<string, string>, id = caseId) => post(user, `/cases/${id}/appeals/mediation`, mediationAction, { caseId: id }, form);
const recordAppeal = (user: User, form: Record<string, string>, id = caseId) => post(user, `/cases/${id}/appeals/new`, newAppealAction, { caseId: id }, form);
const manage = (user: User, appealId: string, form: Record<string, string>) => post(user, `/cases/${caseId}/appeals/${appealId}`, manageAction, { caseId, appealId }, form);
const overview = async (user: User, id = caseId) => settle(async () => overviewLoader({ request: await requestAs(user, `/cases/${id}/appeals`), params: { caseId: id }, context: {} }));

const decisionSent = addDays(today, -40);
const contacted = addDays(today, -30);
const certificate = addDays(today, -20);
const mediationForm = (formKey: string) => ({ decision: 'refuse_assessment', ...date('decisionSentOn', decisionSent), ...date('adviserContactedOn', contacted), ...date('certificateIssuedOn', certificate), certificateKind: 'held', outcome: 'not_agreed', formKey });

describe('a mediation certificate', () => {
  it('is stored once however often the form is sent, with the last day to appeal from the existing rule', async () => {
    const formKey = crypto.randomUUID();
    for (let i = 0; i < 2; i++) expect((await recordMediation(caseworker, mediationForm(formKey))).status).toBe(302);
    const rows = await db.select().from(mediations).where(eq(mediations.caseId, caseId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ laId, certificateKind: 'held', outcome: 'not_agreed', appealDeadline: appealDeadline(decisionSent, certificate) });
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'mediation_recorded')));
    expect(events).toHaveLength(1);
  });

  it('answers a bad date with its error next to the field, keeping everything typed', async () => {
    const form = { ...mediationForm(crypto.randomUUID()), 'certificateIssuedOn-day': '31', 'certificateIssuedOn-month': '2' };
    const response = await recordMediation(caseworker, form);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ certificateIssuedOn: 'errors.date.invalid' });
    expect(body.values).toMatchObject({ 'certificateIssuedOn-day': '31', outcome: 'not_agreed', decision: 'refuse_assessment' });
  });

  it('checks the dates follow one another and the outcome of mediation held', async () => {
    const form = { ...mediationForm(crypto.randomUUID()), ...date('certificateIssuedOn', addDays(contacted, -1)), outcome: '' };
    const body = await (await recordMediation(caseworker, form)).json();
    expect(body.errors).toEqual({ certificateIssuedOn: 'errors.appeals.certificateBeforeContact', outcome: 'errors.appeals.mediationOutcomeRequired' });
  });

  it('is the council’s to record: a parent is refused, another council is told there is no such case', async () => {
    expect((await recordMediation(parent, mediationForm(crypto.randomUUID()))).status).toBe(403);
    expect((await recordMediation(otherCaseworker, mediationForm(crypto.randomUUID()))).status).toBe(404);
    expect((await settle(async () => mediationLoader({ request: await requestAs(otherManager, `/cases/${caseId}/appeals/mediation`), params: { caseId }, context: {} }))).status).toBe(404);
  });
});

describe('a Tribunal appeal', () => {
  let appealId: string;
  const registeredOn = addDays(today, -15);
  const hearingOn = addDays(today, 30);

  it('is registered once per Tribunal reference, with its hearing date', async () => {
    const form = { decision: 'refuse_assessment', tribunalReference: 'eh123/26/00042', ...date('registeredOn', registeredOn), ...date('hearingOn', hearingOn) };
    for (let i = 0; i < 2; i++) expect((await recordAppeal(caseworker, form)).status).toBe(302);
    const rows = await db.select().from(tribunalAppeals).where(eq(tribunalAppeals.caseId, caseId));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ laId, tribunalReference: 'EH123/26/00042', status: 'hearing_listed', hearingOn, registeredOn });
    appealId = rows[0].id;
    // The same reference on another case of the council is another appeal's: refused next to the field.
    const taken = await (await recordAppeal(caseworker, form, otherCaseId)).json();
    expect(taken.errors).toEqual({ tribunalReference: 'errors.appeals.referenceTaken' });
  });

  it('another council cannot open it, nor the family manage it', async () => {
    const open = (user: User) => settle(async () => manageLoader({ request: await requestAs(user, `/cases/${caseId}/appeals/${appealId}`), params: { caseId, appealId }, context: {} }));
    expect((await open(otherCaseworker)).status).toBe(404);
    expect((await open(parent)).status).toBe(403);
    expect((await open(otherParent)).status).toBe(404);
    expect((await open(caseworker)).status).toBe(200);
    // Another case's appeal through this case's address: not here.
    expect((await settle(async () => manageLoader({ request: await requestAs(caseworker, `/cases/${otherCaseId}/appeals/${appealId}`), params: { caseId: otherCaseId, appealId }, context: {} }))).status).toBe(404);
  });

  it('refuses an order before its outcome, and an outcome in the future', async () => {
    expect((await (await manage(caseworker, appealId, { intent: 'order', orderKind: 'assess' })).json()).errors).toEqual({ orderKind: 'errors.appeals.noOrdersYet' });
    expect((await (await manage(caseworker, appealId, { intent: 'decision', outcome: 'upheld', ...date('decidedOn', addDays(today, 1)) })).json()).errors).toEqual({ decidedOn: 'errors.appeals.inFuture' });
  });

  it('is decided, and its order stored once with its compliance date; the family is emailed what and by when', async () => {
    const decidedOn = addDays(today, -100);
    // A decision before the appeal was registered is refused; the hearing can be moved back first.
    expect((await (await manage(caseworker, appealId, { intent: 'decision', outcome: 'upheld', ...date('decidedOn', decidedOn) })).json()).errors).toEqual({ decidedOn: 'errors.appeals.beforeRegistered' });
    const heard = addDays(today, -2);
    expect((await manage(caseworker, appealId, { intent: 'hearing', ...date('hearingOn', heard) })).status).toBe(302);
    expect((await manage(caseworker, appealId, { intent: 'decision', outcome: 'upheld', ...date('decidedOn', heard) })).status).toBe(302);
    expect((await manage(caseworker, appealId, { intent: 'decision', outcome: 'upheld', ...date('decidedOn', heard) })).status).toBe(302);
    expect((await (await manage(caseworker, appealId, { intent: 'order', orderKind: 'make_plan' })).json()).errors).toEqual({ orderKind: 'errors.appeals.orderNotForDecision' });
    for (let i = 0; i < 2; i++) expect((await manage(caseworker, appealId, { intent: 'order', orderKind: 'assess' })).status).toBe(302);
    const orders = await db.select().from(tribunalOrders).where(eq(tribunalOrders.appealId, appealId));
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ laId, caseId, kind: 'assess', orderedOn: heard, compliesBy: addDays(heard, 98), compliedOn: null });
    const mail = await db.select().from(outboxEmails).where(and(eq(outboxEmails.template, 'tribunalOrderRecorded'), eq(outboxEmails.recipientId, parent.id)));
    expect(mail).toHaveLength(1);
    const email = renderEmail('tribunalOrderRecorded', mail[0].locale, mail[0].toAddress, mail[0].params as TemplateParams<'tribunalOrderRecorded'>);
    expect(email.subject).toBe('What the council must do after the Tribunal’s decision');
    expect(email.text).toContain('The council must carry out an EHC needs assessment.');
    expect(email.text).toContain(`/cases/${caseId}/appeals`);
    expect(await db.select().from(outboxEmails).where(and(eq(outboxEmails.template, 'tribunalOrderRecorded'), eq(outboxEmails.recipientId, otherParent.id)))).toHaveLength(0);
  });

  it('the family reads the certificate, the deadline, the appeal and the order with its dates; another family cannot', async () => {
    const page = await (await overview(parent)).json();
    expect(page.mayRecord).toBe(false);
    expect(page.mediations[0].appealDeadline).toBe(appealDeadline(decisionSent, certificate));
    expect(page.appeals[0]).toMatchObject({ status: 'decided', outcome: 'upheld', tribunalReference: 'EH123/26/00042' });
    expect(page.appeals[0].orders[0]).toMatchObject({ kind: 'assess', compliance: { status: 'due' } });
    expect(page.appeals[0].orders[0].milestones.map((m: { step: string }) => m.step)).toEqual(['notifyAssessment', 'decideNoPlan', 'finalPlan']);
    expect((await overview(otherParent)).status).toBe(404);
    expect((await overview(otherCaseworker)).status).toBe(404);
  });

  it('is complied with once, and counted', async () => {
    const [order] = await db.select().from(tribunalOrders).where(eq(tribunalOrders.appealId, appealId));
    const field = `complied-${order.id}`;
    expect((await (await manage(caseworker, appealId, { intent: 'complied', orderId: order.id, ...date(field, addDays(order.orderedOn, -1)) })).json()).errors).toEqual({ [field]: 'errors.appeals.compliedBeforeOrder' });
    for (let i = 0; i < 2; i++) expect((await manage(caseworker, appealId, { intent: 'complied', orderId: order.id, ...date(field, today) })).status).toBe(302);
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'tribunal_order_complied')));
    expect(events).toHaveLength(1);
  });
});

describe('what other features read', () => {
  it('lists late and due orders for the council in SQL, never another council’s', async () => {
    // A second appeal on the other case, conceded long ago, its order to make a plan missed.
    const [appeal] = await db
      .insert(tribunalAppeals)
      .values({ laId, caseId: otherCaseId, decision: 'refuse_plan', tribunalReference: 'EH123/26/00099', registeredOn: addDays(today, -200), status: 'decided', decidedOn: addDays(today, -100), outcome: 'conceded', recordedBy: caseworker.id })
      .returning();
    await db.insert(tribunalOrders).values({ laId, caseId: otherCaseId, appealId: appeal.id, kind: 'make_plan', orderedOn: addDays(today, -100), compliesBy: addDays(today, -23), recordedBy: caseworker.id });
    const list = async (user: User, which: string) => (await (await settle(async () => ordersLoader({ request: await requestAs(user, `/appeals?list=${which}`), params: {}, context: {} }))).json()).page;
    const missed = await list(manager, 'missed');
    expect(missed.total).toBe(1);
    expect(missed.rows[0]).toMatchObject({ caseId: otherCaseId, kind: 'make_plan', status: 'missed', compliesBy: addDays(today, -23) });
    expect((await list(otherManager, 'missed')).total).toBe(0);
    expect((await list(manager, 'outstanding')).total).toBe(1);
    expect((await settle(async () => ordersLoader({ request: await requestAs(parent, '/appeals'), params: {}, context: {} }))).status).toBe(403);
  });

  it('disputesByCase and appealFigures count from the stored dates', async () => {
    const disputes = await disputesByCase(laId);
    const mine = disputes.find((d) => d.caseId === caseId);
    expect(mine).toMatchObject({ mediation: true, mediationHeld: true, lastCertificateOn: certificate, appeal: true, mediatedDecisions: ['refuse_assessment'], appealedDecisions: ['refuse_assessment'], lastOutcome: 'upheld', ordersOutstanding: 0 });
    expect(disputes.find((d) => d.caseId === otherCaseId)).toMatchObject({ mediation: false, appeal: true, mediatedDecisions: [], appealedDecisions: ['refuse_plan'], lastOutcome: 'conceded', ordersOutstanding: 1 });
    expect(await disputesByCase(laId, [otherCaseId])).toHaveLength(1);
    expect(await disputesByCase((await makeLa(db, 'Empty Council')).la.id)).toEqual([]);

    const year = { from: addDays(today, -365), to: today };
    const figures = await appealFigures(laId, year, { today });
    expect(figures.mediations).toEqual({ total: 1, notPursued: 0, byOutcome: { agreed: 0, partly_agreed: 0, not_agreed: 1 } });
    expect(figures.appeals).toMatchObject({ registered: 2, decided: 2, byOutcome: { upheld: 1, conceded: 1, partly_upheld: 0, dismissed: 0, withdrawn: 0 } });
    // The assessment order's date is 14 weeks ahead (outside the period); the plan order's was missed.
    expect(figures.orders).toEqual({ due: 1, compliedOnTime: 0, compliedLate: 0, outstandingMissed: 1, outstandingDue: 0 });
    const ahead = await appealFigures(laId, { from: today, to: addDays(today, 120) }, { today });
    expect(ahead.orders).toEqual({ due: 1, compliedOnTime: 1, compliedLate: 0, outstandingMissed: 0, outstandingDue: 0 });
    expect((await appealFigures(laId, year, { teamId: crypto.randomUUID(), today })).appeals.registered).toBe(0);
    expect((await appealFigures(laId, year, { teamId, today })).appeals.registered).toBe(2);
  });
});
