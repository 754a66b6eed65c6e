import { asc, eq, isNotNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases, documents, messageAttachments, messages, serviceStandardBreaches, users, type User } from '../../../db/schema';
import { threadSideOf } from '~/auth/policy';
import { breaches, replyClock, waitingMessages, type ServiceStandards, type ThreadMessage, type WaitingMessage } from '~/domain/service-standards';
import { getDb } from '~/db.server';
import { wakeMailer } from '~/mail/outbox.server';
import { recordAudit } from '~/audit/audit.server';
import { discardUpload, recordUpload, type PreparedUpload } from '../documents/index.server';
import { queueMessageNotifications } from './notifications.server';
import { storeReplyWaits } from './reply-waits.server';
import { standardsOf } from '~/tenancy/council.server';

/** The case's message thread between the family side and the council side. */

export type Attachment = { id: string; name: string; sizeBytes: number };
export type ThreadEntry = {
  id: string;
  side: 'family' | 'la';
  body: string;
  /** The sender's language when they wrote it (null: not known). */
  writtenIn: string | null;
  substantive: boolean;
  sentAt: string;
  senderName: string;
  senderRole: User['role'];
  attachments: Attachment[];
  /** Sent by an advocate: the family member they acted for. */
  onBehalfOfName: string | null;
};

const onBehalfOfUser = alias(users, 'on_behalf_of_user');

/** A case's messages, oldest first, each with its attachments: one statement. */
export async function threadOf(caseId: string): Promise<ThreadEntry[]> {
  const db = await getDb();
  const attachments = sql<Attachment[]>`coalesce((select json_agg(json_build_object('id', d.id, 'name', d.original_name, 'sizeBytes', d.size_bytes) order by d.created_at)
    from ${messageAttachments} ma join ${documents} d on d.id = ma.document_id where ma.message_id = ${messages.id}), '[]'::json)`;
  const rows = await db
    .select({
      id: messages.id,
      side: messages.side,
      body: messages.body,
      writtenIn: messages.writtenIn,
      substantive: messages.substantive,
      sentAt: messages.createdAt,
      senderName: users.name,
      senderRole: users.role,
      onBehalfOfName: onBehalfOfUser.name,
      attachments,
    })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.senderId))
    .leftJoin(onBehalfOfUser, eq(onBehalfOfUser.id, messages.onBehalfOf))
    .where(eq(messages.caseId, caseId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => ({ ...r, sentAt: r.sentAt.toISOString(), attachments: r.attachments.map((f) => ({ ...f, sizeBytes: Number(f.sizeBytes) })) }));
}

export function asTimerMessages(thread: readonly Pick<ThreadEntry, 'side' | 'sentAt' | 'substantive'>[]): ThreadMessage[] {
  return thread.map((m) => ({ side: m.side, sentAt: new Date(m.sentAt), substantive: m.substantive }));
}

/** Where the family stands: waiting for an answer, and by when the council promised one. */
export function threadClock(thread: readonly ThreadEntry[], standards: ServiceStandards, now = new Date()) {
  return replyClock(asTimerMessages(thread), standards, now);
}

/** The family messages still waiting for an answer, by message id, each with its own reply-by date. */
export function waitingReplies(thread: readonly ThreadEntry[], standards: ServiceStandards, now = new Date()): Record<string, WaitingMessage> {
  const waiting = waitingMessages(asTimerMessages(thread), standards, now);
  return Object.fromEntries(thread.flatMap((m, i) => (waiting[i] ? [[m.id, waiting[i]]] : [])));
}

export type NewMessage = {
  body: string;
  substantive: boolean;
  formKey: string;
  /** Files checked and written for this message (documents.server.ts `prepareUpload`): recorded with it, or removed. */
  attachments?: readonly PreparedUpload[];
  /** An advocate's message: the family member whose consent they act on. */
  onBehalfOf?: string | null;
};

/**
 * Sends a message. The same form sent twice (double click, browser retry) stores one message.
 * Its attachments' rows are written in the message's transaction: if the message is not stored
 * (a second send, or the transaction fails) their files are removed, so nothing is left behind.
 * Breaches of the service standard are written down as they happen, so a late reply stays on
 * record whatever the standards become later.
 */
export async function postMessage(sender: User, caseId: string, laId: string, message: NewMessage, now = new Date()) {
  const db = await getDb();
  const side = threadSideOf(sender);
  const attachments = message.attachments ?? [];
  let stored: { id: string } | null;
  try {
    stored = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(messages)
        .values({ caseId, senderId: sender.id, side, body: message.body, writtenIn: sender.locale, substantive: side === 'la' && message.substantive, formKey: message.formKey, onBehalfOf: message.onBehalfOf ?? null, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: messages.id });
      if (!row) return null;
      // The thread waits for the council from the family's first unanswered message until a substantive reply.
      if (side === 'family') {
        await tx.update(cases).set({ awaitingReplySince: sql`coalesce(${cases.awaitingReplySince}, ${now.toISOString()}::timestamptz)` }).where(eq(cases.id, caseId));
      } else if (message.substantive) {
        await tx.update(cases).set({ awaitingReplySince: null }).where(eq(cases.id, caseId));
      }
      await storeReplyWaits(tx, [caseId]);
      for (const upload of attachments) {
        const document = await recordUpload(tx, upload, { uploadedBy: sender.id, caseId, kind: 'message_attachment' });
        await tx.insert(messageAttachments).values({ messageId: row.id, documentId: document.id });
      }
      await recordAudit(
        { userId: sender.id, action: 'message:case', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { messageId: row.id, ...(message.onBehalfOf ? { onBehalfOf: message.onBehalfOf } : {}) } },
        tx,
      );
      await queueMessageNotifications(tx, { caseId, sender, side });
      return row;
    });
  } catch (error) {
    // Rolled back: the attachments' rows went with it, and their files go too.
    await Promise.all(attachments.map(discardUpload));
    throw error;
  }
  // A second send of the same form: the first one's attachments are the message's, not these.
  if (!stored) await Promise.all(attachments.map(discardUpload));
  else wakeMailer();
  await recordBreaches(caseId, laId, now);
  return { duplicate: !stored };
}

export type RecordedBreach = { standard: 'acknowledge' | 'reply'; startedOn: string; dueBy: string };

/** The thread's missed service standards, oldest first: the record stays after a late reply. */
export async function breachesOf(caseId: string): Promise<RecordedBreach[]> {
  const db = await getDb();
  return db
    .select({ standard: serviceStandardBreaches.standard, startedOn: serviceStandardBreaches.startedOn, dueBy: serviceStandardBreaches.dueBy })
    .from(serviceStandardBreaches)
    .where(eq(serviceStandardBreaches.caseId, caseId))
    .orderBy(asc(serviceStandardBreaches.dueBy), asc(serviceStandardBreaches.standard));
}

/** Writes any breach the thread shows as of `now` that is not yet on record. */
export async function recordBreaches(caseId: string, laId: string, now = new Date()) {
  const [thread, standards] = await Promise.all([threadOf(caseId), standardsOf(laId)]);
  const found = breaches(asTimerMessages(thread), standards, now);
  if (found.length === 0) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const recorded = await tx
      .insert(serviceStandardBreaches)
      .values(found.map((b) => ({ caseId, standard: b.standard, startedOn: b.startedOn, dueBy: b.dueBy, recordedAt: now })))
      .onConflictDoNothing()
      .returning({ standard: serviceStandardBreaches.standard });
    if (recorded.some((b) => b.standard === 'reply')) await storeReplyWaits(tx, [caseId]);
  });
}

/**
 * Writes down breaches on threads nobody has answered: without this a breach would only be
 * recorded when someone next posts or opens the thread.
 */
export async function sweepBreaches(now = new Date()) {
  const db = await getDb();
  const waiting = await db.select({ caseId: cases.id, laId: cases.laId }).from(cases).where(isNotNull(cases.awaitingReplySince));
  for (const thread of waiting) await recordBreaches(thread.caseId, thread.laId, now);
  return waiting.length;
}
