import { beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { annualReviews, caseStepDates, replyWaits, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { casesBehindFigure, figureCounts } from '~/features/scrutiny/facts.server';
import { postMessage } from '~/features/messaging/index.server';
import type { FigureCount } from '~/domain/scrutiny/figures';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Each scrutiny figure's counting rule (app/domain/scrutiny/figures.ts says why), as the SQL of
 * app/features/scrutiny/figure-items.server.ts applies it to stored dates: which items count, on
 * which day, with which outcome, and which are not counted yet.
 */
let db: Database;
let laId: string, teamId: string;
let parent: User, caseworker: User;
const Q1 = { from: '2026-01-01', to: '2026-03-31' };
const TODAY = '2026-03-20';
const ONLY_Q1 = { period: Q1, quarters: [] };
const newCase = async () => (await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived: '2025-06-01' })).caseRecord.id;
const outcomesOf = (counts: FigureCount[], figure: string) =>
  Object.fromEntries(counts.filter((c) => c.figure === figure && c.bucket === 0).map((c) => [c.outcome, c.n]));

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const made = await makeLa(db);
  laId = made.la.id;
  teamId = made.team.id;
  parent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
});

describe('final plans in 20 weeks', () => {
  it('count by the day done, on time by the due date; exception cases apart in the headline, by the day done with exceptions', async () => {
    const plan = async (completedOn: string, dueOn: string, exceptionOn: string | null = null) =>
      db.insert(caseStepDates).values({ caseId: await newCase(), laId, step: 'finalPlan', dueOn, completedOn, exceptionOn });
    await plan('2026-01-01', '2026-01-10');
    await plan('2026-03-31', '2026-03-01');
    await plan('2026-02-01', '2026-01-15', '2026-01-20');
    // An exception recorded after the plan was done does not make it an exception case.
    await plan('2026-02-02', '2026-01-15', '2026-02-10');
    await plan('2026-04-01', '2026-05-01');
    const counts = await figureCounts(laId, ONLY_Q1, TODAY);
    expect(outcomesOf(counts, 'finalPlans')).toEqual({ onTime: 1, late: 2, exception: 1 });
    expect(outcomesOf(counts, 'finalPlansWithExceptions')).toEqual({ onTime: 1, late: 3 });
  });
});

describe('annual reviews', () => {
  it('count meetings on the day due: held by then on time, held after or not held once past late, still to come not yet', async () => {
    const review = async (meetingDueOn: string, meetingDate: string | null, extra: Partial<typeof annualReviews.$inferInsert> = {}) =>
      db.insert(annualReviews).values({ laId, caseId: await newCase(), number: 1, cycleStart: '2025-01-01', meetingDueOn, meetingDate, ...extra });
    await review('2026-02-01', '2026-01-20', { decisionDueOn: '2026-02-17', decisionOn: '2026-02-10', decision: 'keep' });
    await review('2026-02-01', '2026-02-05', { decisionDueOn: '2026-03-05', decisionOn: null });
    await review('2026-02-01', null);
    await review('2026-03-25', null);
    // Arranged for a day still to come: not held yet.
    await review('2026-03-25', '2026-03-24', { decisionDueOn: '2026-04-21' });
    // A transfer: the amended plan issued by the last day is done; a decision to amend with no plan yet, past the day, is late.
    await review('2026-02-14', '2026-01-10', { transferKind: 'phase', transferDate: '2026-09-01', transferLastDay: '2026-02-14', decision: 'amend', decisionOn: '2026-01-20', decisionDueOn: '2026-02-07', finalIssuedOn: '2026-02-10' });
    await review('2026-02-14', '2026-01-10', { transferKind: 'phase', transferDate: '2026-09-01', transferLastDay: '2026-02-14', decision: 'amend', decisionOn: '2026-01-20', decisionDueOn: '2026-02-07' });
    const counts = await figureCounts(laId, ONLY_Q1, TODAY);
    expect(outcomesOf(counts, 'reviewsOnTime')).toEqual({ onTime: 3, late: 2 });
    expect(outcomesOf(counts, 'reviewDecisions')).toEqual({ onTime: 3, late: 1 });
    expect(outcomesOf(counts, 'transferReviews')).toEqual({ onTime: 1, late: 1 });
  });
});

describe('replies to families', () => {
  it('count each wait on the day it started, as the thread’s writer keeps them: late once a breach is on record, on time when answered, not yet while waiting', async () => {
    const thread = await newCase();
    const send = (sender: User, day: string, substantive = false) =>
      postMessage(sender, thread, laId, { body: 'Hello', substantive, formKey: crypto.randomUUID() }, new Date(`${day}T12:00:00Z`));
    await send(parent, '2026-01-12');
    await send(parent, '2026-01-13');
    await send(caseworker, '2026-01-14', true);
    await send(parent, '2026-02-02');
    // An acknowledgement does not end the wait; the answer after 5 working days records the breach.
    await send(caseworker, '2026-02-03');
    await send(caseworker, '2026-02-20', true);
    await send(parent, '2026-03-18');
    const waits = await db.select().from(replyWaits).where(eq(replyWaits.caseId, thread)).orderBy(asc(replyWaits.startedAt));
    expect(waits.map((w) => [w.startedOn, w.answeredAt?.toISOString().slice(0, 10) ?? null, w.breached])).toEqual([
      ['2026-01-12', '2026-01-14', false],
      ['2026-02-02', '2026-02-20', true],
      ['2026-03-18', null, false],
    ]);
    expect(outcomesOf(await figureCounts(laId, ONLY_Q1, TODAY), 'replies')).toEqual({ onTime: 1, late: 1 });
  });
});

describe('the cases behind a figure', () => {
  it('lists each case once at its latest item, by outcome and team, a page at a time, with the total', async () => {
    const filter = { period: Q1, teamId, outcome: 'late' as const, today: TODAY };
    const all = await casesBehindFigure(laId, 'finalPlansWithExceptions', filter, { offset: 0, limit: 25 });
    expect(all.total).toBe(3);
    expect(all.rows.map((r) => r.on)).toEqual(['2026-03-31', '2026-02-02', '2026-02-01']);
    const second = await casesBehindFigure(laId, 'finalPlansWithExceptions', filter, { offset: 2, limit: 2 });
    expect(second).toMatchObject({ total: 3, rows: [{ on: '2026-02-01' }] });
    const past = await casesBehindFigure(laId, 'finalPlansWithExceptions', filter, { offset: 25, limit: 25 });
    expect(past).toEqual({ total: 3, rows: [] });
    const otherTeam = await casesBehindFigure(laId, 'finalPlansWithExceptions', { ...filter, teamId: crypto.randomUUID() }, { offset: 0, limit: 25 });
    expect(otherTeam.total).toBe(0);
  });
});
