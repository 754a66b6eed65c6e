import { and, count, desc, eq, gte, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { cases, feedbackOffers, feedbackResponses } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { figuresFromCounts as figuresOf, feedbackSteps, isFeedbackStep, quarterPeriod, type FeedbackFigures, type FeedbackStep, type Quarter, type SatisfactionScore } from '~/domain/feedback';
import { pageWindow, type PageWindow } from '~/domain/paging';
import type { Period } from '~/domain/timeliness';

/**
 * The council's family feedback results (ADR 0052), for its managers and the scrutiny report:
 * counted in SQL, within the one council, by step and calendar quarter. A response to a key step
 * counts in the quarter its survey was offered (so a response rate compares like with like); an
 * any-time response in the quarter it was given.
 */

const quarterSql = (day: SQL | typeof feedbackOffers.offeredOn) => sql<string>`to_char(${day}, 'YYYY "Q"Q')`;

type Grouped = { step: FeedbackStep; quarter: string; offers: number; satisfaction: Partial<Record<SatisfactionScore, number>> };

async function countsIn(laId: string, period: Period, teamId: string | null): Promise<Grouped[]> {
  const db = await getDb();
  // The day a response counts on: its offer's, or its own for the any-time survey.
  const countedOn = sql`coalesce(${feedbackOffers.offeredOn}, ${feedbackResponses.respondedOn})`;
  const team = (column: typeof cases.teamId) => (teamId ? eq(column, teamId) : undefined);
  const [offers, responses] = await Promise.all([
    db
      .select({ step: feedbackOffers.step, quarter: quarterSql(feedbackOffers.offeredOn), n: count() })
      .from(feedbackOffers)
      .innerJoin(cases, eq(cases.id, feedbackOffers.caseId))
      .where(and(eq(feedbackOffers.laId, laId), gte(feedbackOffers.offeredOn, period.from), lte(feedbackOffers.offeredOn, period.to), team(cases.teamId)))
      .groupBy(feedbackOffers.step, quarterSql(feedbackOffers.offeredOn)),
    db
      .select({ step: feedbackResponses.step, quarter: quarterSql(countedOn), satisfaction: feedbackResponses.satisfaction, n: count() })
      .from(feedbackResponses)
      .innerJoin(cases, eq(cases.id, feedbackResponses.caseId))
      .leftJoin(feedbackOffers, and(eq(feedbackOffers.caseId, feedbackResponses.caseId), eq(feedbackOffers.step, feedbackResponses.step)))
      .where(and(eq(feedbackResponses.laId, laId), sql`${countedOn} between ${period.from} and ${period.to}`, team(cases.teamId)))
      .groupBy(feedbackResponses.step, quarterSql(countedOn), feedbackResponses.satisfaction),
  ]);
  const rows = new Map<string, Grouped>();
  const rowOf = (step: FeedbackStep, quarter: string) => {
    const key = `${step}|${quarter}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { step, quarter, offers: 0, satisfaction: {} }));
    return row;
  };
  for (const o of offers) if (isFeedbackStep(o.step)) rowOf(o.step, o.quarter).offers += Number(o.n);
  for (const r of responses) {
    if (!isFeedbackStep(r.step)) continue;
    const s = rowOf(r.step, r.quarter).satisfaction;
    const score = r.satisfaction as SatisfactionScore;
    s[score] = (s[score] ?? 0) + Number(r.n);
  }
  return [...rows.values()];
}

export type FeedbackResultRow = FeedbackFigures & { step: FeedbackStep; quarter: Quarter | 'all' };

/**
 * The results for the quarters asked (newest first): one row per step and quarter, then each
 * step over all of them together.
 */
export async function feedbackResults(laId: string, quarters: readonly Quarter[], teamId: string | null = null): Promise<FeedbackResultRow[]> {
  if (quarters.length === 0) return [];
  const periods = quarters.map(quarterPeriod);
  const span: Period = { from: periods.map((p) => p.from).sort()[0], to: periods.map((p) => p.to).sort().at(-1)! };
  const grouped = (await countsIn(laId, span, teamId)).filter((g) => quarters.includes(g.quarter as Quarter));
  const rows: FeedbackResultRow[] = [];
  for (const step of feedbackSteps) {
    const mine = grouped.filter((g) => g.step === step);
    for (const quarter of quarters) {
      const g = mine.find((m) => m.quarter === quarter);
      rows.push({ step, quarter, ...figuresOf(step, { offers: g?.offers ?? 0, satisfaction: g?.satisfaction ?? {} }) });
    }
    rows.push({ step, quarter: 'all', ...figuresOf(step, sumCounts(mine)) });
  }
  return rows;
}

function sumCounts(rows: readonly Grouped[]) {
  const satisfaction: Partial<Record<SatisfactionScore, number>> = {};
  let offers = 0;
  for (const r of rows) {
    offers += r.offers;
    for (const [score, n] of Object.entries(r.satisfaction)) satisfaction[Number(score) as SatisfactionScore] = (satisfaction[Number(score) as SatisfactionScore] ?? 0) + n;
  }
  return { offers, satisfaction };
}

/** One step's figures for the scrutiny report. */
export type ScrutinyFeedbackRow = { step: FeedbackStep; offers: number | null; responses: number; responseRate: number | null; percentSatisfied: number | null };

/**
 * For the scrutiny report: per step, the surveys offered in the period, the responses to them
 * (any-time responses given in the period), the response rate and the share satisfied, for the
 * whole council or one of its area teams.
 */
export async function feedbackFigures(laId: string, period: Period, teamId: string | null = null): Promise<ScrutinyFeedbackRow[]> {
  const grouped = await countsIn(laId, period, teamId);
  return feedbackSteps.map((step) => {
    const f = figuresOf(step, sumCounts(grouped.filter((g) => g.step === step)));
    return { step, offers: f.offers, responses: f.responses, responseRate: f.responseRate, percentSatisfied: f.percentSatisfied };
  });
}

export const COMMENTS_PAGE_SIZE = 20;
/** How many calendar quarters the results page and its CSV show: this one and the three before. */
export const REPORT_QUARTERS = 4;

export type FeedbackComment = { id: string; step: FeedbackStep; satisfaction: number; comment: string; respondedOn: string };

/**
 * The families' comments, names already taken out, newest first, a page at a time (counted and
 * paged in SQL). Never the respondent or the case: managers read what was said, not who said it.
 */
export async function feedbackComments(laId: string, quarters: readonly Quarter[], requestedPage: number): Promise<{ comments: FeedbackComment[]; window: PageWindow }> {
  const db = await getDb();
  if (quarters.length === 0) return { comments: [], window: pageWindow(0, 1, COMMENTS_PAGE_SIZE) };
  const periods = quarters.map(quarterPeriod);
  const where = and(
    eq(feedbackResponses.laId, laId),
    isNotNull(feedbackResponses.comment),
    gte(feedbackResponses.respondedOn, periods.map((p) => p.from).sort()[0]),
    lte(feedbackResponses.respondedOn, periods.map((p) => p.to).sort().at(-1)!),
  );
  const [{ total }] = await db.select({ total: count() }).from(feedbackResponses).where(where);
  const window = pageWindow(Number(total), requestedPage, COMMENTS_PAGE_SIZE);
  const rows = await db
    .select({ id: feedbackResponses.id, step: feedbackResponses.step, satisfaction: feedbackResponses.satisfaction, comment: feedbackResponses.comment, respondedOn: feedbackResponses.respondedOn })
    .from(feedbackResponses)
    .where(where)
    .orderBy(desc(feedbackResponses.respondedAt), desc(feedbackResponses.id))
    .limit(COMMENTS_PAGE_SIZE)
    .offset(window.offset);
  return { comments: rows.map((r) => ({ ...r, step: r.step as FeedbackStep, comment: r.comment ?? '' })), window };
}

/** Every CSV export of the results is in the audit log: who took the figures away, and which. */
export async function auditFeedbackExport(manager: { id: string; laId: string }, quarters: readonly Quarter[], address?: string) {
  await recordAudit({ userId: manager.id, action: 'export:feedback', subjectType: 'la', subjectId: manager.laId, outcome: 'allowed', address, details: { quarters } });
}
