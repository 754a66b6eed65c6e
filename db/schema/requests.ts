import { bigint, date, index, jsonb, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { adviceRequests, familyViews } from './advice';
import { cases } from './cases';
import { children, users } from './people';
import { annualReviews } from './reviews';
import { educationSettings } from './tenancy';

/** Case references count up across the portal: NFB-2026-00042. */
export const caseReferenceSeq = pgSequence('case_reference_seq', { startWith: 100 });

export const requestStatuses = ['draft', 'submitted'] as const;

/**
 * A request for an EHC needs assessment, saved page by page as a draft until it is submitted;
 * submitting creates the case. Answers are kept per section of the task list.
 */
export const assessmentRequests = pgTable(
  'assessment_requests',
  {
    id: id(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    /** Who started it: a parent, the young person, or a caseworker recording a phone/letter request. */
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: requestStatuses }).notNull().default('draft'),
    answers: jsonb('answers').$type<Record<string, Record<string, string>>>().notNull().default({}),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Who pressed send: the family member, a caseworker, or an advocate acting with consent. */
    submittedBy: uuid('submitted_by').references(() => users.id),
    /** Submitted by an advocate: the family member whose consent they acted on. */
    submittedOnBehalfOf: uuid('submitted_on_behalf_of').references(() => users.id),
    caseId: uuid('case_id').references(() => cases.id),
    /**
     * A request made by a school or setting (issue 14): the setting, and the family's agreement
     * it recorded (when, and how it was given). The family is told and sees the request.
     */
    requestedBySettingId: uuid('requested_by_setting_id').references(() => educationSettings.id),
    familyAgreedOn: date('family_agreed_on', { mode: 'string' }),
    familyAgreementNote: text('family_agreement_note'),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assessment_requests_child').on(t.childId, t.status), uniqueIndex('assessment_requests_case').on(t.caseId)],
);

/** evidence and child_view come with a request; the rest are added during the assessment. */
export const documentKinds = ['evidence', 'child_view', 'message_attachment', 'advice_report', 'views_picture', 'draft_plan', 'final_plan', 'review_report'] as const;

/**
 * A file uploaded to a request or case. Stored outside public/ under a server-generated name;
 * downloaded only through the policy check.
 */
export const documents = pgTable(
  'documents',
  {
    id: id(),
    requestId: uuid('request_id').references(() => assessmentRequests.id, { onDelete: 'cascade' }),
    caseId: uuid('case_id').references(() => cases.id),
    kind: text('kind', { enum: documentKinds }).notNull().default('evidence'),
    /** A professional's report attached to their advice: seen by the family only once the advice is released. */
    adviceRequestId: uuid('advice_request_id').references(() => adviceRequests.id),
    /** A picture added to a family's "All about me" views. */
    familyViewsId: uuid('family_views_id').references(() => familyViews.id),
    /** The setting's report for an annual review (ADR 0047). */
    annualReviewId: uuid('annual_review_id').references(() => annualReviews.id),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    originalName: text('original_name').notNull(),
    storedName: text('stored_name').notNull().unique(),
    mimeType: text('mime_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('documents_request').on(t.requestId), index('documents_case').on(t.caseId)],
);

export type AssessmentRequest = typeof assessmentRequests.$inferSelect;
export type StoredDocument = typeof documents.$inferSelect;
