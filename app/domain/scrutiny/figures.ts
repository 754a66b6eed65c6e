/**
 * The scrutiny report's figures (issue 16, item 2): each one's counting rule as a pure function
 * from plain facts to items (one item per case and thing counted, dated and with its outcome),
 * and each figure's value, rating, trend and split by team computed from those items. Adding a
 * figure is one entry in `scrutinyFigures`; the page, the trend, the bars by team, the CSV, the
 * PDF and the list of cases behind it follow from the entry.
 *
 * Counting rules (docs/decisions/0054-scrutiny-report.md says why):
 * - Decisions whether to assess (6 weeks) and final plans (20 weeks): the statutory clock's
 *   steps, counted in the period they were done (app/domain/timeliness.ts `stepOutcome`). The
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
import { compareDates } from '../timescales';
import { isLate } from '../complaint-dates';
import { stepOutcome, withinPeriod, type AdviceFacts, type CaseClockFacts, type Period } from '../timeliness';
import { ragOf, type Direction, type Rag, type Thresholds } from './rag';
import type { Quarter } from './quarters';

// ---------------------------------------------------------------------------------------------
// Facts and items

export type Outcome = 'onTime' | 'late' | 'exception' | 'refused' | 'agreed' | 'sent' | 'satisfied' | 'notSatisfied';

/** One thing a figure counts: the case it belongs to, its team, the day that places it in a period, and how it went. */
export type FigureItem = { caseId: string; teamId: string; on: IsoDate; outcome: Outcome };

type OnCase = { caseId: string; teamId: string };

export type DecisionFact = OnCase & { decision: 'assess' | 'issue'; refused: boolean; decidedOn: IsoDate };
export type AdviceFact = OnCase & AdviceFacts & { kind: string };
export type ReviewFact = OnCase & {
  /** The stored date the review's meeting is due by (12 months, or the transfer's last day when earlier). */
  meetingDueBy: IsoDate;
  meetingDate: IsoDate | null;
  /** 4 weeks after the meeting, once it has a date. */
  decisionDueBy: IsoDate | null;
  decision: 'keep' | 'amend' | 'cease' | null;
  decisionOn: IsoDate | null;
  finalIssuedOn: IsoDate | null;
  /** Before a transfer between phases: the day the review and any amendment must be done by. */
  transferLastDay: IsoDate | null;
};
export type WaitFact = OnCase & { startedOn: IsoDate; breached: boolean; stillWaiting: boolean };
export type ApologyFact = OnCase & { sentOn: IsoDate };
/** A complaint's response at one stage (ADR 0050): due by, sent on. */
export type ComplaintResponseFact = OnCase & { stage: 1 | 2; dueBy: IsoDate; respondedOn: IsoDate };
/** A Tribunal order the council must comply with (app/features/appeals): by when, and when it did. */
export type TribunalOrderFact = OnCase & { compliesBy: IsoDate; compliedOn: IsoDate | null };
/** A family's survey answer (ADR 0052): its team, the day it counts on, its score 1 to 5. No case: answers are anonymous to staff. */
export type SurveyResponseFact = { teamId: string; countedOn: IsoDate; satisfaction: number };

export type ScrutinyFacts = {
  clocks: readonly (OnCase & CaseClockFacts)[];
  decisions: readonly DecisionFact[];
  advice: readonly AdviceFact[];
  reviews: readonly ReviewFact[];
  waits: readonly WaitFact[];
  apologies: readonly ApologyFact[];
  complaintResponses: readonly ComplaintResponseFact[];
  surveyResponses: readonly SurveyResponseFact[];
  tribunalOrders: readonly TribunalOrderFact[];
  today: IsoDate;
};

/**
 * A deadline's outcome: done by it, done after it, or not done and past it; null while it is
 * still to come and not done (nothing to count yet).
 */
export function deadlineOutcome(dueBy: IsoDate, doneOn: IsoDate | null, today: IsoDate): 'onTime' | 'late' | null {
  if (doneOn !== null && compareDates(doneOn, today) <= 0) return compareDates(doneOn, dueBy) <= 0 ? 'onTime' : 'late';
  return compareDates(today, dueBy) > 0 ? 'late' : null;
}

export function statutoryStepItems(clocks: ScrutinyFacts['clocks'], step: 'decisionToAssess' | 'finalPlan', exceptionsApart: boolean): FigureItem[] {
  const items: FigureItem[] = [];
  for (const c of clocks) {
    const outcome = stepOutcome(c, step);
    if (!outcome) continue;
    const how: Outcome = exceptionsApart && outcome.exception ? 'exception' : outcome.onTime ? 'onTime' : 'late';
    items.push({ caseId: c.caseId, teamId: c.teamId, on: outcome.completedOn, outcome: how });
  }
  return items;
}

export function adviceItems(advice: readonly AdviceFact[], kind: string): FigureItem[] {
  return advice.flatMap((a) =>
    a.kind === kind && a.sentOn !== null ? [{ caseId: a.caseId, teamId: a.teamId, on: a.sentOn, outcome: compareDates(a.sentOn, a.dueBy) <= 0 ? ('onTime' as const) : ('late' as const) }] : [],
  );
}

export function reviewMeetingItems(reviews: readonly ReviewFact[], today: IsoDate): FigureItem[] {
  return reviews.flatMap((r) => {
    const outcome = deadlineOutcome(r.meetingDueBy, r.meetingDate, today);
    return outcome ? [{ caseId: r.caseId, teamId: r.teamId, on: r.meetingDueBy, outcome }] : [];
  });
}

export function reviewDecisionItems(reviews: readonly ReviewFact[], today: IsoDate): FigureItem[] {
  return reviews.flatMap((r) => {
    // The 4 weeks run from a meeting that has been held.
    if (r.decisionDueBy === null || r.meetingDate === null || compareDates(r.meetingDate, today) > 0) return [];
    const outcome = deadlineOutcome(r.decisionDueBy, r.decisionOn, today);
    return outcome ? [{ caseId: r.caseId, teamId: r.teamId, on: r.decisionDueBy, outcome }] : [];
  });
}

/** When a transfer review is done: the final amended plan, or a decision that needs none. */
export function transferReviewDoneOn(r: ReviewFact): IsoDate | null {
  if (r.decision === 'keep' || r.decision === 'cease') return r.decisionOn;
  return r.decision === 'amend' ? r.finalIssuedOn : null;
}

export function transferReviewItems(reviews: readonly ReviewFact[], today: IsoDate): FigureItem[] {
  return reviews.flatMap((r) => {
    if (r.transferLastDay === null) return [];
    const outcome = deadlineOutcome(r.transferLastDay, transferReviewDoneOn(r), today);
    return outcome ? [{ caseId: r.caseId, teamId: r.teamId, on: r.transferLastDay, outcome }] : [];
  });
}

export function replyItems(waits: readonly WaitFact[]): FigureItem[] {
  return waits.flatMap((w) => {
    if (!w.breached && w.stillWaiting) return [];
    return [{ caseId: w.caseId, teamId: w.teamId, on: w.startedOn, outcome: w.breached ? ('late' as const) : ('onTime' as const) }];
  });
}

export function apologyItems(apologies: readonly ApologyFact[]): FigureItem[] {
  return apologies.map((a) => ({ caseId: a.caseId, teamId: a.teamId, on: a.sentOn, outcome: 'sent' }));
}

export function refusalItems(decisions: readonly DecisionFact[], decision: DecisionFact['decision']): FigureItem[] {
  return decisions.flatMap((d) => (d.decision === decision ? [{ caseId: d.caseId, teamId: d.teamId, on: d.decidedOn, outcome: d.refused ? ('refused' as const) : ('agreed' as const) }] : []));
}

/** Complaint responses at a stage, counted on the day sent, late by the complaints' own rule (app/domain/complaints.ts `isLate`). */
export function complaintResponseItems(responses: readonly ComplaintResponseFact[], stage: 1 | 2): FigureItem[] {
  return responses.flatMap((r) => (r.stage === stage ? [{ caseId: r.caseId, teamId: r.teamId, on: r.respondedOn, outcome: isLate(r.dueBy, r.respondedOn, r.respondedOn) ? ('late' as const) : ('onTime' as const) }] : []));
}

/** Tribunal orders, counted on the date they must be complied with by, the deadline rule as for reviews (the appeals feature's own counts agree). */
export function tribunalOrderItems(orders: readonly TribunalOrderFact[], today: IsoDate): FigureItem[] {
  return orders.flatMap((o) => {
    const outcome = deadlineOutcome(o.compliesBy, o.compliedOn, today);
    return outcome ? [{ caseId: o.caseId, teamId: o.teamId, on: o.compliesBy, outcome }] : [];
  });
}

/** Survey answers, satisfied at 4 or 5 (app/domain/feedback.ts `percentSatisfied`), on the day each counts; never tied to a case. */
export function surveyItems(responses: readonly SurveyResponseFact[]): FigureItem[] {
  return responses.map((r) => ({ caseId: '', teamId: r.teamId, on: r.countedOn, outcome: r.satisfaction >= 4 ? 'satisfied' : 'notSatisfied' }));
}

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
  items: (facts: ScrutinyFacts) => FigureItem[];
  /** Items with no case behind them (survey answers): no list of cases, ever. */
  anonymous?: boolean;
};

const ADVICE_KINDS = [
  ['adviceEducationalPsychologist', 'educational_psychologist'],
  ['adviceHealth', 'health'],
  ['adviceSocialCare', 'social_care'],
  ['adviceSchool', 'school'],
  ['adviceOther', 'other'],
] as const;

const onTimeRate = { unit: 'percent', direction: 'higher', counts: ['onTime'], leavesOut: [], concern: 'late' } as const;

export const scrutinyFigures = [
  { id: 'finalPlans', ...onTimeRate, leavesOut: ['exception'], defaults: { green: 60, amber: 40 }, items: (f) => statutoryStepItems(f.clocks, 'finalPlan', true) },
  { id: 'finalPlansWithExceptions', ...onTimeRate, defaults: { green: 60, amber: 40 }, items: (f) => statutoryStepItems(f.clocks, 'finalPlan', false) },
  { id: 'decisions', ...onTimeRate, leavesOut: ['exception'], defaults: { green: 90, amber: 75 }, items: (f) => statutoryStepItems(f.clocks, 'decisionToAssess', true) },
  ...ADVICE_KINDS.map(([id, kind]) => ({ id, ...onTimeRate, defaults: { green: 90, amber: 75 }, items: (f: ScrutinyFacts) => adviceItems(f.advice, kind) })),
  { id: 'reviewsOnTime', ...onTimeRate, defaults: { green: 85, amber: 70 }, items: (f) => reviewMeetingItems(f.reviews, f.today) },
  { id: 'reviewDecisions', ...onTimeRate, defaults: { green: 85, amber: 70 }, items: (f) => reviewDecisionItems(f.reviews, f.today) },
  { id: 'transferReviews', ...onTimeRate, defaults: { green: 95, amber: 85 }, items: (f) => transferReviewItems(f.reviews, f.today) },
  { id: 'replies', ...onTimeRate, defaults: { green: 95, amber: 85 }, items: (f) => replyItems(f.waits) },
  { id: 'apologies', unit: 'count', direction: 'lower', counts: ['sent'], leavesOut: [], concern: 'sent', defaults: { green: 5, amber: 15 }, items: (f) => apologyItems(f.apologies) },
  { id: 'refusalsToAssess', unit: 'percent', direction: 'lower', counts: ['refused'], leavesOut: [], concern: 'refused', defaults: { green: 25, amber: 40 }, items: (f) => refusalItems(f.decisions, 'assess') },
  { id: 'refusalsToIssue', unit: 'percent', direction: 'lower', counts: ['refused'], leavesOut: [], concern: 'refused', defaults: { green: 10, amber: 20 }, items: (f) => refusalItems(f.decisions, 'issue') },
  { id: 'complaintsStage1', ...onTimeRate, defaults: { green: 90, amber: 75 }, items: (f) => complaintResponseItems(f.complaintResponses, 1) },
  { id: 'complaintsStage2', ...onTimeRate, defaults: { green: 90, amber: 75 }, items: (f) => complaintResponseItems(f.complaintResponses, 2) },
  { id: 'tribunalOrders', ...onTimeRate, defaults: { green: 100, amber: 90 }, items: (f) => tribunalOrderItems(f.tribunalOrders, f.today) },
  { id: 'familiesSatisfied', unit: 'percent', direction: 'higher', counts: ['satisfied'], leavesOut: [], concern: 'notSatisfied', anonymous: true, defaults: { green: 80, amber: 60 }, items: (f) => surveyItems(f.surveyResponses) },
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

/** The items of one period (both ends included) and, given one, one team. */
export function itemsIn(items: readonly FigureItem[], period: Period, teamId: string | null = null): FigureItem[] {
  return items.filter((i) => (teamId === null || i.teamId === teamId) && withinPeriod(i.on, period));
}

export function figureValue(definition: Pick<FigureDefinition, 'unit' | 'counts' | 'leavesOut'>, items: readonly FigureItem[]): FigureValue {
  let numerator = 0;
  let leftOut = 0;
  for (const item of items) {
    if (definition.leavesOut.includes(item.outcome)) leftOut++;
    else if (definition.counts.includes(item.outcome)) numerator++;
  }
  const denominator = items.length - leftOut;
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

/** Every figure for a period, for the council or one team: value and rating, the trend over its quarters, and (for the council) each team's. */
export function scrutinyReport(
  facts: ScrutinyFacts,
  options: { period: Period; quarters: readonly Quarter[]; teamIds: readonly string[]; teamId: string | null; thresholds: Partial<Record<string, Thresholds>> },
): FigureReport[] {
  return (scrutinyFigures as readonly FigureDefinition[]).map((definition) => {
    const thresholds = options.thresholds[definition.id] ?? definition.defaults;
    const items = definition.items(facts);
    const rated = (subset: FigureItem[]): RatedValue => {
      const value = figureValue(definition, subset);
      return { ...value, rag: ragOf(value.value, definition.direction, thresholds) };
    };
    return {
      id: definition.id as FigureId,
      unit: definition.unit,
      direction: definition.direction,
      concern: definition.concern,
      anonymous: definition.anonymous ?? false,
      thresholds,
      period: rated(itemsIn(items, options.period, options.teamId)),
      trend: options.quarters.map((q) => ({ quarter: { year: q.year, quarter: q.quarter, from: q.from, to: q.to }, ...rated(itemsIn(items, q, options.teamId)) })),
      byTeam: options.teamIds.map((teamId) => ({ teamId, ...rated(itemsIn(items, options.period, teamId)) })),
    };
  });
}

/**
 * The cases behind one figure for a period (and team), with the outcome asked for (all when
 * null): one row per case, its latest item in the period, latest first, so a case counted twice
 * (two apologies) is listed once.
 */
export function casesBehind(items: readonly FigureItem[], period: Period, teamId: string | null, outcome: Outcome | null): FigureItem[] {
  const latest = new Map<string, FigureItem>();
  for (const item of itemsIn(items, period, teamId)) {
    if (outcome !== null && item.outcome !== outcome) continue;
    const seen = latest.get(item.caseId);
    if (!seen || compareDates(item.on, seen.on) > 0) latest.set(item.caseId, item);
  }
  return [...latest.values()].sort((a, b) => compareDates(b.on, a.on) || a.caseId.localeCompare(b.caseId));
}
