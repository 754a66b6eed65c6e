import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { users, writtenIn } from './people';
import { planVersions } from './plans';
import { educationSettings } from './tenancy';
import { caseIdColumn, laIdColumn } from './ownership';

export const reviewDecisions = ['keep', 'amend', 'cease'] as const;
export type ReviewDecision = (typeof reviewDecisions)[number];

export const phaseTransferKinds = ['phase', 'post16'] as const;

/**
 * One annual review of a plan (CFA 2014 s.44; SEND Regs 2014 regs 18-22), from the 12 months it
 * falls in to the council's decision and, when amending, the final amended plan. What happened is
 * kept as dates; the statutory dates and each step's state are computed from them by the pure
 * app/domain/annual-review.ts. `next_due_on`/`next_due_step` store the earliest outstanding
 * deadline, kept in the same transaction as each change, so lists are queries (issue 17).
 */
export const annualReviews = pgTable(
  'annual_reviews',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    /** Numbered per case from 1. */
    number: integer('number').notNull(),
    /** The plan's issue date or the last review meeting: the 12 months run from here. */
    cycleStart: date('cycle_start', { mode: 'string' }).notNull(),
    /** A review before a move between phases (reg 18): its kind and the day the child moves. */
    transferKind: text('transfer_kind', { enum: phaseTransferKinds }),
    transferDate: date('transfer_date', { mode: 'string' }),
    /** For a transfer: the setting consulted about a place, and the one the amended plan names. */
    consultedSettingId: uuid('consulted_setting_id').references(() => educationSettings.id),
    namedSettingId: uuid('named_setting_id').references(() => educationSettings.id),
    meetingDate: date('meeting_date', { mode: 'string' }),
    /** Where and how the meeting is held, as the person arranging it wrote it. */
    meetingDetails: text('meeting_details'),
    arrangedBy: uuid('arranged_by').references(() => users.id),
    noticeSentOn: date('notice_sent_on', { mode: 'string' }),
    adviceCirculatedOn: date('advice_circulated_on', { mode: 'string' }),
    /** The meeting report with its recommendations, usually from the setting. */
    reportReceivedOn: date('report_received_on', { mode: 'string' }),
    reportRecommendations: text('report_recommendations'),
    reportWrittenIn: writtenIn('report_written_in'),
    reportBy: uuid('report_by').references(() => users.id),
    decision: text('decision', { enum: reviewDecisions }),
    decisionOn: date('decision_on', { mode: 'string' }),
    decisionReasons: text('decision_reasons'),
    decisionWrittenIn: writtenIn('decision_written_in'),
    decidedBy: uuid('decided_by').references(() => users.id),
    /** The amendment notice, sent with the decision (R (L, M and P) v Devon CC [2022]). */
    amendmentsSentOn: date('amendments_sent_on', { mode: 'string' }),
    proposedPlanVersionId: uuid('proposed_plan_version_id').references(() => planVersions.id),
    finalIssuedOn: date('final_issued_on', { mode: 'string' }),
    finalPlanVersionId: uuid('final_plan_version_id').references(() => planVersions.id),
    /** Set when nothing more is due on this review: the next one's 12 months have begun. */
    completedOn: date('completed_on', { mode: 'string' }),
    nextDueOn: date('next_due_on', { mode: 'string' }),
    nextDueStep: text('next_due_step'),
    /** The date the review's meeting is due by (`reviewDates(...).meetingDueBy`), kept with nextDueOn: the term a review falls in, as a query. */
    meetingDueOn: date('meeting_due_on', { mode: 'string' }),
    /** The council's decision is due 4 weeks after the meeting (`reviewDates(...).decisionBy`), once it has a date. */
    decisionDueOn: date('decision_due_on', { mode: 'string' }),
    /** Before a transfer between phases: the day the review and any amendment must be done by (`reviewDates(...).transferLastDay`). */
    transferLastDay: date('transfer_last_day', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('annual_reviews_case_number').on(t.caseId, t.number),
    // One review under way per case: a double submit starts one.
    uniqueIndex('annual_reviews_one_open').on(t.caseId).where(sql`${t.completedOn} is null`),
    index('annual_reviews_la_next_due').on(t.laId, t.nextDueOn),
    index('annual_reviews_consulted_setting').on(t.consultedSettingId),
    index('annual_reviews_la_meeting_due').on(t.laId, t.meetingDueOn),
    index('annual_reviews_la_decision_due').on(t.laId, t.decisionDueOn),
    index('annual_reviews_la_transfer').on(t.laId, t.transferLastDay).where(sql`transfer_last_day IS NOT NULL`),
  ],
);

/** Reminders sent before a review's deadlines, once each (the key names the step and its date, so a moved date reminds again). */
export const reviewRemindersSent = pgTable(
  'review_reminders_sent',
  {
    reviewId: uuid('review_id')
      .notNull()
      .references(() => annualReviews.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.key] })],
);

/** The notice each setting gets two weeks before a term of the reviews falling in it (CoP 9.172), once per term. */
export const settingTermNotices = pgTable(
  'setting_term_notices',
  {
    settingId: uuid('setting_id')
      .notNull()
      .references(() => educationSettings.id),
    /** e.g. "2027-spring". */
    term: text('term').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.settingId, t.term] })],
);

export type AnnualReview = typeof annualReviews.$inferSelect;
