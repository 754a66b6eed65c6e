/**
 * The statutory clock of one case: each time limit that applies so far, its date, and whether it
 * was met, is due, was missed or does not apply because of a legal exception. It answers the
 * family's "where are we and what happens next?" and flags the caseworker's missed dates.
 * Pure: no database, clock or I/O; `today` comes in with the input. Dates follow
 * `./timescales` (ISO calendar dates; "within N weeks" is never moved for weekends).
 *
 * Reading the history
 * - The services build the input from a case and its stored events with `clockInputOf`
 *   (`./case-events`), which reads each row through its kind's shape and takes the exceptions
 *   from the `exception_recorded` events.
 * - `events` are the case's events, oldest first, as `applyCommand` (`./case-workflow`) writes
 *   them; the clock reads only the dates those events carry, and uses `stage` only to know
 *   whether the case is closed. Kinds it has no use for (notes, `plan_in_place`,
 *   `request_withdrawn`, anything unknown) are ignored.
 * - The first event of each kind counts; `refusal_reversed` undoes the latest refusal not yet
 *   undone (of the plan if there is one, else of the assessment).
 * - A known event without a real date where the clock needs one is a bug in the data, not a
 *   user error, and throws a `RangeError`, as do a bad `stage`, `requestReceived`, `today` or
 *   exception. `today` before the request is allowed (nothing can be missed yet).
 *
 * The steps (dueBy is the last day on which the step is in time)
 * - decisionToAssess: request + 6 weeks (`assessmentDeadlines`). Done on the `decidedOn` of
 *   `assessment_agreed` or `assessment_refused`.
 * - After an assessment refusal that has not been reversed: an `appeal` entry, dueBy = the
 *   event's `appealDeadline`, 'due' while today <= dueBy and left out after it (the family's
 *   window has closed; that is not the LA's miss). No 16- or 20-week entries.
 * - Once the assessment is agreed (or a refusal of it reversed):
 *   - noticeNotToIssue: request + 16 weeks, shown while there is no plan decision (week 16 is
 *     the last day to decide either way) and after `plan_refused`, which completes it on its
 *     `decidedOn`. Left out once the decision was `plan_agreed`: no notice is needed.
 *     A reversed plan refusal still completed it: the notice was given.
 *   - After a plan refusal not reversed: an `appeal` entry as above, and no finalPlan.
 *   - finalPlan: request + 20 weeks, done on the `final_plan_issued` event's `issuedOn` (shown
 *     too whenever a final plan was issued, whatever else the history says).
 * - draftComments: once a `draft_plan_issued` event exists, dueBy = its `commentsLastDay`.
 *   'due' until that day has passed, then 'met': it is the family's window, never 'missed'.
 * - annualReview: once a `final_plan_issued` event exists, dueBy = `annualReviewDueBy(issuedOn)`;
 *   'due' or 'missed' (reviews, which complete it, are not events yet).
 *
 * Statuses of the LA's steps (decisionToAssess, noticeNotToIssue, finalPlan, annualReview)
 * - Done: 'met' if completedOn <= dueBy, otherwise 'met_late'.
 * - Not done, with an exception recorded for the step: 'exception', with `exception` set, never
 *   'missed'. The SEND Regulations 2014 exceptions disapply a time limit; they do not move it,
 *   so dueBy stays. An exception recorded after `today` is not known yet and is ignored; with
 *   several, the earliest recorded is shown. An exception never changes a step already done,
 *   nor the family's windows (draftComments, appeal).
 * - Not done, no exception: 'missed' when today is after dueBy, otherwise 'due'.
 * - `daysLeft` (calendar days from today to dueBy; 0 = due today) is set exactly when 'due'.
 *
 * Closed cases: at stage `withdrawn` or `ceased` the clock has stopped. The entries done so far
 * ('met', 'met_late') are kept; nothing is 'due', 'missed' or 'exception'.
 *
 * Order: by dueBy; on the same day: decisionToAssess, noticeNotToIssue, appeal, draftComments,
 * finalPlan, annualReview.
 *
 * Words: `clockStepKeys`, `clockStatusKeys` and `exceptionKindKeys` give the translation key of
 * every step, status and exception kind, written out as literals so the translation test finds
 * them.
 */
import type { CaseStage } from './vocabulary';
import { stageSummaryKeys, type StatutoryStep, type WorkflowEventKind } from './case-workflow';
import {
  annualReviewDueBy,
  assessmentDeadlines,
  compareDates,
  daysBetween,
  isValidIsoDate,
  type IsoDate,
} from './timescales';

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const clockSteps = [
  'decisionToAssess',
  'noticeNotToIssue',
  'finalPlan',
  'draftComments',
  'appeal',
  'annualReview',
] as const;
export type ClockStep = (typeof clockSteps)[number];

export const clockStatuses = ['met', 'met_late', 'due', 'missed', 'exception'] as const;
export type ClockStatus = (typeof clockStatuses)[number];

/** Every statutory step a legal exception or an apology can name (the appeal is the family's, not a step). */
export const statutorySteps: readonly StatutoryStep[] = [
  'decisionToAssess',
  'noticeNotToIssue',
  'finalPlan',
  'draftComments',
  'annualReview',
];

/** The legal exceptions (SEND Regulations 2014) that disapply a time limit. */
export const exceptionKinds = [
  'family_asked_pause',
  'missed_appointment',
  'school_closed',
  'exceptional_personal_circumstances',
  'family_away',
] as const;
export type ExceptionKind = (typeof exceptionKinds)[number];

// The words for the clock live apart, so a page showing them does not load the clock (and the bank holidays) into the browser.
import { clockStatusKeys, clockStepKeys, exceptionKindKeys } from './clock-labels';
export { clockStatusKeys, clockStepKeys, exceptionKindKeys };
clockStepKeys satisfies Record<ClockStep, `clock.step.${ClockStep}`>;
clockStatusKeys satisfies Record<ClockStatus, `clock.status.${ClockStatus}`>;
exceptionKindKeys satisfies Record<ExceptionKind, `clock.exception.${ExceptionKind}`>;

export type ClockEntry = {
  step: ClockStep;
  dueBy: IsoDate;
  status: ClockStatus;
  /** The day the LA did it; only on 'met' and 'met_late' of the LA's steps. */
  completedOn?: IsoDate;
  /** Calendar days from today to dueBy, only when 'due' (0 = due today). */
  daysLeft?: number;
  /** Only when 'exception'. */
  exception?: ExceptionKind;
};

export type ClockEvent = { kind: WorkflowEventKind | string; details: Record<string, unknown> };

export type ClockException = { step: StatutoryStep; kind: ExceptionKind; recordedOn: IsoDate };

export type ClockInput = {
  stage: CaseStage;
  requestReceived: IsoDate;
  today: IsoDate;
  /** Oldest first; unknown kinds are ignored. */
  events: readonly ClockEvent[];
  exceptions: readonly ClockException[];
};

// ---------------------------------------------------------------------------------------------
// Checks

const STAGES = Object.keys(stageSummaryKeys) as CaseStage[];
const CLOSED: readonly CaseStage[] = ['withdrawn', 'ceased'];

function requireDate(value: unknown, name: string): IsoDate {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`${name} must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

function requireOneOf<T extends string>(value: unknown, allowed: readonly T[], name: string): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new RangeError(`${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`);
  }
  return value as T;
}

function eventDate(event: ClockEvent, index: number, detail: string): IsoDate {
  return requireDate(event.details?.[detail], `events[${index}] (${event.kind}) details.${detail}`);
}

// ---------------------------------------------------------------------------------------------
// Reading the history

type Decision = { outcome: 'agreed' | 'refused'; decidedOn: IsoDate; appealDeadline?: IsoDate; reversed: boolean };

type History = {
  assessment: Decision | null;
  plan: Decision | null;
  commentsLastDay: IsoDate | null;
  finalIssuedOn: IsoDate | null;
};

function decision(event: ClockEvent, index: number, outcome: Decision['outcome']): Decision {
  const decidedOn = eventDate(event, index, 'decidedOn');
  return outcome === 'refused'
    ? { outcome, decidedOn, appealDeadline: eventDate(event, index, 'appealDeadline'), reversed: false }
    : { outcome, decidedOn, reversed: false };
}

const isLiveRefusal = (d: Decision | null): d is Decision => d !== null && d.outcome === 'refused' && !d.reversed;

function readHistory(events: readonly ClockEvent[]): History {
  const history: History = { assessment: null, plan: null, commentsLastDay: null, finalIssuedOn: null };
  events.forEach((event, index) => {
    switch (event?.kind) {
      case 'assessment_agreed':
      case 'assessment_refused':
        history.assessment ??= decision(event, index, event.kind === 'assessment_agreed' ? 'agreed' : 'refused');
        break;
      case 'plan_agreed':
      case 'plan_refused':
        history.plan ??= decision(event, index, event.kind === 'plan_agreed' ? 'agreed' : 'refused');
        break;
      case 'draft_plan_issued':
        history.commentsLastDay ??= eventDate(event, index, 'commentsLastDay');
        break;
      case 'final_plan_issued':
        history.finalIssuedOn ??= eventDate(event, index, 'issuedOn');
        break;
      case 'refusal_reversed': {
        // Copies, so that the input is never changed.
        if (isLiveRefusal(history.plan)) history.plan = { ...history.plan, reversed: true };
        else if (isLiveRefusal(history.assessment)) history.assessment = { ...history.assessment, reversed: true };
        break;
      }
      default:
        break;
    }
  });
  return history;
}

// ---------------------------------------------------------------------------------------------
// Statuses

function dueOrMissed(step: ClockStep, dueBy: IsoDate, today: IsoDate): ClockEntry {
  const daysLeft = daysBetween(today, dueBy);
  return daysLeft >= 0 ? { step, dueBy, status: 'due', daysLeft } : { step, dueBy, status: 'missed' };
}

/** One of the LA's own time limits: done on `completedOn`, or still open. */
function laStep(
  step: StatutoryStep,
  dueBy: IsoDate,
  completedOn: IsoDate | null,
  today: IsoDate,
  exceptionFor: (step: StatutoryStep) => ExceptionKind | undefined,
): ClockEntry {
  if (completedOn !== null) {
    return { step, dueBy, status: compareDates(completedOn, dueBy) <= 0 ? 'met' : 'met_late', completedOn };
  }
  const exception = exceptionFor(step);
  if (exception !== undefined) return { step, dueBy, status: 'exception', exception };
  return dueOrMissed(step, dueBy, today);
}

/** The family's appeal window: shown only while it is open. */
function appeal(refusal: Decision, today: IsoDate): ClockEntry[] {
  const dueBy = refusal.appealDeadline as IsoDate;
  const daysLeft = daysBetween(today, dueBy);
  return daysLeft >= 0 ? [{ step: 'appeal', dueBy, status: 'due', daysLeft }] : [];
}

/** The family's days to comment on the draft: due, then met once they have passed. */
function draftComments(dueBy: IsoDate, today: IsoDate): ClockEntry {
  const daysLeft = daysBetween(today, dueBy);
  return daysLeft >= 0 ? { step: 'draftComments', dueBy, status: 'due', daysLeft } : { step: 'draftComments', dueBy, status: 'met' };
}

// ---------------------------------------------------------------------------------------------
// The clock

/** Every statutory date of the case so far, in order of dueBy. See the module comment for the rules. */
export function statutoryClock(input: ClockInput): ClockEntry[] {
  const stage = requireOneOf(input?.stage, STAGES, 'stage');
  const requestReceived = requireDate(input.requestReceived, 'requestReceived');
  const today = requireDate(input.today, 'today');

  const known = (input.exceptions ?? []).filter((exception, index) => {
    requireOneOf(exception?.step, statutorySteps, `exceptions[${index}].step`);
    requireOneOf(exception.kind, exceptionKinds, `exceptions[${index}].kind`);
    const recordedOn = requireDate(exception.recordedOn, `exceptions[${index}].recordedOn`);
    return compareDates(recordedOn, today) <= 0;
  });
  const exceptionFor = (step: StatutoryStep): ExceptionKind | undefined =>
    known
      .filter((exception) => exception.step === step)
      .reduce<ClockException | undefined>(
        (earliest, exception) =>
          earliest === undefined || compareDates(exception.recordedOn, earliest.recordedOn) < 0 ? exception : earliest,
        undefined,
      )?.kind;

  const deadlines = assessmentDeadlines(requestReceived);
  const { assessment, plan, commentsLastDay, finalIssuedOn } = readHistory(input.events ?? []);
  const entries: ClockEntry[] = [];

  entries.push(laStep('decisionToAssess', deadlines.decisionToAssess, assessment?.decidedOn ?? null, today, exceptionFor));

  if (isLiveRefusal(assessment)) {
    entries.push(...appeal(assessment, today));
  } else if (assessment !== null) {
    if (plan === null || plan.outcome === 'refused') {
      entries.push(laStep('noticeNotToIssue', deadlines.noticeNotToIssue, plan?.decidedOn ?? null, today, exceptionFor));
    }
    if (isLiveRefusal(plan)) entries.push(...appeal(plan, today));
  }

  if (commentsLastDay !== null) entries.push(draftComments(commentsLastDay, today));

  const assessing = assessment !== null && !isLiveRefusal(assessment);
  if ((assessing && !isLiveRefusal(plan)) || finalIssuedOn !== null) {
    entries.push(laStep('finalPlan', deadlines.finalPlan, finalIssuedOn, today, exceptionFor));
  }

  if (finalIssuedOn !== null) {
    entries.push(laStep('annualReview', annualReviewDueBy(finalIssuedOn), null, today, exceptionFor));
  }

  // Array.prototype.sort is stable, so entries on the same day keep the order they were added in.
  const sorted = entries.sort((a, b) => compareDates(a.dueBy, b.dueBy));
  return CLOSED.includes(stage) ? sorted.filter((entry) => entry.status === 'met' || entry.status === 'met_late') : sorted;
}

/** The entries whose time limit was missed, to flag the case. */
export function missedSteps(entries: readonly ClockEntry[]): ClockEntry[] {
  return entries.filter((entry) => entry.status === 'missed');
}

/** The council's own time limits: the ones an apology or a legal exception can be about. */
export const councilSteps = ['decisionToAssess', 'noticeNotToIssue', 'finalPlan', 'annualReview'] as const satisfies readonly StatutoryStep[];

/**
 * The date the case is working towards: the earliest step still open ('due', or 'missed' and
 * still not done), or null when nothing is. The caseload shows and sorts by it, by the
 * date stored on the case (app/domain/stored-case-dates.ts), held to it by a property test.
 */
export function nextStatutoryDate(entries: readonly ClockEntry[]): ClockEntry | null {
  return entries.find((entry) => entry.status === 'due' || entry.status === 'missed') ?? null;
}
