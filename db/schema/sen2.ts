import { sql } from 'drizzle-orm';
import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { cases } from './cases';
import { users } from './people';
import { educationSettings } from './tenancy';
import { laIdColumn } from './ownership';

/**
 * What the SEN2 return needs about a case that the casework does not record (ADR 0053): the
 * child's identifiers and characteristics as the DfE codes them, the plan's ranked needs, its
 * personal budget and, once ceased, the reason's code. One row per case, set on the case's
 * "Return details" page; codes are checked against app/domain/sen2/codes.ts when saved and again
 * by the return's validation.
 */
export const sen2CaseDetails = pgTable(
  'sen2_case_details',
  {
    caseId: uuid('case_id')
      .primaryKey()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: laIdColumn(),
    upn: text('upn'),
    uln: text('uln'),
    upnUnknown: text('upn_unknown'),
    sex: text('sex'),
    ethnicity: text('ethnicity'),
    postcode: text('postcode'),
    primaryNeed: text('primary_need'),
    secondaryNeed: text('secondary_need'),
    personalBudget: text('personal_budget'),
    ceaseReason: text('cease_reason'),
    updatedBy: uuid('updated_by').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('sen2_case_details_la').on(t.laId)],
);

/**
 * Where a child with a plan is placed, from entry to leaving (SEN2 module 5): at one of the
 * council's settings (its URN or UKPRN is the setting's), or, with no URN or UKPRN, of a type
 * (the SENsetting code: home education, arrangements otherwise than at school, a nursery with no
 * URN, not in education...). `formKey` makes a double submit add one.
 */
export const sen2Placements = pgTable(
  'sen2_placements',
  {
    id: id(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: laIdColumn(),
    settingId: uuid('setting_id').references(() => educationSettings.id),
    /**
     * The SEN2 SENsetting code (app/domain/sen2/codes.ts PLACEMENT_SETTINGS), for a placement with
     * no URN or UKPRN; null at a setting that has one (the guide 2025 v1.4 writes one or the other).
     */
    settingCode: text('setting_code'),
    entryDate: date('entry_date', { mode: 'string' }).notNull(),
    leavingDate: date('leaving_date', { mode: 'string' }),
    formKey: text('form_key').notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    index('sen2_placements_la').on(t.laId, t.caseId),
    uniqueIndex('sen2_placements_case_form').on(t.caseId, t.formKey),
    index('sen2_placements_setting').on(t.settingId).where(sql`${t.settingId} is not null`),
  ],
);

export type Sen2CaseDetails = typeof sen2CaseDetails.$inferSelect;
export type Sen2Placement = typeof sen2Placements.$inferSelect;
