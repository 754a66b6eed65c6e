import { eq } from 'drizzle-orm';
import { annualReviews, type AnnualReview } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { reviewDates, reviewStatus, type ReviewFacts } from '~/domain/annual-review';
import type { IsoDate } from '~/domain/timescales';

/**
 * What the pure module needs of a stored review (app/domain/annual-review.ts): the dates of what
 * happened, and the transfer when the review comes before a move between phases.
 */
export function reviewFactsOf(review: AnnualReview): ReviewFacts {
  return {
    cycleStart: review.cycleStart,
    transfer: review.transferKind && review.transferDate ? { kind: review.transferKind, transferDate: review.transferDate } : null,
    meetingDate: review.meetingDate,
    noticeSentOn: review.noticeSentOn,
    adviceCirculatedOn: review.adviceCirculatedOn,
    reportReceivedOn: review.reportReceivedOn,
    decision: review.decision,
    decisionOn: review.decisionOn,
    amendmentsSentOn: review.amendmentsSentOn,
    finalIssuedOn: review.finalIssuedOn,
  };
}

/** The stored dates lists and reports are queried by, for a review's facts on `today`. */
export function storedDueOf(facts: ReviewFacts, today: IsoDate) {
  const status = reviewStatus(facts, today);
  const dates = reviewDates(facts);
  return {
    nextDueOn: status.nextDue?.dueBy ?? null,
    nextDueStep: status.nextDue?.step ?? null,
    meetingDueOn: dates.meetingDueBy,
    decisionDueOn: dates.decisionBy,
    transferLastDay: dates.transferLastDay,
  };
}

/**
 * Stores a review's next deadline and the date its meeting is due by, from its facts as they now
 * are, through `tx` (call it in the transaction that changed the facts). The one place these
 * columns are written: the lists at /reviews and the reminders read them (ADR 0048).
 */
export async function storeReviewDue(tx: Database | Transaction, reviewId: string, today: IsoDate): Promise<AnnualReview | null> {
  const [review] = await tx.select().from(annualReviews).where(eq(annualReviews.id, reviewId));
  if (!review) return null;
  const [stored] = await tx
    .update(annualReviews)
    .set({ ...storedDueOf(reviewFactsOf(review), today), updatedAt: new Date() })
    .where(eq(annualReviews.id, reviewId))
    .returning();
  return stored;
}
