import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { feedbackSteps, offeredSteps } from '../../app/domain/feedback';
import { id } from './columns';
import { users } from './people';
import { caseIdColumn, laIdColumn } from './ownership';

/**
 * A key step's survey offered to a case's family (issue 16, item 6; ADR 0052), written in the
 * same transaction as the step itself: one per case and step, on the first day the step was
 * reached. The offers are what a response rate divides by.
 */
export const feedbackOffers = pgTable(
  'feedback_offers',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    step: text('step', { enum: offeredSteps }).notNull(),
    offeredOn: date('offered_on', { mode: 'string' }).notNull(),
  },
  (t) => [uniqueIndex('feedback_offers_case_step').on(t.caseId, t.step), index('feedback_offers_la').on(t.laId, t.offeredOn)],
);

/**
 * A family's answer to one step's survey: one per case and step, whoever of the family answers
 * (a second parent, or the same form sent twice, finds it answered). The comment is stored with
 * the names the council holds for the case already taken out, and is shown only to the council's
 * managers.
 */
export const feedbackResponses = pgTable(
  'feedback_responses',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    step: text('step', { enum: feedbackSteps }).notNull(),
    respondentId: uuid('respondent_id')
      .notNull()
      .references(() => users.id),
    /** 5 very satisfied .. 1 very dissatisfied. */
    satisfaction: smallint('satisfaction').notNull(),
    /** 5 very easy .. 1 very difficult; null when not answered. */
    ease: smallint('ease'),
    /** Redacted before it is stored (app/domain/feedback.ts redactNames); null when left empty. */
    comment: text('comment'),
    /** The London day of the answer: the quarter the any-time survey counts in. */
    respondedOn: date('responded_on', { mode: 'string' }).notNull(),
    respondedAt: timestamp('responded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('feedback_responses_case_step').on(t.caseId, t.step),
    index('feedback_responses_la').on(t.laId, t.respondedOn),
    check('feedback_responses_satisfaction', sql`${t.satisfaction} between 1 and 5`),
    check('feedback_responses_ease', sql`${t.ease} is null or ${t.ease} between 1 and 5`),
  ],
);

export type FeedbackOfferRow = typeof feedbackOffers.$inferSelect;
export type FeedbackResponseRow = typeof feedbackResponses.$inferSelect;
