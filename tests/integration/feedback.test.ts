import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as surveyAction, loader as surveyLoader } from '~/routes/cases.$caseId.feedback.$step';
import { loader as thanksLoader } from '~/routes/cases.$caseId.feedback.$step_.thanks';
import { loader as casePageLoader } from '~/routes/cases.$caseId._index';
import { loader as reportLoader } from '~/routes/reports.feedback';
import { loader as csvLoader } from '~/routes/reports.feedback[.]csv';
import { recordCaseCommand } from '~/features/case-progress/index.server';
import { submitRequestIn } from '~/features/requests/index.server';
import { feedbackFigures, offerFeedbackFor } from '~/features/feedback/index.server';
import { NAME_REMOVED, quarterOf } from '~/domain/feedback';
import { addDays, todayInLondon } from '~/domain/timescales';
import { auditLog, caseEvents, feedbackOffers, feedbackResponses, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 16, item 6 (ADR 0052): a family is offered a short survey after each key step and may
 * answer once per step; comments are stored with the names the council holds taken out; the
 * council's managers (only) see the results, never another council's.
 */
let db: Database;
let parent: User, secondParent: User, otherParent: User, caseworker: User, manager: User, otherManager: User;
let laId: string, otherLaId: string;
let caseId: string, childFirst: string;
const today = todayInLondon();

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  otherLaId = elsewhere.la.id;
  parent = await makeUser(db, 'parent', { name: 'Sarah Jones' });
  secondParent = await makeUser(db, 'parent', { name: 'Dariusz Kowalczyk' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id, name: 'Priya Shah' });
  manager = await makeUser(db, 'manager', { laId });
  otherManager = await makeUser(db, 'manager', { laId: otherLaId });
  const made = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id, secondParent.id], caseworkerId: caseworker.id, requestReceived: addDays(today, -20) });
  caseId = made.caseRecord.id;
  childFirst = made.child.firstName;
  // Another council's family answers too: never in this council's figures.
  const theirParent = await makeUser(db, 'parent');
  const theirs = await makeChildWithCase(db, { laId: otherLaId, teamId: elsewhere.team.id, parentIds: [theirParent.id] });
  await offerFeedbackFor(db, { laId: otherLaId, caseId: theirs.caseRecord.id }, 'assessment_agreed', today);
  await db.insert(feedbackResponses).values({ laId: otherLaId, caseId: theirs.caseRecord.id, step: 'decision', respondentId: theirParent.id, satisfaction: 1, comment: 'Elsewhere comment', respondedOn: today });
});

const survey = (user: User, step: string, form?: Record<string, string>) =>
  settle(async () => {
    const request = await requestAs(user, `/cases/${caseId}/feedback/${step}`, form ? { form } : {});
    return form ? surveyAction({ request, params: { caseId, step }, context: {} }) : surveyLoader({ request, params: { caseId, step }, context: {} });
  });
const casePage = async (user: User) => (await settle(async () => casePageLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }))).json();

describe('offered after a key step', () => {
  it('the decision whether to assess offers its survey in the same transaction; the family sees it on the case page, staff do not', async () => {
    expect(await casePage(parent)).toMatchObject({ feedback: { open: [], anyTimeOpen: true } });
    const outcome = await recordCaseCommand(caseworker, caseId, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs SEN support may not meet.', decidedOn: today }, 'request_received');
    expect(outcome).toEqual({ ok: true });
    expect(await db.select({ step: feedbackOffers.step, offeredOn: feedbackOffers.offeredOn, laId: feedbackOffers.laId }).from(feedbackOffers).where(eq(feedbackOffers.caseId, caseId))).toEqual([{ step: 'decision', offeredOn: today, laId }]);
    expect(await casePage(parent)).toMatchObject({ feedback: { open: ['decision'], anyTimeOpen: true } });
    expect(await casePage(caseworker)).toMatchObject({ feedback: null });
  });

  it('sending a request offers its survey with the new case', async () => {
    const child = await makeChild(db, { laId, parentIds: [otherParent.id] });
    const draft = await makeAssessmentRequest(db, { childId: child.id, createdBy: otherParent.id });
    const submitted = await db.transaction((tx) => submitRequestIn(tx, otherParent, draft.id, { requireComplete: false }));
    expect(submitted.ok).toBe(true);
    const newCaseId = (submitted as { caseId: string }).caseId;
    expect(await db.select({ step: feedbackOffers.step, offeredOn: feedbackOffers.offeredOn, laId: feedbackOffers.laId }).from(feedbackOffers).where(eq(feedbackOffers.caseId, newCaseId))).toEqual([{ step: 'request_sent', offeredOn: today, laId }]);
  });

  it('only the family opens the survey; another family is told it does not exist; a step not reached or not a step is not there', async () => {
    expect((await survey(parent, 'decision')).status).toBe(200);
    expect((await survey(caseworker, 'decision')).status).toBe(403);
    expect((await survey(otherParent, 'decision')).status).toBe(404);
    expect((await survey(parent, 'final_plan')).status).toBe(404);
    expect((await survey(parent, 'everything')).status).toBe(404);
    expect((await settle(async () => thanksLoader({ request: await requestAs(parent, `/cases/${caseId}/feedback/decision/thanks`), params: { caseId, step: 'decision' }, context: {} }))).status).toBe(404);
  });
});

describe('answering', () => {
  it('without a rating the form comes back with the error by the field and what was typed', async () => {
    const response = await survey(parent, 'decision', { ease: '4', comment: 'Half written' });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { satisfaction: 'errors.feedback.satisfactionRequired' }, values: { ease: '4', comment: 'Half written' } });
    const bad = await survey(parent, 'decision', { satisfaction: '9', ease: '0' });
    expect(await bad.json()).toMatchObject({ errors: { satisfaction: 'errors.feedback.satisfactionRequired', ease: 'errors.feedback.easeInvalid' } });
    expect(await db.select().from(feedbackResponses).where(eq(feedbackResponses.caseId, caseId))).toEqual([]);
  });

  it('both parents sending at once keep one answer, one event and one audit row; its comment is stored with the names taken out', async () => {
    const comment = `Sarah Jones here. PRIYA was kind to ${childFirst}; Dariusz Kowalczyk agrees. Call 07700 900123 or write to sarah.j@example.com.`;
    const [first, second] = await Promise.all([
      survey(parent, 'decision', { satisfaction: '4', ease: '5', comment }),
      survey(secondParent, 'decision', { satisfaction: '1', comment: 'A second answer' }),
    ]);
    expect([first.status, second.status]).toEqual([302, 302]);
    expect(first.headers.get('Location')).toBe(`/cases/${caseId}/feedback/decision/thanks`);
    const rows = await db.select().from(feedbackResponses).where(eq(feedbackResponses.caseId, caseId));
    expect(rows).toHaveLength(1);
    const stored = rows[0];
    expect(stored.laId).toBe(laId);
    if (stored.respondentId === parent.id) {
      expect(stored.comment).toBe(`${NAME_REMOVED} here. ${NAME_REMOVED} was kind to ${NAME_REMOVED}; ${NAME_REMOVED} agrees. Call ${NAME_REMOVED} or write to ${NAME_REMOVED}.`);
    } else {
      expect(stored.comment).toBe('A second answer');
    }
    expect(await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'feedback_given')))).toHaveLength(1);
    // Besides the access checks every request writes, one row records the answer.
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, caseId), eq(auditLog.action, 'give:feedback')));
    expect(audited.filter((a) => (a.details as { responseId?: string }).responseId === stored.id)).toHaveLength(1);
  });

  it('afterwards the survey says it is answered, the panel no longer offers it, and the thanks page opens', async () => {
    expect(await (await survey(secondParent, 'decision')).json()).toMatchObject({ answered: true });
    expect(await casePage(parent)).toMatchObject({ feedback: { open: [], anyTimeOpen: true } });
    expect((await settle(async () => thanksLoader({ request: await requestAs(parent, `/cases/${caseId}/feedback/decision/thanks`), params: { caseId, step: 'decision' }, context: {} }))).status).toBe(200);
  });

  it('the any-time survey needs no offer and is answered once too', async () => {
    expect((await survey(secondParent, 'any_time', { satisfaction: '2', comment: `The letters are hard to follow, says dariusz. Ms Shah helped ${childFirst.toUpperCase()}.` })).status).toBe(302);
    expect((await survey(parent, 'any_time', { satisfaction: '5' })).status).toBe(302);
    // Stored already redacted: whoever reads the table never sees the names.
    expect(await db.select({ satisfaction: feedbackResponses.satisfaction, comment: feedbackResponses.comment }).from(feedbackResponses).where(and(eq(feedbackResponses.caseId, caseId), eq(feedbackResponses.step, 'any_time')))).toEqual([
      { satisfaction: 2, comment: `The letters are hard to follow, says ${NAME_REMOVED}. Ms ${NAME_REMOVED} helped ${NAME_REMOVED}.` },
    ]);
  });
});

describe('results for the council', () => {
  const report = async (user: User) => settle(async () => reportLoader({ request: await requestAs(user, '/reports/feedback'), params: {}, context: {} }));

  it("a manager sees this council's figures and comments, none of another council's", async () => {
    const response = await report(manager);
    expect(response.status).toBe(200);
    const page = await response.json();
    const row = page.results.find((r: { step: string; quarter: string }) => r.step === 'decision' && r.quarter === quarterOf(today));
    expect(row).toMatchObject({ offers: 1, responses: 1, responseRate: 100 });
    expect(page.comments.map((c: { comment: string }) => c.comment)).not.toContain('Elsewhere comment');
    expect(page.comments).toHaveLength(2);
    expect(JSON.stringify(page.comments)).not.toMatch(/Sarah|Priya|07700|respondent/i);
    const theirs = await (await report(otherManager)).json();
    expect(theirs.results.find((r: { step: string; quarter: string }) => r.step === 'decision' && r.quarter === 'all')).toMatchObject({ offers: 1, responses: 1, percentSatisfied: 0 });
    expect(theirs.comments.map((c: { comment: string }) => c.comment)).toEqual(['Elsewhere comment']);
  });

  it('a caseworker may not open the results or the CSV', async () => {
    expect((await report(caseworker)).status).toBe(403);
    expect((await settle(async () => csvLoader({ request: await requestAs(caseworker, '/reports/feedback.csv'), params: {}, context: {} }))).status).toBe(403);
  });

  it('every CSV download is audited', async () => {
    const response = await settle(async () => csvLoader({ request: await requestAs(manager, '/reports/feedback.csv'), params: {}, context: {} }));
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    expect(csv.split('\r\n')[0]).toContain('"Response rate"');
    expect(csv).not.toContain('Elsewhere');
    expect(await db.select().from(auditLog).where(and(eq(auditLog.userId, manager.id), eq(auditLog.action, 'export:feedback'), eq(auditLog.subjectId, laId)))).toHaveLength(1);
  });

  it('the scrutiny figures: per step, offers, responses, response rate and share satisfied', async () => {
    const figures = await feedbackFigures(laId, { from: addDays(today, -30), to: today });
    expect(figures.find((f) => f.step === 'decision')).toEqual({ step: 'decision', offers: 1, responses: 1, responseRate: 100, percentSatisfied: expect.any(Number) });
    expect(figures.find((f) => f.step === 'any_time')).toEqual({ step: 'any_time', offers: null, responses: 1, responseRate: null, percentSatisfied: 0 });
    expect(figures.map((f) => f.step)).toEqual(['request_sent', 'decision', 'final_plan', 'annual_review', 'any_time']);
    expect(await feedbackFigures(laId, { from: addDays(today, -30), to: today }, crypto.randomUUID())).toEqual(figures.map((f) => ({ ...f, offers: f.offers === null ? null : 0, responses: 0, responseRate: f.offers === null ? null : null, percentSatisfied: null })));
  });
});
