import { bigint, boolean, date, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { professionalKinds, roles, settingRoles } from '../../app/domain/vocabulary';
import { createdAt, id } from './columns';
import { adviceOrganisations, areaTeams, educationSettings, localAuthorities } from './tenancy';

export const roleEnum = pgEnum('role', roles);

export const professionalKindEnum = pgEnum('professional_kind', professionalKinds);

export const locales = ['en', 'pl', 'ro', 'pa', 'ur', 'ar'] as const;

/**
 * The language a person wrote something in (their account's language when they wrote it), kept
 * with what they wrote so it is shown labelled with it and never machine-translated (ADR 0041).
 * Null for what was written before it was kept: the language is not known.
 */
export const writtenIn = (name = 'written_in') => text(name, { enum: locales });

export const messageEmailChoices = ['immediate', 'daily'] as const;

export const users = pgTable(
  'users',
  {
    id: id(),
    /** Stored lower-cased; unique across the portal. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: roleEnum('role').notNull(),
    /** Null until an invited member of staff sets a password. */
    passwordHash: text('password_hash'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    locale: text('locale', { enum: locales }).notNull().default('en'),
    /** Staff, admins and professionals belong to one LA; families do not. */
    laId: uuid('la_id').references(() => localAuthorities.id),
    teamId: uuid('team_id').references(() => areaTeams.id),
    adviceOrgId: uuid('advice_org_id').references(() => adviceOrganisations.id),
    professionalKind: professionalKindEnum('professional_kind'),
    /** Setting staff (role setting_staff) belong to one setting, and through it to its LA; their place there. */
    settingId: uuid('setting_id').references(() => educationSettings.id),
    settingRole: text('setting_role', { enum: settingRoles }),
    phone: text('phone'),
    /** A caseworker marked absent has their due work shown to the whole team. */
    absent: boolean('absent').notNull().default(false),
    /** Staff choose to hear of new family messages straight away or in one email each morning. */
    messageEmails: text('message_emails', { enum: messageEmailChoices }).notNull().default('immediate'),
    /** The daily digest has covered family messages up to this moment. */
    digestSentThrough: timestamp('digest_sent_through', { withTimezone: true }),
    /** Set by the LA admin for a leaver: the account cannot sign in and all its sessions end. */
    deactivatedAt: timestamp('deactivated_at', { withTimezone: true }),
    /** TOTP (RFC 6238) shared secret, base32; confirmed once mfaEnabledAt is set. */
    mfaSecret: text('mfa_secret'),
    mfaEnabledAt: timestamp('mfa_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted, so a code cannot be used twice. */
    mfaLastStep: bigint('mfa_last_step', { mode: 'number' }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('users_email').on(t.email),
    index('users_la_role').on(t.laId, t.role),
    index('users_team').on(t.teamId),
    index('users_setting').on(t.settingId),
  ],
);

/** Sessions follow Lucia's design: the cookie holds a token, the table its SHA-256 hash. */
export const sessions = pgTable(
  'sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    /** Password checked, second factor (or its enrolment) still to come: such a session opens only the two-factor pages. */
    mfaPending: boolean('mfa_pending').notNull().default(false),
    /** Shown on the account's list of active sessions. */
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user').on(t.userId)],
);

export const emailTokenPurposes = [
  'verify_email',
  'reset_password',
  'staff_invite',
  'young_person_invite',
  'professional_invite',
  'change_email',
  'parent_invite',
] as const;

/** One-time links sent by email; stored hashed, used once. */
export const emailTokens = pgTable(
  'email_tokens',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: text('purpose', { enum: emailTokenPurposes }).notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    /** For change_email: the address to move to once its owner follows the link. */
    newEmail: text('new_email'),
  },
  (t) => [index('email_tokens_user').on(t.userId, t.purpose)],
);

/** One-time recovery codes for the second factor, stored hashed. */
export const mfaRecoveryCodes = pgTable(
  'mfa_recovery_codes',
  {
    id: id(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('mfa_recovery_codes_user').on(t.userId)],
);

/**
 * Throttling events (sign-in failures, registrations, password-reset and resend requests),
 * counted per bucket and key (an account, an address, or both) over a sliding window.
 */
export const rateLimitEvents = pgTable(
  'rate_limit_events',
  {
    id: id(),
    bucket: text('bucket').notNull(),
    key: text('key').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('rate_limit_events_bucket_key').on(t.bucket, t.key, t.at)],
);

/** A child or young person (0-25) known to one LA. */
export const children = pgTable(
  'children',
  {
    id: id(),
    laId: uuid('la_id')
      .notNull()
      .references(() => localAuthorities.id),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }).notNull(),
    school: text('school'),
    /** Others with parental responsibility who do not (yet) have an account, as the family describes them. */
    otherParentalResponsibility: text('other_parental_responsibility'),
    /** The young person's own account, once they have one. */
    youngPersonUserId: uuid('young_person_user_id').references(() => users.id),
    /** When the young person agreed that their parents keep access to their case; null: not agreed (or withdrawn). */
    parentAccessAgreedAt: timestamp('parent_access_agreed_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index('children_la').on(t.laId), index('children_young_person').on(t.youngPersonUserId)],
);

/** People with parental responsibility for a child. */
export const childParents = pgTable(
  'child_parents',
  {
    childId: uuid('child_id')
      .notNull()
      .references(() => children.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.childId, t.userId] }), index('child_parents_user').on(t.userId)],
);

export type User = typeof users.$inferSelect;
export type Locale = (typeof locales)[number];
export type Session = typeof sessions.$inferSelect;
export type Child = typeof children.$inferSelect;

// The vocabulary lives in the domain; re-exported for code that reads rows with it.
export { professionalKinds, roles, type ProfessionalKind, type Role } from '../../app/domain/vocabulary';
