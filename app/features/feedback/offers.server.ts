import type { Database, Transaction } from '../../../db/client';
import { feedbackOffers } from '../../../db/schema';
import { feedbackStepOf } from '~/domain/feedback';
import type { IsoDate } from '~/domain/timescales';

/**
 * Offers a step's survey to the case's family when `eventKind` is a key step (ADR 0052): called
 * by the writer of that step, in its own transaction, so a step is never recorded without its
 * offer. A step reached again (a second annual review) keeps its first offer.
 */
export async function offerFeedbackFor(tx: Transaction | Database, at: { laId: string; caseId: string }, eventKind: string, on: IsoDate) {
  const step = feedbackStepOf(eventKind);
  if (!step) return;
  await tx.insert(feedbackOffers).values({ laId: at.laId, caseId: at.caseId, step, offeredOn: on }).onConflictDoNothing();
}
