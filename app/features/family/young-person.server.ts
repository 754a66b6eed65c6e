import { and, desc, eq, isNull, ne } from 'drizzle-orm';
import { capacityRecords, children, type Child, type User } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { isYoungPerson } from '~/domain/timescales';
import { caseControl, type CaseControl } from '~/domain/young-person';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';

/**
 * The young person's side of the handover (app/domain/young-person.ts decides; this loads the
 * facts and records the choices): agreeing that parents keep access, withdrawing it, and a
 * parent's record that the young person lacks capacity, and its withdrawal.
 */

const standing = (childId: string) => and(eq(capacityRecords.childId, childId), isNull(capacityRecords.withdrawnAt));

async function standingCapacityRecord(db: Database | Transaction, childId: string) {
  const [row] = await db.select({ id: capacityRecords.id }).from(capacityRecords).where(standing(childId)).limit(1);
  return row ?? null;
}

export async function controlOf(child: Pick<Child, 'id' | 'dateOfBirth' | 'youngPersonUserId' | 'parentAccessAgreedAt'>, today: string, db?: Database | Transaction): Promise<CaseControl> {
  const handle = db ?? (await getDb());
  const capacity = await standingCapacityRecord(handle, child.id);
  return caseControl(
    {
      dateOfBirth: child.dateOfBirth,
      youngPersonHasAccount: Boolean(child.youngPersonUserId),
      parentAccessAgreed: Boolean(child.parentAccessAgreedAt),
      lacksCapacityRecorded: Boolean(capacity),
    },
    today,
  );
}

export type YoungPersonLinkRefusal = 'errors.youngPerson.notYet' | 'errors.youngPerson.alreadyLinked' | 'errors.youngPerson.emailInUse';

/**
 * Why an account may not become the young person of a child's record today, or null. Only once
 * the child is a young person (from the day after compulsory school age ends, as
 * app/domain/young-person.ts decides), only while the record has none, and only a young
 * person's account that is not already another record's young person: never a parent's, a
 * member of staff's or an adviser's. `account` is null when the email has no account yet (one
 * is made). The check every way of linking a young person goes through
 * (app/services/accounts.server.ts `inviteYoungPerson`).
 */
export async function youngPersonLinkRefusal(
  child: Pick<Child, 'id' | 'dateOfBirth' | 'youngPersonUserId'>,
  account: Pick<User, 'id' | 'role'> | null,
  today: string,
  db?: Database | Transaction,
): Promise<YoungPersonLinkRefusal | null> {
  if (!isYoungPerson(child.dateOfBirth, today)) return 'errors.youngPerson.notYet';
  if (child.youngPersonUserId) return 'errors.youngPerson.alreadyLinked';
  if (!account) return null;
  if (account.role !== 'young_person') return 'errors.youngPerson.emailInUse';
  const handle = db ?? (await getDb());
  const [elsewhere] = await handle
    .select({ id: children.id })
    .from(children)
    .where(and(eq(children.youngPersonUserId, account.id), ne(children.id, child.id)))
    .limit(1);
  // The same answer as for another kind of account: nothing more is said about whose it is.
  return elsewhere ? 'errors.youngPerson.emailInUse' : null;
}

/** The young person says whether their parents keep access to their case. Recorded, and effective at once. */
export async function setParentAccess(youngPerson: User, child: Child, agreed: boolean, now = new Date()) {
  if (child.youngPersonUserId !== youngPerson.id) throw new Error('Only the young person decides about their parents’ access');
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(children).set({ parentAccessAgreedAt: agreed ? now : null }).where(eq(children.id, child.id));
    await recordAudit(
      { userId: youngPerson.id, action: agreed ? 'agree:parent_access' : 'withdraw:parent_access', subjectType: 'child', subjectId: child.id, outcome: 'allowed' },
      tx,
    );
  });
}

/**
 * A parent records that the young person lacks capacity for decisions about their case. Only
 * while the young person has no account of their own: once they have one, the choice is theirs.
 */
export async function recordLackOfCapacity(parent: User, child: Child, explanation: string): Promise<{ ok: true } | { ok: false; error: 'errors.capacity.youngPersonHasAccount' }> {
  if (child.youngPersonUserId) return { ok: false, error: 'errors.capacity.youngPersonHasAccount' };
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [stored] = await tx.insert(capacityRecords).values({ childId: child.id, recordedBy: parent.id, explanation }).returning({ id: capacityRecords.id });
    await recordAudit({ userId: parent.id, action: 'record:lacks_capacity', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { capacityRecordId: stored.id } }, tx);
  });
  return { ok: true };
}

/**
 * A parent withdraws the records that the young person lacks capacity (it has changed, or was
 * wrong); the decisions go back to the young person. The records stay, marked withdrawn with the
 * reason. Withdrawing twice changes nothing.
 */
export async function withdrawLackOfCapacity(parent: User, child: Child, reason: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const withdrawn = await tx
      .update(capacityRecords)
      .set({ withdrawnAt: now, withdrawnBy: parent.id, withdrawalReason: reason })
      .where(standing(child.id))
      .returning({ id: capacityRecords.id });
    if (withdrawn.length === 0) return;
    await recordAudit(
      { userId: parent.id, action: 'withdraw:lacks_capacity', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { capacityRecordIds: withdrawn.map((r) => r.id) } },
      tx,
    );
  });
}

/** The records that stand (not withdrawn), newest first. */
export async function capacityRecordsOf(childId: string) {
  const db = await getDb();
  return db.select().from(capacityRecords).where(standing(childId)).orderBy(desc(capacityRecords.recordedAt));
}
