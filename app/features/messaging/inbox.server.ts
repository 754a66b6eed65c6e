import { eq } from 'drizzle-orm';
import { threadReads, users } from '../../../db/schema';
import { getDb } from '~/db.server';

/**
 * What reading and covering the inbox changes. The inbox's list itself is the caseload
 * feature's `inboxPage`, searched and paged in SQL with the caseload's conditions.
 */

/** Opening a thread marks it read for that person. */
export async function markThreadRead(userId: string, caseId: string, now = new Date()) {
  const db = await getDb();
  await db.insert(threadReads).values({ userId, caseId, readAt: now }).onConflictDoUpdate({ target: [threadReads.userId, threadReads.caseId], set: { readAt: now } });
}

/** A caseworker says they are away (or back): their waiting threads show first to the team. */
export async function setAbsent(userId: string, absent: boolean) {
  const db = await getDb();
  await db.update(users).set({ absent }).where(eq(users.id, userId));
}
