/**
 * Timeliness figures for managers and scrutiny panels, from the same statutory clock the
 * families see (app/domain/case-clock.ts). The timeliness report counts by these rules in SQL
 * over the dates each case stores (app/features/reporting/timeliness.server.ts, ADR 0056); the
 * scrutiny report lists the cases behind each figure with `stepOutcome`.
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

export function measure(total: number, onTime: number, exceptions: number): Measure {
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

/** A calendar year, the period the SEN2 return and most scrutiny reports use. */
export function calendarYear(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
