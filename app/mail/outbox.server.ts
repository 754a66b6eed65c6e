import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { outboxEmails } from '../../db/schema';
import type { Database, Transaction } from '../../db/client';
import type { Locale } from '../i18n/config';
import type { Council } from '../domain/council';
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

/** Outbox rows not yet sent, oldest first. */
export async function unsentEmailIds(limit = 500): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: outboxEmails.id })
    .from(outboxEmails)
    .where(isNull(outboxEmails.sentAt))
    .orderBy(asc(outboxEmails.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

export type DeliveryOutcome = 'sent' | 'already_sent' | 'missing';

/**
 * Sends one queued email. The row is locked while it is sent and marked sent in the same
 * transaction, so two workers (or a retry racing a relay) never send it twice. If the SMTP
 * server refuses, the attempt is written down and the error rethrown for the queue to retry.
 */
export async function deliverQueuedEmail(id: string, now = () => new Date()): Promise<DeliveryOutcome> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx.select().from(outboxEmails).where(eq(outboxEmails.id, id)).for('update');
      if (!row) return 'missing';
      if (row.sentAt) return 'already_sent';
      if (!isTemplateName(row.template)) throw new Error(`Outbox email ${id}: unknown template ${row.template}`);
      const council = await councilContext(row.laId, tx);
      const email = renderEmail(row.template, row.locale, row.toAddress, row.params as never, council.name);
      await sendEmail({ ...email, from: council.sender, messageId: `<${row.id}@ehcp-portal>` });
      await tx
        .update(outboxEmails)
        // The parameters can hold one-time links: once sent, only the fact of sending is kept.
        .set({ sentAt: now(), attempts: sql`${outboxEmails.attempts} + 1`, lastError: null, params: {} })
        .where(eq(outboxEmails.id, id));
      return 'sent';
    });
  } catch (error) {
    await db
      .update(outboxEmails)
      .set({ attempts: sql`${outboxEmails.attempts} + 1`, lastError: String((error as Error).message ?? error).slice(0, 500) })
      .where(and(eq(outboxEmails.id, id), isNull(outboxEmails.sentAt)));
    throw error;
  }
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
