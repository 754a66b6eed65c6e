import { sql } from 'drizzle-orm';
import { bigserial, boolean, date, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { councilSteps } from '../../app/domain/case-clock';
import { caseStages } from '../../app/domain/vocabulary';
import { createdAt, id } from './columns';
import { areaTeams, educationSettings, localAuthorities } from './tenancy';
import { children, users, writtenIn } from './people';


/** An EHC needs assessment request and everything that follows it, for one child. */
export const cases = pgTable(
  'cases',
  {
    id: id(),
    /** Human-friendly reference given to the family, e.g. "NHB-2026-00042". */
    reference: text('reference').notNull().unique(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    teamId: uuid('team_id')
      .notNull()
      .references(() => areaTeams.id),
    caseworkerId: uuid('caseworker_id').references(() => users.id),
    stage: text('stage', { enum: caseStages }).notNull().default('request_received'),
    /** The day the LA received the request: the statutory clock starts here. */
    requestReceived: date('request_received', { mode: 'string' }).notNull(),
    /** How the request arrived: online through the portal, or recorded by a caseworker. */
    receivedVia: text('received_via', { enum: ['online', 'phone', 'letter', 'email', 'school'] }).notNull().default('online'),
    /**
     * The setting the child attends as the plan names it (section I), or the one that asked for
     * the assessment: the setting whose staff see this case (issue 14). Null: none recorded.
     */
    namedSettingId: uuid('named_setting_id').references(() => educationSettings.id),
    /**
     * When the family's oldest unanswered message arrived (the service-standard clock's start);
     * null when nobody is waiting for the council. Kept by postMessage, so the inbox finds the
     * waiting threads without reading every thread (ADR 0011).
     */
    awaitingReplySince: timestamp('awaiting_reply_since', { withTimezone: true }),
    /**
     * The statutory clock's next date and its step, as app/domain/stored-case-dates.ts derives
     * them: written in the transaction that records a clock event, and again on `datesRecheckOn`
     * by the daily refresh (a family's window closing). `datesStoredOn` null: not yet derived
     * (rows from before ADR 0056, or written by a seed); the refresh derives them.
     */
    nextDueOn: date('next_due_on', { mode: 'string' }),
    nextDueStep: text('next_due_step'),
    datesRecheckOn: date('dates_recheck_on', { mode: 'string' }),
    datesStoredOn: date('dates_stored_on', { mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cases_caseworker').on(t.caseworkerId, t.stage),
    index('cases_team').on(t.teamId, t.stage),
    index('cases_child').on(t.childId),
    index('cases_named_setting').on(t.namedSettingId),
    index('cases_awaiting_reply').on(t.laId, t.awaitingReplySince).where(sql`awaiting_reply_since IS NOT NULL`),
    // The lists' default order, for the whole council, a team and a caseworker (ADR 0056).
    index('cases_la_next_due').on(t.laId, t.nextDueOn),
    index('cases_team_next_due').on(t.teamId, t.nextDueOn),
    index('cases_caseworker_next_due').on(t.caseworkerId, t.nextDueOn),
    index('cases_dates_to_refresh').on(t.datesRecheckOn).where(sql`dates_recheck_on IS NOT NULL`),
    index('cases_dates_not_stored').on(t.id).where(sql`dates_stored_on IS NULL`),
  ],
);

/**
 * The council's own statutory time limits of a case (decision to assess, notice not to issue,
 * final plan, annual review), one row per step the clock holds, kept with `cases.nextDueOn`: the
 * timeliness and scrutiny figures count these rows instead of running every case's clock.
 */
export const caseStepDates = pgTable(
  'case_step_dates',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    step: text('step', { enum: councilSteps }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }),
    /** The day the earliest legal exception for the step was recorded. */
    exceptionOn: date('exception_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.step] }),
    index('case_step_dates_completed').on(t.laId, t.step, t.completedOn),
    index('case_step_dates_open').on(t.laId, t.step, t.dueOn).where(sql`completed_on IS NULL`),
  ],
);

/**
 * Each decision whether to assess and whether to issue a plan recorded on a case, with its outcome
 * and the day it was made: derived from the case's events with its stored dates (ADR 0056, 0057),
 * so council-wide reports count decisions without reading every case's history.
 */
export const caseDecisions = pgTable(
  'case_decisions',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    decision: text('decision', { enum: ['assess', 'issue'] }).notNull(),
    refused: boolean('refused').notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.decision, t.decidedOn, t.refused] }), index('case_decisions_la_decided').on(t.laId, t.decidedOn)],
);

/** What happened on a case, written in the same transaction as the change: feeds the timeline. */
export const caseEvents = pgTable(
  'case_events',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * JSON written over the portal's life, so unknown until read back through its kind's shape:
     * write it with `caseEvent()` and read it with `readCaseEvent()` (app/domain/case-events.ts).
     */
    details: jsonb('details').$type<unknown>().notNull().default({}),
  },
  (t) => [
    index('case_events_case').on(t.caseId, t.occurredAt),
    // Apologies are few: reports find a council's by date through this, then check the case's council.
    index('case_events_apologies').on(t.occurredAt).where(sql`kind IN ('apology_sent', 'review_apology_sent')`),
  ],
);

/**
 * A caseworker's note on a case, for staff only: never shown to the family or their adviser
 * (the policy's `read:case-notes`). Carries the council's id, so another council's staff never
 * see it. `formKey` (one per rendered form) makes a double submit store one note.
 */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    authorId: uuid('author_id')
      .notNull()
      .references(() => users.id),
    body: text('body').notNull(),
    writtenIn: writtenIn(),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('case_notes_case').on(t.caseId, t.createdAt), uniqueIndex('case_notes_author_form').on(t.authorId, t.formKey)],
);

/** Who touched which record, allowed or not. Append-only. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    userId: uuid('user_id'),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id'),
    outcome: text('outcome', { enum: ['allowed', 'denied'] }).notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('audit_log_subject').on(t.subjectType, t.subjectId, t.at), index('audit_log_user').on(t.userId, t.at)],
);

export type Case = typeof cases.$inferSelect;
export type CaseEvent = typeof caseEvents.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type CaseNote = typeof caseNotes.$inferSelect;

export { caseStages, type CaseStage } from '../../app/domain/vocabulary';
