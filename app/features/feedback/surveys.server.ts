import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client';
import { adviceRequests, caseEvents, cases, childParents, children, feedbackOffers, feedbackResponses, users, type Case, type User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { caseEvent } from '~/domain/case-events';
import { openSteps, redactNames, surveyOpen, type FeedbackOffer, type FeedbackStep, type OfferedStep } from '~/domain/feedback';
import { todayInLondon } from '~/domain/timescales';
import type { FeedbackAnswer } from './feedback-form.server';

/**
 * The family's side of the feedback survey (ADR 0052): which surveys are open on a case, and
 * answering one. One answer per case and step, whoever of the family gives it.
 */

export type CaseSurveys = {
  /** Key steps whose survey is open now, in case order. */
  open: OfferedStep[];
  /** Whether the any-time survey is still unanswered. */
  anyTimeOpen: boolean;
};

async function offersAndAnswers(db: Database | Transaction, caseId: string) {
  const [offers, answered] = await Promise.all([
    db.select({ step: feedbackOffers.step, offeredOn: feedbackOffers.offeredOn }).from(feedbackOffers).where(eq(feedbackOffers.caseId, caseId)),
    db.select({ step: feedbackResponses.step }).from(feedbackResponses).where(eq(feedbackResponses.caseId, caseId)),
  ]);
  return { offers: offers as FeedbackOffer[], answered: answered.map((a) => a.step) as FeedbackStep[] };
}

export async function surveysOf(caseId: string, today = todayInLondon()): Promise<CaseSurveys> {
  const { offers, answered } = await offersAndAnswers(await getDb(), caseId);
  return { open: openSteps(offers, answered, today), anyTimeOpen: !answered.includes('any_time') };
}

export type SurveyState = 'open' | 'answered' | 'not_offered';

/** Whether the family may answer `step` now, has answered it, or was never asked (or asked too long ago). */
export async function surveyState(caseId: string, step: FeedbackStep, today = todayInLondon()): Promise<SurveyState> {
  const { offers, answered } = await offersAndAnswers(await getDb(), caseId);
  if (answered.includes(step)) return 'answered';
  return surveyOpen(step, offers, answered, today) ? 'open' : 'not_offered';
}

/**
 * The names the council holds for a case, to take out of a comment: the child's, the family's
 * accounts (parents, the young person), the council's staff (every caseworker and manager of
 * the council, so a name from another team is caught too) and the professionals asked for advice.
 */
export async function namesHeldFor(tx: Database | Transaction, caseRecord: Pick<Case, 'id' | 'childId' | 'laId'>): Promise<string[]> {
  const [child, family, staff, professionals, allocated] = await Promise.all([
    tx.select({ first: children.firstName, last: children.lastName, youngPersonId: children.youngPersonUserId }).from(children).where(eq(children.id, caseRecord.childId)),
    tx.select({ name: users.name }).from(childParents).innerJoin(users, eq(users.id, childParents.userId)).where(eq(childParents.childId, caseRecord.childId)),
    tx
      .select({ name: users.name })
      .from(users)
      .where(and(eq(users.laId, caseRecord.laId), inArray(users.role, ['caseworker', 'manager', 'la_admin']))),
    tx.select({ name: users.name }).from(adviceRequests).innerJoin(users, eq(users.id, adviceRequests.professionalId)).where(eq(adviceRequests.caseId, caseRecord.id)),
    tx.select({ details: caseEvents.details }).from(caseEvents).where(and(eq(caseEvents.caseId, caseRecord.id), eq(caseEvents.kind, 'caseworker_allocated'))),
  ]);
  const names = [...family, ...staff, ...professionals].map((r) => r.name);
  for (const c of child) {
    names.push(`${c.first} ${c.last}`, c.first, c.last);
    if (c.youngPersonId) {
      const [yp] = await tx.select({ name: users.name }).from(users).where(eq(users.id, c.youngPersonId));
      if (yp) names.push(yp.name);
    }
  }
  // A caseworker since gone from the council is still named on the case's history.
  for (const a of allocated) {
    const name = (a.details as { caseworkerName?: unknown } | null)?.caseworkerName;
    if (typeof name === 'string') names.push(name);
  }
  return names;
}

export type AnswerOutcome = { ok: true; duplicate: boolean } | { ok: false; error: 'closed' };

/**
 * Records the family's answer, its comment stripped of the names the council holds for the
 * case before it is stored, with its case event and audit row. A second answer to the same step
 * (the form sent twice, or the other parent) finds it answered and changes nothing.
 */
export async function answerSurvey(
  user: Pick<User, 'id'>,
  caseRecord: Pick<Case, 'id' | 'childId' | 'laId'>,
  step: FeedbackStep,
  answer: FeedbackAnswer,
  options: { now?: Date; address?: string } = {},
): Promise<AnswerOutcome> {
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  const db = await getDb();
  return db.transaction(async (tx): Promise<AnswerOutcome> => {
    // One answer at a time per case: the row lock makes a double submit wait for the first.
    await tx.select({ id: cases.id }).from(cases).where(eq(cases.id, caseRecord.id)).for('update');
    const { offers, answered } = await offersAndAnswers(tx, caseRecord.id);
    if (answered.includes(step)) return { ok: true, duplicate: true };
    if (!surveyOpen(step, offers, answered, today)) return { ok: false, error: 'closed' };
    const comment = answer.comment ? redactNames(answer.comment, await namesHeldFor(tx, caseRecord)) : null;
    const [row] = await tx
      .insert(feedbackResponses)
      .values({ laId: caseRecord.laId, caseId: caseRecord.id, step, respondentId: user.id, satisfaction: answer.satisfaction, ease: answer.ease, comment, respondedOn: today, respondedAt: now })
      .onConflictDoNothing()
      .returning({ id: feedbackResponses.id });
    if (!row) return { ok: true, duplicate: true };
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: user.id, occurredAt: now, ...caseEvent('feedback_given', { step }) });
    await recordAudit({ userId: user.id, action: 'give:feedback', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', address: options.address, details: { step, responseId: row.id } }, tx);
    return { ok: true, duplicate: false };
  });
}

