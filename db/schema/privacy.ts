import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { localAuthorities } from './tenancy';

/**
 * A council's privacy notice (issue 19 item 5, ADR 0036): what its LA admin has written for each
 * part; a part left empty (null) shows the portal's default wording. The rights and the ICO's
 * details are always shown and are not stored here. One row per council, written only from
 * /admin/privacy (each save audited), so a second save of the same form changes nothing.
 */
export const councilPrivacyNotices = pgTable('council_privacy_notices', {
  laId: uuid('la_id')
    .primaryKey()
    .references(() => localAuthorities.id),
  /** Who the data controller is; null: the council itself, by its name. */
  controllerName: text('controller_name'),
  /** How to reach the data protection officer: an email address, a postal address, or both. */
  dpoEmail: text('dpo_email'),
  dpoPostalAddress: text('dpo_postal_address'),
  lawfulBases: text('lawful_bases'),
  sharedWith: text('shared_with'),
  retention: text('retention'),
  /** Anything the council adds to the rights section (its own complaints route, say). */
  extraRights: text('extra_rights'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type CouncilPrivacyNotice = typeof councilPrivacyNotices.$inferSelect;
