import type { PageWindow } from '~/domain/paging';
import { pagedRows, totalRows } from './paged-rows.server';
import { and, asc, count, eq, gte, ilike, inArray, isNotNull, isNull, lt, not, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { statutoryClock, missedSteps, nextStatutoryDate, type ClockStep } from '~/domain/case-clock';
import { clockInputOf, readCaseEvent } from '~/domain/case-events';
import { londonInstant, overduePeriods, type ServiceStandards } from '~/domain/service-standards';
import { parseUkDate } from '~/domain/uk-date';
import { addDays, todayInLondon, type IsoDate } from '~/domain/timescales';
import { personName } from '~/domain/names';
import { areaTeams, assessmentRequests, caseEvents, cases, children, localAuthorities, messages, users, type CaseStage } from '../../../db/schema';
import { getDb } from '~/db.server';
import { interpreterLanguageSql } from '../requests/index.server';
import { standardsOf } from '~/tenancy/council.server';
import type { CaseloadQuery } from '~/ui/list-query';
import { readCaseloadQuery } from './query.server';

/**
 * The lists of open cases staff work from, for 200 cases or 2,000: a caseworker's caseload,
 * the council's whole list for managers, and the figures behind them. Searching, filtering,
 * counting, ordering and paging all happen in SQL; only the page shown is read into memory.
 * The next statutory date they order and filter by is stored on the case (ADR 0056, which
 * replaced ADR 0032's computing it per row); the rows shown run the clock from their events.
 */

const CLOSED_STAGES: CaseStage[] = ['withdrawn', 'ceased'];

/** The one definition of "the council's open cases" every staff list starts from. */
export function openCasesOf(laId: string): SQL {
  return and(eq(cases.laId, laId), notInArray(cases.stage, CLOSED_STAGES))!;
}

/**
 * Open cases past a statutory date: their stored next date (ADR 0056) is before today. A date
 * whose recheck day has come is a family's window that has closed and not yet been refreshed,
 * never a missed date.
 */
export function dateMissedSql(today: IsoDate): SQL<boolean> {
  return sql<boolean>`(${cases.nextDueOn} < ${today}::date and (${cases.datesRecheckOn} is null or ${cases.datesRecheckOn} > ${today}::date))`;
}

/** Whether the family has waited longer than the council's service standards allow (`replyClock`'s `overdue`). */
export function replyOverdueSql(standards: ServiceStandards, now: Date): SQL<boolean> {
  const since = cases.awaitingReplySince;
  const acknowledged = sql`exists (select 1 from ${messages} m where m.case_id = ${cases.id} and m.side = 'la' and m.created_at >= ${since})`;
  const periods = overduePeriods(standards, now).map((p) =>
    and(
      p.sentFrom ? gte(since, p.sentFrom) : undefined,
      p.sentBefore ? lt(since, p.sentBefore) : undefined,
      or(lt(since, p.replyCutoff), and(not(acknowledged), lt(since, p.acknowledgeCutoff))),
    ),
  );
  return sql<boolean>`coalesce(${and(isNotNull(since), or(...periods))}, false)`;
}

/** Whose cases a list shows: one caseworker's, or the whole council's. */
export type CaseloadScope = { laId: string; caseworkerId: string | null };

export type CaseloadRow = {
  id: string;
  reference: string;
  childName: string;
  dateOfBirth: string;
  stage: CaseStage;
  requestReceived: string;
  teamName: string;
  caseworkerName: string | null;
  interpreterLanguage: string | null;
  next: { step: ClockStep; dueBy: string; status: 'due' | 'missed' } | null;
  missed: ClockStep[];
  awaitingReply: boolean;
  replyOverdue: boolean;
};

export type CaseloadPage = Omit<PageWindow, 'offset'> & { rows: CaseloadRow[] };

function escapeLike(text: string) {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Search by the child's name (either order), case reference or UK date of birth: the caseload's and the inbox's. */
export function searchCondition(q: string): SQL | undefined {
  if (!q) return undefined;
  const date = parseUkDate(q);
  if (date) return eq(children.dateOfBirth, date);
  const pattern = `%${escapeLike(q)}%`;
  return or(
    ilike(sql`${children.firstName} || ' ' || ${children.lastName}`, pattern),
    ilike(sql`${children.lastName} || ' ' || ${children.firstName}`, pattern),
    ilike(sql`${children.lastName} || ', ' || ${children.firstName}`, pattern),
    ilike(cases.reference, pattern),
  );
}

/** One page of open cases in scope, matching the query, in its order, with how many match in all. */
export async function caseloadPage(scope: CaseloadScope, query: CaseloadQuery, now = new Date()): Promise<CaseloadPage> {
  const db = await getDb();
  const today = todayInLondon(now);
  const standards = await standardsOf(scope.laId);
  const replyOverdue = replyOverdueSql(standards, now);
  const where = and(
    openCasesOf(scope.laId),
    scope.caseworkerId ? eq(cases.caseworkerId, scope.caseworkerId) : undefined,
    searchCondition(query.q),
    query.stage ? eq(cases.stage, query.stage) : undefined,
    query.team ? eq(cases.teamId, query.team) : undefined,
    !scope.caseworkerId && query.caseworker ? (query.caseworker === 'unallocated' ? isNull(cases.caseworkerId) : eq(cases.caseworkerId, query.caseworker)) : undefined,
    query.only.includes('interpreter') ? sql`${interpreterLanguageSql} is not null` : undefined,
    query.only.includes('reply-overdue') ? replyOverdue : undefined,
    query.only.includes('date-missed') ? dateMissedSql(today) : undefined,
  );
  const order =
    query.sort === 'received'
      ? [asc(cases.requestReceived), asc(cases.reference)]
      : query.sort === 'name'
        ? [asc(children.lastName), asc(children.firstName), asc(cases.reference)]
        : [sql`${cases.nextDueOn} asc nulls last`, asc(cases.requestReceived), asc(cases.reference)];
  const countAll = async () => {
    const [{ total }] = await db
      .select({ total: count() })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
      .where(where);
    return total;
  };
  const readPage = (offset: number) => db
    .select({
      ...totalRows,
      id: cases.id,
      reference: cases.reference,
      child: { firstName: children.firstName, lastName: children.lastName },
      dateOfBirth: children.dateOfBirth,
      stage: cases.stage,
      requestReceived: cases.requestReceived,
      teamName: areaTeams.name,
      caseworkerName: users.name,
      interpreterLanguage: interpreterLanguageSql,
      awaitingReply: sql<boolean>`${cases.awaitingReplySince} is not null`,
      replyOverdue,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(areaTeams, eq(areaTeams.id, cases.teamId))
    .leftJoin(users, eq(users.id, cases.caseworkerId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(where)
    .orderBy(...order)
    .limit(query.size)
    .offset(offset);
  const { rows, ...window } = await pagedRows(query.page, query.size, readPage, countAll);
  const events = rows.length
    ? await db
        .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details })
        .from(caseEvents)
        .where(inArray(caseEvents.caseId, rows.map((r) => r.id)))
        .orderBy(asc(caseEvents.occurredAt))
    : [];
  return {
    ...window,
    rows: rows.map(({ child, ...row }) => {
      const own = events.filter((e) => e.caseId === row.id).map(readCaseEvent);
      const clock = statutoryClock(clockInputOf(row, own, today));
      const next = nextStatutoryDate(clock);
      return {
        ...row,
        childName: personName(child),
        awaitingReply: Boolean(row.awaitingReply),
        replyOverdue: Boolean(row.replyOverdue),
        next: next ? { step: next.step, dueBy: next.dueBy, status: next.status as 'due' | 'missed' } : null,
        missed: missedSteps(clock).map((m) => m.step),
      };
    }),
  };
}

export type CaseworkerLoad = { id: string; name: string; teamId: string | null; teamName: string | null; openCases: number; replyOverdue: number; datesMissed: number };

/** Every caseworker of the council with their open caseload, and how much of it is overdue; by team, then name. */
export async function caseworkerLoads(laId: string, now = new Date()): Promise<CaseworkerLoad[]> {
  const db = await getDb();
  const today = todayInLondon(now);
  const standards = await standardsOf(laId);
  const counts = db
    .select({
      caseworkerId: cases.caseworkerId,
      open: count().as('open'),
      replyOverdue: sql<number>`count(*) filter (where ${replyOverdueSql(standards, now)})`.as('reply_overdue'),
      datesMissed: sql<number>`count(*) filter (where ${dateMissedSql(today)})`.as('dates_missed'),
    })
    .from(cases)
    .where(and(openCasesOf(laId), isNotNull(cases.caseworkerId)))
    .groupBy(cases.caseworkerId)
    .as('counts');
  const rows = await db
    .select({ id: users.id, name: users.name, teamId: users.teamId, teamName: areaTeams.name, open: counts.open, replyOverdue: counts.replyOverdue, datesMissed: counts.datesMissed })
    .from(users)
    .leftJoin(areaTeams, eq(areaTeams.id, users.teamId))
    .leftJoin(counts, eq(counts.caseworkerId, users.id))
    .where(and(eq(users.laId, laId), eq(users.role, 'caseworker')))
    .orderBy(sql`${areaTeams.name} asc nulls last`, asc(users.name));
  return rows.map((r) => ({ id: r.id, name: r.name, teamId: r.teamId, teamName: r.teamName, openCases: Number(r.open ?? 0), replyOverdue: Number(r.replyOverdue ?? 0), datesMissed: Number(r.datesMissed ?? 0) }));
}

export type CouncilDeadlines = { repliesOverdue: number; repliesDueToday: number; statutoryDatesMissed: number };

/**
 * The council's deadlines as its monitoring sees them: replies to families overdue now, those
 * that become overdue tomorrow unless answered today, and open cases past a statutory date.
 * One query over the open cases, by the same conditions the lists filter with.
 */
export async function councilDeadlines(laId: string, now = new Date()): Promise<CouncilDeadlines> {
  const db = await getDb();
  const today = todayInLondon(now);
  const standards = await standardsOf(laId);
  const overdueNow = replyOverdueSql(standards, now);
  const overdueTomorrow = replyOverdueSql(standards, londonInstant(addDays(today, 1), 12));
  const [row] = await db
    .select({
      repliesOverdue: sql<number>`count(*) filter (where ${overdueNow})`.mapWith(Number),
      repliesDueToday: sql<number>`count(*) filter (where ${overdueTomorrow} and not ${overdueNow})`.mapWith(Number),
      statutoryDatesMissed: sql<number>`count(*) filter (where ${dateMissedSql(today)})`.mapWith(Number),
    })
    .from(cases)
    .where(openCasesOf(laId));
  return row;
}

export type TeamSummary = { teamId: string; teamName: string; openCases: number; unallocated: number; caseworkers: number };

/** Per area team: open cases, how many have no caseworker, and team size. */
export async function teamSummaries(laId: string): Promise<TeamSummary[]> {
  const db = await getDb();
  const [teams, caseCounts, staffCounts] = await Promise.all([
    db.select().from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name)),
    db
      .select({ teamId: cases.teamId, open: count(), unallocated: sql<number>`count(*) filter (where ${cases.caseworkerId} is null)`.mapWith(Number) })
      .from(cases)
      .where(openCasesOf(laId))
      .groupBy(cases.teamId),
    db
      .select({ teamId: users.teamId, caseworkers: count() })
      .from(users)
      .where(and(eq(users.laId, laId), eq(users.role, 'caseworker')))
      .groupBy(users.teamId),
  ]);
  return teams.map((team) => {
    const c = caseCounts.find((row) => row.teamId === team.id);
    return {
      teamId: team.id,
      teamName: team.name,
      openCases: c?.open ?? 0,
      unallocated: c?.unallocated ?? 0,
      caseworkers: staffCounts.find((row) => row.teamId === team.id)?.caseworkers ?? 0,
    };
  });
}

type Choice = { id: string; name: string };

/**
 * The choices of a list's filters in one statement: the council's area teams and, for the
 * council-wide lists, its caseworkers (null otherwise), each by name.
 */
export async function listFiltersOf(laId: string, withCaseworkers: boolean): Promise<{ teams: Choice[]; caseworkers: Choice[] | null }> {
  const db = await getDb();
  const teams = sql<Choice[]>`coalesce((select json_agg(json_build_object('id', t.id, 'name', t.name) order by t.name) from ${areaTeams} t where t.la_id = ${laId}), '[]'::json)`;
  const caseworkers = withCaseworkers
    ? sql<Choice[]>`coalesce((select json_agg(json_build_object('id', u.id, 'name', u.name) order by u.name) from ${users} u where u.la_id = ${laId} and u.role = 'caseworker'), '[]'::json)`
    : sql<null>`null`;
  const [row] = await db.select({ teams, caseworkers }).from(localAuthorities).where(eq(localAuthorities.id, laId));
  return { teams: row?.teams ?? [], caseworkers: withCaseworkers ? (row?.caseworkers ?? []) : null };
}

/** Everything a caseload page shows, for the list the address asks for. */
export async function caseloadScreen(scope: CaseloadScope, url: URL, now = new Date()) {
  const { query, typed, searchError } = readCaseloadQuery(url);
  const [found, { teams, caseworkers }] = await Promise.all([caseloadPage(scope, query, now), listFiltersOf(scope.laId, !scope.caseworkerId)]);
  // The page actually shown (a page past the end shows the last).
  return { ...found, query: { ...query, page: found.page }, typed, searchError, teams, caseworkers };
}
