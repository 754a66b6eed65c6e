import { sql } from 'drizzle-orm';
import { integer, pgTable, text, uuid, uniqueIndex } from 'drizzle-orm/pg-core';
import { settingPhases, settingTypes } from '../../app/domain/vocabulary';
import { createdAt, id } from './columns';

/** A local authority owns area teams, staff, advice organisations it lists, and cases. */
export const localAuthorities = pgTable('local_authorities', {
  id: id(),
  name: text('name').notNull(),
  /** Short code used in case references, e.g. "NHB". */
  code: text('code').notNull().unique(),
  /** The DfE's 3-digit LA number, the header of statutory returns such as SEN2 (ADR 0053); null: not recorded. */
  dfeLaNumber: text('dfe_la_number'),
  contactEmail: text('contact_email').notNull(),
  contactPhone: text('contact_phone').notNull(),
  /** Service standards, in working days: acknowledge a family's message, then answer it. */
  acknowledgeWithin: integer('acknowledge_within').notNull().default(2),
  replyWithin: integer('reply_within').notNull().default(5),
  /**
   * The council's own settings (ADR 0023); null: the deployment's. Where its families reach the
   * portal (an origin, like PUBLIC_BASE_URL), and who its emails come from.
   */
  publicBaseUrl: text('public_base_url'),
  emailFromName: text('email_from_name'),
  emailFromAddress: text('email_from_address'),
  /**
   * What the council's help and contact page says (issue 15); null: not given, and the page
   * leaves that part out. Hours are free text ("Monday to Friday, 9am to 5pm").
   */
  contactHours: text('contact_hours'),
  sendiassName: text('sendiass_name'),
  sendiassPhone: text('sendiass_phone'),
  sendiassEmail: text('sendiass_email'),
  sendiassUrl: text('sendiass_url'),
  localOfferUrl: text('local_offer_url'),
  /** Where the beta banner's feedback link goes; null: the council's contact email. */
  feedbackUrl: text('feedback_url'),
  /** The council's colour for the header's bottom border (#rrggbb); null: GOV.UK blue. */
  brandColour: text('brand_colour'),
  createdAt: createdAt(),
});

export const areaTeams = pgTable(
  'area_teams',
  {
    id: id(),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('area_teams_la_name').on(t.laId, t.name)],
);

/** An independent advice service (SENDIASS) whose advocates act for families with consent. */
export const adviceOrganisations = pgTable(
  'advice_organisations',
  {
    id: id(),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    name: text('name').notNull(),
    createdAt: createdAt(),
  },
  // One name per LA: a double-submitted form adds one organisation.
  (t) => [uniqueIndex('advice_organisations_la_name').on(t.laId, t.name)],
);

/**
 * A school, college or early-years setting the council works with (issue 14). It has its own
 * staff accounts (users.setting_id), managed by the setting's lead; it sees the children on its
 * roll who have a plan or a request (the case's named setting, or a request it made).
 * URN: the DfE's unique reference number (schools, early years); UKPRN: the UK provider
 * reference number (colleges and other post-16 providers). At least one is given.
 */
export const educationSettings = pgTable(
  'education_settings',
  {
    id: id(),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    name: text('name').notNull(),
    urn: text('urn'),
    ukprn: text('ukprn'),
    type: text('type', { enum: settingTypes }).notNull(),
    phase: text('phase', { enum: settingPhases }).notNull(),
    createdAt: createdAt(),
  },
  // One name per LA, one record per URN and per UKPRN: a double-submitted form adds one setting.
  (t) => [
    uniqueIndex('education_settings_la_name').on(t.laId, t.name),
    uniqueIndex('education_settings_la_urn').on(t.laId, t.urn).where(sql`${t.urn} is not null`),
    uniqueIndex('education_settings_la_ukprn').on(t.laId, t.ukprn).where(sql`${t.ukprn} is not null`),
  ],
);

export type EducationSetting = typeof educationSettings.$inferSelect;
export type LocalAuthority = typeof localAuthorities.$inferSelect;
export type AreaTeam = typeof areaTeams.$inferSelect;
export type AdviceOrganisation = typeof adviceOrganisations.$inferSelect;
