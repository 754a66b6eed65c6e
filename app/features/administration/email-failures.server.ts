import { and, count, desc, eq, gt, isNotNull, isNull } from 'drizzle-orm';
import { outboxEmails, users, type Role } from '../../../db/schema';
import { getDb } from '~/db.server';

/**
 * The council's emails that are not getting through (ADR 0044): every unsent email of the
 * council that has failed at least once, still being retried or given up after 72 hours, newest
 * first. Who it was for is shown only as far as the LA admin already knows them: the address of
 * a member of the council's staff (on the admin's own pages), otherwise only the kind of account
 * (or that there is none yet: an invitation, which can be a young person's). Neither the email's words (which name children) nor the SMTP
 * server's error (which can quote addresses) are shown.
 */
export const EMAIL_FAILURES_SHOWN = 100;

const STAFF_ROLES: readonly Role[] = ['caseworker', 'manager', 'la_admin'];

export type EmailFailure = {
  id: string;
  queuedAt: Date;
  attempts: number;
  /** Null: given up. */
  nextAttemptAt: Date | null;
  gaveUpAt: Date | null;
  /** Shown for the council's staff only. */
  address: string | null;
  /** Null: no account (an invitation). */
  recipientRole: Role | null;
};

export async function emailFailuresOf(laId: string): Promise<{ total: number; givenUp: number; failures: EmailFailure[] }> {
  const db = await getDb();
  const failing = and(eq(outboxEmails.laId, laId), isNull(outboxEmails.sentAt), gt(outboxEmails.attempts, 0));
  const [rows, [{ total }], [{ givenUp }]] = await Promise.all([
    db
      .select({
        id: outboxEmails.id,
        queuedAt: outboxEmails.createdAt,
        attempts: outboxEmails.attempts,
        nextAttemptAt: outboxEmails.nextAttemptAt,
        gaveUpAt: outboxEmails.gaveUpAt,
        toAddress: outboxEmails.toAddress,
        recipientRole: users.role,
        recipientLaId: users.laId,
      })
      .from(outboxEmails)
      .leftJoin(users, eq(users.id, outboxEmails.recipientId))
      .where(failing)
      .orderBy(desc(outboxEmails.createdAt), desc(outboxEmails.id))
      .limit(EMAIL_FAILURES_SHOWN),
    db.select({ total: count() }).from(outboxEmails).where(failing),
    db.select({ givenUp: count() }).from(outboxEmails).where(and(failing, isNotNull(outboxEmails.gaveUpAt))),
  ]);
  return {
    total,
    givenUp,
    failures: rows.map((row) => {
      const known = row.recipientRole !== null && STAFF_ROLES.includes(row.recipientRole) && row.recipientLaId === laId;
      return {
        id: row.id,
        queuedAt: row.queuedAt,
        attempts: row.attempts,
        nextAttemptAt: row.gaveUpAt ? null : row.nextAttemptAt,
        gaveUpAt: row.gaveUpAt,
        address: known ? row.toAddress : null,
        recipientRole: row.recipientRole,
      };
    }),
  };
}
