import { asc, eq } from 'drizzle-orm';
import { localAuthorities, messages, serviceStandardBreaches, users, type User } from '../../db/schema';
import { isStaff } from '../auth/policy';
import { breaches, replyClock, type ServiceStandards, type ThreadMessage } from '../domain/service-standards';
import { getDb } from '../db.server';
import { recordAudit } from './audit.server';

/** The case's message thread between the family side and the council side. */

export type ThreadEntry = { id: string; side: 'family' | 'la'; body: string; substantive: boolean; sentAt: string; senderName: string; senderRole: User['role'] };

export async function threadOf(caseId: string): Promise<ThreadEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: messages.id, side: messages.side, body: messages.body, substantive: messages.substantive, sentAt: messages.createdAt, senderName: users.name, senderRole: users.role })
    .from(messages)
    .innerJoin(users, eq(users.id, messages.senderId))
    .where(eq(messages.caseId, caseId))
    .orderBy(asc(messages.createdAt), asc(messages.id));
  return rows.map((r) => ({ ...r, sentAt: r.sentAt.toISOString() }));
}

export async function standardsOf(laId: string): Promise<ServiceStandards> {
  const db = await getDb();
  const [la] = await db.select({ acknowledgeWithin: localAuthorities.acknowledgeWithin, replyWithin: localAuthorities.replyWithin }).from(localAuthorities).where(eq(localAuthorities.id, laId));
  return la;
}

export function asTimerMessages(thread: readonly Pick<ThreadEntry, 'side' | 'sentAt' | 'substantive'>[]): ThreadMessage[] {
  return thread.map((m) => ({ side: m.side, sentAt: new Date(m.sentAt), substantive: m.substantive }));
}

/** Where the family stands: waiting for an answer, and by when the council promised one. */
export function threadClock(thread: readonly ThreadEntry[], standards: ServiceStandards, now = new Date()) {
  return replyClock(asTimerMessages(thread), standards, now);
}

export type NewMessage = { body: string; substantive: boolean; formKey: string };

/**
 * Sends a message. The same form sent twice (double click, browser retry) stores one message.
 * Breaches of the service standard are written down as they happen, so a late reply stays on
 * record whatever the standards become later.
 */
export async function postMessage(sender: User, caseId: string, laId: string, message: NewMessage, now = new Date()) {
  const db = await getDb();
  const side = isStaff(sender) ? 'la' : 'family';
  await db.transaction(async (tx) => {
    const [stored] = await tx
      .insert(messages)
      .values({ caseId, senderId: sender.id, side, body: message.body, substantive: side === 'la' && message.substantive, formKey: message.formKey, createdAt: now })
      .onConflictDoNothing()
      .returning({ id: messages.id });
    if (!stored) return;
    await recordAudit({ userId: sender.id, action: 'message:case', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { messageId: stored.id } }, tx);
  });
  await recordBreaches(caseId, laId, now);
}

/** Writes any breach the thread shows as of `now` that is not yet on record. */
export async function recordBreaches(caseId: string, laId: string, now = new Date()) {
  const [thread, standards] = await Promise.all([threadOf(caseId), standardsOf(laId)]);
  const found = breaches(asTimerMessages(thread), standards, now);
  if (found.length === 0) return;
  const db = await getDb();
  await db
    .insert(serviceStandardBreaches)
    .values(found.map((b) => ({ caseId, standard: b.standard, startedOn: b.startedOn, dueBy: b.dueBy, recordedAt: now })))
    .onConflictDoNothing();
}
