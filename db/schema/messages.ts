import { boolean, date, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns';
import { users, writtenIn } from './people';
import { documents } from './requests';
import { caseIdColumn, laIdColumn } from './ownership';
import { cases } from './cases';

/**
 * One thread per case between the family side and the LA side. Messages are never edited or
 * deleted: a correction is a new message.
 */
export const messages = pgTable(
  'messages',
  {
    id: id(),
    caseId: caseIdColumn(),
    senderId: uuid('sender_id')
      .notNull()
      .references(() => users.id),
    side: text('side', { enum: ['family', 'la'] }).notNull(),
    body: text('body').notNull(),
    writtenIn: writtenIn(),
    /** An LA reply that answers the family (stops the service-standard clock), not only an acknowledgement. */
    substantive: boolean('substantive').notNull().default(false),
    /** Made when the form is shown; sending the same form twice stores one message. */
    formKey: text('form_key').notNull(),
    /** Sent by an advocate with the family's consent: the family member who gave it. */
    onBehalfOf: uuid('on_behalf_of').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index('messages_case').on(t.caseId, t.createdAt), uniqueIndex('messages_sender_form').on(t.senderId, t.formKey)],
);

/** A missed service standard, written when it happens so it stays on record. */
export const serviceStandardBreaches = pgTable(
  'service_standard_breaches',
  {
    id: id(),
    caseId: caseIdColumn(),
    standard: text('standard', { enum: ['acknowledge', 'reply'] }).notNull(),
    startedOn: text('started_on').notNull(),
    dueBy: text('due_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('breaches_once').on(t.caseId, t.standard, t.startedOn)],
);

/**
 * Each time a family started waiting for the council (its first message since the council's last
 * substantive answer), kept by the thread's writers (app/features/messaging `storeReplyWaits`) so
 * council-wide reports count waits by index instead of reading every thread (ADR 0057).
 */
export const replyWaits = pgTable(
  'reply_waits',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id, { onDelete: 'cascade' }),
    laId: laIdColumn(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    /** The London day the wait started: the day a breach of the reply standard is recorded against. */
    startedOn: date('started_on', { mode: 'string' }).notNull(),
    /** The council's substantive answer; null while the family is still waiting. */
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    /** A breach of the reply standard is on record for this wait. */
    breached: boolean('breached').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.caseId, t.startedAt] }), index('reply_waits_la_started').on(t.laId, t.startedOn)],
);

/** How far each person has read each case's thread: the inbox's unread counts. */
export const threadReads = pgTable(
  'thread_reads',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    caseId: caseIdColumn(),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.caseId] })],
);

/** Files sent with a message; the documents themselves follow the request journey's upload rules. */
export const messageAttachments = pgTable(
  'message_attachments',
  {
    messageId: uuid('message_id')
      .notNull()
      .references(() => messages.id),
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id),
  },
  (t) => [primaryKey({ columns: [t.messageId, t.documentId] })],
);

/**
 * A message typed by someone whose session had expired: kept (for a day) under a random token
 * held in their browser's cookie, and offered back to them on the thread once they sign in.
 * Only the token's SHA-256 is stored, as for sessions.
 */
export const heldMessages = pgTable(
  'held_messages',
  {
    tokenHash: text('token_hash').primaryKey(),
    caseId: caseIdColumn(),
    body: text('body').notNull(),
    createdAt: createdAt(),
  },
  (t) => [index('held_messages_created').on(t.createdAt)],
);

export type Message = typeof messages.$inferSelect;

/**
 * An LA's earlier service standards (its current ones are on local_authorities): each applied to
 * family messages received before `until`. Written when the LA admin changes the standards, so
 * that dates already promised to families never move (app/domain/service-standards.ts).
 */
export const serviceStandardHistory = pgTable(
  'service_standard_history',
  {
    id: id(),
    laId: laIdColumn(),
    acknowledgeWithin: integer('acknowledge_within').notNull(),
    replyWithin: integer('reply_within').notNull(),
    until: date('until', { mode: 'string' }).notNull(),
    changedBy: uuid('changed_by')
      .notNull()
      .references(() => users.id),
    changedAt: createdAt(),
  },
  // Changed twice before the new standards start: the first entry, which did apply, is the one kept.
  (t) => [uniqueIndex('service_standard_history_la_until').on(t.laId, t.until)],
);
