/**
 * The one-month time limit for answering a subject access request (UK GDPR Article 12(3)).
 * Pure. Why it reads as it does: docs/decisions/0034-subject-access-export.md.
 *
 * The ICO's rule: the month runs from the day the request is received (a working day or not)
 * to the corresponding calendar date in the next month; where the next month has no such date
 * (31 January), to the last day of that month; and where that date is a weekend or a bank
 * holiday, to the next working day. Receipt is a day, not an instant: a letter opened on a
 * Saturday was received on that Saturday.
 */
import { addMonths, compareDates, nextWorkingDayOnOrAfter, type IsoDate } from './timescales';

export const subjectAccessChannels = ['portal', 'letter', 'email', 'in_person'] as const;
export type SubjectAccessChannel = (typeof subjectAccessChannels)[number];

export const subjectAccessStatuses = ['received', 'released'] as const;
export type SubjectAccessStatus = (typeof subjectAccessStatuses)[number];

/** The last day to answer a request received on `receivedOn`. */
export function subjectAccessDueOn(receivedOn: IsoDate): IsoDate {
  // addMonths already lands on the month's last day when the next month is too short.
  return nextWorkingDayOnOrAfter(addMonths(receivedOn, 1));
}

/** Still unanswered after its last day. A released request is never overdue. */
export function isSubjectAccessOverdue(request: { dueOn: IsoDate; status: SubjectAccessStatus }, today: IsoDate): boolean {
  return request.status !== 'released' && compareDates(today, request.dueOn) > 0;
}
