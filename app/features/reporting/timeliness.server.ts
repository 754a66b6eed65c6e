import { and, asc, count, eq, gte, lte, min } from 'drizzle-orm';
import { adviceRequests, areaTeams, caseEvents, cases, serviceStandardBreaches } from '../../../db/schema';
import { statutoryClock } from '~/domain/case-clock';
import { clockInputOf, readCaseEvent, type TypedCaseEvent } from '~/domain/case-events';
import { timelinessFigures, type AdviceFacts, type CaseClockFacts, type Period, type TimelinessFigures } from '~/domain/timeliness';
import { todayInLondon } from '~/domain/timescales';
import { getDb } from '~/db.server';

/**
 * The timeliness report of one LA, by area team and in total, for a period: each case's
 * statutory clock as the family sees it, the professional advice sent, and the reply-standard
 * breaches recorded. The counting rules are app/domain/timeliness.ts.
 */

export type FiguresRow = TimelinessFigures & { breaches: { acknowledge: number; reply: number } };
export type TimelinessReport = { teams: (FiguresRow & { teamId: string; teamName: string })[]; total: FiguresRow; firstYear: number };

export async function timelinessReport(laId: string, period: Period, now = new Date()): Promise<TimelinessReport> {
  const db = await getDb();
  const today = todayInLondon(now);
  const inLa = eq(cases.laId, laId);
  const [teams, caseRows, events, advice, breaches, [first]] = await Promise.all([
    db.select({ id: areaTeams.id, name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name)),
    db.select({ id: cases.id, teamId: cases.teamId, stage: cases.stage, requestReceived: cases.requestReceived }).from(cases).where(inLa),
    db
      .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(inLa)
      .orderBy(asc(caseEvents.occurredAt)),
    db
      .select({ teamId: cases.teamId, dueBy: adviceRequests.dueBy, submittedAt: adviceRequests.submittedAt, state: adviceRequests.state })
      .from(adviceRequests)
      .innerJoin(cases, eq(cases.id, adviceRequests.caseId))
      .where(inLa),
    db
      .select({ teamId: cases.teamId, standard: serviceStandardBreaches.standard, n: count() })
      .from(serviceStandardBreaches)
      .innerJoin(cases, eq(cases.id, serviceStandardBreaches.caseId))
      .where(and(inLa, gte(serviceStandardBreaches.startedOn, period.from), lte(serviceStandardBreaches.startedOn, period.to)))
      .groupBy(cases.teamId, serviceStandardBreaches.standard),
    db.select({ first: min(cases.requestReceived) }).from(cases).where(inLa),
  ]);

  const eventsOf = new Map<string, TypedCaseEvent[]>();
  for (const e of events) {
    const list = eventsOf.get(e.caseId);
    if (list) list.push(readCaseEvent(e));
    else eventsOf.set(e.caseId, [readCaseEvent(e)]);
  }
  const clocks = caseRows.map((c) => {
    const input = clockInputOf(c, eventsOf.get(c.id) ?? [], today);
    const facts: CaseClockFacts = { clock: statutoryClock(input), exceptions: input.exceptions };
    return { teamId: c.teamId, facts };
  });
  const adviceFacts = advice.map((a) => ({ teamId: a.teamId, facts: { dueBy: a.dueBy, sentOn: a.submittedAt ? todayInLondon(a.submittedAt) : null, open: a.state === 'open' } satisfies AdviceFacts }));

  const row = (teamId: string | null): FiguresRow => {
    const mine = <T extends { teamId: string | null }>(rows: T[]) => (teamId === null ? rows : rows.filter((r) => r.teamId === teamId));
    const breachCount = (standard: 'acknowledge' | 'reply') => mine(breaches).reduce((sum, b) => sum + (b.standard === standard ? Number(b.n) : 0), 0);
    return {
      ...timelinessFigures(
        mine(clocks).map((c) => c.facts),
        mine(adviceFacts).map((a) => a.facts),
        period,
        today,
      ),
      breaches: { acknowledge: breachCount('acknowledge'), reply: breachCount('reply') },
    };
  };
  return {
    teams: teams.map((t) => ({ teamId: t.id, teamName: t.name, ...row(t.id) })),
    total: row(null),
    firstYear: Number((first?.first ?? today).slice(0, 4)),
  };
}

/** The calendar year asked for in the address (`?year=2026`), else this year; never a future one. */
export function reportYear(url: URL, today: string): number {
  const thisYear = Number(today.slice(0, 4));
  const asked = Number(url.searchParams.get('year'));
  return Number.isInteger(asked) && asked >= 2014 && asked <= thisYear ? asked : thisYear;
}
