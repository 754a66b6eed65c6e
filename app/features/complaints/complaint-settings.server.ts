import { eq } from 'drizzle-orm';
import { complaintSettings, type User } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { DEFAULT_COMPLAINT_TIMES, type ComplaintTimes } from '~/domain/complaints';

/** A council's complaint response times (ADR 0050): its own row, or the defaults (3, 10 and 20 working days). */
export async function complaintTimesOf(laId: string, executor?: Database | Transaction): Promise<ComplaintTimes> {
  const db = executor ?? (await getDb());
  const [row] = await db.select().from(complaintSettings).where(eq(complaintSettings.laId, laId));
  return row ? { acknowledgeDays: row.acknowledgeDays, stage1Days: row.stage1Days, stage2Days: row.stage2Days } : { ...DEFAULT_COMPLAINT_TIMES };
}

/**
 * The LA admin sets the council's times. They apply to complaints received (or escalated) from
 * now on: each complaint keeps the due dates stored when it arrived.
 */
export async function saveComplaintTimes(admin: Pick<User, 'id'>, laId: string, times: ComplaintTimes, address?: string, now = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await complaintTimesOf(laId, tx);
    await tx
      .insert(complaintSettings)
      .values({ laId, ...times, updatedBy: admin.id, updatedAt: now })
      .onConflictDoUpdate({ target: complaintSettings.laId, set: { ...times, updatedBy: admin.id, updatedAt: now } });
    await recordAudit({ userId: admin.id, action: 'administer:complaint-times', subjectType: 'la', subjectId: laId, outcome: 'allowed', address, details: { before, after: times } }, tx);
  });
}
