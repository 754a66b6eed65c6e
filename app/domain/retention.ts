/**
 * How long a council keeps a child's records, and the day each record falls due for deletion.
 * Pure. Why the rules read as they do: docs/decisions/0037-retention.md.
 *
 * A record is due on the day named here and deleted only once a manager approves it; nothing
 * open is ever due, and a legal hold (an open subject access request, an open case, a hold a
 * manager records) stops the deletion whatever the date (app/features/retention).
 *
 * Anniversaries never come early: a period that ends on a day the month does not have (29
 * February in a common year, 31 April) ends on the first day of the next month, as a person born
 * on 29 February comes of age on 1 March in a common year (Family Law Reform Act 1969, s.9).
 */
import { compareDates, type IsoDate } from './timescales';

/** What a closed case with a plan is kept until: the young person's birthday of that age, or a number of years after the plan ended. */
export const planRetentionBases = ['age', 'years_after_plan'] as const;
export type PlanRetentionBasis = (typeof planRetentionBases)[number];

/** A council's retention schedule. */
export type RetentionSettings = {
  planBasis: PlanRetentionBasis;
  /** Kept until this birthday (basis 'age'). */
  planAge: number;
  /** Kept this many years after the plan ended (basis 'years_after_plan'). */
  yearsAfterPlan: number;
  /** A request refused or withdrawn with no plan: kept this many years after the case closed. */
  yearsAfterClosure: number;
  /** A draft request never sent: kept this many months after it was last changed. */
  draftMonths: number;
};

/**
 * The defaults, for a council that has set nothing (ADR 0037): the IRMS Toolkit's "date of
 * birth of the pupil + 31 years" for SEN files and EHC plans; 6 years after a case closed with
 * no plan (the Limitation Act 1980's six years for a claim); a year for a draft never sent.
 */
export const DEFAULT_RETENTION: RetentionSettings = {
  planBasis: 'age',
  planAge: 31,
  yearsAfterPlan: 6,
  yearsAfterClosure: 6,
  draftMonths: 12,
};

/** The limits a council may choose within (the admin form's checks). */
export const RETENTION_LIMITS = {
  planAge: { min: 25, max: 40 },
  yearsAfterPlan: { min: 1, max: 25 },
  yearsAfterClosure: { min: 1, max: 25 },
  draftMonths: { min: 1, max: 36 },
} as const;

/** Why a record falls due: the rule applied, shown to the manager and kept in the deletion record. */
export const retentionRules = ['plan_age', 'plan_years', 'no_plan_years', 'draft_untouched'] as const;
export type RetentionRule = (typeof retentionRules)[number];

/**
 * A case as retention sees it. `closedOn`: the day it was withdrawn, ceased, or refused (an
 * assessment or a plan the council decided against); null while it is open. `planEndedOn`: the
 * day a plan the child had ended (ceased, or the case withdrawn after a final plan); null when
 * there never was a final plan.
 */
export type CaseForRetention = {
  kind: 'case';
  dateOfBirth: IsoDate;
  closedOn: IsoDate | null;
  hadPlan: boolean;
  planEndedOn: IsoDate | null;
};

/** A request for assessment never sent, last changed on `lastChangedOn`. */
export type DraftForRetention = { kind: 'draft_request'; lastChangedOn: IsoDate };

export type RetentionSubject = CaseForRetention | DraftForRetention;

export type RetentionDue = { dueOn: IsoDate; rule: RetentionRule } | null;

function isLeapYear(year: number) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number) {
  return [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The same day `months` later; a day that month lacks rolls to the first of the next (never early). */
export function monthsLater(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (d <= daysInMonth(year, month)) return `${pad(year, 4)}-${pad(month)}-${pad(d)}`;
  const next = index + 1;
  return `${pad(Math.floor(next / 12), 4)}-${pad((next % 12) + 1)}-01`;
}

/** The anniversary `years` on: 29 February falls on 1 March in a common year. */
export function yearsLater(date: IsoDate, years: number): IsoDate {
  return monthsLater(date, years * 12);
}

/** The day a record falls due for deletion under the council's schedule, and the rule; null: never (it is open). */
export function retentionDue(subject: RetentionSubject, settings: RetentionSettings = DEFAULT_RETENTION): RetentionDue {
  if (subject.kind === 'draft_request') return { dueOn: monthsLater(subject.lastChangedOn, settings.draftMonths), rule: 'draft_untouched' };
  if (!subject.closedOn) return null;
  if (!subject.hadPlan) return { dueOn: yearsLater(subject.closedOn, settings.yearsAfterClosure), rule: 'no_plan_years' };
  if (settings.planBasis === 'age') {
    // A record is never due before its case closed, even under a schedule with a young age.
    const birthday = yearsLater(subject.dateOfBirth, settings.planAge);
    return { dueOn: compareDates(birthday, subject.closedOn) < 0 ? subject.closedOn : birthday, rule: 'plan_age' };
  }
  return { dueOn: yearsLater(subject.planEndedOn ?? subject.closedOn, settings.yearsAfterPlan), rule: 'plan_years' };
}

/** Due on `today`: the day has come (deletion starts on the due day itself). */
export function isDue(due: RetentionDue, today: IsoDate): due is NonNullable<RetentionDue> {
  return due !== null && compareDates(due.dueOn, today) <= 0;
}

/** What stops a deletion, whatever the date. Complaints and appeals recorded elsewhere later join here as their own kinds. */
export const legalHoldKinds = ['subject_access', 'open_case', 'open_request', 'recorded'] as const;
export type LegalHoldKind = (typeof legalHoldKinds)[number];

/** Why a manager recorded a hold by hand. */
export const recordedHoldReasons = ['complaint', 'appeal', 'tribunal', 'litigation', 'other'] as const;
export type RecordedHoldReason = (typeof recordedHoldReasons)[number];
