import { sql, type SQL } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client';

/**
 * Each time a family started waiting for the council, kept in `reply_waits` (ADR 0057) so that a
 * council's reports count waits by index: the first family message since the council's last
 * substantive answer starts a wait, the next substantive answer ends it, and a breach of the reply
 * standard recorded on the day it started marks it late. Derived from the thread itself, whole, so
 * there is one rule however the messages came (a post, demo data, a test): the thread's writers
 * call this after every message and every breach recorded.
 *
 * `caseIds` the threads to derive, or every thread (seeds and benchmarks).
 */
export async function storeReplyWaits(db: Database | Transaction, caseIds?: readonly string[]): Promise<void> {
  if (caseIds?.length === 0) return;
  const these = (column: SQL) => (caseIds ? sql`${column} IN (${sql.join(caseIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`true`);
  await db.execute(sql`DELETE FROM reply_waits WHERE ${these(sql`case_id`)}`);
  await db.execute(sql`
    WITH numbered AS (
      SELECT m.case_id, m.side, m.created_at,
             count(*) FILTER (WHERE m.side = 'la' AND m.substantive) OVER (PARTITION BY m.case_id ORDER BY m.created_at) AS answers
      FROM messages m WHERE ${these(sql`m.case_id`)}
    ), turns AS (
      SELECT case_id, answers, min(created_at) FILTER (WHERE side = 'family') AS started_at, min(created_at) AS first_at
      FROM numbered GROUP BY case_id, answers
    ), waits AS (
      -- The answer that ends a turn's wait is the first message of the next turn.
      SELECT case_id, started_at, lead(first_at) OVER (PARTITION BY case_id ORDER BY answers) AS answered_at FROM turns
    )
    INSERT INTO reply_waits (case_id, la_id, started_at, started_on, answered_at, breached)
    SELECT w.case_id, c.la_id, w.started_at, (w.started_at AT TIME ZONE 'Europe/London')::date, w.answered_at,
           EXISTS (SELECT 1 FROM service_standard_breaches b
                   WHERE b.case_id = w.case_id AND b.standard = 'reply' AND b.started_on = to_char(w.started_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD'))
    FROM waits w JOIN cases c ON c.id = w.case_id
    WHERE w.started_at IS NOT NULL`);
}
