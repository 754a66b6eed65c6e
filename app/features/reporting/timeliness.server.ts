import { and, asc, eq, gte, inArray, isNull, lt, lte, min, or, sql, type SQL } from 'drizzle-orm';
import { adviceRequests, areaTeams, cases, caseStepDates, serviceStandardBreaches } from '../../../db/schema';
import { measure, type Measure, type Period, type TimelinessFigures } from '~/domain/timeliness';
import { addDays, todayInLondon } from '~/domain/timescales';
import { getDb } from '~/db.server';

/**
 * The timeliness report of one LA, by area team and in total, for a period: the council's
 * statutory steps done in it (from the dates each case stores, ADR 0056), the professional advice
 * sent, and the reply-standard breaches recorded. Counted in the database by team, so its cost is
 * that of the period's steps, not of every case the council holds. The counting rules are
 * app/domain/timeliness.ts; these are their SQL form, held to them by tests/integration/timeliness.test.ts.
 */

export type FiguresRow = TimelinessFigures & { breaches: { acknowledge: number; reply: number } };
export type TimelinessReport = { teams: (FiguresRow & { teamId: string; teamName: string })[]; total: FiguresRow; firstYear: number };

type Counts = { total: number; onTime: number; exceptions: number; overdue: number };
const ZERO: Counts = { total: 0, onTime: 0, exceptions: 0, overdue: 0 };
const counted = (condition: SQL) => sql<number>`count(*) filter (where ${condition})`.mapWith(Number);
/** The London day of an instant. */
const londonDay = (instant: SQL | typeof adviceRequests.submittedAt) => sql`(${instant} at time zone 'Europe/London')::date`;

export async function timelinessReport(laId: string, period: Period, now = new Date()): Promise<TimelinessReport> {
  const db = await getDb();
  const today = todayInLondon(now);
  const inLa = eq(cases.laId, laId);

  const s = caseStepDates;
  const doneInPeriod = sql`${s.completedOn} between ${period.from}::date and ${period.to}::date`;
  const excepted = sql`${s.exceptionOn} <= ${s.completedOn}`;
  const sentOn = londonDay(adviceRequests.submittedAt);
  const sentInPeriod = sql`${sentOn} between ${period.from}::date and ${period.to}::date`;
  // Instants that can fall on the period's London days (a day either side covers summer time).
  const sentFrom = new Date(`${addDays(period.from, -1)}T00:00:00Z`);
  const sentUntil = new Date(`${addDays(period.to, 2)}T00:00:00Z`);

  const [teams, steps, advice, breaches] = await Promise.all([
    db
      .select({ id: areaTeams.id, name: areaTeams.name, first: sql<string | null>`(${db.select({ first: min(cases.requestReceived) }).from(cases).where(inLa)})` })
      .from(areaTeams)
      .where(eq(areaTeams.laId, laId))
      .orderBy(asc(areaTeams.name)),
    // `stepTimeliness` and `overdueNow` of app/domain/timeliness.ts, by team and step.
    db
      .select({
        teamId: cases.teamId,
        step: s.step,
        total: counted(doneInPeriod),
        onTime: counted(sql`${doneInPeriod} and ${s.completedOn} <= ${s.dueOn} and not coalesce(${excepted}, false)`),
        exceptions: counted(sql`${doneInPeriod} and ${excepted}`),
        overdue: counted(sql`${s.completedOn} is null and ${s.dueOn} < ${today}::date and (${s.exceptionOn} is null or ${s.exceptionOn} > ${today}::date)`),
      })
      .from(s)
      .innerJoin(cases, eq(cases.id, s.caseId))
      .where(
        and(
          eq(s.laId, laId),
          inArray(s.step, ['decisionToAssess', 'finalPlan']),
          or(and(gte(s.completedOn, period.from), lte(s.completedOn, period.to)), and(isNull(s.completedOn), lt(s.dueOn, today))),
        ),
      )
      .groupBy(cases.teamId, s.step),
    // `adviceTimeliness`: sent in the period, on time when sent by its due date; overdue while open past it.
    db
      .select({
        teamId: cases.teamId,
        total: counted(sentInPeriod),
        onTime: counted(sql`${sentInPeriod} and ${sentOn} <= ${adviceRequests.dueBy}`),
        overdue: counted(sql`${adviceRequests.state} = 'open' and ${adviceRequests.dueBy} < ${today}::date`),
      })
      .from(adviceRequests)
      .innerJoin(cases, eq(cases.id, adviceRequests.caseId))
      .where(and(eq(adviceRequests.laId, laId), inLa, or(and(gte(adviceRequests.submittedAt, sentFrom), lt(adviceRequests.submittedAt, sentUntil)), eq(adviceRequests.state, 'open'))))
      .groupBy(cases.teamId),
    db
      .select({ teamId: cases.teamId, standard: serviceStandardBreaches.standard, n: sql<number>`count(*)`.mapWith(Number) })
      .from(serviceStandardBreaches)
      .innerJoin(cases, eq(cases.id, serviceStandardBreaches.caseId))
      .where(and(inLa, gte(serviceStandardBreaches.startedOn, period.from), lte(serviceStandardBreaches.startedOn, period.to)))
      .groupBy(cases.teamId, serviceStandardBreaches.standard),
  ]);

  const sum = <T extends { teamId: string }>(rows: readonly T[], teamId: string | null, pick: (row: T) => Counts): Counts =>
    rows
      .filter((r) => teamId === null || r.teamId === teamId)
      .map(pick)
      .reduce((a, b) => ({ total: a.total + b.total, onTime: a.onTime + b.onTime, exceptions: a.exceptions + b.exceptions, overdue: a.overdue + b.overdue }), ZERO);
  const asMeasure = (c: Counts): Measure => measure(c.total, c.onTime, c.exceptions);

  const row = (teamId: string | null): FiguresRow => {
    const step = (name: 'decisionToAssess' | 'finalPlan') => sum(steps.filter((r) => r.step === name), teamId, (r) => r);
    const sent = sum(advice, teamId, (r) => ({ ...r, exceptions: 0 }));
    const breachCount = (standard: 'acknowledge' | 'reply') => breaches.filter((b) => (teamId === null || b.teamId === teamId) && b.standard === standard).reduce((n, b) => n + b.n, 0);
    const decisions = step('decisionToAssess');
    const finalPlans = step('finalPlan');
    return {
      decisions: asMeasure(decisions),
      finalPlans: asMeasure(finalPlans),
      advice: asMeasure(sent),
      overdueNow: { decisions: decisions.overdue, finalPlans: finalPlans.overdue, advice: sent.overdue },
      breaches: { acknowledge: breachCount('acknowledge'), reply: breachCount('reply') },
    };
  };
  return {
    teams: teams.map((t) => ({ teamId: t.id, teamName: t.name, ...row(t.id) })),
    total: row(null),
    firstYear: Number((teams[0]?.first ?? today).slice(0, 4)),
  };
}

/** The calendar year asked for in the address (`?year=2026`), else this year; never a future one. */
export function reportYear(url: URL, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(url.searchParams.get('year'));
  return Number.isInteger(asked) && asked >= 2014 && asked <= thisYear ? asked : thisYear;
}
