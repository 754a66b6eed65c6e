import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { rectificationStatuses, type RectificationChange } from '../../app/domain/rectification';
import { subjectAccessChannels, subjectAccessStatuses } from '../../app/domain/subject-access';
import { createdAt, id } from './columns';
import { children, users } from './people';
import { laIdColumn } from './ownership';

/**
 * A subject access request (UK GDPR Article 15) to one council: asked in the portal by a family
 * member, or recorded by staff when it came by letter. `dueOn` is fixed when the request is
 * received (app/domain/subject-access.ts), so the date promised never moves. The export itself
 * is not stored: it is built from the records when staff preview it and when it is downloaded,
 * so it never goes stale and no second copy of a family's data lies around (ADR 0034).
 */
export const subjectAccessRequests = pgTable(
  'subject_access_requests',
  {
    id: id(),
    laId: laIdColumn(),
    /** Whose data: the person asking (a family member with an account). */
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    /** The child whose case the request reaches (how the council was found); null: the account only. */
    childId: uuid('child_id').references(() => children.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    receivedVia: text('received_via', { enum: subjectAccessChannels }).notNull(),
    status: text('status', { enum: subjectAccessStatuses }).notNull().default('received'),
    /** Who pressed send: the requester, or the member of staff recording a letter. */
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    /**
     * What staff chose to hold back at release (third parties' data, an exemption): review-item
     * keys (`table:rowId:field`), each shown to the family as "[redacted]".
     */
    redactions: jsonb('redactions').$type<string[]>().notNull().default([]),
    /**
     * The records the manager reviewed, as `table:rowId`, written at release: the person's copy
     * holds these and nothing added later, unreviewed (ADR 0034). Null until released.
     */
    releasedRows: jsonb('released_rows').$type<string[]>(),
    releasedAt: timestamp('released_at', { withTimezone: true }),
    releasedBy: uuid('released_by').references(() => users.id),
    /** Made when the form is shown: the same form sent twice records one request. */
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('subject_access_requests_la').on(t.laId, t.status, t.dueOn),
    index('subject_access_requests_requester').on(t.requesterId),
    uniqueIndex('subject_access_requests_form').on(t.recordedBy, t.formKey),
  ],
);

export type SubjectAccessRequest = typeof subjectAccessRequests.$inferSelect;

/**
 * A request to correct a child's record (UK GDPR Article 16), asked by a family member in the
 * portal and decided by the council's staff (ADR 0038). The row is also the history: what was
 * held and what was asked for (`changes`, with `from` rewritten at approval to the value the
 * correction replaced), the family's reason, who asked, who decided, when and why not.
 */
export const rectificationRequests = pgTable(
  'rectification_requests',
  {
    id: id(),
    laId: laIdColumn(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => users.id),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    changes: jsonb('changes').$type<RectificationChange[]>().notNull(),
    /** Why the family says the record is wrong, in their words. */
    reason: text('reason').notNull(),
    status: text('status', { enum: rectificationStatuses }).notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Told to the family with their right to complain to the ICO. */
    refusalReason: text('refusal_reason'),
    /** Made when the form is shown: the same form sent twice records one request. */
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('rectification_requests_la').on(t.laId, t.status, t.dueOn),
    index('rectification_requests_child').on(t.childId),
    index('rectification_requests_requester').on(t.requesterId),
    uniqueIndex('rectification_requests_form').on(t.requesterId, t.formKey),
  ],
);

export type RectificationRequest = typeof rectificationRequests.$inferSelect;
