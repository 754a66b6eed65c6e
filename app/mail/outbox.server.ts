import { createHash } from 'node:crypto';
import { and, asc, eq, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { outboxEmails } from '../../db/schema';
import type { Database, Transaction } from '../../db/client';
import type { Locale } from '../i18n/config';
import type { Council } from '../domain/council';
import { afterFailedEmailAttempt, EMAIL_RETRY_POLICY, type EmailRetryPolicy } from '../domain/email-retry';
import { getDb } from '../db.server';
import { councilContext } from '../tenancy/council.server';
import { sendEmail } from './mailer.server';
import { isTemplateName, renderEmail, type TemplateName, type TemplateParams } from './templates.server';

/**
 * The one way the portal sends email (ADR 0011): `queueEmail` writes the email into the outbox
 * inside the caller's transaction, so it exists exactly when the change it reports was
 * committed; the job worker (app/jobs/) delivers it with retries. Call `wakeMailer()` after the
 * commit for prompt delivery; without it the worker still finds the email within a minute.
 * Every email is from a council (ADR 0023): the row keeps its id, and the mailer sends with that
 * council's sender, read when the email is sent.
 */

export type Recipient = { id?: string | null; email: string; locale: Locale };

export async function queueEmail<K extends TemplateName>(
  executor: Database | Transaction,
  from: Pick<Council, 'laId'>,
  template: K,
  to: Recipient,
  params: TemplateParams<K>,
): Promise<string> {
  const [row] = await executor
    .insert(outboxEmails)
    .values({ laId: from.laId, recipientId: to.id ?? null, toAddress: to.email, locale: to.locale, template, params })
    .returning({ id: outboxEmails.id });
  return row.id;
}

type Waker = () => void;
// Kept on globalThis: the server's worker and the Remix build are separate module instances.
const globalForOutbox = globalThis as unknown as { __ehcpWakeMailer?: Waker };

/** Set by the job worker when it starts; cleared when it stops. */
export function setMailerWaker(waker: Waker | undefined) {
  globalForOutbox.__ehcpWakeMailer = waker;
}

/** Asks the worker (if one runs in this process) to deliver what is queued now. */
export function wakeMailer() {
  globalForOutbox.__ehcpWakeMailer?.();
}

/** Outbox rows not yet sent and not given up, oldest first (whether or not a retry is due). */
export async function unsentEmailIds(limit = 500): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(and(isNull(outboxEmails.sentAt), isNull(outboxEmails.gaveUpAt)))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type DueEmail = { id: string; attempts: number };

/** Rows to try now: unsent, not given up, never tried or their retry due; oldest first. */
export async function dueEmails(now = new Date(), limit = 500): Promise<DueEmail[]> {
  const db = await getDb();
  return db
    .select({ id: outboxEmails.id, attempts: outboxEmails.attempts })
    .from(outboxEmails)
    .where(and(isNull(outboxEmails.sentAt), isNull(outboxEmails.gaveUpAt), or(isNull(outboxEmails.nextAttemptAt), lte(outboxEmails.nextAttemptAt, now))))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit);
}

/**
 * The job id of an email's attempt: the row id for the first, a UUID made from the row id and
 * the number of failed attempts after that. Whoever queues an attempt (the relay on any server,
 * or the worker after a failure) queues the same id, so each attempt is queued once.
 */
export function emailJobId(outboxId: string, failedAttempts: number): string {
  if (failedAttempts === 0) return outboxId;
  const hex = createHash('sha1').update(`${outboxId}/${failedAttempts}`).digest('hex');
  // Laid out as a version-5 UUID (name-based, SHA-1), which is what it is.
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type DeliveryOutcome =
  | { outcome: 'sent' | 'already_sent' | 'missing' | 'given_up' | 'not_due' }
  | { outcome: 'failed'; failedAttempts: number; retryAt: Date | null };

/**
 * Sends one queued email. The row is locked while it is sent and marked sent in the same
 * transaction, so two workers (or a retry racing a relay) never send it twice. If the SMTP
 * server refuses, the attempt is written down with when to try again (or, 72 hours after the
 * email was queued, that it was given up; app/domain/email-retry.ts) and `failed` is returned
 * for the worker to queue the next attempt. Anything else (the database gone) is thrown.
 */
export async function deliverQueuedEmail(id: string, now = () => new Date(), policy: EmailRetryPolicy = EMAIL_RETRY_POLICY): Promise<DeliveryOutcome> {
  const db = await getDb();
  return db.transaction(async (tx): Promise<DeliveryOutcome> => {
    const [row] = await tx.select().from(outboxEmails).where(eq(outboxEmails.id, id)).for('update');
    if (!row) return { outcome: 'missing' };
    if (row.sentAt) return { outcome: 'already_sent' };
    if (row.gaveUpAt) return { outcome: 'given_up' };
    // An attempt queued twice (a crashed worker's job retried beside the relay's) waits its turn.
    if (row.nextAttemptAt && row.nextAttemptAt > now()) return { outcome: 'not_due' };
    try {
      if (!isTemplateName(row.template)) throw new Error(`Outbox email ${id}: unknown template ${row.template}`);
      const council = await councilContext(row.laId, tx);
      const email = renderEmail(row.template, row.locale, row.toAddress, row.params as never, council.name);
      await sendEmail({ ...email, from: council.sender, messageId: `<${row.id}@ehcp-portal>` });
    } catch (error) {
      // Written down under the same lock: no other worker can try it before its retry is due.
      const failedAttempts = row.attempts + 1;
      const next = afterFailedEmailAttempt(row.createdAt, failedAttempts, now(), policy);
      const retryAt = 'retryAt' in next ? next.retryAt : null;
      await tx
        .update(outboxEmails)
        .set({ attempts: failedAttempts, lastError: String((error as Error).message ?? error).slice(0, 500), nextAttemptAt: retryAt, gaveUpAt: retryAt ? null : now() })
        .where(eq(outboxEmails.id, id));
      return { outcome: 'failed', failedAttempts, retryAt };
    }
    await tx
      .update(outboxEmails)
      // The parameters can hold one-time links: once sent, only the fact of sending is kept.
      .set({ sentAt: now(), attempts: sql`${outboxEmails.attempts} + 1`, lastError: null, nextAttemptAt: null, params: {} })
      .where(eq(outboxEmails.id, id));
    return { outcome: 'sent' };
  });
}

/**
 * How long the record of a sent email is kept (who, which template, when; its parameters are
 * already gone): long enough to answer "did you email me?", no longer than that needs.
 */
export const SENT_EMAIL_RETENTION_DAYS = 90;

/** Deletes the records of emails sent more than SENT_EMAIL_RETENTION_DAYS ago; unsent ones stay. */
export async function pruneSentEmails(now = new Date()): Promise<number> {
  const db = await getDb();
  const before = new Date(now.getTime() - SENT_EMAIL_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const deleted = await db.delete(outboxEmails).where(lt(outboxEmails.sentAt, before)).returning({ id: outboxEmails.id });
  return deleted.length;
}
