import { scrutinyReport, type FigureId, type FigureReport, type Outcome } from '~/domain/scrutiny/figures';
import { periodAsked, trendQuarters, type PeriodProblem, type Quarter } from '~/domain/scrutiny/quarters';
import { pageWindow, type PageWindow } from '~/domain/paging';
import type { Period } from '~/domain/timeliness';
import { todayInLondon } from '~/domain/timescales';
import { personName } from '~/domain/names';
import { casesBehindFigure, figureCounts, teamsOf, thresholdsOf } from './facts.server';
import { complaintsListHref, type listLinkKeys } from './links';

/**
 * A council's scrutiny report for a period, for the whole council or one of its teams: every
 * figure with its rating, its trend over the four quarters ending with the period, and each team's
 * value. The numbers are counted in SQL (./facts.server.ts, ./figure-items.server.ts) and rated by app/domain/scrutiny/figures.ts.
 */
export type ScrutinyScope = { period: Period; problem: PeriodProblem | null; teamId: string | null };
export type Team = { id: string; name: string };
export type ScrutinyReport = {
  period: Period;
  quarters: Pick<Quarter, 'year' | 'quarter' | 'from' | 'to'>[];
  teams: Team[];
  team: Team | null;
  figures: FigureReport[];
  /** Figures whose records have their own list elsewhere (complaints): its address, for the period's team. */
  lists: Partial<Record<keyof typeof listLinkKeys, string>>;
};

/** The period and team in the address. A team that is not this council's is a 404: another council's teams do not exist here. */
export async function scrutinyScope(laId: string, url: URL, now = new Date()): Promise<ScrutinyScope & { teams: Team[] }> {
  const { period, problem } = periodAsked(url.searchParams.get('from'), url.searchParams.get('to'), todayInLondon(now));
  const teams = await teamsOf(laId);
  const asked = url.searchParams.get('team')?.trim() || null;
  if (asked !== null && !teams.some((t) => t.id === asked)) throw new Response('Not Found', { status: 404 });
  return { period, problem, teamId: asked, teams };
}

export async function scrutinyReportFor(laId: string, scope: ScrutinyScope & { teams: Team[] }, now = new Date()): Promise<ScrutinyReport> {
  const quarters = trendQuarters(scope.period.to);
  const [counts, thresholds] = await Promise.all([figureCounts(laId, { period: scope.period, quarters }, todayInLondon(now)), thresholdsOf(laId)]);
  const figures = scrutinyReport(counts, { quarters, teamIds: scope.teams.map((t) => t.id), teamId: scope.teamId, thresholds });
  return {
    period: scope.period,
    quarters: quarters.map(({ year, quarter, from, to }) => ({ year, quarter, from, to })),
    teams: scope.teams,
    team: scope.teams.find((t) => t.id === scope.teamId) ?? null,
    figures,
    lists: {
      complaintsStage1: complaintsListHref(1, scope.teamId),
      complaintsStage2: complaintsListHref(2, scope.teamId),
      tribunalOrders: '/appeals',
      familiesSatisfied: '/reports/feedback',
    },
  };
}

export const SCRUTINY_CASES_PAGE_SIZE = 25;

export type CaseBehind = { caseId: string; reference: string; childName: string; teamName: string; on: string; outcome: Outcome };

/** The cases behind one figure for the period (and team), with one outcome or all, a page at a time. */
export async function scrutinyCases(
  laId: string,
  scope: ScrutinyScope & { teams: Team[] },
  figure: FigureId,
  outcome: Outcome | null,
  requestedPage: number,
  now = new Date(),
): Promise<{ rows: CaseBehind[]; window: PageWindow }> {
  const filter = { period: scope.period, teamId: scope.teamId, outcome, today: todayInLondon(now) };
  const first = await casesBehindFigure(laId, figure, filter, { offset: (Math.max(1, Math.floor(requestedPage) || 1) - 1) * SCRUTINY_CASES_PAGE_SIZE, limit: SCRUTINY_CASES_PAGE_SIZE });
  const window = pageWindow(first.total, requestedPage, SCRUTINY_CASES_PAGE_SIZE);
  // A page past the last one shows the last one.
  const shown = first.rows.length > 0 || first.total === 0 ? first : await casesBehindFigure(laId, figure, filter, { offset: window.offset, limit: SCRUTINY_CASES_PAGE_SIZE });
  return {
    rows: shown.rows.map((r) => ({ caseId: r.caseId, reference: r.reference, childName: personName(r), teamName: r.teamName, on: r.on, outcome: r.outcome })),
    window,
  };
}
