import { asc, eq, sql } from 'drizzle-orm';
import { areaTeams, scrutinyThresholds } from '../../../db/schema';
import { figureIds, isFigureId, isOutcome, type FigureCount, type FigureId, type FigureItem, type Outcome } from '~/domain/scrutiny/figures';
import type { Thresholds } from '~/domain/scrutiny/rag';
import type { Period } from '~/domain/timeliness';
import { reportWindow } from '~/domain/scrutiny/quarters';
import type { IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { rowsOf } from '../../../db/client';
import { figureItems, type ItemScope } from './figure-items.server';

/**
 * A council's scrutiny figures counted in the database: the items of every figure
 * (./figure-items.server.ts) in one statement, grouped by the report's periods, team and outcome;
 * and the cases behind one figure, a page at a time, in another.
 */

export async function teamsOf(laId: string) {
  const db = await getDb();
  return db.select({ id: areaTeams.id, name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name));
}

export async function thresholdsOf(laId: string): Promise<Record<string, Thresholds>> {
  const db = await getDb();
  const rows = await db.select({ figure: scrutinyThresholds.figure, green: scrutinyThresholds.green, amber: scrutinyThresholds.amber }).from(scrutinyThresholds).where(eq(scrutinyThresholds.laId, laId));
  return Object.fromEntries(rows.map((r) => [r.figure, { green: Number(r.green), amber: Number(r.amber) }]));
}

/** Every figure's items in the period and its trend quarters, counted by period (0 the period, then the quarters in order), team and outcome. */
export async function figureCounts(laId: string, report: { period: Period; quarters: readonly Period[] }, today: IsoDate): Promise<FigureCount[]> {
  const db = await getDb();
  const scope: ItemScope = { laId, days: reportWindow(report.period), today };
  const periods = [report.period, ...report.quarters];
  const items = sql.join(
    figureIds.map((id) => sql`SELECT ${id}::text AS figure, i.case_id, i.on_day, i.outcome FROM (${figureItems[id](scope)}) i`),
    sql` UNION ALL `,
  );
  const buckets = sql.join(
    periods.map((p, i) => sql`(${i}::int, ${p.from}::date, ${p.to}::date)`),
    sql`, `,
  );
  const rows = rowsOf<{ figure: string; bucket: number; team_id: string; outcome: string; n: number }>(
    await db.execute(sql`
      SELECT items.figure, b.bucket, c.team_id, items.outcome, count(*)::int AS n
      FROM (${items}) items
      JOIN cases c ON c.id = items.case_id AND c.la_id = ${laId}
      JOIN (VALUES ${buckets}) AS b(bucket, from_day, to_day) ON items.on_day BETWEEN b.from_day AND b.to_day
      WHERE items.outcome IS NOT NULL
      GROUP BY 1, 2, 3, 4`),
  );
  return rows.flatMap((r) => (isFigureId(r.figure) && isOutcome(r.outcome) ? [{ figure: r.figure, bucket: Number(r.bucket), teamId: r.team_id, outcome: r.outcome, n: Number(r.n) }] : []));
}

export type CaseBehindRow = FigureItem & { reference: string; firstName: string; lastName: string; teamName: string };

/**
 * The cases behind one figure for a period (and team), with the outcome asked for (all when
 * null): one row per case, its latest item, latest first, so a case counted twice (two apologies)
 * is listed once; `limit` of them from `offset`, and how many there are in all.
 */
export async function casesBehindFigure(
  laId: string,
  figure: FigureId,
  filter: { period: Period; teamId: string | null; outcome: Outcome | null; today: IsoDate },
  page: { offset: number; limit: number },
): Promise<{ total: number; rows: CaseBehindRow[] }> {
  const db = await getDb();
  const items = figureItems[figure]({ laId, days: filter.period, today: filter.today });
  const rows = rowsOf<{ total: number; case_id: string | null; on_day: string; outcome: Outcome; team_id: string; reference: string; first_name: string; last_name: string; team_name: string }>(
    await db.execute(sql`
      WITH behind AS (
        SELECT DISTINCT ON (i.case_id) i.case_id, c.team_id, i.on_day::text AS on_day, i.outcome
        FROM (${items}) i JOIN cases c ON c.id = i.case_id AND c.la_id = ${laId}
        WHERE i.outcome IS NOT NULL AND i.on_day BETWEEN ${filter.period.from}::date AND ${filter.period.to}::date
          AND ${filter.teamId === null ? sql`true` : sql`c.team_id = ${filter.teamId}`}
          AND ${filter.outcome === null ? sql`true` : sql`i.outcome = ${filter.outcome}`}
        ORDER BY i.case_id, i.on_day DESC
      ), shown AS (
        SELECT b.*, c.reference, ch.first_name, ch.last_name, t.name AS team_name
        FROM behind b
        JOIN cases c ON c.id = b.case_id
        JOIN children ch ON ch.id = c.child_id
        JOIN area_teams t ON t.id = c.team_id
        ORDER BY b.on_day DESC, b.case_id LIMIT ${page.limit} OFFSET ${page.offset}
      )
      SELECT (SELECT count(*)::int FROM behind) AS total, shown.* FROM (SELECT 1) one LEFT JOIN shown ON true
      ORDER BY shown.on_day DESC, shown.case_id`),
  );
  return {
    total: Number(rows[0]?.total ?? 0),
    rows: rows.flatMap((r) =>
      r.case_id ? [{ caseId: r.case_id, teamId: r.team_id, on: r.on_day, outcome: r.outcome, reference: r.reference, firstName: r.first_name, lastName: r.last_name, teamName: r.team_name }] : [],
    ),
  };
}
