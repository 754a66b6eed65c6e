import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { complaintChannels, complaintOutcomes, complaintStatuses } from '../../app/domain/complaints';
import { createdAt, id } from './columns';
import { users } from './people';
import { localAuthorities } from './tenancy';
import { caseIdColumn, laIdColumn } from './ownership';

/**
 * A council's complaint response times, in working days (ADR 0050). No row: the defaults
 * (app/domain/complaints.ts DEFAULT_COMPLAINT_TIMES). A complaint keeps the dates worked out
 * when it arrived or was escalated, so changing these never moves a complaint's due dates.
 */
export const complaintSettings = pgTable('complaint_settings', {
  laId: uuid('la_id')
    .primaryKey()
    .references(() => localAuthorities.id),
  acknowledgeDays: integer('acknowledge_days').notNull(),
  stage1Days: integer('stage1_days').notNull(),
  stage2Days: integer('stage2_days').notNull(),
  updatedBy: uuid('updated_by').references(() => users.id),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A complaint about a case (issue 16, item 4): made by the family on the portal, or recorded by
 * staff from a call, letter or email. Its due dates are stored when each stage starts, so the
 * council's list (open, late, stage) and the report's figures are plain queries.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    /** The case's reference and the complaint's number on the case, e.g. NHB-2026-0001-C1. */
    reference: text('reference').notNull(),
    number: integer('number').notNull(),
    channel: text('channel', { enum: complaintChannels }).notNull(),
    /** Who made it on the portal; null when staff recorded it (then `complainantName` says who). */
    madeBy: uuid('made_by').references(() => users.id),
    complainantName: text('complainant_name'),
    recordedBy: uuid('recorded_by').references(() => users.id),
    about: text('about').notNull(),
    putRight: text('put_right').notNull(),
    status: text('status', { enum: complaintStatuses }).notNull().default('received'),
    stage: integer('stage').notNull().default(1),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    acknowledgeBy: date('acknowledge_by', { mode: 'string' }).notNull(),
    stage1DueBy: date('stage1_due_by', { mode: 'string' }).notNull(),
    acknowledgedOn: date('acknowledged_on', { mode: 'string' }),
    stage1Outcome: text('stage1_outcome', { enum: complaintOutcomes }),
    stage1Letter: text('stage1_letter'),
    stage1RespondedOn: date('stage1_responded_on', { mode: 'string' }),
    stage1RespondedBy: uuid('stage1_responded_by').references(() => users.id),
    /** The last day the family may ask for stage 2, set with the stage 1 response. */
    escalateBy: date('escalate_by', { mode: 'string' }),
    escalatedOn: date('escalated_on', { mode: 'string' }),
    escalationReason: text('escalation_reason'),
    escalatedBy: uuid('escalated_by').references(() => users.id),
    stage2AcknowledgeBy: date('stage2_acknowledge_by', { mode: 'string' }),
    stage2DueBy: date('stage2_due_by', { mode: 'string' }),
    stage2AcknowledgedOn: date('stage2_acknowledged_on', { mode: 'string' }),
    stage2Outcome: text('stage2_outcome', { enum: complaintOutcomes }),
    stage2Letter: text('stage2_letter'),
    stage2RespondedOn: date('stage2_responded_on', { mode: 'string' }),
    stage2RespondedBy: uuid('stage2_responded_by').references(() => users.id),
    closedOn: date('closed_on', { mode: 'string' }),
    /** The form that made it: the same form sent twice makes one complaint. */
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('complaints_form').on(t.caseId, t.formKey),
    uniqueIndex('complaints_case_number').on(t.caseId, t.number),
    index('complaints_la_received').on(t.laId, t.receivedOn),
    index('complaints_la_status').on(t.laId, t.status),
  ],
);

export type Complaint = typeof complaints.$inferSelect;
