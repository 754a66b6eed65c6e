import { auditLog } from '../../db/schema';
import type { Database, Transaction } from '../../db/client';
import { getDb } from '../db.server';

export type AuditEntry = {
  userId: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  outcome: 'allowed' | 'denied';
  details?: Record<string, unknown>;
};

/** Appends to the audit log, inside the caller's transaction when it has one. */
export async function recordAudit(entry: AuditEntry, tx?: Transaction | Database) {
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values({ ...entry, details: entry.details ?? {} });
}
