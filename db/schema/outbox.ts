import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { locales, users } from './people';
import { localAuthorities } from './tenancy';

/**
 * The transactional outbox: every email the portal sends is first a row here, written in the
 * same transaction as the change it reports, then delivered by the job worker
 * (app/jobs/). `sentAt` is set in the transaction that sends it, so a row is sent once; a
 * failed attempt sets `nextAttemptAt`, and after 72 hours of failures `gaveUpAt`.
 */
export const outboxEmails = pgTable(
  'outbox_emails',
  {
    id: id(),
    /** Null for an address with no account yet (an invitation). */
    recipientId: uuid('recipient_id').references(() => users.id, { onDelete: 'set null' }),
    toAddress: text('to_address').notNull(),
    /** The council the email is from (its sender; ADR 0023); null: the deployment's own. */
    laId: uuid('la_id').references(() => localAuthorities.id),
    locale: text('locale', { enum: locales }).notNull(),
    /** A key of the templates in app/mail/templates.server.ts, rendered when sent. */
    template: text('template').notNull(),
    params: jsonb('params').$type<Record<string, string>>().notNull(),
    createdAt: createdAt(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** After a failed attempt: not tried again before this (app/domain/email-retry.ts; ADR 0044). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }),
    /** Set when the last attempt, 72 hours after queueing, failed: never tried again, listed for the council's admin. */
    gaveUpAt: timestamp('gave_up_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_emails_unsent').on(t.createdAt).where(sql`sent_at IS NULL`),
    // The council admin's list of emails failing or given up.
    index('outbox_emails_failing').on(t.laId, t.createdAt).where(sql`sent_at IS NULL AND attempts > 0`),
  ],
);

export type OutboxEmail = typeof outboxEmails.$inferSelect;
