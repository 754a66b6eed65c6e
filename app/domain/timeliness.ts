/**
 * Timeliness figures for managers and scrutiny panels, from the same statutory clock the
 * families see (app/domain/case-clock.ts). Pure: the caller passes the clocks and the period.
 *
 * For a step the council completes (the decision whether to assess, the final plan):
 * - counted when it was completed within the period (both ends included);
 * - on time when the clock says 'met' (done by its due date);
 * - an exception case when a legal exception for that step was recorded on or before the day it
 *   was done. As in the DfE's SEN2 return, the headline rate leaves exception cases out of both
 *   sides: onTime / (total - exceptions). `percent` is null when nothing is left to divide by.
 * Professional advice is counted when it was sent within the period, on time when sent by its
 * due date (6 weeks); there are no exceptions for it.
 */
import type { ClockEntry, ClockException } from './case-clock';
import { compareDates, type IsoDate } from './timescales';

export type Period = { from: IsoDate; to: IsoDate };

export type Measure = { total: number; onTime: number; exceptions: number; percent: number | null };

export type CaseClockFacts = {
  clock: readonly ClockEntry[];
  exceptions: readonly Pick<ClockException, 'step' | 'recordedOn'>[];
};

/** `open`: still waiting for the professional (not sent, not cancelled). */
export type AdviceFacts = { dueBy: IsoDate; sentOn: IsoDate | null; open: boolean };

export type TimelinessFigures = {
  decisions: Measure;
  finalPlans: Measure;
  advice: Measure;
  /** Today: what is past its time limit and not done (no exception recorded). */
  overdueNow: { decisions: number; finalPlans: number; advice: number };
};

/** Both ends of the period included. */
export const withinPeriod = (day: IsoDate, period: Period) => compareDates(day, period.from) >= 0 && compareDates(day, period.to) <= 0;
const within = withinPeriod;

function measure(total: number, onTime: number, exceptions: number): Measure {
  const counted = total - exceptions;
  return { total, onTime, exceptions, percent: counted === 0 ? null : Math.round((onTime / counted) * 1000) / 10 };
}

/**
 * How one case did at a step the council completes: null when the step is not done; otherwise the
 * day it was done, whether that was by its due date, and whether a legal exception for the step
 * was recorded on or before that day. The one rule behind both rates (with and without
 * exception cases) and the lists of cases behind them.
 */
export type StepOutcome = { completedOn: IsoDate; onTime: boolean; exception: boolean };

export function stepOutcome(c: CaseClockFacts, step: 'decisionToAssess' | 'finalPlan'): StepOutcome | null {
  const entry = c.clock.find((e) => e.step === step);
  if (!entry?.completedOn) return null;
  const completedOn = entry.completedOn;
  return {
    completedOn,
    onTime: entry.status === 'met',
    exception: c.exceptions.some((x) => x.step === step && compareDates(x.recordedOn, completedOn) <= 0),
  };
}

/** The step's outcomes completed within the period: how many, how many on time (all, and outside exceptions), how many exceptions. */
function stepCounts(cases: readonly CaseClockFacts[], step: 'decisionToAssess' | 'finalPlan', period: Period) {
  const counts = { total: 0, onTime: 0, onTimeWithoutException: 0, exceptions: 0 };
  for (const c of cases) {
    const outcome = stepOutcome(c, step);
    if (!outcome || !within(outcome.completedOn, period)) continue;
    counts.total++;
    if (outcome.exception) counts.exceptions++;
    if (outcome.onTime) counts.onTime++;
    if (outcome.onTime && !outcome.exception) counts.onTimeWithoutException++;
  }
  return counts;
}

export function stepTimeliness(cases: readonly CaseClockFacts[], step: 'decisionToAssess' | 'finalPlan', period: Period): Measure {
  const { total, onTimeWithoutException, exceptions } = stepCounts(cases, step, period);
  return measure(total, onTimeWithoutException, exceptions);
}

/**
 * The same step with exception cases counted like any other, by the day each was done (SEN2's
 * "including exceptions" rate): `exceptions` still says how many there were, `percent` is
 * onTime / total.
 */
export function stepTimelinessIncludingExceptions(cases: readonly CaseClockFacts[], step: 'decisionToAssess' | 'finalPlan', period: Period): Measure {
  const { total, onTime, exceptions } = stepCounts(cases, step, period);
  return { total, onTime, exceptions, percent: total === 0 ? null : Math.round((onTime / total) * 1000) / 10 };
}

/** Advice sent on or before its due date; null while it has not been sent. */
export function adviceOnTime(request: AdviceFacts): boolean | null {
  return request.sentOn === null ? null : compareDates(request.sentOn, request.dueBy) <= 0;
}

export function adviceTimeliness(requests: readonly AdviceFacts[], period: Period): Measure {
  const sent = requests.filter((r): r is AdviceFacts & { sentOn: IsoDate } => r.sentOn !== null && within(r.sentOn, period));
  return measure(sent.length, sent.filter((r) => adviceOnTime(r)).length, 0);
}

/** Advice timeliness for each kind of professional asked (educational psychologist, health, ...), in the order first met. */
export function adviceTimelinessByKind<K extends string>(requests: readonly (AdviceFacts & { kind: K })[], period: Period): Map<K, Measure> {
  const kinds = [...new Set(requests.map((r) => r.kind))];
  return new Map(kinds.map((kind) => [kind, adviceTimeliness(requests.filter((r) => r.kind === kind), period)]));
}

const missedNow = (cases: readonly CaseClockFacts[], step: 'decisionToAssess' | 'finalPlan') =>
  cases.filter((c) => c.clock.some((e) => e.step === step && e.status === 'missed')).length;

export function timelinessFigures(cases: readonly CaseClockFacts[], advice: readonly AdviceFacts[], period: Period, today: IsoDate): TimelinessFigures {
  return {
    decisions: stepTimeliness(cases, 'decisionToAssess', period),
    finalPlans: stepTimeliness(cases, 'finalPlan', period),
    advice: adviceTimeliness(advice, period),
    overdueNow: {
      decisions: missedNow(cases, 'decisionToAssess'),
      finalPlans: missedNow(cases, 'finalPlan'),
      advice: advice.filter((a) => a.open && compareDates(today, a.dueBy) > 0).length,
    },
  };
}

/** A calendar year, the period the SEN2 return and most scrutiny reports use. */
export function calendarYear(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
