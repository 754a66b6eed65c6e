/**
 * The scrutiny report's figures (issue 16, item 2): what each one is, and its value, rating, trend
 * and split by team from how many items each outcome has. The items themselves (one per case and
 * thing counted, dated and with its outcome) are made and counted in SQL from the dates the
 * portal stores as things change (app/features/scrutiny/figure-items.server.ts, ADR 0057), so a
 * council's report does not read its whole history. Adding a figure is one entry in
 * `scrutinyFigures` and its select there; the page, the trend, the bars by team, the CSV, the PDF
 * and the list of cases behind it follow from them.
 *
 * Counting rules (docs/decisions/0054-scrutiny-report.md says why):
 * - Decisions whether to assess (6 weeks) and final plans (20 weeks): the statutory clock's
 *   steps, counted in the period they were done, on time when done by the stored due date. The
 *   20-week rate without exceptions leaves exception cases out of both sides (the headline, as
 *   SEN2); with exceptions counts them by the day they were done.
 * - Advice in 6 weeks, one figure per kind of professional: counted when sent.
 * - Annual reviews on time (12 months, or the transfer date when earlier): counted on the date
 *   the meeting was due by; on time when held by then; late when held after it, or not held and
 *   the date has passed; not counted while the date is still to come and no meeting has been held.
 * - Review decisions in 4 weeks: counted on the date the decision was due (4 weeks after a meeting
 *   that has been held), the same way.
 * - Transfer reviews by 15 February / 31 March (reg 18): counted on the transfer's last day; done
 *   when the final amended plan was issued, or the council decided to keep or cease the plan.
 * - Replies to families: each time a family started waiting (their first message since the last
 *   answer), counted on that day; late when the reply standard's breach is on record; not counted
 *   while the family is still waiting within the standard.
 * - Apologies sent (for a statutory step or a review step): counted on the day sent.
 * - Refusals to assess, and to issue a plan: their share of the decisions made in the period.
 * - Complaints answered in time, at stage 1 and at stage 2 (ADR 0050): each response counted on
 *   the day sent, late by the complaints feature's own rule.
 * - Tribunal orders complied with in time: counted on the date each must be complied with by.
 * - Families satisfied (ADR 0052): survey answers of 4 or 5, counted as the feedback results count
 *   them (on the day the survey was offered, or answered for the any-time survey); anonymous, so
 *   no list of cases.
 */
import type { IsoDate } from '../timescales';
import { ragOf, type Direction, type Rag, type Thresholds } from './rag';
import type { Quarter } from './quarters';

// ---------------------------------------------------------------------------------------------
// Items and their counts

export type Outcome = 'onTime' | 'late' | 'exception' | 'refused' | 'agreed' | 'sent' | 'satisfied' | 'notSatisfied';

/**
 * One thing a figure counts: the case it belongs to (none for anonymous survey answers), its
 * team, the day that places it in a period, and how it went. Items are made in SQL, from the
 * dates each change stored (app/features/scrutiny/figure-items.server.ts); what is counted here is
 * how many of them each period, team and outcome has.
 */
export type FigureItem = { caseId: string; teamId: string; on: IsoDate; outcome: Outcome };

/** How many items of one figure, in one of the report's periods (0: the period asked; 1-4: its trend quarters), team and outcome. */
export type FigureCount = { figure: FigureId; bucket: number; teamId: string; outcome: Outcome; n: number };

// ---------------------------------------------------------------------------------------------
// The figures

export type FigureDefinition = {
  id: string;
  /** 'percent': numerator over the items not left out; 'count': how many items. */
  unit: 'percent' | 'count';
  direction: Direction;
  /** The council's thresholds when it has set none. */
  defaults: Thresholds;
  /** The outcomes counted in the numerator. */
  counts: readonly Outcome[];
  /** The outcomes left out of both sides. */
  leavesOut: readonly Outcome[];
  /** The outcome a figure's "cases behind it" link shows first: the ones that pull it down. */
  concern: Outcome;
  /** Items with no case behind them (survey answers): no list of cases, ever. */
  anonymous?: boolean;
};

/** One figure per kind of professional asked for advice. */
const ADVICE_FIGURES = ['adviceEducationalPsychologist', 'adviceHealth', 'adviceSocialCare', 'adviceSchool', 'adviceOther'] as const;

const onTimeRate = { unit: 'percent', direction: 'higher', counts: ['onTime'], leavesOut: [], concern: 'late' } as const;

export const scrutinyFigures = [
  { id: 'finalPlans', ...onTimeRate, leavesOut: ['exception'], defaults: { green: 60, amber: 40 } },
  { id: 'finalPlansWithExceptions', ...onTimeRate, defaults: { green: 60, amber: 40 } },
  { id: 'decisions', ...onTimeRate, leavesOut: ['exception'], defaults: { green: 90, amber: 75 } },
  ...ADVICE_FIGURES.map((id) => ({ id, ...onTimeRate, defaults: { green: 90, amber: 75 } })),
  { id: 'reviewsOnTime', ...onTimeRate, defaults: { green: 85, amber: 70 } },
  { id: 'reviewDecisions', ...onTimeRate, defaults: { green: 85, amber: 70 } },
  { id: 'transferReviews', ...onTimeRate, defaults: { green: 95, amber: 85 } },
  { id: 'replies', ...onTimeRate, defaults: { green: 95, amber: 85 } },
  { id: 'apologies', unit: 'count', direction: 'lower', counts: ['sent'], leavesOut: [], concern: 'sent', defaults: { green: 5, amber: 15 } },
  { id: 'refusalsToAssess', unit: 'percent', direction: 'lower', counts: ['refused'], leavesOut: [], concern: 'refused', defaults: { green: 25, amber: 40 } },
  { id: 'refusalsToIssue', unit: 'percent', direction: 'lower', counts: ['refused'], leavesOut: [], concern: 'refused', defaults: { green: 10, amber: 20 } },
  { id: 'complaintsStage1', ...onTimeRate, defaults: { green: 90, amber: 75 } },
  { id: 'complaintsStage2', ...onTimeRate, defaults: { green: 90, amber: 75 } },
  { id: 'tribunalOrders', ...onTimeRate, defaults: { green: 100, amber: 90 } },
  { id: 'familiesSatisfied', unit: 'percent', direction: 'higher', counts: ['satisfied'], leavesOut: [], concern: 'notSatisfied', anonymous: true, defaults: { green: 80, amber: 60 } },
] as const satisfies readonly FigureDefinition[];

export type FigureId = (typeof scrutinyFigures)[number]['id'];
export const figureIds: readonly FigureId[] = scrutinyFigures.map((f) => f.id);
export const isFigureId = (value: unknown): value is FigureId => typeof value === 'string' && (figureIds as readonly string[]).includes(value);
export const figureById = (id: FigureId): FigureDefinition => scrutinyFigures.find((f) => f.id === id) as FigureDefinition;

/** Each figure's name and how it is counted, in the `scrutiny` namespace, written out so the translation test finds them. */
export const figureKeys = {
  finalPlans: { name: 'scrutiny.figure.finalPlans.name', rule: 'scrutiny.figure.finalPlans.rule' },
  finalPlansWithExceptions: { name: 'scrutiny.figure.finalPlansWithExceptions.name', rule: 'scrutiny.figure.finalPlansWithExceptions.rule' },
  decisions: { name: 'scrutiny.figure.decisions.name', rule: 'scrutiny.figure.decisions.rule' },
  adviceEducationalPsychologist: { name: 'scrutiny.figure.adviceEducationalPsychologist.name', rule: 'scrutiny.figure.adviceEducationalPsychologist.rule' },
  adviceHealth: { name: 'scrutiny.figure.adviceHealth.name', rule: 'scrutiny.figure.adviceHealth.rule' },
  adviceSocialCare: { name: 'scrutiny.figure.adviceSocialCare.name', rule: 'scrutiny.figure.adviceSocialCare.rule' },
  adviceSchool: { name: 'scrutiny.figure.adviceSchool.name', rule: 'scrutiny.figure.adviceSchool.rule' },
  adviceOther: { name: 'scrutiny.figure.adviceOther.name', rule: 'scrutiny.figure.adviceOther.rule' },
  reviewsOnTime: { name: 'scrutiny.figure.reviewsOnTime.name', rule: 'scrutiny.figure.reviewsOnTime.rule' },
  reviewDecisions: { name: 'scrutiny.figure.reviewDecisions.name', rule: 'scrutiny.figure.reviewDecisions.rule' },
  transferReviews: { name: 'scrutiny.figure.transferReviews.name', rule: 'scrutiny.figure.transferReviews.rule' },
  replies: { name: 'scrutiny.figure.replies.name', rule: 'scrutiny.figure.replies.rule' },
  apologies: { name: 'scrutiny.figure.apologies.name', rule: 'scrutiny.figure.apologies.rule' },
  refusalsToAssess: { name: 'scrutiny.figure.refusalsToAssess.name', rule: 'scrutiny.figure.refusalsToAssess.rule' },
  refusalsToIssue: { name: 'scrutiny.figure.refusalsToIssue.name', rule: 'scrutiny.figure.refusalsToIssue.rule' },
  complaintsStage1: { name: 'scrutiny.figure.complaintsStage1.name', rule: 'scrutiny.figure.complaintsStage1.rule' },
  complaintsStage2: { name: 'scrutiny.figure.complaintsStage2.name', rule: 'scrutiny.figure.complaintsStage2.rule' },
  tribunalOrders: { name: 'scrutiny.figure.tribunalOrders.name', rule: 'scrutiny.figure.tribunalOrders.rule' },
  familiesSatisfied: { name: 'scrutiny.figure.familiesSatisfied.name', rule: 'scrutiny.figure.familiesSatisfied.rule' },
} as const satisfies Record<FigureId, { name: string; rule: string }>;

export const outcomes: readonly Outcome[] = ['onTime', 'late', 'exception', 'refused', 'agreed', 'sent', 'satisfied', 'notSatisfied'];
export const isOutcome = (value: unknown): value is Outcome => typeof value === 'string' && (outcomes as readonly string[]).includes(value);
export const outcomeKeys = {
  onTime: 'scrutiny.outcome.onTime',
  late: 'scrutiny.outcome.late',
  exception: 'scrutiny.outcome.exception',
  refused: 'scrutiny.outcome.refused',
  agreed: 'scrutiny.outcome.agreed',
  sent: 'scrutiny.outcome.sent',
  satisfied: 'scrutiny.outcome.satisfied',
  notSatisfied: 'scrutiny.outcome.notSatisfied',
} as const satisfies Record<Outcome, `scrutiny.outcome.${Outcome}`>;

// ---------------------------------------------------------------------------------------------
// Values, ratings, trends

export type FigureValue = {
  /** A percentage to one decimal place, or a count; null when there was nothing to divide by. */
  value: number | null;
  numerator: number;
  denominator: number;
  /** Items left out of both sides (exception cases). */
  leftOut: number;
};

/** A figure's value from how many items had each outcome. */
export function figureValue(definition: Pick<FigureDefinition, 'unit' | 'counts' | 'leavesOut'>, counts: readonly Pick<FigureCount, 'outcome' | 'n'>[]): FigureValue {
  let numerator = 0;
  let leftOut = 0;
  let all = 0;
  for (const { outcome, n } of counts) {
    all += n;
    if (definition.leavesOut.includes(outcome)) leftOut += n;
    else if (definition.counts.includes(outcome)) numerator += n;
  }
  const denominator = all - leftOut;
  if (definition.unit === 'count') return { value: numerator, numerator, denominator, leftOut };
  return { value: denominator === 0 ? null : Math.round((numerator / denominator) * 1000) / 10, numerator, denominator, leftOut };
}

export type RatedValue = FigureValue & { rag: Rag };
export type FigureReport = {
  id: FigureId;
  unit: FigureDefinition['unit'];
  direction: Direction;
  concern: Outcome;
  anonymous: boolean;
  thresholds: Thresholds;
  period: RatedValue;
  trend: (RatedValue & { quarter: Pick<Quarter, 'year' | 'quarter' | 'from' | 'to'> })[];
  byTeam: (RatedValue & { teamId: string })[];
};

/**
 * Every figure for a period, for the council or one team: value and rating, the trend over its
 * quarters, and (for the council) each team's, from the items counted in each of the report's
 * periods (`FigureCount.bucket`: 0 the period, 1 onwards its quarters in order).
 */
export function scrutinyReport(
  counts: readonly FigureCount[],
  options: { quarters: readonly Quarter[]; teamIds: readonly string[]; teamId: string | null; thresholds: Partial<Record<string, Thresholds>> },
): FigureReport[] {
  return (scrutinyFigures as readonly FigureDefinition[]).map((definition) => {
    const thresholds = options.thresholds[definition.id] ?? definition.defaults;
    const own = counts.filter((c) => c.figure === definition.id);
    const rated = (bucket: number, teamId: string | null): RatedValue => {
      const value = figureValue(definition, own.filter((c) => c.bucket === bucket && (teamId === null || c.teamId === teamId)));
      return { ...value, rag: ragOf(value.value, definition.direction, thresholds) };
    };
    return {
      id: definition.id as FigureId,
      unit: definition.unit,
      direction: definition.direction,
      concern: definition.concern,
      anonymous: definition.anonymous ?? false,
      thresholds,
      period: rated(0, options.teamId),
      trend: options.quarters.map((q, i) => ({ quarter: { year: q.year, quarter: q.quarter, from: q.from, to: q.to }, ...rated(i + 1, options.teamId) })),
      byTeam: options.teamIds.map((teamId) => ({ teamId, ...rated(0, teamId) })),
    };
  });
}
