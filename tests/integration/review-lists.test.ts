import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as listsLoader } from '~/routes/reviews';
import { action as transferAction, loader as transferLoader } from '~/routes/cases.$caseId.reviews_.transfer';
import { recordTransfer, storedDueOf, transferScreen } from '~/features/reviews/index.server';
import { cohortBornBetween, reviewListPage, transferCounts, type ReviewListName } from '~/features/review-lists/index.server';
import { DEFAULT_QUERY, type CaseloadQuery } from '~/features/caseload';
import { cycleStartForDueBy, nationalCurriculumYear, reviewNotStarted, type ReviewFacts } from '~/domain/annual-review';
import { addDays } from '~/domain/timescales';
import { annualReviews, areaTeams, cases, children, educationSettings, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * The lists at /reviews (ADR 0048) over 230 reviews of one caseworker, others', a completed one
 * and another council's: filtered by the dates stored with each review, paged in SQL past 200
 * rows, next date first; Sefton's transfer counts; the transfer details form.
 */
const NOW = new Date('2026-12-07T12:00:00Z'); // Monday, autumn term 2026 (1 September to 31 December)
const TODAY = '2026-12-07';

let db: Database;
let caseworker: User, other: User, manager: User, foreignManager: User, parent: User;
let laId: string, northId: string, southId: string, foreignLaId: string;
let highId: string, collegeId: string, foreignSettingId: string;
let sequence = 0;

/** The cycle start whose review is due on `dueBy` (as the pure module counts 12 months). */
/** Cases with a plan in force and one review each, in bulk. */
async function makeReviews(n: number, opts: { laId: string; teamIds: string[]; caseworkerId: string | null; prefix: string; factsOf: (i: number) => ReviewFacts; dateOfBirth?: (i: number) => string; completed?: boolean }) {
  const kids = await db
    .insert(children)
    .values(Array.from({ length: n }, (_, i) => ({ laId: opts.laId, firstName: 'Rev', lastName: `${opts.prefix}${String(i).padStart(3, '0')}`, dateOfBirth: opts.dateOfBirth?.(i) ?? '2015-03-03' })))
    .returning();
  const made = await db
    .insert(cases)
    .values(kids.map((kid, i) => ({ reference: `${opts.prefix}-${String(i).padStart(4, '0')}-${sequence++}`, childId: kid.id, laId: opts.laId, teamId: opts.teamIds[i % opts.teamIds.length], caseworkerId: opts.caseworkerId, stage: 'plan_maintained' as const, requestReceived: '2024-01-10' })))
    .returning();
  const reviews = await db
    .insert(annualReviews)
    .values(
      made.map((c, i) => {
        const f = opts.factsOf(i);
        return {
          laId: opts.laId,
          caseId: c.id,
          number: 1,
          cycleStart: f.cycleStart,
          transferKind: f.transfer?.kind ?? null,
          transferDate: f.transfer?.transferDate ?? null,
          meetingDate: f.meetingDate,
          noticeSentOn: f.noticeSentOn,
          adviceCirculatedOn: f.adviceCirculatedOn,
          reportReceivedOn: f.reportReceivedOn,
          decision: f.decision,
          decisionOn: f.decisionOn,
          amendmentsSentOn: f.amendmentsSentOn,
          finalIssuedOn: f.finalIssuedOn,
          completedOn: opts.completed ? TODAY : null,
          ...storedDueOf(f, TODAY),
        };
      }),
    )
    .returning();
  return { cases: made, reviews };
}

const q = (changes: Partial<CaseloadQuery> = {}): CaseloadQuery => ({ ...DEFAULT_QUERY, ...changes });

async function allRows(scope: { laId: string; caseworkerId: string | null }, list: ReviewListName, query = q()) {
  const rows = [];
  for (let page = 1; ; page++) {
    const found = await reviewListPage(scope, list, { ...query, page, size: 50 }, NOW);
    rows.push(...found.rows);
    if (page >= found.pages) return { rows, total: found.total };
  }
}

// A Year 6 child in 2026/27 (born in the academic year 2015/16) and a Year 11 one (2010/11).
const YEAR6 = '2016-01-20';
const YEAR11 = '2011-02-02';
const TRANSFER6 = { kind: 'phase' as const, transferDate: '2027-09-01' };
const TRANSFER11 = { kind: 'post16' as const, transferDate: '2027-09-01' };

let transferCaseId: string;

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
  foreignLaId = foreign.la.id;
  foreignManager = await makeUser(db, 'manager', { laId: foreignLaId });
  [{ id: highId }, { id: collegeId }] = await db
    .insert(educationSettings)
    .values([
      { laId, name: 'Test High School', urn: '139001', type: 'school', phase: 'secondary' },
      { laId, name: 'Test College', ukprn: '10009999', type: 'college', phase: 'post16' },
    ])
    .returning();
  [{ id: foreignSettingId }] = await db.insert(educationSettings).values({ laId: foreignLaId, name: 'Elsewhere High', urn: '139999', type: 'school', phase: 'secondary' }).returning();

  // 214 of the caseworker's reviews fall due this term: from late October (overdue) to 31 December.
  await makeReviews(214, { laId, teamIds: [northId, southId], caseworkerId: caseworker.id, prefix: 'RLA', factsOf: (i) => reviewNotStarted(cycleStartForDueBy(addDays('2026-10-20', i % 73))) });
  // Due next term: not this term's.
  await makeReviews(9, { laId, teamIds: [northId], caseworkerId: caseworker.id, prefix: 'RLS', factsOf: (i) => reviewNotStarted(cycleStartForDueBy(addDays('2027-01-05', i * 3))) });
  // Another caseworker's, this term.
  await makeReviews(6, { laId, teamIds: [southId], caseworkerId: other.id, prefix: 'RLO', factsOf: (i) => reviewNotStarted(cycleStartForDueBy(addDays('2026-12-10', i))) });
  // Completed: nothing more is due.
  await makeReviews(2, { laId, teamIds: [northId], caseworkerId: caseworker.id, prefix: 'RLC', factsOf: () => reviewNotStarted(cycleStartForDueBy('2026-12-15')), completed: true });
  // Another council's, this term: never shown.
  await makeReviews(12, { laId: foreignLaId, teamIds: [foreign.team.id], caseworkerId: null, prefix: 'RLF', factsOf: (i) => reviewNotStarted(cycleStartForDueBy(addDays('2026-12-01', i))) });

  // Year 6 with plans: 5 children; 4 transfer reviews, 3 with a date, 2 held, 1 amended plan issued.
  const cycle = cycleStartForDueBy('2027-04-01');
  await makeReviews(5, {
    laId,
    teamIds: [northId],
    caseworkerId: caseworker.id,
    prefix: 'RY6',
    dateOfBirth: () => YEAR6,
    factsOf: (i) =>
      [
        reviewNotStarted(cycle, { transfer: TRANSFER6 }),
        reviewNotStarted(cycle, { transfer: TRANSFER6, meetingDate: '2027-01-20', noticeSentOn: '2026-12-01' }),
        reviewNotStarted(cycle, { transfer: TRANSFER6, meetingDate: '2026-11-20', noticeSentOn: '2026-11-01', adviceCirculatedOn: '2026-11-01' }),
        reviewNotStarted(cycle, { transfer: TRANSFER6, meetingDate: '2026-10-01', noticeSentOn: '2026-09-10', adviceCirculatedOn: '2026-09-10', reportReceivedOn: '2026-10-08', decision: 'amend', decisionOn: '2026-10-20', amendmentsSentOn: '2026-10-20', finalIssuedOn: '2026-12-01' }),
        reviewNotStarted(cycle),
      ][i],
  });
  // Year 11: 2 children with plans, 1 transfer review; another council's Year 11 never counted.
  await makeReviews(2, { laId, teamIds: [southId], caseworkerId: other.id, prefix: 'RY11', dateOfBirth: () => YEAR11, factsOf: (i) => (i === 0 ? reviewNotStarted(cycle, { transfer: TRANSFER11 }) : reviewNotStarted(cycle)) });
  await makeReviews(3, { laId: foreignLaId, teamIds: [foreign.team.id], caseworkerId: null, prefix: 'RFY11', dateOfBirth: () => YEAR11, factsOf: () => reviewNotStarted(cycle, { transfer: TRANSFER11 }) });

  // A Year 6 child's review with no transfer recorded yet, for the transfer form.
  const { cases: [one] } = await makeReviews(1, { laId, teamIds: [northId], caseworkerId: caseworker.id, prefix: 'RTX', dateOfBirth: () => YEAR6, factsOf: () => reviewNotStarted(cycleStartForDueBy('2027-05-01')) });
  transferCaseId = one.id;
}, 120_000);

const mine = () => ({ laId, caseworkerId: caseworker.id });
const council = () => ({ laId, caseworkerId: null });

describe('reviews due this term', () => {
  it('pages by 25 in SQL past 200 rows: 214 of the caseworker’s, page 9 shows 201 to 214', async () => {
    const ninth = await reviewListPage(mine(), 'term', q({ page: 9 }), NOW);
    expect(ninth).toMatchObject({ total: 214, page: 9, pages: 9, first: 201, last: 214 });
    expect(ninth.rows).toHaveLength(14);
    const { rows, total } = await allRows(mine(), 'term');
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((r) => r.reviewId)).size).toBe(214);
  });

  it('holds exactly the reviews whose stored meeting-due date falls in the term, next due date first', async () => {
    const { rows } = await allRows(mine(), 'term');
    for (const row of rows) {
      expect(row.meetingDueOn! >= '2026-09-01' && row.meetingDueOn! <= '2026-12-31').toBe(true);
      expect(row.childName).toMatch(/^Rev RLA/);
    }
    const dates = rows.map((r) => r.nextDue?.dueBy ?? '9999-12-31');
    expect(dates).toEqual([...dates].sort());
    // The stored date decides: moved into the spring term, a review leaves this term's list.
    const [first] = rows;
    await db.update(annualReviews).set({ meetingDueOn: '2027-01-04' }).where(eq(annualReviews.id, first.reviewId));
    expect((await reviewListPage(mine(), 'term', q(), NOW)).total).toBe(213);
    await db.update(annualReviews).set({ meetingDueOn: first.meetingDueOn }).where(eq(annualReviews.id, first.reviewId));
  });

  it('a manager sees the whole council, by caseworker or team; another council sees none of it', async () => {
    expect((await reviewListPage(council(), 'term', q(), NOW)).total).toBe(220);
    expect((await reviewListPage(council(), 'term', q({ caseworker: other.id }), NOW)).total).toBe(6);
    expect((await reviewListPage(council(), 'term', q({ team: southId }), NOW)).total).toBe(107 + 6);
    const foreignList = await reviewListPage({ laId: foreignLaId, caseworkerId: null }, 'term', q(), NOW);
    expect(foreignList.total).toBe(12);
    expect(foreignList.rows.every((r) => r.childName.startsWith('Rev RLF'))).toBe(true);
  });

  it('the page: a caseworker’s own, a manager’s council-wide; a parent is refused', async () => {
    const own = await (await settle(async () => listsLoader({ request: await requestAs(caseworker, '/reviews?size=50'), params: {}, context: {} }))).json();
    expect(own.council).toBe(false);
    expect(own.screen.total).toBeGreaterThanOrEqual(214);
    const all = await (await settle(async () => listsLoader({ request: await requestAs(manager, '/reviews?list=transfers'), params: {}, context: {} }))).json();
    expect(all.council).toBe(true);
    expect(all.screen.counts).toHaveLength(2);
    expect((await settle(async () => listsLoader({ request: await requestAs(parent, '/reviews'), params: {}, context: {} }))).status).toBe(403);
  });
});

describe('overdue steps', () => {
  it('lists the reviews whose next date has passed, the longest overdue first', async () => {
    const { rows, total } = await allRows(mine(), 'overdue');
    expect(total).toBeGreaterThan(0);
    for (const row of rows) expect(row.nextDue!.dueBy < TODAY).toBe(true);
    expect(rows.every((r) => r.overdueSteps.length > 0)).toBe(true);
    const dates = rows.map((r) => r.nextDue!.dueBy);
    expect(dates).toEqual([...dates].sort());
  });
});

describe('phase transfers', () => {
  it('a cohort’s dates of birth are the year group as the pure module counts it', () => {
    const y6 = cohortBornBetween(6, TODAY);
    expect(nationalCurriculumYear(y6.from, TODAY)).toBe(6);
    expect(nationalCurriculumYear(y6.to, TODAY)).toBe(6);
    expect(nationalCurriculumYear(addDays(y6.from, -1), TODAY)).toBe(7);
    expect(nationalCurriculumYear(addDays(y6.to, 1), TODAY)).toBe(5);
  });

  it('Sefton’s table: of 5 Year 6 pupils with plans, 4 reviews, 3 dates set, 2 held, 1 amended plan in time; Year 11 apart', async () => {
    const counts = await transferCounts(council(), q(), NOW);
    expect(counts).toEqual([
      { year: 6, kind: 'phase', lastDay: '2027-02-14', withPlans: 6, reviews: 4, datesSet: 3, held: 2, issuedInTime: 1 },
      { year: 11, kind: 'post16', lastDay: '2027-03-30', withPlans: 2, reviews: 1, datesSet: 0, held: 0, issuedInTime: 0 },
    ]);
    // The caseworker's own: the Year 11 children are another's.
    const own = await transferCounts(mine(), q(), NOW);
    expect(own[1]).toMatchObject({ withPlans: 0, reviews: 0 });
  });

  it('lists the transfer reviews under way with their last day', async () => {
    const { rows } = await allRows(council(), 'transfers');
    expect(rows).toHaveLength(5);
    expect(rows.map((r) => r.transfer)).toEqual([
      { kind: 'phase', lastDay: '2027-02-14' },
      { kind: 'phase', lastDay: '2027-02-14' },
      { kind: 'phase', lastDay: '2027-02-14' },
      { kind: 'phase', lastDay: '2027-02-14' },
      { kind: 'post16', lastDay: '2027-03-30' },
    ]);
  });
});

describe('recording a transfer on a review', () => {
  it('takes the move from the date of birth, the consulted and named settings from the council’s, and stores the dates again', async () => {
    const before = await transferScreen(laId, transferCaseId, NOW);
    expect(before?.transfer).toMatchObject({ kind: 'phase', transferDate: '2027-09-01', lastDay: '2027-02-14', from: 'primary', to: 'secondary' });
    expect(before?.settings.map((s) => s.name)).toEqual(['Test College', 'Test High School']);

    const staff = { ...caseworker, laId };
    // Another council's setting is no choice.
    const refused = await recordTransfer(staff, transferCaseId, { consultedSettingId: foreignSettingId, namedSettingId: '' }, { now: NOW });
    expect(refused).toMatchObject({ ok: false, errors: { consultedSettingId: 'errors.reviewTransfer.consulted' }, values: { consultedSettingId: foreignSettingId } });
    const missing = await recordTransfer(staff, transferCaseId, { consultedSettingId: '', namedSettingId: '' }, { now: NOW });
    expect(missing.ok).toBe(false);

    for (let twice = 0; twice < 2; twice++) expect(await recordTransfer(staff, transferCaseId, { consultedSettingId: highId, namedSettingId: '' }, { now: NOW })).toEqual({ ok: true });
    const [review] = await db.select().from(annualReviews).where(eq(annualReviews.caseId, transferCaseId));
    expect(review).toMatchObject({ transferKind: 'phase', transferDate: '2027-09-01', consultedSettingId: highId, namedSettingId: null, meetingDueOn: '2027-02-14', nextDueOn: '2027-02-14', nextDueStep: 'meeting' });
    await recordTransfer(staff, transferCaseId, { consultedSettingId: highId, namedSettingId: collegeId }, { now: NOW });
    const [named] = await db.select().from(annualReviews).where(eq(annualReviews.caseId, transferCaseId));
    expect(named.namedSettingId).toBe(collegeId);
  });

  it('the page is the council’s: a caseworker saves it, a parent is refused, errors keep what was chosen', async () => {
    const page = await (await settle(async () => transferLoader({ request: await requestAs(caseworker, `/cases/${transferCaseId}/reviews/transfer`), params: { caseId: transferCaseId }, context: {} }))).json();
    expect(page.screen.transfer.lastDay).toBe('2027-02-14');
    const saved = await settle(async () => transferAction({ request: await requestAs(caseworker, `/cases/${transferCaseId}/reviews/transfer`, { form: { consultedSettingId: highId, namedSettingId: highId } }), params: { caseId: transferCaseId }, context: {} }));
    expect(saved.status).toBe(302);
    const failed = await settle(async () => transferAction({ request: await requestAs(caseworker, `/cases/${transferCaseId}/reviews/transfer`, { form: { consultedSettingId: 'nonsense', namedSettingId: highId } }), params: { caseId: transferCaseId }, context: {} }));
    expect(failed.status).toBe(400);
    expect(await failed.json()).toMatchObject({ errors: { consultedSettingId: 'errors.reviewTransfer.consulted' }, values: { namedSettingId: highId } });
    const denied = await settle(async () => transferLoader({ request: await requestAs(parent, `/cases/${transferCaseId}/reviews/transfer`), params: { caseId: transferCaseId }, context: {} }));
    expect([403, 404]).toContain(denied.status);
    const foreign = await settle(async () => transferLoader({ request: await requestAs(foreignManager, `/cases/${transferCaseId}/reviews/transfer`), params: { caseId: transferCaseId }, context: {} }));
    expect([403, 404]).toContain(foreign.status);
  });
});
