import { and, eq, inArray } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { caseEvents, cases, childParents, children, feedbackOffers, feedbackResponses, users } from '../../db/schema';
import { offersFromEvents, redactNames, type FeedbackStep } from '~/domain/feedback';
import { addDays, compareDates, todayInLondon, type IsoDate } from '~/domain/timescales';
import { namesHeldFor } from '~/features/feedback/index.server';

/**
 * The demo's family feedback (ADR 0052), so the managers' results have a year to show:
 * - every demo case is offered the surveys its history has reached (the same rule the portal
 *   applies when a step is recorded, app/domain/feedback.ts `offersFromEvents`);
 * - the East team's families (no other journey signs in as them) answer about half of theirs,
 *   a few with comments that name people, stored with the names taken out as the portal would;
 *   the review families (parent8 to parent14, bar Jack's parent11) answer the any-time survey
 *   across the last 12 months;
 * - Rachel Ahmed (family01.east@example.com), whose request for Amelia arrived three days ago,
 *   has the demo password and her survey about sending it still open: the browser test answers it.
 * Deterministic: the same answers from the same seed day every time.
 */
export const OPEN_SURVEY_PARENT = 'family01.east@example.com';

const KEY_KINDS = ['request_received', 'assessment_agreed', 'assessment_refused', 'final_plan_issued', 'review_decided'];

const COMMENTS = [
  'Ben Adeleke kept us informed every step of the way. Thank you.',
  'We waited a long time for news about {child}. Please reply sooner, our number is 07700 900456.',
  'The online form was clear but uploading the school report for {child} took three tries.',
  'I did not understand the letter. Could someone call me on 01632 960777?',
  'Very helpful caseworker. {child} is much happier now.',
];

const ANY_TIME_PARENTS = ['parent8@example.com', 'parent9@example.com', 'parent10@example.com', 'parent12@example.com', 'parent13@example.com', 'parent14@example.com'];

export async function seedDemoFeedback(tx: Transaction, laId: string, now: Date, passwordHash: string): Promise<void> {
  const today = todayInLondon(now);
  const events = await tx
    .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, occurredAt: caseEvents.occurredAt })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(cases.laId, laId), inArray(caseEvents.kind, KEY_KINDS)));
  const byCase = new Map<string, { kind: string; on: IsoDate }[]>();
  for (const e of events) byCase.set(e.caseId, [...(byCase.get(e.caseId) ?? []), { kind: e.kind, on: todayInLondon(e.occurredAt) }]);
  const offers = [...byCase.entries()].flatMap(([caseId, list]) => offersFromEvents(list).map((o) => ({ laId, caseId, ...o })));
  if (offers.length) await tx.insert(feedbackOffers).values(offers);

  // Who answers for each case: its parent's account.
  const caseRows = await tx
    .select({ id: cases.id, childId: cases.childId, laId: cases.laId, reference: cases.reference, requestReceived: cases.requestReceived, childFirst: children.firstName, parentId: users.id, email: users.email })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(childParents, eq(childParents.childId, cases.childId))
    .innerJoin(users, eq(users.id, childParents.userId))
    .where(eq(cases.laId, laId));
  const caseById = new Map(caseRows.map((c) => [c.id, c]));
  const answers: (typeof feedbackResponses.$inferInsert)[] = [];
  const answer = async (c: (typeof caseRows)[number], step: FeedbackStep, n: number, respondedOn: IsoDate) => {
    const satisfaction = [5, 4, 4, 3, 5, 2, 4, 1, 5, 4][n % 10];
    const text = n % 3 === 0 ? COMMENTS[(n / 3) % COMMENTS.length].replace('{child}', c.childFirst) : null;
    // Stored as the portal stores it: the names the council holds for the case taken out first.
    const comment = text ? redactNames(text, await namesHeldFor(tx, c)) : null;
    answers.push({ laId, caseId: c.id, step, respondentId: c.parentId, satisfaction, ease: n % 4 === 0 ? null : Math.max(1, satisfaction - (n % 2)), comment, respondedOn, respondedAt: new Date(`${respondedOn}T12:00:00Z`) });
  };

  // The East team's families answer about half of what they were offered, a few days after.
  const east = offers
    .filter((o) => caseById.get(o.caseId)?.email?.endsWith('.east@example.com') && caseById.get(o.caseId)?.email !== OPEN_SURVEY_PARENT)
    .sort((a, b) => compareDates(a.offeredOn, b.offeredOn) || caseById.get(a.caseId)!.reference.localeCompare(caseById.get(b.caseId)!.reference));
  for (const [i, offer] of east.entries()) {
    const respondedOn = addDays(offer.offeredOn, 2 + (i % 9));
    if (i % 2 === 1 || compareDates(respondedOn, today) > 0) continue;
    await answer(caseById.get(offer.caseId)!, offer.step, i, respondedOn);
  }
  // The any-time survey, across the last 12 months, from families whose plans are older than that.
  const anyTime = caseRows.filter((c) => c.email && ANY_TIME_PARENTS.includes(c.email)).sort((a, b) => a.reference.localeCompare(b.reference));
  for (const [i, c] of anyTime.entries()) {
    const respondedOn = addDays(today, -(20 + i * 55));
    if (compareDates(respondedOn, c.requestReceived) > 0) await answer(c, 'any_time', i + 1, respondedOn);
  }
  if (answers.length) await tx.insert(feedbackResponses).values(answers);

  // Rachel Ahmed signs up, so her open survey can be answered.
  await tx.update(users).set({ passwordHash, emailVerifiedAt: now }).where(eq(users.email, OPEN_SURVEY_PARENT));
}
