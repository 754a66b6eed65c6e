import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCaseSubject } from '~/auth/access.server';
import { decide, type Permission } from '~/auth/policy';
import { emptyPlan } from '~/domain/plan-content';
import { issuePlanVersion, savePlanSection, versionBeingWritten } from '~/features/plan/index.server';
import {
  apologiseForReviewStep,
  arrangeMeeting,
  commentOnAmendments,
  currentReview,
  decideReview,
  issueFinalAmendedPlan,
  recordAdviceCirculated,
  recordReport,
  reviewApologies,
  reviewsOfCase,
  saveReviewViews,
  startReviewForPlan,
  viewsOfReview,
} from '~/features/reviews/index.server';
import type { Database } from '../../db/client';
import { annualReviews, caseEvents, cases, children, draftPlanComments, educationSettings, feedbackOffers, type Case, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import type { MailSink } from '../support/mail-sink';
import { useMailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 14, items 3 and 5: the whole annual review cycle on a fixed clock (each step is given
 * its day), from the final plan that starts the first review to the final amended plan that
 * starts the next; emails through the real outbox to a real SMTP receiver, once each; the child's
 * setting acts, another setting and another council see nothing.
 */
let db: Database;
let mail: MailSink;
let caseworker: User, parent: User, senco: User, otherSenco: User, otherCouncil: User;
let caseRecord: Case;

const on = (day: string) => new Date(`${day}T10:00:00Z`);
const mayOn = async (user: User, permission: Permission) => {
  const loaded = await loadCaseSubject(caseRecord.id, '2027-01-11');
  return loaded ? decide(user, permission, loaded.subject) : 'not_found';
};
const views = { likeAndAdmire: 'Kind and funny.', importantNow: 'His friends.', importantFuture: 'Going to big school.', howToSupport: 'Quiet space.', hopes: 'To be a vet.' };

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  const { la: laB, team: teamB } = await makeLa(db, 'Other Borough Council');
  const [school] = await db.insert(educationSettings).values({ laId: la.id, name: 'Oak Primary School', urn: '100001', type: 'school', phase: 'primary' }).returning();
  const [otherSchool] = await db.insert(educationSettings).values({ laId: la.id, name: 'Elm Primary School', urn: '100002', type: 'school', phase: 'primary' }).returning();
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  parent = await makeUser(db, 'parent');
  senco = await makeUser(db, 'setting_staff', { laId: la.id, settingId: school.id, settingRole: 'senco' });
  otherSenco = await makeUser(db, 'setting_staff', { laId: la.id, settingId: otherSchool.id, settingRole: 'senco' });
  otherCouncil = await makeUser(db, 'caseworker', { laId: laB.id, teamId: teamB.id });
  caseRecord = (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'plan_agreed', requestReceived: '2025-10-01' })).caseRecord;
  await db.update(cases).set({ namedSettingId: school.id }).where(eq(cases.id, caseRecord.id));
  // Year 5 in 2026/27: no move to a new phase during this review (its transfer is tested on its own).
  await db.update(children).set({ dateOfBirth: '2017-05-04' }).where(eq(children.id, caseRecord.childId));
});

async function stage(): Promise<Case> {
  return (await db.select().from(cases).where(eq(cases.id, caseRecord.id)))[0];
}

async function writePlan(change: string) {
  const plan = emptyPlan();
  plan.A.text = 'Sam loves animals.';
  plan.B = { text: 'Sam finds noisy rooms hard.', needs: { primary: 'ASD', secondary: 'SLCN' } };
  plan.E.outcomes = [{ id: 'o1', outcome: 'Sam will ask for help', byWhen: 'July 2027', steps: 'A help card' }];
  plan.F.provision = [{ id: 'p1', what: change, who: 'NHS therapist', howOften: 'Weekly', forHowLong: 'One year' }];
  await versionBeingWritten(caseworker, caseRecord);
  for (const section of ['A', 'B', 'E', 'F'] as const) expect(await savePlanSection(caseworker, caseRecord.id, section, plan[section])).toEqual({ ok: true });
  await savePlanSection(caseworker, caseRecord.id, 'I', { text: 'Oak Primary School.', setting: { name: 'Oak Primary School', urn: '100001', ukprn: '', withoutUrn: '', kind: 'mainstream' } });
}

const review = async () => (await db.select().from(annualReviews).where(eq(annualReviews.caseId, caseRecord.id)).orderBy(annualReviews.number)).at(-1);

describe('the annual review cycle', () => {
  it('issuing the final plan starts the first review, its 12 months from the issue date, in the same transaction', async () => {
    await writePlan('Speech and language therapy');
    expect(await issuePlanVersion(caseworker, await stage(), on('2026-02-02'))).toMatchObject({ ok: true });
    await versionBeingWritten(caseworker, caseRecord);
    await savePlanSection(caseworker, caseRecord.id, 'I', { text: 'Oak Primary School.', setting: { name: 'Oak Primary School', urn: '100001', ukprn: '', withoutUrn: '', kind: 'mainstream' } });
    expect(await issuePlanVersion(caseworker, await stage(), on('2026-03-02'))).toMatchObject({ ok: true });
    expect((await stage()).stage).toBe('final_plan_issued');
    expect(await review()).toMatchObject({ number: 1, cycleStart: '2026-03-02', nextDueStep: 'meeting', nextDueOn: '2027-03-01', completedOn: null });
  });

  it('the family, the child\'s setting and the council read it; another setting, another council and a professional do not', async () => {
    expect(await mayOn(parent, 'read:review')).toBe('allow');
    expect(await mayOn(senco, 'read:review')).toBe('allow');
    expect(await mayOn(senco, 'arrange:review')).toBe('allow');
    expect(await mayOn(senco, 'report:review')).toBe('allow');
    expect(await mayOn(senco, 'decide:review')).not.toBe('allow');
    expect(await mayOn(caseworker, 'decide:review')).toBe('allow');
    expect(await mayOn(otherSenco, 'read:review')).toBe('not_found');
    expect(await mayOn(otherCouncil, 'read:review')).toBe('not_found');
    expect(await mayOn(parent, 'comment:review-amendments')).toBe('allow');
  });

  it('the setting arranges the meeting with notice to everyone; sending it twice arranges it once', async () => {
    const arrangement = { meetingDate: '2027-02-01', meetingDetails: 'The library at Oak Primary School, 3pm' };
    expect(await arrangeMeeting(senco, caseRecord.id, arrangement, on('2027-01-11'))).toEqual({ ok: true });
    expect(await arrangeMeeting(senco, caseRecord.id, arrangement, on('2027-01-11'))).toEqual({ ok: true, duplicate: true });
    // Notice given today, 3 weeks ahead; the next deadline is the advice, 2 weeks before the meeting.
    expect(await review()).toMatchObject({ meetingDate: '2027-02-01', noticeSentOn: '2027-01-11', nextDueStep: 'advice', nextDueOn: '2027-01-18' });
    expect(await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseRecord.id), eq(caseEvents.kind, 'review_meeting_arranged')))).toHaveLength(1);
  });

  it('advice circulated, then the family adds views (with a resend changing the same views)', async () => {
    expect(await recordAdviceCirculated(senco, caseRecord.id, '2027-01-15', on('2027-01-15'))).toEqual({ ok: true });
    const saved = await saveReviewViews(parent, caseRecord.id, 'parent', views, on('2027-01-20'));
    const again = await saveReviewViews(parent, caseRecord.id, 'parent', { ...views, hopes: 'To be a vet or a zookeeper.' }, on('2027-01-21'));
    expect(saved.ok && again.ok && saved.id === again.id).toBe(true);
    const current = await currentReview(caseRecord.id, '2027-01-21');
    expect(await viewsOfReview(current!.id)).toMatchObject([{ voice: 'parent', hopes: 'To be a vet or a zookeeper.' }]);
  });

  it('the report waits for the meeting; then the setting sends it and the decision is due 4 weeks after the meeting', async () => {
    expect(await recordReport(senco, caseRecord.id, { recommendations: 'More speech therapy.' }, on('2027-01-25'))).toEqual({ ok: false, error: 'errors.reviews.meetingNotHeld' });
    expect(await recordReport(senco, caseRecord.id, { recommendations: 'More speech therapy.' }, on('2027-02-05'))).toEqual({ ok: true });
    expect(await review()).toMatchObject({ reportReceivedOn: '2027-02-05', nextDueStep: 'decision', nextDueOn: '2027-03-01' });
  });

  it('to amend, the proposed changes go with the decision (Devon); keeping the plan unchanged needs them not', async () => {
    expect(await decideReview(caseworker, caseRecord.id, { decision: 'amend', reasons: '' }, on('2027-02-15'))).toEqual({ ok: false, error: 'errors.reviews.noAmendments' });
    await writePlan('Speech and language therapy, twice a week');
    expect(await decideReview(caseworker, caseRecord.id, { decision: 'amend', reasons: '' }, on('2027-02-15'))).toEqual({ ok: true });
    expect(await decideReview(caseworker, caseRecord.id, { decision: 'amend', reasons: '' }, on('2027-02-15'))).toEqual({ ok: true, duplicate: true });
    // The decision is a key step: the family is offered the annual review survey with it, once (ADR 0052).
    expect(await db.select({ step: feedbackOffers.step, offeredOn: feedbackOffers.offeredOn }).from(feedbackOffers).where(and(eq(feedbackOffers.caseId, caseRecord.id), eq(feedbackOffers.step, 'annual_review')))).toEqual([{ step: 'annual_review', offeredOn: '2027-02-15' }]);
    const [view] = await reviewsOfCase(caseRecord.id, '2027-02-15');
    expect(view.facts).toMatchObject({ decision: 'amend', decisionOn: '2027-02-15', amendmentsSentOn: '2027-02-15' });
    expect(view.dates).toMatchObject({ commentsLastDay: '2027-03-01', finalByNotice: '2027-04-12', finalByMeeting: '2027-04-26', finalBy: '2027-04-12' });
    expect(view.status.status).toBe('amendments_out');
    expect(view.proposedVersionNumber).toBe(3);
    expect(view.replacedVersionNumber).toBe(2);
    expect(view.steps.flatMap((s) => s.breaches)).toEqual([]);
  });

  it('the family comments within 15 days (once per form); the final plan waits for the window unless they have', async () => {
    expect(await issueFinalAmendedPlan(caseworker, caseRecord.id, on('2027-02-16'))).toEqual({ ok: false, error: 'errors.reviews.commentsOpen' });
    const comment = { section: 'F' as const, body: 'Please keep the therapy in school time.', formKey: crypto.randomUUID() };
    expect(await commentOnAmendments(parent, caseRecord.id, comment, on('2027-02-20'))).toEqual({ ok: true });
    expect(await commentOnAmendments(parent, caseRecord.id, comment, on('2027-02-20'))).toEqual({ ok: true, duplicate: true });
    expect(await db.select().from(draftPlanComments).where(eq(draftPlanComments.caseId, caseRecord.id))).toHaveLength(1);
    expect(await commentOnAmendments(parent, caseRecord.id, { ...comment, formKey: crypto.randomUUID() }, on('2027-03-02'))).toEqual({ ok: false, error: 'errors.reviews.commentsClosed' });
  });

  it('the final amended plan completes the review and starts the next, its 12 months from this meeting', async () => {
    await writePlan('Speech and language therapy, twice a week, in school time');
    expect(await issueFinalAmendedPlan(caseworker, caseRecord.id, on('2027-03-10'))).toEqual({ ok: true });
    expect(await issueFinalAmendedPlan(caseworker, caseRecord.id, on('2027-03-10'))).toEqual({ ok: true, duplicate: true });
    const [next, done] = await reviewsOfCase(caseRecord.id, '2027-03-10');
    expect(done).toMatchObject({ number: 1, completedOn: '2027-03-10', finalVersionNumber: 4, replacedVersionNumber: 2 });
    expect(done.steps.find((s) => s.key === 'finalPlan')?.state).toBe('done');
    expect(next).toMatchObject({ number: 2, facts: { cycleStart: '2027-02-01' }, completedOn: null });
    expect(await review()).toMatchObject({ number: 2, nextDueStep: 'meeting', nextDueOn: '2028-01-31' });
  });

  it('emails each step once, to the right people, with no child\'s name in a subject', async () => {
    await mail.drained();
    const to = (user: User) => mail.messages.filter((m) => m.to.includes(user.email)).map((m) => m.subject).sort();
    expect(to(parent)).toEqual(
      [
        'An annual review meeting has been arranged',
        'Advice and information for an annual review',
        'The annual review report has been sent',
        'Annual review decision: proposed changes to the plan',
        'The final amended EHC plan has been issued',
        // The plan's own emails when it was first written.
        'The final EHC plan has been issued',
        'Your draft EHC plan is ready: comment by 16 February 2026',
      ].sort(),
    );
    expect(to(senco)).toEqual(['An annual review decision has been made', 'An annual review meeting has been arranged', 'The final amended EHC plan has been issued']);
    expect(to(caseworker)).toEqual(['A family has commented on proposed changes to a plan', 'An annual review meeting has been arranged', 'The annual review report has been sent']);
    expect(to(otherSenco)).toEqual([]);
    expect(to(otherCouncil)).toEqual([]);
    for (const message of mail.messages) expect(message.subject).not.toContain('Sam');
  });
});

describe('apologies for missed review dates', () => {
  it('a missed step can be apologised for, once per form; the family sees it and is emailed', async () => {
    const { la, team } = await makeLa(db);
    const lateParent = await makeUser(db, 'parent');
    const late = (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [lateParent.id], stage: 'plan_maintained' })).caseRecord;
    await startReviewForPlan(null, late.id, '2025-01-06', on('2026-05-01'));
    const apology = { step: 'meeting' as const, reason: 'We did not arrange the meeting in time.', newExpectedDate: '2026-06-15' };
    expect(await apologiseForReviewStep(caseworker, late.id, { ...apology, step: 'report' }, crypto.randomUUID(), on('2026-05-01'))).toEqual({ ok: false, error: 'errors.reviews.notMissed' });
    const formKey = crypto.randomUUID();
    expect(await apologiseForReviewStep(caseworker, late.id, apology, formKey, on('2026-05-01'))).toEqual({ ok: true });
    expect(await apologiseForReviewStep(caseworker, late.id, apology, formKey, on('2026-05-01'))).toEqual({ ok: true, duplicate: true });
    expect(await reviewApologies(late.id)).toMatchObject([{ reviewNumber: 1, step: 'meeting', newExpectedDate: '2026-06-15' }]);
    await mail.waitFor((m) => m.to.includes(lateParent.email) && m.subject === 'We are sorry: a step in an annual review is late');
    await mail.drained();
    expect(mail.messages.filter((m) => m.to.includes(lateParent.email))).toHaveLength(1);
  });
});
