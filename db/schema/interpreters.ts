import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { genderPreferences, interpreterGenders, interpreterPurposes, interpreterRequestStatuses } from '../../app/domain/interpreters';
import { createdAt, id } from './columns';
import { users } from './people';
import { caseIdColumn, laIdColumn } from './ownership';

/**
 * The council's list of interpreters (issue 18): people independent of the families, kept by the
 * LA admin. An interpreter who leaves is made inactive, not deleted, so past bookings still say
 * who interpreted.
 */
export const interpreters = pgTable(
  'interpreters',
  {
    id: id(),
    laId: laIdColumn(),
    name: text('name').notNull(),
    /** As typed on the list, one language (with its dialect, if any) per entry. */
    languages: text('languages').array().notNull(),
    gender: text('gender', { enum: interpreterGenders }),
    email: text('email'),
    phone: text('phone'),
    active: boolean('active').notNull().default(true),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('interpreters_la').on(t.laId, t.active), uniqueIndex('interpreters_form').on(t.laId, t.formKey)],
);

/**
 * A family's request for an interpreter for a meeting or a call, and its booking. The family
 * sees the booking (who, when) on the case; staff see the need on every page of the case.
 */
export const interpreterRequests = pgTable(
  'interpreter_requests',
  {
    id: id(),
    caseId: caseIdColumn(),
    laId: laIdColumn(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose', { enum: interpreterPurposes }).notNull(),
    language: text('language').notNull(),
    dialect: text('dialect'),
    genderPreference: text('gender_preference', { enum: genderPreferences }).notNull().default('none'),
    /** What it is for and when suits the family, in their words. */
    details: text('details'),
    status: text('status', { enum: interpreterRequestStatuses }).notNull().default('requested'),
    interpreterId: uuid('interpreter_id').references(() => interpreters.id),
    bookedFor: timestamp('booked_for', { withTimezone: true }),
    bookedBy: uuid('booked_by').references(() => users.id),
    bookedAt: timestamp('booked_at', { withTimezone: true }),
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('interpreter_requests_case').on(t.caseId, t.createdAt), uniqueIndex('interpreter_requests_form').on(t.requestedBy, t.formKey)],
);

export type Interpreter = typeof interpreters.$inferSelect;
export type InterpreterRequest = typeof interpreterRequests.$inferSelect;
