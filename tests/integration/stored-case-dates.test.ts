import { asc, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { recordCaseCommand, recordException } from '~/features/case-progress/index.server';
import { refreshStoredDates } from '~/features/statutory-dates/index.server';
import { clockInputOf, readCaseEvent } from '~/domain/case-events';
import { exceptionKinds, statutorySteps } from '~/domain/case-clock';
import { storedCaseDates, type StoredDecision } from '~/domain/stored-case-dates';
import type { WorkflowCommand } from '~/domain/case-workflow';
import { addDays, type IsoDate } from '~/domain/timescales';
import { caseDecisions, caseEvents, cases, caseStepDates, documents, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * The stored statutory dates (ADR 0056) against the pure clock, over random histories: every
 * command and exception goes through the workflow's own functions on random days, and after each
 * one, and after the daily refresh on later days, what the case row and its step rows hold must be
 * exactly what `storedCaseDates` derives from the case's events that day.
 */
let db: Database;
let caseworker: User;
const caseIds: string[] = [];
const noon = (day: IsoDate) => new Date(`${day}T12:00:00Z`);
const REASONS = 'The reports from school show needs that support may not meet.';

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function expected(caseId: string, today: IsoDate) {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId));
  const events = await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.occurredAt), asc(caseEvents.id));
  return { row, derived: storedCaseDates(clockInputOf(row, events.map(readCaseEvent), today)) };
}

async function expectStoredToMatch(caseId: string, today: IsoDate, context: string) {
  const { row, derived } = await expected(caseId, today);
  const steps = await db.select().from(caseStepDates).where(eq(caseStepDates.caseId, caseId));
  const decisions = await db.select().from(caseDecisions).where(eq(caseDecisions.caseId, caseId));
  expect({ nextDueOn: row.nextDueOn, nextDueStep: row.nextDueStep, recheckOn: row.datesRecheckOn }, context).toEqual({
    nextDueOn: derived.nextDueOn,
    nextDueStep: derived.nextDueStep,
    recheckOn: derived.recheckOn,
  });
  const byStep = (a: { step: string }, b: { step: string }) => a.step.localeCompare(b.step);
  expect(steps.map(({ step, dueOn, completedOn, exceptionOn }) => ({ step, dueOn, completedOn, exceptionOn })).sort(byStep), context).toEqual([...derived.steps].sort(byStep));
  const byDecision = (a: StoredDecision, b: StoredDecision) => `${a.decision} ${a.decidedOn} ${a.refused}`.localeCompare(`${b.decision} ${b.decidedOn} ${b.refused}`);
  const unique = [...new Map(derived.decisions.map((d) => [`${d.decision} ${d.decidedOn} ${d.refused}`, d])).values()];
  expect(decisions.map(({ decision, refused, decidedOn }) => ({ decision, refused, decidedOn })).sort(byDecision), context).toEqual(unique.sort(byDecision));
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  const parent = await makeUser(db, 'parent');
  for (let i = 0; i < 16; i++) {
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: addDays('2025-01-06', i * 9) });
    caseIds.push(caseRecord.id);
  }
  // Plans made elsewhere and uploaded, so that a draft and a final plan may be recorded on any case.
  await db.insert(documents).values(
    caseIds.flatMap((caseId) =>
      (['draft_plan', 'final_plan'] as const).map((kind) => ({ caseId, kind, uploadedBy: caseworker.id, originalName: `${kind}.pdf`, storedName: crypto.randomUUID(), mimeType: 'application/pdf', sizeBytes: 10, sha256: '0' })),
    ),
  );
}, 60_000);

describe('stored statutory dates', () => {
  it('are derived for cases written without them, by the refresh', async () => {
    expect(await db.select({ id: cases.id }).from(cases).where(inArray(cases.id, caseIds)).then((rows) => rows.length)).toBe(16);
    await refreshStoredDates(noon('2025-01-06'), db);
    for (const id of caseIds) await expectStoredToMatch(id, '2025-01-06', 'backfill');
  });

  it('match the clock after every change and after each daily refresh, over random histories', async () => {
    const next = random(20261206);
    const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)];
    const commands = (today: IsoDate): WorkflowCommand[] => [
      { type: 'decide_to_assess', outcome: pick(['agreed', 'refused'] as const), reasons: REASONS, decidedOn: addDays(today, -Math.floor(next() * 3)) },
      { type: 'decide_to_issue', outcome: pick(['issue', 'not_issue'] as const), reasons: REASONS, decidedOn: today },
      { type: 'issue_draft_plan', servedOn: today },
      { type: 'issue_final_plan', issuedOn: today },
      { type: 'plan_in_place' },
      { type: 'reverse_refusal', reasons: REASONS, orderedBy: 'tribunal' },
      { type: 'withdraw', reasons: REASONS },
    ];
    let today: IsoDate = '2025-01-06';
    let changes = 0;
    for (let round = 0; round < 14; round++) {
      today = addDays(today, 1 + Math.floor(next() * 40));
      for (const caseId of caseIds) {
        if (next() < 0.35) continue;
        const [current] = await db.select({ stage: cases.stage, requestReceived: cases.requestReceived }).from(cases).where(eq(cases.id, caseId));
        if (today < current.requestReceived) continue;
        if (next() < 0.15) {
          await recordException(caseworker, caseId, { step: pick(statutorySteps), kind: pick(exceptionKinds), explanation: 'The family asked for a pause.' }, noon(today));
        } else {
          // The first of the commands, in random order, that the workflow allows at this stage (the
          // others are refused and write nothing). Withdrawing ends the history: kept rare.
          const options = commands(today)
            .filter((c) => c.type !== 'withdraw' || next() < 0.05)
            .map((command) => ({ command, order: next() }))
            .sort((a, b) => a.order - b.order);
          let done = false;
          for (const { command } of options) {
            if ((await recordCaseCommand(caseworker, caseId, command, current.stage, {}, noon(today))).ok) {
              done = true;
              break;
            }
          }
          if (!done) continue;
        }
        changes++;
        await expectStoredToMatch(caseId, today, `after a change on ${today}`);
      }
      // Days later, before anything else happens: the daily refresh brings every case to that day.
      const later = addDays(today, Math.floor(next() * 30));
      await refreshStoredDates(noon(later), db);
      for (const id of caseIds) await expectStoredToMatch(id, later, `after the refresh on ${later}`);
      today = later;
    }
    // The walk reached enough of the process to mean something.
    expect(changes).toBeGreaterThan(60);
    const kinds = new Set((await db.select({ kind: caseEvents.kind }).from(caseEvents).where(inArray(caseEvents.caseId, caseIds))).map((e) => e.kind));
    for (const kind of ['assessment_refused', 'plan_agreed', 'draft_plan_issued', 'final_plan_issued', 'refusal_reversed', 'exception_recorded']) expect(kinds, kind).toContain(kind);
  }, 240_000);
});
