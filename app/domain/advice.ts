/**
 * Advice, views and the draft plan: the date rules. Pure (no database, clock or I/O); `today`
 * is always a London date passed in. Statutory dates come from ./timescales.
 */
import type { CaseStage } from './vocabulary';
import { addDays, adviceDeadline, compareDates, draftCommentsLastDay, workingDaysBetween, type IsoDate } from './timescales';

/** Days after a request closes during which the professional can still open it (to check what they sent). */
export const ADVICE_ACCESS_GRACE_DAYS = 14;
/** The reminder goes this many working days before the advice is due. */
export const ADVICE_REMINDER_WORKING_DAYS = 5;

export type AdviceRequestDates = { state: 'open' | 'submitted' | 'cancelled'; requestedOn: IsoDate; dueBy: IsoDate; closedOn: IsoDate | null };

export type AdviceStatus = 'submitted' | 'cancelled' | 'overdue' | 'due_soon' | 'due';

/** The advice is due 6 weeks after the professional was asked (reg 8). */
export function adviceDueBy(requestedOn: IsoDate): IsoDate {
  return adviceDeadline(requestedOn);
}

/** Where a request stands on `today`: overdue the day after it was due; due soon within the reminder window. */
export function adviceStatus(request: Pick<AdviceRequestDates, 'state' | 'dueBy'>, today: IsoDate): AdviceStatus {
  if (request.state !== 'open') return request.state;
  if (compareDates(today, request.dueBy) > 0) return 'overdue';
  if (workingDaysBetween(today, request.dueBy) <= ADVICE_REMINDER_WORKING_DAYS) return 'due_soon';
  return 'due';
}

/** The last day a professional may open a closed request. */
export function adviceAccessEndsOn(closedOn: IsoDate): IsoDate {
  return addDays(closedOn, ADVICE_ACCESS_GRACE_DAYS);
}

/** Whether the professional may see the case through this request on `today`. */
export function professionalHasAccess(request: Pick<AdviceRequestDates, 'state' | 'closedOn'>, today: IsoDate): boolean {
  if (request.state === 'open') return true;
  if (!request.closedOn) return false;
  return compareDates(today, adviceAccessEndsOn(request.closedOn)) <= 0;
}

/**
 * How far a professional's advice has gone: still theirs (open or cancelled), submitted but held
 * back from the family by the council, or released to the family. The one rule for "advice the
 * family may read": the policy (app/auth/policy.ts), the advice pages and the family's emails
 * all ask it.
 */
export type AdviceRelease = 'unsubmitted' | 'withheld' | 'released';

export function adviceRelease(advice: { state: AdviceRequestDates['state']; withheldReason: string | null }): AdviceRelease {
  if (advice.state !== 'submitted') return 'unsubmitted';
  return advice.withheldReason ? 'withheld' : 'released';
}

/** Whether the family side (parents, the young person, their advocates) may read this advice. */
export function releasedToFamily(advice: { state: AdviceRequestDates['state']; withheldReason: string | null }): boolean {
  return adviceRelease(advice) === 'released';
}

export type ReminderCandidate = AdviceRequestDates & { id: string; reminderSent: boolean; overdueNoticeSent: boolean };
export type ReminderDue = { id: string; notice: 'reminder' | 'overdue' };

/**
 * Which open requests need an email on `today`: a reminder once the due date is within the
 * reminder window, an overdue notice once it has passed; each at most once. A request first
 * seen already overdue gets only the overdue notice.
 */
export function remindersDue(requests: readonly ReminderCandidate[], today: IsoDate): ReminderDue[] {
  const due: ReminderDue[] = [];
  for (const request of requests) {
    const status = adviceStatus(request, today);
    if (status === 'overdue' && !request.overdueNoticeSent) due.push({ id: request.id, notice: 'overdue' });
    else if (status === 'due_soon' && !request.reminderSent) due.push({ id: request.id, notice: 'reminder' });
  }
  return due;
}

/** Stages at which advice may be asked for: once the LA has agreed to assess, until the plan is decided. */
export function adviceCanBeRequested(stage: CaseStage): boolean {
  return stage === 'advice_gathering' || stage === 'plan_agreed';
}

/** The family's "All about me" views can change until the caseworker starts the draft plan. */
export function viewsEditable(stage: CaseStage, draftPlanStarted: boolean): boolean {
  if (draftPlanStarted) return false;
  return stage === 'request_received' || stage === 'advice_gathering' || stage === 'plan_agreed';
}

/** The family may comment on the draft from the day it was served to the last day (s.38, 15 days). */
export function draftCommentWindowOpen(servedOn: IsoDate, today: IsoDate): boolean {
  return compareDates(today, servedOn) >= 0 && compareDates(today, draftCommentsLastDay(servedOn)) <= 0;
}
