import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { planRetentionBases, recordedHoldReasons, retentionRules } from '../../app/domain/retention';
import { createdAt, id } from './columns';
import { assessmentRequests } from './requests';
import { cases } from './cases';
import { children, users } from './people';
import { localAuthorities } from './tenancy';
import { laIdColumn } from './ownership';

/**
 * A council's retention schedule (ADR 0037). No row: the defaults in app/domain/retention.ts.
 * Who changed it last is here; every change is also in the audit log.
 */
export const retentionSettings = pgTable('retention_settings', {
  laId: uuid('la_id')
    .primaryKey()
    .references(() => localAuthorities.id),
  planBasis: text('plan_basis', { enum: planRetentionBases }).notNull(),
  planAge: integer('plan_age').notNull(),
  yearsAfterPlan: integer('years_after_plan').notNull(),
  yearsAfterClosure: integer('years_after_closure').notNull(),
  draftMonths: integer('draft_months').notNull(),
  updatedBy: uuid('updated_by')
    .notNull()
    .references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What is due for deletion, per council: rebuilt each night by the job (never deleted from by
 * it), read by the manager who approves. One row per closed case or stale draft; removed with
 * the records when they are deleted.
 */
export const retentionDue = pgTable(
  'retention_due',
  {
    id: id(),
    laId: laIdColumn(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    caseId: uuid('case_id').references(() => cases.id),
    requestId: uuid('request_id').references(() => assessmentRequests.id),
    rule: text('rule', { enum: retentionRules }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    listedAt: timestamp('listed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('retention_due_la').on(t.laId, t.dueOn),
    uniqueIndex('retention_due_case').on(t.caseId),
    uniqueIndex('retention_due_request').on(t.requestId),
  ],
);

/**
 * A legal hold a manager records by hand (a complaint, an appeal, a tribunal, litigation): while
 * it stands, nothing of the child is deleted. Lifted, not removed, so the review list shows who
 * held it; deleted with the child's records.
 */
export const retentionHolds = pgTable(
  'retention_holds',
  {
    id: id(),
    laId: laIdColumn(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    reason: text('reason', { enum: recordedHoldReasons }).notNull(),
    /** The manager's words: may name people, so it is in the family's subject access copy. */
    note: text('note').notNull(),
    placedBy: uuid('placed_by')
      .notNull()
      .references(() => users.id),
    liftedAt: timestamp('lifted_at', { withTimezone: true }),
    liftedBy: uuid('lifted_by').references(() => users.id),
    /** Made when the form is shown: the same form sent twice records one hold. */
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('retention_holds_child').on(t.childId), uniqueIndex('retention_holds_form').on(t.placedBy, t.formKey)],
);

/**
 * The minimal record that a deletion happened: which council, the case reference (none for a
 * draft never sent), the rule, the day it fell due, when, and which manager approved. No names,
 * no dates of birth, nothing that points at a row (the rows are gone).
 */
export const retentionDeletions = pgTable(
  'retention_deletions',
  {
    id: id(),
    laId: laIdColumn(),
    caseReference: text('case_reference'),
    rule: text('rule', { enum: retentionRules }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    approvedBy: uuid('approved_by')
      .notNull()
      .references(() => users.id),
    deletedAt: timestamp('deleted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('retention_deletions_la').on(t.laId, t.deletedAt)],
);

export type RetentionSettingsRow = typeof retentionSettings.$inferSelect;
export type RetentionDueRow = typeof retentionDue.$inferSelect;
export type RetentionHold = typeof retentionHolds.$inferSelect;
export type RetentionDeletion = typeof retentionDeletions.$inferSelect;
