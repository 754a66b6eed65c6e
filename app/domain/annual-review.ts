/**
 * Annual reviews of an EHC plan (issue 14): every statutory date of one review, its steps and
 * where it stands, when the next review's 12 months start, the school terms the council tells
 * settings about, the phase transfers a child's date of birth implies, and the reminders due.
 * Pure: no database, clock, React or I/O; `today` comes in with the input. Every date comes from
 * `./timescales` (ISO calendar dates; "within N weeks" is never moved for weekends). Why the
 * rules read as they do: docs/decisions/0045-annual-review-dates.md.
 *
 * The dates of a review (`reviewDates`)
 * - reviewDueBy: Children and Families Act 2014 s.44(1), within 12 months of the plan or the
 *   last review (`annualReviewDueBy`).
 * - transferLastDay: for a review before a transfer between phases, SEND Regulations 2014
 *   reg 18(1) (`phaseTransferLastDay`: 14 February, or 30 March for secondary to post-16).
 * - meetingDueBy: the earlier of the two.
 * - Once a meeting date is set (reg 20, the review of a child or young person at a school or
 *   other institution; reg 21 applies the same periods otherwise):
 *   noticeBy = meeting - 14 days (reg 20(3), "at least two weeks' notice"; CoP 9.176),
 *   adviceBy = meeting - 14 days (reg 20(4), advice and information circulated "at least two
 *   weeks in advance"), reportBy = meeting + 14 days (reg 20(7), the report within two weeks),
 *   decisionBy = meeting + 4 weeks (`reviewDecisionDueBy`, reg 20(10)).
 * - When the council proposes to amend: commentsLastDay = 15 days beginning with the day the
 *   amendment notice was sent (reg 22(2)(c), `draftCommentsLastDay`), finalByNotice = notice +
 *   8 weeks (reg 22(3), `finalAmendedPlanDueBy`), finalByMeeting = meeting + 12 weeks (the
 *   decision and the proposed amendments together within 4 weeks of the meeting, then 8 weeks:
 *   R (L, M and P) v Devon CC [2022] EWHC 493 (Admin)). finalBy is the binding date: the
 *   earliest of those two and, before a transfer, the transfer last day (reg 18(1): the plan
 *   naming the new setting is amended by then).
 *
 * The steps (`reviewSteps`), in order: meeting, notice, advice, report, decision, comments,
 * finalPlan. Each has the date it is due by, the day it was done and a state:
 * - The council's and the setting's steps: 'done' (on or before dueBy), 'done_late', 'due' (not
 *   done, today on or before dueBy), 'overdue' (not done, today after dueBy), 'not_yet' (its
 *   date is not known yet, or what it follows has not happened), 'not_applicable'.
 * - The meeting is done once its date has come; a meeting arranged for a date after
 *   meetingDueBy is flagged now, not on the day.
 * - The decision, when it is to amend, is done only when the proposed amendments have been sent
 *   too (Devon): doneOn is the later of the two, and a decision sent without them is flagged
 *   'amendmentsNotWithDecision' whatever the dates.
 * - comments is the family's own window: 'open' until commentsLastDay has passed, then
 *   'closed'; never 'due', 'overdue' or late.
 * - comments and finalPlan are 'not_applicable' after a decision to keep or cease the plan.
 * - breaches: each time limit missed, independently (a final plan can break the 8-week date,
 *   the 12-week date and the transfer date at once). A limit is missed when the step was done
 *   after it, or is not done and today is after it.
 *
 * Inconsistent facts (a decision without its date or the other way round, amendments or a final
 * plan without a decision to amend) are a bug in the data and throw a `RangeError`, as does any
 * date that is not a real calendar date.
 *
 * Words: `reviewStepKeys`, `reviewStateKeys`, `reviewBreachKeys`, `reviewStatusKeys`,
 * `termNameKeys` give the translation key of each, in the `reviews` section, written out as
 * literals so that the translation test finds them.
 */
import {
  addDays,
  annualReviewDueBy,
  compareDates,
  draftCommentsLastDay,
  finalAmendedPlanDueBy,
  phaseTransferLastDay,
  reviewDecisionDueBy,
  workingDaysBetween,
  type IsoDate,
  type PhaseTransferKind,
} from './timescales';
import { easterSunday } from './bank-holidays';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export type ReviewDecision = 'keep' | 'amend' | 'cease';

export type ReviewFacts = {
  /** The day the plan was issued or the last review meeting was held. */
  cycleStart: IsoDate;
  /** A transfer between phases within the next 12 months, if any. */
  transfer: { kind: PhaseTransferKind; transferDate: IsoDate } | null;
  meetingDate: IsoDate | null;
  /** Invitations sent to the family, the child or young person, the setting and professionals. */
  noticeSentOn: IsoDate | null;
  adviceCirculatedOn: IsoDate | null;
  /** The meeting's report with its recommendations, from the setting. */
  reportReceivedOn: IsoDate | null;
  decision: ReviewDecision | null;
  decisionOn: IsoDate | null;
  /** The amendment notice with the proposed amendments. */
  amendmentsSentOn: IsoDate | null;
  /** The final amended plan. */
  finalIssuedOn: IsoDate | null;
};

/** A review cycle with nothing done yet: the plan issued (or last reviewed) on `cycleStart`. */
export function reviewNotStarted(cycleStart: IsoDate, changes: Partial<ReviewFacts> = {}): ReviewFacts {
  return {
    cycleStart,
    transfer: null,
    meetingDate: null,
    noticeSentOn: null,
    adviceCirculatedOn: null,
    reportReceivedOn: null,
    decision: null,
    decisionOn: null,
    amendmentsSentOn: null,
    finalIssuedOn: null,
    ...changes,
  };
}

/**
 * The cycle start whose review falls due on `dueBy`: the inverse of `annualReviewDueBy`, for
 * demo data and tests that need a review due on a chosen day.
 */
export function cycleStartForDueBy(dueBy: IsoDate): IsoDate {
  let start = addDays(dueBy, -364);
  while (compareDates(annualReviewDueBy(start), dueBy) < 0) start = addDays(start, 1);
  while (compareDates(annualReviewDueBy(start), dueBy) > 0) start = addDays(start, -1);
  return start;
}

export const reviewStepNames = ['meeting', 'notice', 'advice', 'report', 'decision', 'comments', 'finalPlan'] as const;
export type ReviewStepName = (typeof reviewStepNames)[number];

export const reviewStepStates = ['done', 'done_late', 'due', 'overdue', 'not_yet', 'not_applicable', 'open', 'closed'] as const;
export type ReviewStepState = (typeof reviewStepStates)[number];

export const breachKinds = [
  'reviewMissed',
  'transferReviewMissed',
  'noticeShort',
  'adviceLate',
  'reportLate',
  'decisionLate',
  'amendmentsNotWithDecision',
  'finalAfter8Weeks',
  'finalAfter12Weeks',
  'finalAfterTransferDate',
] as const;
export type BreachKey = (typeof breachKinds)[number];

export const reviewStatuses = ['to_arrange', 'arranged', 'awaiting_report', 'awaiting_decision', 'amendments_out', 'awaiting_final', 'done'] as const;
export type ReviewStatusName = (typeof reviewStatuses)[number];

export const reviewStepKeys = {
  meeting: 'reviews.step.meeting',
  notice: 'reviews.step.notice',
  advice: 'reviews.step.advice',
  report: 'reviews.step.report',
  decision: 'reviews.step.decision',
  comments: 'reviews.step.comments',
  finalPlan: 'reviews.step.finalPlan',
} as const satisfies Record<ReviewStepName, `reviews.step.${ReviewStepName}`>;

export const reviewStateKeys = {
  done: 'reviews.state.done',
  done_late: 'reviews.state.done_late',
  due: 'reviews.state.due',
  overdue: 'reviews.state.overdue',
  not_yet: 'reviews.state.not_yet',
  not_applicable: 'reviews.state.not_applicable',
  open: 'reviews.state.open',
  closed: 'reviews.state.closed',
} as const satisfies Record<ReviewStepState, `reviews.state.${ReviewStepState}`>;

export const reviewBreachKeys = {
  reviewMissed: 'reviews.breach.reviewMissed',
  transferReviewMissed: 'reviews.breach.transferReviewMissed',
  noticeShort: 'reviews.breach.noticeShort',
  adviceLate: 'reviews.breach.adviceLate',
  reportLate: 'reviews.breach.reportLate',
  decisionLate: 'reviews.breach.decisionLate',
  amendmentsNotWithDecision: 'reviews.breach.amendmentsNotWithDecision',
  finalAfter8Weeks: 'reviews.breach.finalAfter8Weeks',
  finalAfter12Weeks: 'reviews.breach.finalAfter12Weeks',
  finalAfterTransferDate: 'reviews.breach.finalAfterTransferDate',
} as const satisfies Record<BreachKey, `reviews.breach.${BreachKey}`>;

export const reviewStatusKeys = {
  to_arrange: 'reviews.status.to_arrange',
  arranged: 'reviews.status.arranged',
  awaiting_report: 'reviews.status.awaiting_report',
  awaiting_decision: 'reviews.status.awaiting_decision',
  amendments_out: 'reviews.status.amendments_out',
  awaiting_final: 'reviews.status.awaiting_final',
  done: 'reviews.status.done',
} as const satisfies Record<ReviewStatusName, `reviews.status.${ReviewStatusName}`>;

// ---------------------------------------------------------------------------------------------
// Reading the facts

const isAfter = (a: IsoDate, b: IsoDate) => compareDates(a, b) > 0;
const earliest = (...dates: (IsoDate | null)[]): IsoDate | null =>
  dates.reduce<IsoDate | null>((min, d) => (d === null ? min : min === null || isAfter(min, d) ? d : min), null);
const latest = (a: IsoDate, b: IsoDate): IsoDate => (isAfter(a, b) ? a : b);

/** Checks every date (a bad one throws from `./timescales`) and that the facts fit together. */
function checkFacts(facts: ReviewFacts): void {
  const dates: (keyof ReviewFacts)[] = ['cycleStart', 'meetingDate', 'noticeSentOn', 'adviceCirculatedOn', 'reportReceivedOn', 'decisionOn', 'amendmentsSentOn', 'finalIssuedOn'];
  for (const name of dates) {
    const value = facts[name];
    if (value !== null) compareDates(value as IsoDate, value as IsoDate);
  }
  if (facts.transfer) phaseTransferLastDay(facts.transfer.transferDate, facts.transfer.kind);
  if ((facts.decision === null) !== (facts.decisionOn === null)) {
    throw new RangeError('ReviewFacts: decision and decisionOn must be set together');
  }
  if (facts.decision !== null && !['keep', 'amend', 'cease'].includes(facts.decision)) {
    throw new RangeError(`ReviewFacts: decision must be 'keep', 'amend' or 'cease', got ${JSON.stringify(facts.decision)}`);
  }
  if ((facts.amendmentsSentOn !== null || facts.finalIssuedOn !== null) && facts.decision !== 'amend') {
    throw new RangeError('ReviewFacts: amendments and a final amended plan need a decision to amend');
  }
  if (facts.meetingDate === null && facts.decision !== null) {
    throw new RangeError('ReviewFacts: a decision needs the meeting date');
  }
}

// ---------------------------------------------------------------------------------------------
// Dates

export type ReviewDates = {
  reviewDueBy: IsoDate;
  transferLastDay: IsoDate | null;
  meetingDueBy: IsoDate;
  noticeBy: IsoDate | null;
  adviceBy: IsoDate | null;
  reportBy: IsoDate | null;
  decisionBy: IsoDate | null;
  commentsLastDay: IsoDate | null;
  finalByNotice: IsoDate | null;
  finalByMeeting: IsoDate | null;
  finalBy: IsoDate | null;
};

const TWO_WEEKS = 14;
const TWELVE_WEEKS = 84;

/** Every statutory date of the review that the facts so far determine. See the module comment. */
export function reviewDates(facts: ReviewFacts): ReviewDates {
  checkFacts(facts);
  const reviewDueBy = annualReviewDueBy(facts.cycleStart);
  const transferLastDay = facts.transfer ? phaseTransferLastDay(facts.transfer.transferDate, facts.transfer.kind) : null;
  const meetingDueBy = earliest(reviewDueBy, transferLastDay) as IsoDate;
  const meeting = facts.meetingDate;
  const amending = facts.decision === 'amend';
  const finalByNotice = amending && facts.amendmentsSentOn ? finalAmendedPlanDueBy(facts.amendmentsSentOn) : null;
  const finalByMeeting = amending && meeting ? addDays(meeting, TWELVE_WEEKS) : null;
  return {
    reviewDueBy,
    transferLastDay,
    meetingDueBy,
    noticeBy: meeting ? addDays(meeting, -TWO_WEEKS) : null,
    adviceBy: meeting ? addDays(meeting, -TWO_WEEKS) : null,
    reportBy: meeting ? addDays(meeting, TWO_WEEKS) : null,
    decisionBy: meeting ? reviewDecisionDueBy(meeting) : null,
    commentsLastDay: amending && facts.amendmentsSentOn ? draftCommentsLastDay(facts.amendmentsSentOn) : null,
    finalByNotice,
    finalByMeeting,
    finalBy: amending ? earliest(finalByNotice, finalByMeeting, transferLastDay) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Steps

export type ReviewStep = {
  key: ReviewStepName;
  dueBy: IsoDate | null;
  doneOn: IsoDate | null;
  state: ReviewStepState;
  breaches: BreachKey[];
};

/** A time limit is missed when done after it, or not done and today is after it. */
function missed(limit: IsoDate | null, doneOn: IsoDate | null, today: IsoDate): boolean {
  if (limit === null) return false;
  return isAfter(doneOn ?? today, limit);
}

function councilState(dueBy: IsoDate | null, doneOn: IsoDate | null, today: IsoDate, ready: boolean): ReviewStepState {
  if (doneOn !== null) return dueBy !== null && isAfter(doneOn, dueBy) ? 'done_late' : 'done';
  if (dueBy === null || !ready) return 'not_yet';
  return isAfter(today, dueBy) ? 'overdue' : 'due';
}

const breachesOf = (...checks: [BreachKey, boolean][]): BreachKey[] => checks.filter(([, hit]) => hit).map(([key]) => key);

/** The review's steps, in order, with their dates, states and breaches. See the module comment. */
export function reviewSteps(facts: ReviewFacts, today: IsoDate): ReviewStep[] {
  const dates = reviewDates(facts);
  compareDates(today, today);
  const meeting = facts.meetingDate;
  const held = meeting !== null && !isAfter(meeting, today);

  // Meeting: an arranged date is known now, so a late one is flagged now.
  const meetingHeldOn = held ? meeting : null;
  const meetingOrToday = meeting ?? today;
  const meetingStep: ReviewStep = {
    key: 'meeting',
    dueBy: dates.meetingDueBy,
    doneOn: meetingHeldOn,
    state: councilState(dates.meetingDueBy, meetingHeldOn, today, true),
    breaches: breachesOf(
      ['reviewMissed', isAfter(meetingOrToday, dates.reviewDueBy)],
      ['transferReviewMissed', dates.transferLastDay !== null && isAfter(meetingOrToday, dates.transferLastDay)],
    ),
  };

  const before = (key: 'notice' | 'advice', dueBy: IsoDate | null, doneOn: IsoDate | null, breach: BreachKey): ReviewStep => ({
    key,
    dueBy,
    doneOn,
    state: councilState(dueBy, doneOn, today, true),
    breaches: breachesOf([breach, missed(dueBy, doneOn, today)]),
  });

  const report: ReviewStep = {
    key: 'report',
    dueBy: dates.reportBy,
    doneOn: facts.reportReceivedOn,
    state: councilState(dates.reportBy, facts.reportReceivedOn, today, held),
    breaches: breachesOf(['reportLate', held && missed(dates.reportBy, facts.reportReceivedOn, today)]),
  };

  // Decision: when amending, complete only with the proposed amendments (Devon).
  const amending = facts.decision === 'amend';
  const decisionDoneOn =
    facts.decisionOn === null ? null : amending ? (facts.amendmentsSentOn ? latest(facts.decisionOn, facts.amendmentsSentOn) : null) : facts.decisionOn;
  const withoutAmendments = amending && (facts.amendmentsSentOn === null || isAfter(facts.amendmentsSentOn, facts.decisionOn as IsoDate));
  const decision: ReviewStep = {
    key: 'decision',
    dueBy: dates.decisionBy,
    doneOn: decisionDoneOn,
    state: councilState(dates.decisionBy, decisionDoneOn, today, held),
    breaches: breachesOf(
      ['decisionLate', held && missed(dates.decisionBy, decisionDoneOn, today)],
      ['amendmentsNotWithDecision', withoutAmendments],
    ),
  };

  const settled = facts.decision === 'keep' || facts.decision === 'cease';
  const comments: ReviewStep = {
    key: 'comments',
    dueBy: dates.commentsLastDay,
    doneOn: null,
    state: settled ? 'not_applicable' : dates.commentsLastDay === null ? 'not_yet' : isAfter(today, dates.commentsLastDay) ? 'closed' : 'open',
    breaches: [],
  };

  const finalPlan: ReviewStep = {
    key: 'finalPlan',
    dueBy: dates.finalBy,
    doneOn: facts.finalIssuedOn,
    state: settled ? 'not_applicable' : councilState(dates.finalBy, facts.finalIssuedOn, today, amending),
    breaches: amending
      ? breachesOf(
          ['finalAfter8Weeks', missed(dates.finalByNotice, facts.finalIssuedOn, today)],
          ['finalAfter12Weeks', missed(dates.finalByMeeting, facts.finalIssuedOn, today)],
          ['finalAfterTransferDate', missed(dates.transferLastDay, facts.finalIssuedOn, today)],
        )
      : [],
  };

  return [
    meetingStep,
    before('notice', dates.noticeBy, facts.noticeSentOn, 'noticeShort'),
    before('advice', dates.adviceBy, facts.adviceCirculatedOn, 'adviceLate'),
    report,
    decision,
    comments,
    finalPlan,
  ];
}

// ---------------------------------------------------------------------------------------------
// Where the review stands

export type ReviewStatus = {
  status: ReviewStatusName;
  /** The earliest outstanding council or setting deadline (never the family's window). */
  nextDue: { step: ReviewStepName; dueBy: IsoDate } | null;
  overdueSteps: ReviewStepName[];
};

/** Where the review stands, its next deadline (the one to store for lists) and what is overdue. */
export function reviewStatus(facts: ReviewFacts, today: IsoDate): ReviewStatus {
  const steps = reviewSteps(facts, today);
  const outstanding = steps.filter((s): s is ReviewStep & { dueBy: IsoDate } => (s.state === 'due' || s.state === 'overdue') && s.dueBy !== null);
  // Stable sort: on the same day, the order of the steps.
  const next = [...outstanding].sort((a, b) => compareDates(a.dueBy, b.dueBy))[0];
  return {
    status: statusOf(facts, steps, today),
    nextDue: next ? { step: next.key, dueBy: next.dueBy } : null,
    overdueSteps: steps.filter((s) => s.state === 'overdue').map((s) => s.key),
  };
}

function statusOf(facts: ReviewFacts, steps: readonly ReviewStep[], today: IsoDate): ReviewStatusName {
  if (facts.meetingDate === null) return 'to_arrange';
  if (isAfter(facts.meetingDate, today)) return 'arranged';
  if (facts.decision === null) return facts.reportReceivedOn === null ? 'awaiting_report' : 'awaiting_decision';
  if (facts.decision !== 'amend') return 'done';
  if (facts.finalIssuedOn !== null) return 'done';
  if (facts.amendmentsSentOn === null) return 'awaiting_decision';
  const comments = steps.find((s) => s.key === 'comments');
  return comments?.state === 'open' ? 'amendments_out' : 'awaiting_final';
}

/**
 * The start of the next review's 12 months once this review is complete (a decision to keep the
 * plan, or the final amended plan issued): the date of this review's meeting, however long the
 * review took to complete (ADR 0045). Null while the review is open, and after a decision to
 * cease, when there is no next review unless the decision is overturned.
 */
export function nextCycleStart(facts: ReviewFacts): IsoDate | null {
  checkFacts(facts);
  if (facts.decision === 'keep' || (facts.decision === 'amend' && facts.finalIssuedOn !== null)) return facts.meetingDate;
  return null;
}

// ---------------------------------------------------------------------------------------------
// School years and terms

const yearMonthDay = (date: IsoDate) => {
  compareDates(date, date);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
};

const isoDay = (year: number, month: number, day: number): IsoDate =>
  `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The academic year (1 September-31 August) a date is in, named by the year it starts. */
export function academicYearOf(date: IsoDate): number {
  const { year, month } = yearMonthDay(date);
  return month >= 9 ? year : year - 1;
}

export type TermName = 'autumn' | 'spring' | 'summer';
export const termNameKeys = {
  autumn: 'reviews.term.autumn',
  spring: 'reviews.term.spring',
  summer: 'reviews.term.summer',
} as const satisfies Record<TermName, `reviews.term.${TermName}`>;

export type SchoolTerm = { academicYear: number; name: TermName; start: IsoDate; end: IsoDate };

/**
 * The default terms of an academic year, holidays included so that every day is in a term:
 * autumn 1 September-31 December, spring 1 January to the day before summer, summer from the
 * Monday one week after Easter Monday to 31 August. Councils' real term dates vary (ADR 0045).
 */
export function schoolTerms(academicYearStart: number): [SchoolTerm, SchoolTerm, SchoolTerm] {
  if (!Number.isSafeInteger(academicYearStart)) throw new RangeError(`academicYearStart must be a whole year, got ${academicYearStart}`);
  const next = academicYearStart + 1;
  const summerStart = addDays(easterSunday(next), 1 + 7);
  return [
    { academicYear: academicYearStart, name: 'autumn', start: isoDay(academicYearStart, 9, 1), end: isoDay(academicYearStart, 12, 31) },
    { academicYear: academicYearStart, name: 'spring', start: isoDay(next, 1, 1), end: addDays(summerStart, -1) },
    { academicYear: academicYearStart, name: 'summer', start: summerStart, end: isoDay(next, 8, 31) },
  ];
}

const inTerm = (date: IsoDate, term: SchoolTerm) => !isAfter(term.start, date) && !isAfter(date, term.end);

/** The term a date is in (by the default terms, every day is in one). */
export function termOf(date: IsoDate): SchoolTerm {
  return schoolTerms(academicYearOf(date)).find((term) => inTerm(date, term)) as SchoolTerm;
}

/** CoP 9.172: the last day to tell each setting which reviews fall in a term, two weeks before it starts. */
export function termNoticeDate(term: SchoolTerm): IsoDate {
  return addDays(term.start, -TWO_WEEKS);
}

/** Whether a review falls in a term, by the date its meeting is due by. */
export function reviewFallsInTerm(facts: ReviewFacts, term: SchoolTerm): boolean {
  return inTerm(reviewDates(facts).meetingDueBy, term);
}

/** The reviews that fall in a term, in the order given. */
export function reviewsInTerm<T extends { facts: ReviewFacts }>(reviews: readonly T[], term: SchoolTerm): T[] {
  return reviews.filter((review) => reviewFallsInTerm(review.facts, term));
}

// ---------------------------------------------------------------------------------------------
// Year groups and phase transfers

export type NationalCurriculumYear = 'N' | 'R' | number;

/**
 * England's year group on a date: Reception ('R') is the academic year in which the child turns
 * 5 (a cohort runs 1 September-31 August), Year 1 the year they turn 6, and so on; before
 * Reception, 'N' (nursery and younger). A 29 February birthday turns 5 on 1 March, in the same
 * academic year.
 */
export function nationalCurriculumYear(dateOfBirth: IsoDate, on: IsoDate): NationalCurriculumYear {
  const year = academicYearOf(on) - (academicYearOf(dateOfBirth) + 5);
  if (year < 0) return 'N';
  return year === 0 ? 'R' : year;
}

export type PhaseFrom = 'early_years' | 'infant' | 'primary' | 'secondary';
export type PhaseTo = 'school' | 'junior' | 'secondary' | 'post16';
export type UpcomingTransfer = { kind: PhaseTransferKind; from: PhaseFrom; to: PhaseTo; transferDate: IsoDate; lastDay: IsoDate };

export type TransferOptions = {
  /**
   * The child's school is an infant school, so Year 2 ends with a move to a junior school (a
   * transfer between phases under reg 18, with the 15 February date). Depends on the setting,
   * so off unless the caller knows.
   */
  infantSchool?: boolean;
};

/**
 * The transfer between phases at the end of this academic year, if the child is in its last year
 * of a phase: the year before Reception (early years to school), Year 6 (primary to secondary),
 * Year 11 (secondary to post-16) and, for an infant school, Year 2. Transfers happen on
 * 1 September; lastDay is reg 18's date (`phaseTransferLastDay`). Null otherwise.
 */
export function upcomingTransfer(dateOfBirth: IsoDate, today: IsoDate, options: TransferOptions = {}): UpcomingTransfer | null {
  const year = nationalCurriculumYear(dateOfBirth, today);
  const transferDate = isoDay(academicYearOf(today) + 1, 9, 1);
  const make = (kind: PhaseTransferKind, from: PhaseFrom, to: PhaseTo): UpcomingTransfer => ({
    kind,
    from,
    to,
    transferDate,
    lastDay: phaseTransferLastDay(transferDate, kind),
  });
  if (year === 'N') return nationalCurriculumYear(dateOfBirth, transferDate) === 'R' ? make('phase', 'early_years', 'school') : null;
  if (year === 2 && options.infantSchool) return make('phase', 'infant', 'junior');
  if (year === 6) return make('phase', 'primary', 'secondary');
  if (year === 11) return make('post16', 'secondary', 'post16');
  return null;
}

// ---------------------------------------------------------------------------------------------
// Reminders

/** Working days before a deadline that its owner is reminded. */
export const REMINDER_WORKING_DAYS = 5;

export type ReminderRecipient = 'convenor' | 'council' | 'family';

export type ReviewReminder = {
  /** `step:dueBy`, e.g. `report:2027-03-01`: once each, and again when the date moves. */
  key: string;
  step: ReviewStepName;
  dueBy: IsoDate;
  to: ReminderRecipient;
};

/**
 * Who is reminded of each step: the person arranging the meeting ('convenor': the head teacher
 * or principal when the council asks them to, reg 20(1), otherwise the council), the council for
 * its own decisions, the family for its window to comment.
 */
const REMINDED: Record<ReviewStepName, ReminderRecipient> = {
  meeting: 'convenor',
  notice: 'convenor',
  advice: 'convenor',
  report: 'convenor',
  decision: 'council',
  comments: 'family',
  finalPlan: 'council',
};

/**
 * The reminders due today that are not in `sent`: one for each step still to do, from 5 working
 * days before its date (`workingDaysBetween(today, dueBy) <= 5`) up to and including the date
 * itself; after it the step shows as overdue instead. The meeting is reminded only while it has
 * not been arranged; the family is reminded while its window to comment is open.
 */
export function reviewRemindersDue(facts: ReviewFacts, today: IsoDate, sent: ReadonlySet<string>): ReviewReminder[] {
  return reviewSteps(facts, today).flatMap((step) => {
    const waiting = step.key === 'comments' ? step.state === 'open' : step.state === 'due' && !(step.key === 'meeting' && facts.meetingDate !== null);
    if (!waiting || step.dueBy === null) return [];
    if (isAfter(today, step.dueBy) || workingDaysBetween(today, step.dueBy) > REMINDER_WORKING_DAYS) return [];
    const key = `${step.key}:${step.dueBy}`;
    return sent.has(key) ? [] : [{ key, step: step.key, dueBy: step.dueBy, to: REMINDED[step.key] }];
  });
}
