import { numeric, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './people';
import { laIdColumn } from './ownership';

/**
 * A council's red / amber / green thresholds for a figure of its scrutiny report (issue 16, ADR
 * 0054). No row for a figure: the defaults in app/domain/scrutiny/figures.ts. The figure is its id
 * there (plain text: the domain does not import the database, and a figure added later needs no
 * migration). One row per council and figure, so saving twice changes one row; each change is in
 * the audit log too.
 */
export const scrutinyThresholds = pgTable(
  'scrutiny_thresholds',
  {
    laId: laIdColumn(),
    figure: text('figure').notNull(),
    green: numeric('green', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    amber: numeric('amber', { precision: 6, scale: 1, mode: 'number' }).notNull(),
    updatedBy: uuid('updated_by')
      .notNull()
      .references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.laId, t.figure] })],
);

export type ScrutinyThreshold = typeof scrutinyThresholds.$inferSelect;
