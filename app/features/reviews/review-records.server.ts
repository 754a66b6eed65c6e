import { and, asc, desc, eq, inArray, isNotNull, isNull, lt, max, ne, sql } from 'drizzle-orm';
import {
  adviceRequests,
  annualReviews,
  caseEvents,
  cases,
  children,
  documents,
  draftPlanComments,
  familyViews,
  planVersions,
  users,
  type AnnualReview,
  type Case,
  type PlanSection,
  type User,
  type ViewVoice,
} from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import {
  nextCycleStart,
  reviewDates,
  reviewNotStarted,
  reviewStatus,
  reviewSteps,
  upcomingTransfer,
  type ReviewDecision,
  type ReviewFacts,
  type ReviewStepName,
} from '~/domain/annual-review';
import { caseEvent, isCaseEventOf, readCaseEvent } from '~/domain/case-events';
import { linkTo } from '~/domain/council';
import { sizeInKb } from '~/domain/file-types';
import { parsePlanContent, readinessToIssue, type MissingForIssue } from '~/domain/plan-validation';
import { annualReviewDueBy, appealDeadline, compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer, type Recipient } from '~/mail/outbox.server';
import type { TemplateName, TemplateParams } from '~/mail/templates.server';
import { councilContext, type Council } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';
import { reviewFactsOf, storedDueOf } from './review-due.server';
import { offerFeedbackFor } from '../feedback/index.server';

/**
 * Every change to an annual review (ADR 0047). Each mutation runs in one transaction that locks
 * the review's row, checks the step is allowed now, writes the change, its case event (the
 * timeline) and its audit row, stores the review's next deadline (`reviewStatus` of the new facts:
 * `next_due_on`/`next_due_step`, what the council's lists sort by) and queues the step's emails
 * (what happened, what to do by when, in each recipient's language, from the case's council).
 * Sending the same form twice changes nothing the second time and reports success.
 *
 * The statutory dates all come from app/domain/annual-review.ts; nothing here computes one.
 */

type Executor = Database | Transaction;

export type ReviewError =
  | 'errors.reviews.noReview'
  | 'errors.reviews.notNow'
  | 'errors.reviews.meetingNotHeld'
  | 'errors.reviews.meetingHeld'
  | 'errors.reviews.decided'
  | 'errors.reviews.noAmendments'
  | 'errors.reviews.commentsOpen'
  | 'errors.reviews.commentsClosed'
  | 'errors.reviews.notMissed';

export type ReviewOutcome = { ok: true; duplicate?: boolean } | { ok: false; error: ReviewError } | { ok: false; missing: MissingForIssue[] };

/** What to store for the council's lists (one rule, review-due.server.ts): no next deadline once complete. */
function nextDueOf(review: AnnualReview, today: IsoDate) {
  const stored = storedDueOf(reviewFactsOf(review), today);
  return review.completedOn ? { ...stored, nextDueOn: null, nextDueStep: null } : stored;
}

/** Writes a change to a review and its stored next deadline, and returns the row as it now is. */
async function saveReview(tx: Transaction, review: AnnualReview, change: Partial<AnnualReview>, today: IsoDate, now: Date): Promise<AnnualReview> {
  const next = { ...review, ...change };
  const [saved] = await tx
    .update(annualReviews)
    .set({ ...change, ...nextDueOf(next, today), updatedAt: now })
    .where(eq(annualReviews.id, review.id))
    .returning();
  return saved;
}

/** The review under way on a case (not completed), locked for the change about to be made. */
async function openReviewForUpdate(tx: Transaction, caseId: string): Promise<AnnualReview | null> {
  const [review] = await tx
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.caseId, caseId), isNull(annualReviews.completedOn)))
    .for('update');
  return review ?? null;
}

async function latestReviewForUpdate(tx: Transaction, caseId: string): Promise<AnnualReview | null> {
  const [review] = await tx.select().from(annualReviews).where(eq(annualReviews.caseId, caseId)).orderBy(desc(annualReviews.number)).limit(1).for('update');
  return review ?? null;
}

/**
 * The review that completed today, if any: a step sent twice (keep the plan, issue the final
 * amended plan) finds the next review already started, and this one done.
 */
async function completedToday(tx: Transaction, caseId: string, today: IsoDate): Promise<AnnualReview | null> {
  const [review] = await tx
    .select()
    .from(annualReviews)
    .where(and(eq(annualReviews.caseId, caseId), eq(annualReviews.completedOn, today)))
    .orderBy(desc(annualReviews.number))
    .limit(1);
  return review ?? null;
}

const isAfter = (a: IsoDate, b: IsoDate) => compareDates(a, b) > 0;

// ---------------------------------------------------------------------------------------------
// Starting a review

/**
 * The phase transfer a review of these 12 months comes before, if any: the child's transfer at
 * the end of the school year the review falls due in, or of the current one when its last day is
 * still ahead (app/domain/annual-review.ts `upcomingTransfer`).
 */
function transferFor(dateOfBirth: IsoDate | null, cycleStart: IsoDate) {
  if (!dateOfBirth) return null;
  const candidates = [upcomingTransfer(dateOfBirth, cycleStart), upcomingTransfer(dateOfBirth, annualReviewDueBy(cycleStart))];
  return candidates.find((t) => t !== null && isAfter(t.lastDay, cycleStart)) ?? null;
}

/**
 * Starts the next review of a case's plan, in the caller's transaction: when a final plan is
 * issued (cycleStart: its issue date) or a review completes (cycleStart: `nextCycleStart`). Does
 * nothing when a review is already under way (a repeat, or a review started by hand).
 */
export async function startNextReview(tx: Transaction, caseId: string, cycleStart: IsoDate, actorId: string | null, now = new Date()): Promise<AnnualReview | null> {
  const [current] = await tx.select({ laId: cases.laId, childId: cases.childId }).from(cases).where(eq(cases.id, caseId));
  if (!current) return null;
  const [open] = await tx.select({ id: annualReviews.id }).from(annualReviews).where(and(eq(annualReviews.caseId, caseId), isNull(annualReviews.completedOn)));
  if (open) return null;
  const [child] = await tx.select({ dateOfBirth: children.dateOfBirth }).from(children).where(eq(children.id, current.childId));
  const [{ highest }] = await tx.select({ highest: max(annualReviews.number) }).from(annualReviews).where(eq(annualReviews.caseId, caseId));
  const transfer = transferFor(child?.dateOfBirth ?? null, cycleStart);
  const facts = reviewNotStarted(cycleStart, { transfer: transfer ? { kind: transfer.kind, transferDate: transfer.transferDate } : null });
  const today = todayInLondon(now);
  const number = (highest ?? 0) + 1;
  const [created] = await tx
    .insert(annualReviews)
    .values({
      laId: current.laId,
      caseId,
      number,
      cycleStart,
      transferKind: transfer?.kind ?? null,
      transferDate: transfer?.transferDate ?? null,
      ...storedDueOf(facts, today),
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!created) return null;
  await tx.insert(caseEvents).values({ caseId, actorId, occurredAt: now, ...caseEvent('review_started', { reviewNumber: number, cycleStart, dueBy: reviewDates(facts).reviewDueBy }) });
  return created;
}

/**
 * Starts a review for a plan already in force (a plan issued before the portal, or demo data):
 * its 12 months run from `cycleStart` (the plan's issue date or the last review meeting).
 */
export async function startReviewForPlan(actor: Pick<User, 'id'> | null, caseId: string, cycleStart: IsoDate, now = new Date()): Promise<AnnualReview | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const created = await startNextReview(tx, caseId, cycleStart, actor?.id ?? null, now);
    if (created && actor) await recordAudit({ userId: actor.id, action: 'start:review', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { number: created.number } }, tx);
    return created;
  });
}

// ---------------------------------------------------------------------------------------------
// Who hears of each step

type CaseForMail = { id: string; laId: string; childId: string; caseworkerId: string | null; namedSettingId: string | null };

async function caseForMail(tx: Executor, caseId: string): Promise<CaseForMail & { childName: string }> {
  const [row] = await tx
    .select({ id: cases.id, laId: cases.laId, childId: cases.childId, caseworkerId: cases.caseworkerId, namedSettingId: cases.namedSettingId, childName: children.firstName })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .where(eq(cases.id, caseId));
  return row;
}

/** The active staff of the child's setting (the one the plan names). */
async function settingStaffOf(tx: Executor, settingId: string | null): Promise<User[]> {
  if (!settingId) return [];
  return tx
    .select()
    .from(users)
    .where(and(eq(users.role, 'setting_staff'), eq(users.settingId, settingId), isNull(users.deactivatedAt)));
}

async function caseworkerOf(tx: Executor, caseworkerId: string | null): Promise<User[]> {
  if (!caseworkerId) return [];
  return tx
    .select()
    .from(users)
    .where(and(eq(users.id, caseworkerId), isNull(users.deactivatedAt)));
}

/** Professionals who gave or were asked for advice on the case: invited to the review meeting. */
async function professionalsOf(tx: Executor, caseId: string): Promise<User[]> {
  const ids = await tx.selectDistinct({ id: adviceRequests.professionalId }).from(adviceRequests).where(and(eq(adviceRequests.caseId, caseId), eq(adviceRequests.state, 'submitted')));
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(users)
    .where(and(inArray(users.id, ids.map((r) => r.id)), isNull(users.deactivatedAt)));
}

/** Email wording for each decision and step (literal keys: the translation test finds them). */
const decisionMailKeys: Record<ReviewDecision, string> = {
  keep: 'reviewMail.decision.keep',
  amend: 'reviewMail.decision.amend',
  cease: 'reviewMail.decision.cease',
};
const stepMailKeys: Record<ReviewStepName, string> = {
  meeting: 'reviewMail.step.meeting',
  notice: 'reviewMail.step.notice',
  advice: 'reviewMail.step.advice',
  report: 'reviewMail.step.report',
  decision: 'reviewMail.step.decision',
  comments: 'reviewMail.step.comments',
  finalPlan: 'reviewMail.step.finalPlan',
};

type ReviewMailParams = { name: string; childName: string; date: string; link: string; detail: string };

/**
 * Queues one review email to each person, once each, in their own language: `date` is formatted
 * for each, `detail(t)` gives any words that depend on it.
 */
async function tell(
  tx: Transaction,
  council: Council,
  template: Extract<TemplateName, `review${string}`>,
  people: readonly User[],
  params: { childName: string; date: IsoDate | null; link: string; detail?: (t: ReturnType<typeof getFixedT>, locale: User['locale']) => string },
) {
  const seen = new Set<string>();
  for (const person of people) {
    if (seen.has(person.id)) continue;
    seen.add(person.id);
    const t = getFixedT(person.locale);
    const values: ReviewMailParams = {
      name: person.name,
      childName: params.childName,
      date: params.date ? formatDate(params.date, person.locale) : '',
      link: params.link,
      detail: params.detail ? params.detail(t, person.locale) : '',
    };
    const recipient: Recipient = { id: person.id, email: person.email, locale: person.locale };
    await queueEmail(tx, council, template, recipient, values as TemplateParams<typeof template>);
  }
}

const reviewLink = (council: Council, caseId: string) => linkTo(council, `/cases/${caseId}/reviews`);

async function audit(tx: Transaction, actor: Pick<User, 'id'>, action: string, caseId: string, details: Record<string, unknown>) {
  await recordAudit({ userId: actor.id, action, subjectType: 'case', subjectId: caseId, outcome: 'allowed', details }, tx);
}

async function event(tx: Transaction, caseId: string, actor: Pick<User, 'id'>, now: Date, written: ReturnType<typeof caseEvent>) {
  await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...written });
}

/** Runs a step in one transaction and wakes the mailer after it commits. */
async function step(work: (tx: Transaction) => Promise<ReviewOutcome>): Promise<ReviewOutcome> {
  const db = await getDb();
  const outcome = await db.transaction(work);
  if (outcome.ok && !outcome.duplicate) wakeMailer();
  return outcome;
}

// ---------------------------------------------------------------------------------------------
// The steps

export type MeetingArrangement = { meetingDate: IsoDate; meetingDetails: string };

/**
 * The meeting's date and where and how it is held; the notice goes out now (today is the notice
 * date) to the family, the young person, the setting's staff, the caseworker and the
 * professionals who gave advice. It can be moved until it has been held; each move is a new notice.
 */
export async function arrangeMeeting(actor: User, caseId: string, arrangement: MeetingArrangement, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (review.meetingDate === arrangement.meetingDate && review.meetingDetails === arrangement.meetingDetails) return { ok: true, duplicate: true };
    if (review.decision !== null) return { ok: false, error: 'errors.reviews.decided' };
    if (review.meetingDate !== null && !isAfter(review.meetingDate, today)) return { ok: false, error: 'errors.reviews.meetingHeld' };
    await saveReview(tx, review, { meetingDate: arrangement.meetingDate, meetingDetails: arrangement.meetingDetails, arrangedBy: actor.id, noticeSentOn: today }, today, now);
    await event(tx, caseId, actor, now, caseEvent('review_meeting_arranged', { reviewNumber: review.number, meetingDate: arrangement.meetingDate, noticeSentOn: today }));
    await audit(tx, actor, 'arrange:review', caseId, { number: review.number, meetingDate: arrangement.meetingDate });
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const [family, setting, caseworker, professionals] = await Promise.all([
      familyAudience(tx, c.childId, 'read:case', today),
      settingStaffOf(tx, c.namedSettingId),
      caseworkerOf(tx, c.caseworkerId),
      professionalsOf(tx, caseId),
    ]);
    const detail = () => arrangement.meetingDetails;
    await tell(tx, council, 'reviewMeetingArranged', [...family, ...setting, ...caseworker], { childName: c.childName, date: arrangement.meetingDate, link: reviewLink(council, caseId), detail });
    // Professionals cannot open the review: the invitation itself says when and where.
    await tell(tx, council, 'reviewMeetingInvitation', professionals, { childName: c.childName, date: arrangement.meetingDate, link: linkTo(council, '/'), detail });
    return { ok: true };
  });
}

/** Advice and information circulated to everyone invited, at least two weeks before the meeting. */
export async function recordAdviceCirculated(actor: User, caseId: string, circulatedOn: IsoDate, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (review.adviceCirculatedOn === circulatedOn) return { ok: true, duplicate: true };
    if (review.meetingDate === null || review.decision !== null) return { ok: false, error: 'errors.reviews.notNow' };
    await saveReview(tx, review, { adviceCirculatedOn: circulatedOn }, today, now);
    await event(tx, caseId, actor, now, caseEvent('review_advice_circulated', { reviewNumber: review.number, circulatedOn }));
    await audit(tx, actor, 'circulate:review-advice', caseId, { number: review.number });
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const family = await familyAudience(tx, c.childId, 'read:case', today);
    await tell(tx, council, 'reviewAdviceCirculated', family, { childName: c.childName, date: review.meetingDate, link: reviewLink(council, caseId) });
    return { ok: true };
  });
}

/** The caseworker records the day the meeting was actually held (when it moved on the day). */
export async function recordMeetingHeld(actor: User, caseId: string, heldOn: IsoDate, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (isAfter(heldOn, today)) return { ok: false, error: 'errors.reviews.notNow' };
    if (review.decision !== null) return review.meetingDate === heldOn ? { ok: true, duplicate: true } : { ok: false, error: 'errors.reviews.decided' };
    const [already] = await tx
      .select({ id: caseEvents.id, details: caseEvents.details, kind: caseEvents.kind })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'review_meeting_held')))
      .orderBy(desc(caseEvents.occurredAt))
      .limit(1);
    const last = already ? readCaseEvent(already) : null;
    if (review.meetingDate === heldOn && last?.kind === 'review_meeting_held' && last.details.reviewNumber === review.number) return { ok: true, duplicate: true };
    await saveReview(tx, review, { meetingDate: heldOn }, today, now);
    await event(tx, caseId, actor, now, caseEvent('review_meeting_held', { reviewNumber: review.number, heldOn }));
    await audit(tx, actor, 'hold:review-meeting', caseId, { number: review.number, heldOn });
    return { ok: true };
  });
}

export type SettingReport = { recommendations: string; documentId?: string | null };

/**
 * The meeting's report with its recommendations, usually from the setting, within two weeks of
 * the meeting; an uploaded report (`review_report` document) is linked to the review. The family
 * and the caseworker are told; the council's decision is due 4 weeks after the meeting.
 */
export async function recordReport(actor: User, caseId: string, report: SettingReport, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (review.reportReceivedOn !== null && review.reportRecommendations === report.recommendations) return { ok: true, duplicate: true };
    if (review.meetingDate === null || isAfter(review.meetingDate, today)) return { ok: false, error: 'errors.reviews.meetingNotHeld' };
    if (review.decision !== null) return { ok: false, error: 'errors.reviews.decided' };
    const saved = await saveReview(
      tx,
      review,
      { reportReceivedOn: review.reportReceivedOn ?? today, reportRecommendations: report.recommendations, reportBy: actor.id, reportWrittenIn: actor.locale },
      today,
      now,
    );
    if (report.documentId) {
      await tx
        .update(documents)
        .set({ annualReviewId: review.id, caseId, kind: 'review_report' })
        .where(and(eq(documents.id, report.documentId), eq(documents.uploadedBy, actor.id)));
    }
    await event(tx, caseId, actor, now, caseEvent('review_report_received', { reviewNumber: review.number, receivedOn: saved.reportReceivedOn ?? today }));
    await audit(tx, actor, 'report:review', caseId, { number: review.number });
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const [family, caseworker] = await Promise.all([familyAudience(tx, c.childId, 'read:case', today), caseworkerOf(tx, c.caseworkerId)]);
    await tell(tx, council, 'reviewReportReceived', [...family, ...caseworker], { childName: c.childName, date: reviewDates(reviewFactsOf(saved)).decisionBy, link: reviewLink(council, caseId) });
    return { ok: true };
  });
}

export type ReviewDecisionInput = { decision: ReviewDecision; reasons: string };

/** The plan version the caseworker is writing (not yet issued), if any. */
async function versionBeingWritten(tx: Transaction, caseId: string) {
  const [writing] = await tx
    .select()
    .from(planVersions)
    .where(and(eq(planVersions.caseId, caseId), isNull(planVersions.issuedOn)))
    .for('update');
  return writing ?? null;
}

/**
 * The council's decision after the meeting: keep the plan as it is, amend it, or cease it.
 * Keeping it or ceasing it needs reasons and carries appeal rights (mediation, the tribunal, the
 * last day from `appealDeadline`); keeping it completes the review and starts the next one.
 * Amending it needs the proposed amendments, written as a new plan version on the plan pages:
 * that version is issued with the decision, in this transaction (R (L, M and P) v Devon CC
 * [2022]), so `amendmentsSentOn` is the decision date, and the family's 15 days to comment start.
 * Ceasing leaves the case as it is: the plan is maintained until the appeal is over, and the
 * caseworker records the cease on the case then.
 */
export async function decideReview(actor: User, caseId: string, input: ReviewDecisionInput, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    // The same form sent twice: the first already decided (and may have completed the review).
    const done = await completedToday(tx, caseId, today);
    if (done?.decision === input.decision && done.decidedBy === actor.id) return { ok: true, duplicate: true };
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (review.decision !== null) return review.decision === input.decision ? { ok: true, duplicate: true } : { ok: false, error: 'errors.reviews.decided' };
    if (review.meetingDate === null || isAfter(review.meetingDate, today)) return { ok: false, error: 'errors.reviews.meetingNotHeld' };
    const change: Partial<AnnualReview> = {
      decision: input.decision,
      decisionOn: today,
      decisionReasons: input.reasons || null,
      decisionWrittenIn: actor.locale,
      decidedBy: actor.id,
    };
    let proposedNumber: number | null = null;
    if (input.decision === 'amend') {
      const writing = await versionBeingWritten(tx, caseId);
      if (!writing || writing.kind !== 'amended') return { ok: false, error: 'errors.reviews.noAmendments' };
      const readiness = readinessToIssue(parsePlanContent(writing.content), 'final');
      if (!readiness.ok) return { ok: false, missing: readiness.missing };
      await tx.update(planVersions).set({ issuedOn: today, issuedBy: actor.id, updatedAt: now }).where(eq(planVersions.id, writing.id));
      change.amendmentsSentOn = today;
      change.proposedPlanVersionId = writing.id;
      proposedNumber = writing.number;
    } else {
      // Keep or cease: nothing more is due on this review.
      change.completedOn = today;
    }
    const saved = await saveReview(tx, review, change, today, now);
    const dates = reviewDates(reviewFactsOf(saved));
    const appealBy = input.decision === 'amend' ? undefined : appealDeadline(today);
    await event(
      tx,
      caseId,
      actor,
      now,
      caseEvent('review_decided', {
        reviewNumber: review.number,
        decision: input.decision,
        decidedOn: today,
        writtenIn: actor.locale,
        ...(appealBy ? { appealDeadline: appealBy } : {}),
        ...(dates.commentsLastDay ? { commentsLastDay: dates.commentsLastDay } : {}),
      }),
    );
    // A decided annual review is a key step: the family is asked how it went (ADR 0052).
    await offerFeedbackFor(tx, { laId: review.laId, caseId }, 'review_decided', today);
    await audit(tx, actor, 'decide:review', caseId, { number: review.number, decision: input.decision, ...(proposedNumber ? { planVersion: proposedNumber } : {}) });
    if (input.decision === 'keep') {
      const start = nextCycleStart(reviewFactsOf(saved));
      if (start) await startNextReview(tx, caseId, start, actor.id, now);
    }
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const [family, setting] = await Promise.all([familyAudience(tx, c.childId, 'read:case', today), settingStaffOf(tx, c.namedSettingId)]);
    const link = reviewLink(council, caseId);
    const reasons = () => input.reasons;
    if (input.decision === 'amend') {
      await tell(tx, council, 'reviewAmendmentsProposed', family, { childName: c.childName, date: dates.commentsLastDay, link, detail: (_t, locale) => (dates.finalBy ? formatDate(dates.finalBy, locale) : '') });
    } else {
      await tell(tx, council, input.decision === 'keep' ? 'reviewPlanKept' : 'reviewPlanCeasing', family, { childName: c.childName, date: appealBy ?? null, link, detail: reasons });
    }
    await tell(tx, council, 'reviewDecisionForSetting', setting, { childName: c.childName, date: today, link, detail: (t) => t(decisionMailKeys[input.decision]) });
    return { ok: true };
  });
}

export type AmendmentComment = { section: PlanSection; body: string; formKey: string };

/** The family's comment on the proposed amendments, section by section, within their 15 days; the caseworker is told. */
export async function commentOnAmendments(user: User, caseId: string, comment: AmendmentComment, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review || review.decision !== 'amend' || !review.proposedPlanVersionId) return { ok: false, error: 'errors.reviews.commentsClosed' };
    const { commentsLastDay } = reviewDates(reviewFactsOf(review));
    if (!commentsLastDay || isAfter(today, commentsLastDay) || review.finalIssuedOn) return { ok: false, error: 'errors.reviews.commentsClosed' };
    const [row] = await tx
      .insert(draftPlanComments)
      .values({ caseId, authorId: user.id, section: comment.section, body: comment.body, formKey: comment.formKey, planVersionId: review.proposedPlanVersionId, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return { ok: true, duplicate: true };
    await event(tx, caseId, user, now, caseEvent('review_amendments_comment', { reviewNumber: review.number, section: comment.section }));
    await audit(tx, user, 'comment:review-amendments', caseId, { number: review.number, commentId: row.id });
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    await tell(tx, council, 'reviewCommentsReceived', await caseworkerOf(tx, c.caseworkerId), { childName: c.childName, date: reviewDates(reviewFactsOf(review)).finalBy, link: reviewLink(council, caseId) });
    return { ok: true };
  });
}

/**
 * The final amended plan: the version the caseworker wrote after the family's comments, issued
 * now, once the 15 days are over. The review completes and the next one's 12 months start from
 * this review's meeting (`nextCycleStart`). The family and the setting are told, and the family
 * can see what changed on the plan's compare page.
 */
export async function issueFinalAmendedPlan(actor: User, caseId: string, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    if ((await completedToday(tx, caseId, today))?.finalIssuedOn === today) return { ok: true, duplicate: true };
    const review = await openReviewForUpdate(tx, caseId);
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    if (review.decision !== 'amend' || !review.amendmentsSentOn) return { ok: false, error: 'errors.reviews.notNow' };
    const { commentsLastDay } = reviewDates(reviewFactsOf(review));
    if (commentsLastDay && !isAfter(today, commentsLastDay)) {
      // Every family member has said what they wanted to (one comment each at least): no need to wait.
      const commented = await tx.selectDistinct({ authorId: draftPlanComments.authorId }).from(draftPlanComments).where(eq(draftPlanComments.planVersionId, review.proposedPlanVersionId ?? ''));
      if (commented.length === 0) return { ok: false, error: 'errors.reviews.commentsOpen' };
    }
    const writing = await versionBeingWritten(tx, caseId);
    if (!writing || writing.kind !== 'amended') return { ok: false, error: 'errors.reviews.noAmendments' };
    const readiness = readinessToIssue(parsePlanContent(writing.content), 'final');
    if (!readiness.ok) return { ok: false, missing: readiness.missing };
    await tx.update(planVersions).set({ issuedOn: today, issuedBy: actor.id, updatedAt: now }).where(eq(planVersions.id, writing.id));
    const saved = await saveReview(tx, review, { finalIssuedOn: today, finalPlanVersionId: writing.id, completedOn: today }, today, now);
    await event(tx, caseId, actor, now, caseEvent('review_final_issued', { reviewNumber: review.number, issuedOn: today, planVersionNumber: writing.number }));
    await audit(tx, actor, 'issue:review-final', caseId, { number: review.number, planVersion: writing.number });
    const start = nextCycleStart(reviewFactsOf(saved));
    if (start) await startNextReview(tx, caseId, start, actor.id, now);
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const [family, setting] = await Promise.all([familyAudience(tx, c.childId, 'read:case', today), settingStaffOf(tx, c.namedSettingId)]);
    await tell(tx, council, 'reviewFinalIssued', [...family, ...setting], { childName: c.childName, date: today, link: reviewLink(council, caseId) });
    return { ok: true };
  });
}

export type ReviewApology = { step: ReviewStepName; reason: string; newExpectedDate: IsoDate };

/** An apology to the family for a review step that missed its date, with the reason and a new date, as for assessments. */
export async function apologiseForReviewStep(actor: User, caseId: string, apology: ReviewApology, formKey: string, now = new Date()): Promise<ReviewOutcome> {
  const today = todayInLondon(now);
  return step(async (tx) => {
    const review = (await openReviewForUpdate(tx, caseId)) ?? (await latestReviewForUpdate(tx, caseId));
    if (!review) return { ok: false, error: 'errors.reviews.noReview' };
    const missed = reviewSteps(reviewFactsOf(review), today).filter((s) => s.state === 'overdue' || s.state === 'done_late' || s.breaches.length > 0);
    if (!missed.some((s) => s.key === apology.step)) return { ok: false, error: 'errors.reviews.notMissed' };
    // The same form twice: one apology (the event keeps the form's key).
    const [sent] = await tx
      .select({ id: caseEvents.id })
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'review_apology_sent'), sql`${caseEvents.details}->>'formKey' = ${formKey}`));
    if (sent) return { ok: true, duplicate: true };
    await tx.insert(caseEvents).values({
      caseId,
      actorId: actor.id,
      occurredAt: now,
      kind: 'review_apology_sent',
      details: { ...caseEvent('review_apology_sent', { reviewNumber: review.number, ...apology, writtenIn: actor.locale }).details, formKey },
    });
    await audit(tx, actor, 'record:review-apology', caseId, { number: review.number, step: apology.step });
    const c = await caseForMail(tx, caseId);
    const council = await councilContext(c.laId, tx);
    const family = await familyAudience(tx, c.childId, 'read:case', today);
    await tell(tx, council, 'reviewApology', family, {
      childName: c.childName,
      date: apology.newExpectedDate,
      link: reviewLink(council, caseId),
      detail: (t) => t('reviewMail.apologyDetail', { step: t(stepMailKeys[apology.step]), reason: apology.reason }),
    });
    return { ok: true };
  });
}

// ---------------------------------------------------------------------------------------------
// The family's views for a review (Section A style, pictures welcome)

export type ReviewViewsText = { likeAndAdmire: string; importantNow: string; importantFuture: string; howToSupport: string; hopes: string };

/** One slot per voice and review: the child's (or young person's) own, and each parent's. */
function reviewSlot(reviewId: string, user: Pick<User, 'id' | 'role'>, voice: ViewVoice): string | null {
  if (voice === 'child') return `review:${reviewId}:child`;
  return user.role === 'parent' ? `review:${reviewId}:parent:${user.id}` : null;
}

/** Saves the family's views for the review under way (open until the council decides); a resend updates the same row. */
export async function saveReviewViews(user: User, caseId: string, voice: ViewVoice, text: ReviewViewsText, now = new Date()): Promise<{ ok: true; id: string } | { ok: false; error: ReviewError | 'errors.views.notYours' }> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const review = await openReviewForUpdate(tx, caseId);
    if (!review || review.decision !== null) return { ok: false as const, error: 'errors.reviews.notNow' as const };
    const slot = reviewSlot(review.id, user, voice);
    if (!slot) return { ok: false as const, error: 'errors.views.notYours' as const };
    const [row] = await tx
      .insert(familyViews)
      .values({ caseId, reviewId: review.id, voice, slot, writtenBy: user.id, ...text, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [familyViews.caseId, familyViews.slot], set: { ...text, writtenBy: user.id, updatedAt: now } })
      .returning();
    await event(tx, caseId, user, now, caseEvent('review_views_saved', { reviewNumber: review.number, voice }));
    await audit(tx, user, 'save:review-views', caseId, { number: review.number, voice });
    return { ok: true as const, id: row.id };
  });
}

export type ReviewViewsEntry = ReviewViewsText & {
  id: string;
  voice: ViewVoice;
  writerId: string;
  writerName: string;
  updatedAt: string;
  pictures: { id: string; name: string; sizeKb: number }[];
};

export async function viewsOfReview(reviewId: string): Promise<ReviewViewsEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ views: familyViews, writerName: users.name })
    .from(familyViews)
    .innerJoin(users, eq(users.id, familyViews.writtenBy))
    .where(eq(familyViews.reviewId, reviewId))
    .orderBy(asc(familyViews.createdAt));
  const ids = rows.map((r) => r.views.id);
  const pictures = ids.length ? await db.select().from(documents).where(inArray(documents.familyViewsId, ids)).orderBy(asc(documents.createdAt)) : [];
  return rows
    .map(({ views, writerName }) => ({
      id: views.id,
      voice: views.voice,
      writerId: views.writtenBy,
      writerName,
      updatedAt: views.updatedAt.toISOString(),
      likeAndAdmire: views.likeAndAdmire,
      importantNow: views.importantNow,
      importantFuture: views.importantFuture,
      howToSupport: views.howToSupport,
      hopes: views.hopes,
      pictures: pictures.filter((p) => p.familyViewsId === views.id).map((p) => ({ id: p.id, name: p.originalName, sizeKb: sizeInKb(p.sizeBytes) })),
    }))
    .sort((a, b) => (a.voice === b.voice ? 0 : a.voice === 'child' ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Reading

export type ReviewView = {
  id: string;
  number: number;
  facts: ReviewFacts;
  dates: ReturnType<typeof reviewDates>;
  steps: ReturnType<typeof reviewSteps>;
  status: ReturnType<typeof reviewStatus>;
  transferKind: AnnualReview['transferKind'];
  meetingDetails: string | null;
  reportRecommendations: string | null;
  reportWrittenIn: string | null;
  decisionReasons: string | null;
  decisionWrittenIn: string | null;
  appealBy: IsoDate | null;
  proposedVersionNumber: number | null;
  finalVersionNumber: number | null;
  /** The plan version the final amended plan replaced (to compare with). */
  replacedVersionNumber: number | null;
  completedOn: string | null;
  reportDocuments: { id: string; name: string; sizeKb: number }[];
};

async function versionNumber(db: Executor, id: string | null): Promise<number | null> {
  if (!id) return null;
  const [row] = await db.select({ number: planVersions.number }).from(planVersions).where(eq(planVersions.id, id));
  return row?.number ?? null;
}

/** A case's reviews, newest first, each read through the pure module on `today`. */
export async function reviewsOfCase(caseId: string, today = todayInLondon()): Promise<ReviewView[]> {
  const db = await getDb();
  const rows = await db.select().from(annualReviews).where(eq(annualReviews.caseId, caseId)).orderBy(desc(annualReviews.number));
  const reports = rows.length
    ? await db
        .select()
        .from(documents)
        .where(and(inArray(documents.annualReviewId, rows.map((r) => r.id)), eq(documents.kind, 'review_report')))
    : [];
  return Promise.all(
    rows.map(async (review) => {
      const facts = reviewFactsOf(review);
      const [proposed, final] = await Promise.all([versionNumber(db, review.proposedPlanVersionId), versionNumber(db, review.finalPlanVersionId)]);
      // The version the amendments replace: the last issued plan before them.
      const [replaced] =
        proposed === null
          ? []
          : await db
              .select({ number: planVersions.number })
              .from(planVersions)
              .where(and(eq(planVersions.caseId, caseId), isNotNull(planVersions.issuedOn), ne(planVersions.kind, 'draft'), lt(planVersions.number, proposed)))
              .orderBy(desc(planVersions.number))
              .limit(1);
      return {
        id: review.id,
        number: review.number,
        facts,
        dates: reviewDates(facts),
        steps: reviewSteps(facts, today),
        status: reviewStatus(facts, today),
        transferKind: review.transferKind,
        meetingDetails: review.meetingDetails,
        reportRecommendations: review.reportRecommendations,
        reportWrittenIn: review.reportWrittenIn,
        decisionReasons: review.decisionReasons,
        decisionWrittenIn: review.decisionWrittenIn,
        appealBy: review.decision && review.decision !== 'amend' && review.decisionOn ? appealDeadline(review.decisionOn) : null,
        proposedVersionNumber: proposed,
        finalVersionNumber: final,
        replacedVersionNumber: replaced?.number ?? null,
        completedOn: review.completedOn,
        reportDocuments: reports.filter((d) => d.annualReviewId === review.id).map((d) => ({ id: d.id, name: d.originalName, sizeKb: sizeInKb(d.sizeBytes) })),
      };
    }),
  );
}

/** The review under way on a case, or the latest one. */
export async function currentReview(caseId: string, today = todayInLondon()): Promise<ReviewView | null> {
  const reviews = await reviewsOfCase(caseId, today);
  return reviews.find((r) => r.completedOn === null) ?? reviews[0] ?? null;
}

export type ReviewApologyEntry = { id: string; reviewNumber: number; step: ReviewStepName; reason: string; newExpectedDate: IsoDate; actorName: string | null; writtenIn?: string };

/** Apologies sent for missed review dates, newest first. */
export async function reviewApologies(caseId: string): Promise<ReviewApologyEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: caseEvents.id, kind: caseEvents.kind, details: caseEvents.details, actorName: users.name })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorId))
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'review_apology_sent')))
    .orderBy(desc(caseEvents.occurredAt));
  return rows.flatMap((row) => {
    const read = readCaseEvent(row);
    return isCaseEventOf('review_apology_sent')(read) ? [{ id: row.id, actorName: row.actorName, ...read.details }] : [];
  });
}

/** The family's comments on the proposed amendments of a review, oldest first. */
export async function amendmentComments(planVersionId: string | null) {
  if (!planVersionId) return [];
  const db = await getDb();
  const rows = await db
    .select({ comment: draftPlanComments, authorName: users.name })
    .from(draftPlanComments)
    .innerJoin(users, eq(users.id, draftPlanComments.authorId))
    .where(eq(draftPlanComments.planVersionId, planVersionId))
    .orderBy(asc(draftPlanComments.createdAt));
  return rows.map(({ comment, authorName }) => ({ id: comment.id, section: comment.section, body: comment.body, authorName, createdAt: comment.createdAt.toISOString() }));
}

/** The id of a review's proposed amendments version (for comments). */
export async function proposedVersionIdOf(caseId: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ id: annualReviews.proposedPlanVersionId })
    .from(annualReviews)
    .where(and(eq(annualReviews.caseId, caseId), isNull(annualReviews.completedOn)));
  return row?.id ?? null;
}

/** Whether the case has a plan version being written, and of which kind (the decision and final pages say so). */
export async function amendedVersionBeingWritten(caseId: string): Promise<{ number: number } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ number: planVersions.number, kind: planVersions.kind })
    .from(planVersions)
    .where(and(eq(planVersions.caseId, caseId), isNull(planVersions.issuedOn)));
  return row && row.kind === 'amended' ? { number: row.number } : null;
}

export type { Case };
