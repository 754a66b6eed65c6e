import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { appealableDecisions, appealOutcomes, appealStatuses, certificateKinds, mediationOutcomes, orderKinds } from '../../app/domain/appeals';
import { createdAt, id } from './columns';
import { users } from './people';
import { caseIdColumn, laIdColumn } from './ownership';

/**
 * Mediation and SEND Tribunal appeals (issue 16, item 5; ADR 0051). Each row carries its
 * council and case; the dates the law sets (the last day to appeal, each order's compliance
 * date) are computed once by app/domain/appeals.ts and stored, so the council's lists and the
 * SEN2 and scrutiny figures are queries on columns.
 */

/** A mediation certificate: the family contacted the mediation adviser about a decision. */
export const mediations = pgTable(
  'mediations',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    decision: text('decision', { enum: appealableDecisions }).notNull(),
    /** For an appeal about the plan's contents: which of sections B, F and I. */
    planSections: text('plan_sections').array(),
    decisionSentOn: date('decision_sent_on', { mode: 'string' }).notNull(),
    adviserContactedOn: date('adviser_contacted_on', { mode: 'string' }).notNull(),
    certificateIssuedOn: date('certificate_issued_on', { mode: 'string' }).notNull(),
    certificateKind: text('certificate_kind', { enum: certificateKinds }).notNull(),
    /** Only when mediation was held. */
    outcome: text('outcome', { enum: mediationOutcomes }),
    /** The last day to register an appeal (timescales.appealDeadline with the certificate). */
    appealDeadline: date('appeal_deadline', { mode: 'string' }).notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('mediations_case').on(t.caseId, t.certificateIssuedOn), index('mediations_la_certificate').on(t.laId, t.certificateIssuedOn), uniqueIndex('mediations_form').on(t.caseId, t.formKey)],
);

/** An appeal to the First-tier Tribunal (SEND): registered, its hearing, its outcome. */
export const tribunalAppeals = pgTable(
  'tribunal_appeals',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    decision: text('decision', { enum: appealableDecisions }).notNull(),
    planSections: text('plan_sections').array(),
    /** The Tribunal's own reference, as on its letters; one appeal per reference in a council. */
    tribunalReference: text('tribunal_reference').notNull(),
    registeredOn: date('registered_on', { mode: 'string' }).notNull(),
    status: text('status', { enum: appealStatuses }).notNull().default('registered'),
    hearingOn: date('hearing_on', { mode: 'string' }),
    decidedOn: date('decided_on', { mode: 'string' }),
    outcome: text('outcome', { enum: appealOutcomes }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('tribunal_appeals_case').on(t.caseId, t.registeredOn),
    index('tribunal_appeals_la_registered').on(t.laId, t.registeredOn),
    index('tribunal_appeals_la_decided').on(t.laId, t.decidedOn),
    uniqueIndex('tribunal_appeals_reference').on(t.laId, t.tribunalReference),
  ],
);

/** What the Tribunal ordered the council to do, by when (reg 44), and when it did. */
export const tribunalOrders = pgTable(
  'tribunal_orders',
  {
    id: id(),
    laId: laIdColumn(),
    caseId: caseIdColumn(),
    appealId: uuid('appeal_id')
      .notNull()
      .references(() => tribunalAppeals.id),
    kind: text('kind', { enum: orderKinds }).notNull(),
    orderedOn: date('ordered_on', { mode: 'string' }).notNull(),
    compliesBy: date('complies_by', { mode: 'string' }).notNull(),
    compliedOn: date('complied_on', { mode: 'string' }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    // An appeal's order of a kind is recorded once: a second submit finds it.
    uniqueIndex('tribunal_orders_kind').on(t.appealId, t.kind),
    index('tribunal_orders_la_outstanding').on(t.laId, t.compliesBy).where(sql`complied_on IS NULL`),
    index('tribunal_orders_la_ordered').on(t.laId, t.orderedOn),
  ],
);

export type Mediation = typeof mediations.$inferSelect;
export type TribunalAppeal = typeof tribunalAppeals.$inferSelect;
export type TribunalOrder = typeof tribunalOrders.$inferSelect;
