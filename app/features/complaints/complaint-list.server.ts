import { and, asc, count, eq, gte, inArray, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { cases, children, complaints } from '../../../db/schema';
import { getDb } from '~/db.server';
import type { ComplaintFigures, ComplaintStatus, Period } from '~/domain/complaints';
import { pageWindow, type PageWindow } from '~/domain/paging';
import { todayInLondon, type IsoDate } from '~/domain/timescales';

/**
 * The council's complaints (ADR 0050): its managers' list (filtered and paged in SQL, so it
 * stays quick past hundreds of rows), the late count shown beside their figures, and the
 * scrutiny report's figures. Everything is computed from the dates stored on each complaint.
 */

export const COMPLAINT_PAGE_SIZE = 25;
export { complaintListUrl, complaintShows, type ComplaintShow } from './complaint-links';

import { complaintShows, type ComplaintShow } from './complaint-links';

export type ComplaintListQuery = { show: ComplaintShow; stage: 1 | 2 | null; teamId: string | null; page: number };

/** The list's filters from the URL; anything unknown is the default (open complaints, both stages). */
export function complaintListQuery(url: URL): ComplaintListQuery {
  const show = url.searchParams.get('show');
  const stage = url.searchParams.get('stage');
  const team = url.searchParams.get('team');
  return {
    show: (complaintShows as readonly string[]).includes(show ?? '') ? (show as ComplaintShow) : 'open',
    stage: stage === '1' ? 1 : stage === '2' ? 2 : null,
    teamId: team && /^[0-9a-f-]{36}$/i.test(team) ? team : null,
    page: Number(url.searchParams.get('page')) || 1,
  };
}

const AWAITING: ComplaintStatus[] = ['received', 'acknowledged', 'escalated'];

/** The date the complaint's current stage is due (stage 2 once escalated). */
const currentDueSql = sql<IsoDate>`(case when ${complaints.stage} = 2 then ${complaints.stage2DueBy} else ${complaints.stage1DueBy} end)`;

/** Waiting for the council's answer and past its due date today: flagged to managers. */
function lateSql(today: IsoDate): SQL {
  return and(inArray(complaints.status, AWAITING), sql`${currentDueSql} < ${today}`)!;
}

export type ComplaintListRow = {
  id: string;
  caseId: string;
  reference: string;
  childFirstName: string;
  childLastName: string;
  status: ComplaintStatus;
  stage: number;
  receivedOn: IsoDate;
  dueBy: IsoDate;
  late: boolean;
};

export type ComplaintListPage = Omit<PageWindow, 'offset'> & { rows: ComplaintListRow[]; lateNow: number };

/** One page of the council's complaints, the most urgent first (earliest due date). */
export async function councilComplaints(laId: string, query: ComplaintListQuery, now = new Date()): Promise<ComplaintListPage> {
  const db = await getDb();
  const today = todayInLondon(now);
  const where = and(
    eq(complaints.laId, laId),
    query.show === 'open' ? inArray(complaints.status, AWAITING) : undefined,
    query.show === 'late' ? lateSql(today) : undefined,
    query.show === 'closed' ? eq(complaints.status, 'closed') : undefined,
    query.stage ? eq(complaints.stage, query.stage) : undefined,
    query.teamId ? eq(cases.teamId, query.teamId) : undefined,
  );
  const [[{ total }], lateNow] = await Promise.all([
    db.select({ total: count() }).from(complaints).innerJoin(cases, eq(cases.id, complaints.caseId)).where(where),
    lateComplaintCount(laId, now),
  ]);
  const { offset, ...window } = pageWindow(total, query.page, COMPLAINT_PAGE_SIZE);
  const rows = await db
    .select({
      id: complaints.id,
      caseId: complaints.caseId,
      reference: complaints.reference,
      childFirstName: children.firstName,
      childLastName: children.lastName,
      status: complaints.status,
      stage: complaints.stage,
      receivedOn: complaints.receivedOn,
      dueBy: currentDueSql,
      late: sql<boolean>`coalesce(${lateSql(today)}, false)`,
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(where)
    .orderBy(asc(currentDueSql), asc(complaints.reference))
    .limit(COMPLAINT_PAGE_SIZE)
    .offset(offset);
  return { ...window, rows, lateNow };
}

/** How many of the council's complaints wait past their due date today (on the managers' pages). */
export async function lateComplaintCount(laId: string, now = new Date()): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(complaints).where(and(eq(complaints.laId, laId), lateSql(todayInLondon(now))));
  return row?.n ?? 0;
}

/**
 * The scrutiny report's figures for a period (both ends included), for the council or one of its
 * teams: complaints received at each stage, responses sent on time and late, their outcomes, and
 * those waiting past their due date today. Counted in SQL over the stored dates; the same rules
 * as `complaintFigures` in app/domain/complaints.ts (the tests compare the two). `listUrl` gives
 * the /complaints list behind a figure.
 */
export async function complaintFigures(laId: string, period: Period, teamId?: string | null, now = new Date()): Promise<ComplaintFigures> {
  const db = await getDb();
  const today = todayInLondon(now);
  const inPeriod = (column: typeof complaints.receivedOn | typeof complaints.escalatedOn | typeof complaints.stage1RespondedOn | typeof complaints.stage2RespondedOn) => and(isNotNull(column), gte(column, period.from), lte(column, period.to));
  const n = (condition: SQL | undefined) => sql<number>`(count(*) filter (where ${condition ?? sql`true`}))::int`;
  const stage = (reachedOn: typeof complaints.receivedOn | typeof complaints.escalatedOn, dueBy: typeof complaints.stage1DueBy | typeof complaints.stage2DueBy, respondedOn: typeof complaints.stage1RespondedOn | typeof complaints.stage2RespondedOn, outcome: typeof complaints.stage1Outcome | typeof complaints.stage2Outcome, waiting: SQL) => ({
    received: n(inPeriod(reachedOn)),
    respondedOnTime: n(and(inPeriod(respondedOn), isNotNull(dueBy), lte(respondedOn, dueBy))),
    respondedLate: n(and(inPeriod(respondedOn), isNotNull(dueBy), sql`${respondedOn} > ${dueBy}`)),
    upheld: n(and(inPeriod(respondedOn), isNotNull(dueBy), eq(outcome, 'upheld'))),
    partlyUpheld: n(and(inPeriod(respondedOn), isNotNull(dueBy), eq(outcome, 'partly_upheld'))),
    notUpheld: n(and(inPeriod(respondedOn), isNotNull(dueBy), eq(outcome, 'not_upheld'))),
    outstandingLate: n(and(waiting, lt(dueBy, today))),
  });
  const notClosed = sql`${complaints.status} <> 'closed'`;
  const [row] = await db
    .select({
      stage1: stage(complaints.receivedOn, complaints.stage1DueBy, complaints.stage1RespondedOn, complaints.stage1Outcome, and(isNull(complaints.stage1RespondedOn), notClosed)!),
      stage2: stage(complaints.escalatedOn, complaints.stage2DueBy, complaints.stage2RespondedOn, complaints.stage2Outcome, and(isNotNull(complaints.escalatedOn), isNull(complaints.stage2RespondedOn), notClosed)!),
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .where(and(eq(complaints.laId, laId), teamId ? eq(cases.teamId, teamId) : undefined));
  const figuresOf = (s: (typeof row)['stage1']) => ({
    received: s.received,
    respondedOnTime: s.respondedOnTime,
    respondedLate: s.respondedLate,
    outcomes: { upheld: s.upheld, partly_upheld: s.partlyUpheld, not_upheld: s.notUpheld },
    outstandingLate: s.outstandingLate,
  });
  return { stage1: figuresOf(row.stage1), stage2: figuresOf(row.stage2) };
}

