/**
 * A complaint's dates (ADR 0050; the rules are described in ./complaints.ts): when its clock
 * starts, when each stage is due, the last day to escalate, and whether a response was late.
 * Pure. Apart from ./complaints.ts so that a page counting lateness (the scrutiny report) does not
 * load the complaints pages' words.
 */
import { addWorkingDays, compareDates, nextWorkingDayOnOrAfter, type IsoDate } from './timescales';

/** The council's response times, in working days (ADR 0050). */
export type ComplaintTimes = { acknowledgeDays: number; stage1Days: number; stage2Days: number };

/** How long after the stage 1 response the family may still ask for stage 2 (about four weeks). */
export const ESCALATION_WORKING_DAYS = 20;

/** The day a complaint's clock starts: the day it arrived, or the next working day if that was not one. */
export function clockStartOf(arrivedOn: IsoDate): IsoDate {
  return nextWorkingDayOnOrAfter(arrivedOn);
}

/** The dates a new complaint is due: acknowledged by, answered (stage 1) by. */
export function stage1Deadlines(receivedOn: IsoDate, times: ComplaintTimes): { acknowledgeBy: IsoDate; respondBy: IsoDate } {
  const start = clockStartOf(receivedOn);
  return { acknowledgeBy: addWorkingDays(start, times.acknowledgeDays), respondBy: addWorkingDays(start, times.stage1Days) };
}

/** The dates an escalated complaint is due: acknowledged by, answered (stage 2) by. */
export function stage2Deadlines(escalatedOn: IsoDate, times: ComplaintTimes): { acknowledgeBy: IsoDate; respondBy: IsoDate } {
  const start = clockStartOf(escalatedOn);
  return { acknowledgeBy: addWorkingDays(start, times.acknowledgeDays), respondBy: addWorkingDays(start, times.stage2Days) };
}

/** The last day the family may ask for stage 2, counted from the stage 1 response. */
export function lastDayToEscalate(stage1RespondedOn: IsoDate): IsoDate {
  return addWorkingDays(clockStartOf(stage1RespondedOn), ESCALATION_WORKING_DAYS);
}

/** Whether a response due on `dueBy` is late: sent after it, or not sent and today is after it. */
export function isLate(dueBy: IsoDate, respondedOn: IsoDate | null, today: IsoDate): boolean {
  return compareDates(respondedOn ?? today, dueBy) > 0;
}
