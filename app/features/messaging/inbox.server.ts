import { and, asc, eq, gte, inArray, isNotNull, notInArray } from 'drizzle-orm';
import { cases, children, messages, threadReads, users, type User } from '../../../db/schema';
import { replyClock } from '~/domain/service-standards';
import { compareDates, todayInLondon } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { standardsOf } from './messages.server';
import { personName } from '~/domain/names';

/**
 * Threads waiting for the council's reply: a caseworker's own, or their area team's (a
 * manager: the whole LA's), soonest due first, with unread counts. A caseworker marked absent
 * has their waiting threads shown first to the team, so someone else answers.
 */
export type InboxEntry = {
  caseId: string;
  reference: string;
  childName: string;
  caseworkerName: string | null;
  caseworkerAbsent: boolean;
  dueBy: string;
  waitingFor: 'acknowledgement' | 'reply';
  overdue: boolean;
  dueToday: boolean;
  unread: number;
};

export type InboxScope = 'mine' | 'team';

export async function inboxOf(viewer: User, scope: InboxScope, now = new Date()): Promise<InboxEntry[]> {
  const db = await getDb();
  const inScope =
    scope === 'mine'
      ? eq(cases.caseworkerId, viewer.id)
      : viewer.role === 'caseworker' && viewer.teamId
        ? eq(cases.teamId, viewer.teamId)
        : eq(cases.laId, viewer.laId!);
  const scoped = and(eq(cases.laId, viewer.laId!), inScope, notInArray(cases.stage, ['withdrawn', 'ceased']));

  // Threads waiting for the council are marked on the case (cases.awaitingReplySince): read
  // those cases, and of each thread only the messages since the family started waiting.
  const waitingHere = and(scoped, isNotNull(cases.awaitingReplySince));
  const [caseRows, waiting, reads, standards] = await Promise.all([
    db
      .select({
        caseId: cases.id,
        reference: cases.reference,
        child: { firstName: children.firstName, lastName: children.lastName },
        caseworkerName: users.name,
        caseworkerAbsent: users.absent,
      })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .leftJoin(users, eq(users.id, cases.caseworkerId))
      .where(waitingHere),
    db
      .select({ caseId: messages.caseId, side: messages.side, sentAt: messages.createdAt, substantive: messages.substantive })
      .from(messages)
      .innerJoin(cases, eq(cases.id, messages.caseId))
      .where(and(waitingHere, gte(messages.createdAt, cases.awaitingReplySince)))
      .orderBy(asc(messages.createdAt)),
    db
      .select()
      .from(threadReads)
      .where(and(eq(threadReads.userId, viewer.id), inArray(threadReads.caseId, db.select({ id: cases.id }).from(cases).where(waitingHere)))),
    standardsOf(viewer.laId!),
  ]);
  if (caseRows.length === 0) return [];
  const byCase = new Map<string, typeof waiting>();
  for (const m of waiting) byCase.set(m.caseId, [...(byCase.get(m.caseId) ?? []), m]);
  const readAtOf = new Map(reads.map((r) => [r.caseId, r.readAt]));
  const today = todayInLondon(now);
  const entries: InboxEntry[] = [];
  for (const { child, ...c } of caseRows) {
    const own = byCase.get(c.caseId) ?? [];
    const clock = replyClock(own, standards, now);
    if (clock.state !== 'awaiting') continue;
    const readAt = readAtOf.get(c.caseId);
    const dueBy = clock.acknowledged ? clock.replyBy : clock.acknowledgeBy;
    entries.push({
      ...c,
      childName: personName(child),
      caseworkerAbsent: Boolean(c.caseworkerAbsent),
      dueBy,
      waitingFor: clock.acknowledged ? 'reply' : 'acknowledgement',
      overdue: compareDates(today, dueBy) > 0,
      dueToday: compareDates(today, dueBy) === 0,
      unread: own.filter((m) => m.side === 'family' && (!readAt || m.sentAt > readAt)).length,
    });
  }
  return entries.sort((a, b) => Number(b.caseworkerAbsent) - Number(a.caseworkerAbsent) || compareDates(a.dueBy, b.dueBy) || a.reference.localeCompare(b.reference));
}

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
