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
import { standardsOf } from '../messaging/index.server';
import type { CaseloadQuery } from '~/ui/list-query';
import { readCaseloadQuery } from './query.server';

/**
 * The lists of open cases staff work from, for 200 cases or 2,000: a caseworker's caseload,
 * the council's whole list for managers, and the figures behind them. Searching, filtering,
 * counting, ordering and paging all happen in SQL; only the page shown is read into memory.
 * Why the next statutory date is computed in SQL this way: docs/decisions/0032-caseload-in-sql.md.
 */

const CLOSED_STAGES: CaseStage[] = ['withdrawn', 'ceased'];

/** The one definition of "the council's open cases" every staff list starts from. */
export function openCasesOf(laId: string): SQL {
  return and(eq(cases.laId, laId), notInArray(cases.stage, CLOSED_STAGES))!;
}

const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/**
 * The date `field` of the case's first event of `kinds` (as the clock reads the history: the
 * first counts), passed through `then` inside the subquery so it is looked up once.
 */
function firstEventDate(kinds: readonly string[], field: string, then: (date: SQL) => SQL = (date) => date): SQL {
  const date = sql`(e.details ->> ${field})::date`;
  return sql`(select case when e.details ->> ${field} ~ ${ISO_DATE_PATTERN} then ${then(date)} end from ${caseEvents} e where e.case_id = ${cases.id} and e.kind in (${sql.join(
    kinds.map((k) => sql`${k}`),
    sql`, `,
  )}) order by e.occurred_at asc limit 1)`;
}

/** The step's date, unless a legal exception recorded by today disapplies it. */
function unlessExcepted(step: ClockStep, date: SQL, today: IsoDate): SQL {
  return sql`case when not exists (select 1 from ${caseEvents} x where x.case_id = ${cases.id} and x.kind = 'exception_recorded' and x.details ->> 'step' = ${step} and x.details ->> 'recordedOn' <= ${today}) then ${date} end`;
}

/** A family's window (appeal, comments on the draft): shown only while it is open. */
// Past windows become the day before today, which nullif then drops (greatest ignores a null).
const whileOpen = (date: SQL, today: IsoDate) => sql`nullif(greatest(${date}, ${today}::date - 1), ${today}::date - 1)`;

/**
 * `nextStatutoryDate(statutoryClock(...))` as SQL, so lists can be ordered and filtered by it.
 * The stage says which steps are open (the workflow writes stage and event in one transaction);
 * the events give the dates the family's windows and the annual review count from.
 */
export function nextDueSql(today: IsoDate): SQL<string | null> {
  const received = sql`${cases.requestReceived}::date`;
  const week = (n: number) => sql`(${received} + ${7 * n}::int)`;
  const assessmentAppeal = firstEventDate(['assessment_agreed', 'assessment_refused'], 'appealDeadline');
  const planAppeal = firstEventDate(['plan_agreed', 'plan_refused'], 'appealDeadline');
  const comments = whileOpen(firstEventDate(['draft_plan_issued'], 'commentsLastDay'), today);
  // The period of 12 months starting with the plan ends the day before its anniversary; an
  // anniversary of 29 February is 1 March, so the review is due on 28 February.
  const annualReview = firstEventDate(['final_plan_issued'], 'issuedOn', (issued) => sql`(${issued} + interval '1 year')::date - case when to_char(${issued}, 'MM-DD') = '02-29' then 0 else 1 end`);
  const finalPlan = unlessExcepted('finalPlan', week(20), today);
  return sql<string | null>`(case ${cases.stage}
    when 'request_received' then ${unlessExcepted('decisionToAssess', week(6), today)}
    when 'assessment_refused' then ${whileOpen(assessmentAppeal, today)}
    when 'advice_gathering' then least(${unlessExcepted('noticeNotToIssue', week(16), today)}, ${finalPlan})
    when 'plan_refused' then ${whileOpen(planAppeal, today)}
    when 'plan_agreed' then ${finalPlan}
    when 'draft_plan_issued' then least(${comments}, ${finalPlan})
    when 'final_plan_issued' then least(${comments}, ${unlessExcepted('annualReview', annualReview, today)})
    when 'plan_maintained' then least(${comments}, ${unlessExcepted('annualReview', annualReview, today)})
  end)::text`;
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
  const nextDue = nextDueSql(today);
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
    // A missed date is the earliest open one, so the next date is already past.
    query.only.includes('date-missed') ? sql`(${nextDue})::date < ${today}::date` : undefined,
  );
  const order =
    query.sort === 'received'
      ? [asc(cases.requestReceived), asc(cases.reference)]
      : query.sort === 'name'
        ? [asc(children.lastName), asc(children.firstName), asc(cases.reference)]
        : [sql`${nextDue} asc nulls last`, asc(cases.requestReceived), asc(cases.reference)];
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
      datesMissed: sql<number>`count(*) filter (where (${nextDueSql(today)})::date < ${today}::date)`.as('dates_missed'),
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
      statutoryDatesMissed: sql<number>`count(*) filter (where (${nextDueSql(today)})::date < ${today}::date)`.mapWith(Number),
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
