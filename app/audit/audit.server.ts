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
  /**
   * Where the request came from: `clientAddress(request)` (app/client-address.server.ts). Kept
   * as `details.address`, the one place every row carries it.
   */
  address?: string;
};

/**
 * Appends to the audit log, inside the caller's transaction when it has one. The table is
 * append-only (triggers in migration 0009): a row once written cannot be changed or removed.
 */
export async function recordAudit(entry: AuditEntry, tx?: Transaction | Database) {
  await recordAudits([entry], tx);
}

/** Several rows in one statement (a page's guards, app/auth/access.server.ts). */
export async function recordAudits(entries: readonly AuditEntry[], tx?: Transaction | Database) {
  if (entries.length === 0) return;
  const db = tx ?? (await getDb());
  await db.insert(auditLog).values(entries.map(({ address, details, ...entry }) => ({ ...entry, details: address === undefined ? (details ?? {}) : { ...details, address } })));
}
