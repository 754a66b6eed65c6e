import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { loader as homeLoader } from '~/routes/_index';
import { loader as councilLoader } from '~/routes/caseload';
import { caseloadPage, caseworkerLoads, councilDeadlines, DEFAULT_QUERY } from '~/features/caseload/index.server';
import type { CaseloadQuery } from '~/features/caseload';
import { standardsOf } from '~/tenancy/council.server';
import { refreshStoredDates } from '~/features/statutory-dates/index.server';
import { caseEvent, type CaseEventOf } from '~/domain/case-events';
import { replyClock } from '~/domain/service-standards';
import { addDays, compareDates } from '~/domain/timescales';
import { areaTeams, assessmentRequests, caseEvents, cases, children, messages, type CaseStage, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * A caseload of 214 open cases (and a few closed, and another council's) at every stage, with
 * the events the workflow would have written, replies waiting and a legal exception: the list
 * must search, filter, count, order and page in the database and agree with the statutory
 * clock and the reply timer row by row.
 */
const NOW = new Date('2026-12-07T12:00:00Z'); // Monday

let db: Database;
let caseworker: User, other: User, manager: User, foreignManager: User, parent: User;
let laId: string, northId: string, southId: string;
const OPEN_STAGES: CaseStage[] = ['request_received', 'assessment_refused', 'advice_gathering', 'plan_refused', 'plan_agreed', 'draft_plan_issued', 'final_plan_issued', 'plan_maintained'];

function historyOf(stage: CaseStage, received: string): CaseEventOf[] {
  const at = (days: number) => addDays(received, days);
  const assessed = caseEvent('assessment_agreed', { decidedOn: at(35) });
  switch (stage) {
    case 'assessment_refused':
      return [caseEvent('assessment_refused', { decidedOn: at(35), appealDeadline: at(95) })];
    case 'advice_gathering':
      return [assessed];
    case 'plan_refused':
      return [assessed, caseEvent('plan_refused', { decidedOn: at(95), appealDeadline: at(155) })];
    case 'plan_agreed':
      return [assessed, caseEvent('plan_agreed', { decidedOn: at(95) })];
    case 'draft_plan_issued':
      return [assessed, caseEvent('plan_agreed', { decidedOn: at(95) }), caseEvent('draft_plan_issued', { servedOn: at(100), commentsLastDay: at(114) })];
    case 'final_plan_issued':
    case 'plan_maintained':
      return [assessed, caseEvent('plan_agreed', { decidedOn: at(95) }), caseEvent('draft_plan_issued', { servedOn: at(100), commentsLastDay: at(114) }), caseEvent('final_plan_issued', { issuedOn: at(135) })];
    default:
      return [];
  }
}

const FIRST_NAMES = ['Amelia', 'Oliver', 'Isla', 'Noah', 'Ava', 'Leo', 'Mia', 'Arthur', 'Ivy', 'Muhammad', 'Freya', 'George', 'Lily'];

/** Inserts `n` cases in bulk, deterministically varied; returns their ids. */
async function makeCases(n: number, opts: { laId: string; teamIds: string[]; caseworkerId: string | null; prefix: string; refPrefix?: string; stage?: CaseStage }) {
  const kids = await db
    .insert(children)
    .values(Array.from({ length: n }, (_, i) => ({ laId: opts.laId, firstName: FIRST_NAMES[i % FIRST_NAMES.length], lastName: `${opts.prefix}${String(i).padStart(3, '0')}`, dateOfBirth: addDays('2012-01-01', i * 17) })))
    .returning();
  const made = await db
    .insert(cases)
    .values(
      kids.map((kid, i) => ({
        reference: `${opts.refPrefix ?? opts.prefix}-${String(i).padStart(4, '0')}`,
        childId: kid.id,
        laId: opts.laId,
        teamId: opts.teamIds[i % opts.teamIds.length],
        caseworkerId: opts.caseworkerId,
        stage: opts.stage ?? OPEN_STAGES[i % OPEN_STAGES.length],
        // From about 18 months ago to last week, so every step is due, missed or done somewhere.
        requestReceived: addDays('2025-06-02', (i * 37) % 550),
      })),
    )
    .returning();
  const events = made.flatMap((c) => historyOf(c.stage, c.requestReceived).map((e, k) => ({ caseId: c.id, occurredAt: new Date(Date.parse(`${c.requestReceived}T10:00:00Z`) + k * 1000), ...e })));
  if (events.length) await db.insert(caseEvents).values(events);
  return made;
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const made = await makeLa(db);
  laId = made.la.id;
  northId = made.team.id;
  [{ id: southId }] = await db.insert(areaTeams).values({ laId, name: `South ${made.la.code}` }).returning();
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: northId, name: 'Casey Worker' });
  other = await makeUser(db, 'caseworker', { laId, teamId: southId, name: 'Other Worker' });
  manager = await makeUser(db, 'manager', { laId });
  parent = await makeUser(db, 'parent');
  const foreign = await makeLa(db, 'Elsewhere Council');
  foreignManager = await makeUser(db, 'manager', { laId: foreign.la.id });

  const mine = await makeCases(214, { laId, teamIds: [northId, southId], caseworkerId: caseworker.id, prefix: 'CLA' });
  await makeCases(12, { laId, teamIds: [southId], caseworkerId: other.id, prefix: 'CLO' });
  await makeCases(7, { laId, teamIds: [northId], caseworkerId: null, prefix: 'CLU', stage: 'request_received' });
  await makeCases(3, { laId, teamIds: [northId], caseworkerId: caseworker.id, prefix: 'CLC', stage: 'withdrawn' });
  // Another council's children share the names: they must never appear.
  await makeCases(20, { laId: foreign.la.id, teamIds: [foreign.team.id], caseworkerId: null, prefix: 'CLA', refPrefix: 'FOR' });

  // A legal exception disapplies a request_received case's decision date (mine[0] is request_received).
  await db.insert(caseEvents).values({ caseId: mine[0].id, occurredAt: NOW, ...caseEvent('exception_recorded', { step: 'decisionToAssess', kind: 'school_closed', explanation: 'Closed', recordedOn: '2026-12-01' }) });
  // The family is waiting on ten cases: sent on different days, some acknowledged.
  for (let k = 0; k < 10; k++) {
    const c = mine[10 + k];
    const sentAt = new Date(Date.parse('2026-11-23T09:30:00Z') + k * 26 * 3_600_000);
    await db.insert(messages).values({ caseId: c.id, senderId: parent.id, side: 'family', body: 'Any news?', formKey: crypto.randomUUID(), createdAt: sentAt });
    if (k % 3 === 0) await db.insert(messages).values({ caseId: c.id, senderId: caseworker.id, side: 'la', body: 'Looking into it', formKey: crypto.randomUUID(), createdAt: new Date(sentAt.getTime() + 3_600_000) });
    await db.update(cases).set({ awaitingReplySince: sentAt }).where(eq(cases.id, c.id));
  }
  // One family needs an interpreter.
  await db.insert(assessmentRequests).values({ childId: mine[5].childId, createdBy: parent.id, status: 'submitted', caseId: mine[5].id, answers: { communication: { interpreter: 'yes', interpreterLanguage: 'Polish' } } });
  // The histories were written as rows, not through the workflow: derive the stored dates, as the daily job does.
  await refreshStoredDates(NOW, db);
}, 120_000);

afterEach(() => vi.useRealTimers());


const mineScope = () => ({ laId, caseworkerId: caseworker.id });
const councilScope = () => ({ laId, caseworkerId: null });
const q = (changes: Partial<CaseloadQuery>): CaseloadQuery => ({ ...DEFAULT_QUERY, ...changes });

async function allPages(scope: { laId: string; caseworkerId: string | null }, query: CaseloadQuery) {
  const rows = [];
  for (let page = 1; ; page++) {
    const found = await caseloadPage(scope, { ...query, page, size: 50 }, NOW);
    rows.push(...found.rows);
    if (page >= found.pages) return rows;
  }
}

describe('a caseworker with 214 open cases', () => {
  it('pages by 25: page 2 shows 26 to 50 of 214, and a page past the end shows the last', async () => {
    const second = await caseloadPage(mineScope(), q({ page: 2 }), NOW);
    expect(second).toMatchObject({ total: 214, page: 2, pages: 9, first: 26, last: 50 });
    expect(second.rows).toHaveLength(25);
    const beyond = await caseloadPage(mineScope(), q({ page: 99 }), NOW);
    expect(beyond).toMatchObject({ page: 9, first: 201, last: 214 });
    expect((await caseloadPage(mineScope(), q({ size: 50 }), NOW)).pages).toBe(5);
  });

  it('orders by the next statutory date, as the clock computes it row by row, cases with none last', async () => {
    const rows = await allPages(mineScope(), DEFAULT_QUERY);
    expect(rows).toHaveLength(214);
    const dated = rows.filter((r) => r.next);
    const undated = rows.slice(dated.length);
    expect(undated.every((r) => r.next === null)).toBe(true);
    for (let i = 1; i < dated.length; i++) expect(compareDates(dated[i - 1].next!.dueBy, dated[i].next!.dueBy)).toBeLessThanOrEqual(0);
    // The exception disapplied the only open step of that case.
    expect(rows.find((r) => r.reference === 'CLA-0000')?.next).toBeNull();
    expect(new Set(dated.map((r) => r.next!.step))).toEqual(new Set(['decisionToAssess', 'noticeNotToIssue', 'finalPlan', 'draftComments', 'appeal', 'annualReview']));
  });

  it('orders by date received or by name when asked', async () => {
    const received = await allPages(mineScope(), q({ sort: 'received' }));
    for (let i = 1; i < received.length; i++) expect(compareDates(received[i - 1].requestReceived, received[i].requestReceived)).toBeLessThanOrEqual(0);
    const byName = (await caseloadPage(mineScope(), q({ sort: 'name' }), NOW)).rows.map((r) => r.childName.split(' ')[1]);
    expect(byName).toEqual([...byName].sort());
  });

  it('finds a child by name, reference, or date of birth typed the UK way', async () => {
    expect((await caseloadPage(mineScope(), q({ q: 'isla cla002' }), NOW)).rows.map((r) => r.reference)).toEqual(['CLA-0002']);
    expect((await caseloadPage(mineScope(), q({ q: 'CLA-0042' }), NOW)).rows.map((r) => r.reference)).toEqual(['CLA-0042']);
    // CLA-0003 was born 51 days after 1 January 2012: 21 February 2012.
    for (const typed of ['21/2/2012', '21 February 2012', '2012-02-21']) {
      expect((await caseloadPage(mineScope(), q({ q: typed }), NOW)).rows.map((r) => r.reference)).toEqual(['CLA-0003']);
    }
    expect((await caseloadPage(mineScope(), q({ q: '100%_' }), NOW)).total).toBe(0);
  });

  it('filters by stage, team and interpreter, and counts what matches', async () => {
    const stage = await caseloadPage(mineScope(), q({ stage: 'plan_agreed' }), NOW);
    expect(stage.total).toBe(27);
    expect(stage.rows.every((r) => r.stage === 'plan_agreed')).toBe(true);
    expect((await caseloadPage(mineScope(), q({ team: southId }), NOW)).total).toBe(107);
    const interpreter = await caseloadPage(mineScope(), q({ only: ['interpreter'] }), NOW);
    expect(interpreter.rows.map((r) => [r.reference, r.interpreterLanguage])).toEqual([['CLA-0005', 'Polish']]);
  });

  it('flags a reply overdue exactly as the reply timer does, and never calls such a case on track', async () => {
    const standards = await standardsOf(laId);
    const waiting = (await allPages(mineScope(), DEFAULT_QUERY)).filter((r) => r.awaitingReply);
    expect(waiting).toHaveLength(10);
    for (const row of waiting) {
      const thread = await db.select().from(messages).where(eq(messages.caseId, row.id));
      const clock = replyClock(thread.map((m) => ({ side: m.side, sentAt: m.createdAt, substantive: m.substantive })), standards, NOW);
      expect(row.replyOverdue).toBe(clock.state === 'awaiting' && clock.overdue);
    }
    const overdue = await caseloadPage(mineScope(), q({ only: ['reply-overdue'], size: 50 }), NOW);
    expect(overdue.total).toBe(waiting.filter((r) => r.replyOverdue).length);
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.total).toBeLessThan(10);
  });

  it('filters the cases with a statutory date missed: exactly those the clock says', async () => {
    const all = await allPages(mineScope(), DEFAULT_QUERY);
    const missed = await allPages(mineScope(), q({ only: ['date-missed'] }));
    expect(missed.map((r) => r.id).sort()).toEqual(all.filter((r) => r.missed.length > 0).map((r) => r.id).sort());
    expect(missed.length).toBeGreaterThan(0);
  });

  it('home page: the query string drives the list; bad values are ignored, a too-long search is a field error, never a 500', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(NOW);
    const res = await settle(async () => homeLoader({ request: await requestAs(caseworker, '/?q=CLA-01&stage=nonsense&team=not-a-uuid&sort=sideways&size=7&page=-3&only=whatever&only=interpreter'), params: {}, context: {} }));
    expect(res.status).toBe(200);
    const { caseload } = await res.json();
    expect(caseload.query).toMatchObject({ q: 'CLA-01', stage: null, team: null, sort: 'due', size: 25, page: 1, only: ['interpreter'] });
    const tooLong = await settle(async () => homeLoader({ request: await requestAs(caseworker, `/?q=${'x'.repeat(101)}`), params: {}, context: {} }));
    expect(tooLong.status).toBe(200);
    expect((await tooLong.json()).caseload).toMatchObject({ searchError: 'errors.caseload.searchTooLong', typed: 'x'.repeat(101), total: 214 });
  });
});

describe('a manager sees every open case of their own council only', () => {
  it('lists all 233 open cases, by caseworker or unallocated, and never another council\'s', async () => {
    const res = await settle(async () => councilLoader({ request: await requestAs(manager, '/caseload?size=50'), params: {}, context: {} }));
    const { council, caseload } = await res.json();
    expect(council).toBe(true);
    expect(caseload.total).toBe(233);
    expect(caseload.caseworkers.map((c: { name: string }) => c.name)).toEqual(['Casey Worker', 'Other Worker']);
    expect((await caseloadPage(councilScope(), q({ caseworker: 'unallocated' }), NOW)).total).toBe(7);
    expect((await caseloadPage(councilScope(), q({ caseworker: other.id }), NOW)).total).toBe(12);
    const foreign = await (await settle(async () => councilLoader({ request: await requestAs(foreignManager, '/caseload?q=CLA&size=50'), params: {}, context: {} }))).json();
    expect(foreign.caseload.total).toBe(20);
    expect(foreign.caseload.rows.every((r: { reference: string }) => r.reference.startsWith('FOR-'))).toBe(true);
  });

  it('a caseworker on the same address sees only their own caseload; a parent is refused', async () => {
    const mine = await (await settle(async () => councilLoader({ request: await requestAs(caseworker, '/caseload'), params: {}, context: {} }))).json();
    expect(mine).toMatchObject({ council: false, caseload: { total: 214, caseworkers: null } });
    expect((await settle(async () => councilLoader({ request: await requestAs(parent, '/caseload'), params: {}, context: {} }))).status).toBe(403);
  });

  it('counts each caseworker\'s open cases, replies overdue and dates missed, as the lists behind them', async () => {
    const loads = await caseworkerLoads(laId, NOW);
    const casey = loads.find((l) => l.id === caseworker.id)!;
    expect(casey.openCases).toBe(214);
    expect(casey.replyOverdue).toBe((await caseloadPage(councilScope(), q({ caseworker: caseworker.id, only: ['reply-overdue'] }), NOW)).total);
    expect(casey.datesMissed).toBe((await caseloadPage(councilScope(), q({ caseworker: caseworker.id, only: ['date-missed'] }), NOW)).total);
    expect(loads.find((l) => l.id === other.id)?.openCases).toBe(12);
  });
});

it("the council's deadlines for its monitoring: replies overdue, replies due today and dates missed, as the reply timer and the lists count them", async () => {
  const standards = await standardsOf(laId);
  const waiting = (await allPages(councilScope(), DEFAULT_QUERY)).filter((r) => r.awaitingReply);
  let dueToday = 0;
  for (const row of waiting) {
    const thread = await db.select().from(messages).where(eq(messages.caseId, row.id));
    const clock = replyClock(thread.map((m) => ({ side: m.side, sentAt: m.createdAt, substantive: m.substantive })), standards, NOW);
    if (clock.state === 'awaiting' && clock.dueToday && !clock.overdue) dueToday += 1;
  }
  const figures = await councilDeadlines(laId, NOW);
  expect(figures).toEqual({
    repliesOverdue: (await caseloadPage(councilScope(), q({ only: ['reply-overdue'] }), NOW)).total,
    repliesDueToday: dueToday,
    statutoryDatesMissed: (await caseloadPage(councilScope(), q({ only: ['date-missed'] }), NOW)).total,
  });
  expect(figures.repliesOverdue).toBeGreaterThan(0);
  expect(figures.repliesDueToday).toBeGreaterThan(0);
  // Another council's figures are its own.
  expect(await councilDeadlines((await db.select().from(cases).where(eq(cases.reference, 'FOR-0000')))[0].laId, NOW)).toMatchObject({ repliesOverdue: 0, repliesDueToday: 0 });
});

it('a case made by the shared factory still lists (no events: the clock and SQL agree on the decision date)', async () => {
  const { caseRecord } = await makeChildWithCase(db, { laId, teamId: northId, parentIds: [], caseworkerId: other.id, requestReceived: '2026-11-02' });
  const found = await caseloadPage(councilScope(), q({ q: caseRecord.reference }), NOW);
  expect(found.rows[0].next).toEqual({ step: 'decisionToAssess', dueBy: '2026-12-14', status: 'due' });
});
