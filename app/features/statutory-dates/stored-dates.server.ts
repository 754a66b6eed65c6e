import { and, asc, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import { caseDecisions, caseEvents, cases, caseStepDates } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { clockInputOf, readCaseEvent, type TypedCaseEvent } from '~/domain/case-events';
import { storedCaseDates, type StoredCaseDates } from '~/domain/stored-case-dates';
import { addDays, todayInLondon, type IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { errorFields, logEvent } from '~/observability/log.server';

/**
 * Keeps each case's stored statutory dates (`cases.next_due_on`, `case_step_dates`) equal to its
 * clock (ADR 0056): in the transaction that records a clock event, and daily for the cases whose
 * dates move with the calendar alone (a window closing) or were never derived.
 */

/** The events the statutory clock reads (app/domain/case-clock.ts `readHistory`, and exceptions). */
const CLOCK_EVENT_KINDS = ['assessment_agreed', 'assessment_refused', 'plan_agreed', 'plan_refused', 'draft_plan_issued', 'final_plan_issued', 'refusal_reversed', 'exception_recorded'];

type Db = Transaction | Database;

/** Derives and writes the stored dates of these cases as of `today`, in the caller's transaction. */
export async function storeCaseDates(tx: Db, caseIds: readonly string[], today: IsoDate): Promise<void> {
  if (caseIds.length === 0) return;
  const ids = [...caseIds];
  const [rows, events] = await Promise.all([
    tx.select({ id: cases.id, laId: cases.laId, stage: cases.stage, requestReceived: cases.requestReceived }).from(cases).where(inArray(cases.id, ids)),
    tx
      .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details })
      .from(caseEvents)
      .where(and(inArray(caseEvents.caseId, ids), inArray(caseEvents.kind, CLOCK_EVENT_KINDS)))
      .orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id)),
  ]);
  const eventsOf = new Map<string, TypedCaseEvent[]>();
  for (const e of events) {
    const own = eventsOf.get(e.caseId);
    if (own) own.push(readCaseEvent(e));
    else eventsOf.set(e.caseId, [readCaseEvent(e)]);
  }
  const derived = rows.map((row) => ({ row, dates: derive(row, eventsOf.get(row.id) ?? [], today) }));
  if (derived.length === 0) return;

  const values = sql.join(
    derived.map(({ row, dates }) => sql`(${row.id}::uuid, ${dates.nextDueOn}::date, ${dates.nextDueStep}::text, ${dates.recheckOn}::date)`),
    sql`, `,
  );
  await tx.execute(sql`update ${cases} set next_due_on = v.next_due_on, next_due_step = v.next_due_step, dates_recheck_on = v.recheck_on, dates_stored_on = ${today}::date
    from (values ${values}) as v(id, next_due_on, next_due_step, recheck_on) where ${cases.id} = v.id`);
  await tx.delete(caseStepDates).where(inArray(caseStepDates.caseId, ids));
  const steps = derived.flatMap(({ row, dates }) => dates.steps.map((s) => ({ caseId: row.id, laId: row.laId, ...s })));
  if (steps.length) await tx.insert(caseStepDates).values(steps);
  await tx.delete(caseDecisions).where(inArray(caseDecisions.caseId, ids));
  const decisions = derived.flatMap(({ row, dates }) => dates.decisions.map((d) => ({ caseId: row.id, laId: row.laId, ...d })));
  // The same decision recorded twice on one day is one row.
  if (decisions.length) await tx.insert(caseDecisions).values(decisions).onConflictDoNothing();
}

/** A case whose history the clock cannot read is stored with no dates and looked at again tomorrow, rather than stopping the rest. */
function derive(row: { id: string; stage: (typeof cases.$inferSelect)['stage']; requestReceived: IsoDate }, events: TypedCaseEvent[], today: IsoDate): StoredCaseDates {
  try {
    return storedCaseDates(clockInputOf(row, events, today));
  } catch (error) {
    logEvent('case-dates.not-derived', { caseId: row.id, ...errorFields(error) }, 'warn');
    return { nextDueOn: null, nextDueStep: null, recheckOn: addDays(today, 1), steps: [], decisions: [] };
  }
}

/**
 * The daily refresh (and the backfill after ADR 0056): every case whose stored dates may have
 * moved by `now`, or were never derived, in batches of their own transactions. Returns how many.
 */
export async function refreshStoredDates(now = new Date(), db?: Database, batchSize = 500): Promise<number> {
  db ??= await getDb();
  const today = todayInLondon(now);
  let done = 0;
  for (;;) {
    const batch = await db
      .select({ id: cases.id })
      .from(cases)
      .where(or(isNull(cases.datesStoredOn), lte(cases.datesRecheckOn, today)))
      .limit(batchSize);
    if (batch.length === 0) return done;
    await db.transaction((tx) => storeCaseDates(tx, batch.map((b) => b.id), today));
    done += batch.length;
  }
}
