import { date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { createdAt, id } from './columns';
import { users, writtenIn } from './people';
import type { PlanContent } from '../../app/domain/plan-content';
import { caseIdColumn } from './ownership';

/** draft: sent to the family for comments; final: the plan in force; amended: a final plan changed after a review. */
export const planVersionKinds = ['draft', 'final', 'amended'] as const;
export type PlanVersionKind = (typeof planVersionKinds)[number];

/**
 * The EHC plan, version by version, as structured content (app/domain/plan-content.ts). The
 * caseworker writes one version at a time (`issued_on` null, saved as they go); issuing it fixes
 * it for good: a trigger refuses any change to an issued version, so what a family was sent is
 * what they can always read again. Versions are numbered per case from 1.
 */
export const planVersions = pgTable(
  'plan_versions',
  {
    id: id(),
    caseId: caseIdColumn(),
    number: integer('number').notNull(),
    kind: text('kind', { enum: planVersionKinds }).notNull(),
    content: jsonb('content').$type<PlanContent>().notNull(),
    /** The language of the last person to save the content. */
    writtenIn: writtenIn(),
    /** Null while it is being written. */
    issuedOn: date('issued_on'),
    issuedBy: uuid('issued_by').references(() => users.id),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('plan_versions_case_number').on(t.caseId, t.number),
    // One version being written per case at a time.
    uniqueIndex('plan_versions_one_unissued').on(t.caseId).where(sql`${t.issuedOn} is null`),
    index('plan_versions_case').on(t.caseId, t.issuedOn),
  ],
);

export type PlanVersion = typeof planVersions.$inferSelect;
