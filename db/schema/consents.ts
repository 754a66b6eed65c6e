import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { consentScopes } from '../../app/domain/vocabulary';
import { createdAt, id } from './columns';
import { adviceOrganisations } from './tenancy';
import { children, users } from './people';


/**
 * A family's consent for an advice organisation (SENDIASS), or one named advocate in it, to see
 * a child's case ('view') or also to draft and submit forms and send messages for the family
 * ('act'). Live while not revoked and not past `expiresOn` (and, once the child is a young
 * person, confirmed by them if a parent gave it): app/domain/consent.ts.
 */
export const advocateConsents = pgTable(
  'advocate_consents',
  {
    id: id(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by')
      .notNull()
      .references(() => users.id),
    adviceOrgId: uuid('advice_org_id')
      .notNull()
      .references(() => adviceOrganisations.id),
    /** Null: every advocate of the organisation. */
    advocateUserId: uuid('advocate_user_id').references(() => users.id),
    scope: text('scope', { enum: consentScopes }).notNull(),
    /** The last day the consent works. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: uuid('revoked_by').references(() => users.id),
    /** A parent's consent carries on past the child's 16th-birthday school year only once the young person confirms it. */
    confirmedByYoungPersonAt: timestamp('confirmed_by_young_person_at', { withTimezone: true }),
    /** Made when the form is shown; the same form sent twice stores one consent. */
    formKey: text('form_key').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index('advocate_consents_child').on(t.childId),
    index('advocate_consents_org').on(t.adviceOrgId),
    index('advocate_consents_advocate').on(t.advocateUserId),
    uniqueIndex('advocate_consents_form').on(t.grantedBy, t.formKey),
  ],
);

export const consentEventKinds = ['granted', 'changed', 'revoked', 'confirmed'] as const;

/** Every change to a consent, in the same transaction as the change: its history for the family. */
export const consentEvents = pgTable(
  'consent_events',
  {
    id: id(),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => advocateConsents.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: consentEventKinds }).notNull(),
    actorId: uuid('actor_id').references(() => users.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('consent_events_consent').on(t.consentId, t.occurredAt)],
);

/**
 * A parent's record that a young person lacks mental capacity for decisions about their case
 * (Mental Capacity Act 2005; Code of Practice 8.14): the parent then acts for them. Kept on record,
 * also once withdrawn.
 */
export const capacityRecords = pgTable(
  'capacity_records',
  {
    id: id(),
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    /** Which decision(s), and how the parent knows, in their words. */
    explanation: text('explanation').notNull(),
    recordedAt: createdAt(),
    /** Capacity can change, and a record can be wrong: a parent may withdraw it, saying why. */
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnBy: uuid('withdrawn_by').references(() => users.id),
    withdrawalReason: text('withdrawal_reason'),
  },
  (t) => [index('capacity_records_child').on(t.childId)],
);

export type AdvocateConsent = typeof advocateConsents.$inferSelect;
export type ConsentEvent = typeof consentEvents.$inferSelect;

export { consentScopes, type ConsentScope } from '../../app/domain/vocabulary';
