import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { users, writtenIn } from './people';
import { planVersions } from './plans';
import { annualReviews } from './reviews';
import { planSections } from '../../app/domain/plan-content';
import { caseIdColumn, laIdColumn } from './ownership';
import { sql } from 'drizzle-orm';

/** Whose advice the LA asks for during an EHC needs assessment (SEND Regulations 2014, reg 6). */
export const adviceKinds = ['educational_psychologist', 'health', 'social_care', 'school', 'other'] as const;
export type AdviceKind = (typeof adviceKinds)[number];

/** open: asked, not yet answered (the professional may save a draft); submitted or cancelled: closed. */
export const adviceRequestStates = ['open', 'submitted', 'cancelled'] as const;
export type AdviceRequestState = (typeof adviceRequestStates)[number];

/**
 * One request for advice to one named professional, and the advice itself once written. The
 * professional may read the case only while a request is open and for a short grace period after
 * it closes (app/domain/advice.ts).
 */
export const adviceRequests = pgTable(
  'advice_requests',
  {
    id: id(),
    caseId: caseIdColumn(),
    /** The case's council: its reports find advice sent in a period by index (ADR 0057). */
    laId: laIdColumn(),
    professionalId: uuid('professional_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: adviceKinds }).notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    /** The day the professional was asked: the 6-week clock (reg 8) starts here. May be earlier than the record (asked by letter). */
    requestedOn: date('requested_on', { mode: 'string' }).notNull(),
    dueBy: date('due_by', { mode: 'string' }).notNull(),
    state: text('state', { enum: adviceRequestStates }).notNull().default('open'),
    /** The advice, section by section; saved as a draft until submitted. */
    needs: text('needs'),
    provision: text('provision'),
    outcomes: text('outcomes'),
    consulted: text('consulted'),
    /** The professional's language when they last saved the advice. */
    writtenIn: writtenIn(),
    draftSavedAt: timestamp('draft_saved_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** The London day the request closed (submitted or cancelled): the access grace period counts from it. */
    closedOn: date('closed_on', { mode: 'string' }),
    /** Submitted advice goes to the family unless the LA holds it back, always with a reason. */
    withheldReason: text('withheld_reason'),
    withheldBy: uuid('withheld_by').references(() => users.id),
    familyNotifiedAt: timestamp('family_notified_at', { withTimezone: true }),
    /** Written when the reminder or overdue email goes, so a rerun sends nothing twice. */
    reminderSentAt: timestamp('reminder_sent_at', { withTimezone: true }),
    overdueNoticeSentAt: timestamp('overdue_notice_sent_at', { withTimezone: true }),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('advice_requests_case').on(t.caseId),
    index('advice_requests_la_submitted').on(t.laId, t.submittedAt).where(sql`state = 'submitted'`),
    index('advice_requests_professional').on(t.professionalId, t.state),
    uniqueIndex('advice_requests_form').on(t.requestedBy, t.formKey),
  ],
);

/** Whose voice a Section A contribution is: the parent's, or the child's / young person's own. */
export const viewVoices = ['parent', 'child'] as const;
export type ViewVoice = (typeof viewVoices)[number];

/**
 * "All about me" (Section A of the plan). One contribution per parent and one for the child or
 * young person per case: `slot` is 'child' or 'parent:<user id>', so a resend updates, never duplicates.
 */
export const familyViews = pgTable(
  'family_views',
  {
    id: id(),
    caseId: caseIdColumn(),
    voice: text('voice', { enum: viewVoices }).notNull(),
    slot: text('slot').notNull(),
    /** Who typed it: the parent, the young person, or a parent writing down a young child's words. */
    writtenBy: uuid('written_by')
      .notNull()
      .references(() => users.id),
    likeAndAdmire: text('like_and_admire').notNull().default(''),
    importantNow: text('important_now').notNull().default(''),
    importantFuture: text('important_future').notNull().default(''),
    howToSupport: text('how_to_support').notNull().default(''),
    hopes: text('hopes').notNull().default(''),
    /** Views for an annual review (ADR 0047); null: the views for the needs assessment. The slot then starts with `review:<id>:`. */
    reviewId: uuid('review_id').references(() => annualReviews.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('family_views_slot').on(t.caseId, t.slot)],
);

/** The sections of an EHC plan (SEND Regulations 2014, reg 12). */
export { planSections, type PlanSection } from '../../app/domain/plan-content';

export const commentResponses = ['accepted', 'changed', 'declined'] as const;
export type CommentResponse = (typeof commentResponses)[number];

/** A family's comment on one section of the draft plan, and what the LA did about it. */
export const draftPlanComments = pgTable(
  'draft_plan_comments',
  {
    id: id(),
    caseId: caseIdColumn(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    /** The structured draft the comment is on (null: a comment on an uploaded draft). */
    planVersionId: uuid('plan_version_id').references(() => planVersions.id),
    section: text('section', { enum: planSections }).notNull(),
    body: text('body').notNull(),
    formKey: text('form_key').notNull(),
    response: text('response', { enum: commentResponses }),
    responseReasons: text('response_reasons'),
    respondedBy: uuid('responded_by').references(() => users.id),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('draft_plan_comments_case').on(t.caseId, t.createdAt), uniqueIndex('draft_plan_comments_form').on(t.authorId, t.formKey)],
);

/** The family's answer to the draft beside their comments: the school they want named, and whether they want a meeting. */
export const draftPlanPreferences = pgTable(
  'draft_plan_preferences',
  {
    id: id(),
    caseId: caseIdColumn(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    preferredSetting: text('preferred_setting').notNull().default(''),
    meetingRequested: boolean('meeting_requested').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('draft_plan_preferences_author').on(t.caseId, t.authorId)],
);

/** A meeting about the case. The family is invited unless a recorded reason says otherwise; minutes are always shared with them. */
export const caseMeetings = pgTable(
  'case_meetings',
  {
    id: id(),
    caseId: caseIdColumn(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    attendees: text('attendees').notNull(),
    minutes: text('minutes').notNull(),
    familyInvited: boolean('family_invited').notNull().default(true),
    professionalsOnlyReason: text('professionals_only_reason'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_meetings_case').on(t.caseId, t.heldOn), uniqueIndex('case_meetings_form').on(t.recordedBy, t.formKey)],
);

export type AdviceRequest = typeof adviceRequests.$inferSelect;
export type FamilyViews = typeof familyViews.$inferSelect;
export type DraftPlanComment = typeof draftPlanComments.$inferSelect;
export type CaseMeeting = typeof caseMeetings.$inferSelect;
