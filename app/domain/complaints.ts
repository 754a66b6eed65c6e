/**
 * Complaints about a case (issue 16, item 4; ADR 0050): the council's two-stage procedure, its
 * response times in working days, what may happen next, whether a response was late, and the
 * counts the scrutiny report shows. Pure: no database, clock or I/O.
 *
 * Dates
 * - A complaint's clock starts on the first working day on or after the day it arrived (one sent
 *   on a Saturday starts on Monday), and each period ends on the N-th working day after that
 *   (timescales.ts: weekends and England & Wales bank holidays are not counted).
 * - Stage 1: acknowledged within `acknowledgeDays`, answered within `stage1Days` of receipt.
 *   Stage 2: answered within `stage2Days` of the escalation (acknowledged within
 *   `acknowledgeDays` of it too).
 * - The family may escalate up to `ESCALATION_WORKING_DAYS` working days after the stage 1
 *   response; after that the complaint counts as closed at stage 1.
 * - A response is late when it was sent after its due date, or, not yet sent, when today is
 *   after the due date.
 */
import { compareDates, type IsoDate } from './timescales';
import { isLate, lastDayToEscalate, type ComplaintTimes } from './complaint-dates';

// The dates live apart (./complaint-dates.ts), so the scrutiny report counts lateness by the same
// rule without loading the complaints pages' words below.
export * from './complaint-dates';

/** How a complaint reached the council: the family's own form, or staff recording one they received. */
export const complaintChannels = ['portal', 'phone', 'letter', 'email'] as const;
export type ComplaintChannel = (typeof complaintChannels)[number];

/** The channels staff record for the family (the portal records its own). */
export const staffRecordedChannels = ['phone', 'letter', 'email'] as const satisfies readonly ComplaintChannel[];

export const complaintStatuses = ['received', 'acknowledged', 'responded', 'escalated', 'closed'] as const;
export type ComplaintStatus = (typeof complaintStatuses)[number];

export type ComplaintStage = 1 | 2;

export const complaintOutcomes = ['upheld', 'partly_upheld', 'not_upheld'] as const;
export type ComplaintOutcome = (typeof complaintOutcomes)[number];


/** The defaults a council starts with: a common English council policy (10 and 20 working days). */
export const DEFAULT_COMPLAINT_TIMES: ComplaintTimes = { acknowledgeDays: 3, stage1Days: 10, stage2Days: 20 };

/** Limits on a council's own times: a working day at least, and no more than about three months. */
export const COMPLAINT_DAYS_MIN = 1;
export const COMPLAINT_DAYS_MAX = 65;


/** Why a council's times are refused, as translation keys, by field. */
export type ComplaintTimesErrors = Partial<Record<keyof ComplaintTimes, string>>;

// Written out so every key is findable (the translation test searches for literals).
const timesErrorKeys = {
  acknowledgeDays: { whole: 'errors.complaintTimes.acknowledgeDaysWhole', range: 'errors.complaintTimes.acknowledgeDaysRange' },
  stage1Days: { whole: 'errors.complaintTimes.stage1DaysWhole', range: 'errors.complaintTimes.stage1DaysRange' },
  stage2Days: { whole: 'errors.complaintTimes.stage2DaysWhole', range: 'errors.complaintTimes.stage2DaysRange' },
} as const;

/**
 * Checks a council's times: whole numbers within the limits, an acknowledgement sooner than the
 * stage 1 response (otherwise it acknowledges nothing), and stage 2 no shorter than stage 1 (a
 * review takes at least as long as the first look).
 */
export function complaintTimesErrors(times: Record<keyof ComplaintTimes, number | null>): ComplaintTimesErrors {
  const errors: ComplaintTimesErrors = {};
  for (const field of ['acknowledgeDays', 'stage1Days', 'stage2Days'] as const) {
    const value = times[field];
    if (value === null || !Number.isInteger(value)) errors[field] = timesErrorKeys[field].whole;
    else if (value < COMPLAINT_DAYS_MIN || value > COMPLAINT_DAYS_MAX) errors[field] = timesErrorKeys[field].range;
  }
  const { acknowledgeDays, stage1Days, stage2Days } = times;
  if (!errors.acknowledgeDays && !errors.stage1Days && acknowledgeDays !== null && stage1Days !== null && acknowledgeDays >= stage1Days) errors.acknowledgeDays = 'errors.complaintTimes.acknowledgeDaysTooLong';
  if (!errors.stage1Days && !errors.stage2Days && stage1Days !== null && stage2Days !== null && stage2Days < stage1Days) errors.stage2Days = 'errors.complaintTimes.stage2DaysTooShort';
  return errors;
}


// ---------------------------------------------------------------------------------------------
// The procedure as a state machine

/** What a complaint holds that decides what may happen next. */
export type ComplaintState = { status: ComplaintStatus; stage: ComplaintStage; stage1RespondedOn: IsoDate | null };

export type ComplaintCommand = 'acknowledge' | 'respond' | 'escalate' | 'close';

export type TransitionRefusal = 'errors.complaints.notNow' | 'errors.complaints.escalationClosed';

/**
 * Whether `command` may happen now, and the state after it.
 * - acknowledge: a complaint received (stage 1) or just escalated (stage 2);
 * - respond: any complaint waiting for the council's answer at its stage (acknowledged or not);
 *   the stage 2 response ends the council's process (closed);
 * - escalate: after the stage 1 response, up to the last day to escalate;
 * - close: a stage 1 response the family has not taken further.
 */
export function transition(state: ComplaintState, command: ComplaintCommand, today: IsoDate): { ok: true; next: ComplaintState } | { ok: false; error: TransitionRefusal } {
  const refused = { ok: false as const, error: 'errors.complaints.notNow' as const };
  switch (command) {
    case 'acknowledge':
      if (state.status === 'received' || state.status === 'escalated') return { ok: true, next: { ...state, status: 'acknowledged' } };
      return refused;
    case 'respond':
      if (state.status !== 'received' && state.status !== 'acknowledged' && state.status !== 'escalated') return refused;
      return { ok: true, next: { ...state, status: state.stage === 2 ? 'closed' : 'responded', stage1RespondedOn: state.stage === 1 ? today : state.stage1RespondedOn } };
    case 'escalate':
      if (state.status !== 'responded' || state.stage !== 1 || !state.stage1RespondedOn) return refused;
      if (compareDates(today, lastDayToEscalate(state.stage1RespondedOn)) > 0) return { ok: false, error: 'errors.complaints.escalationClosed' };
      return { ok: true, next: { ...state, status: 'escalated', stage: 2 } };
    case 'close':
      if (state.status === 'responded' && state.stage === 1) return { ok: true, next: { ...state, status: 'closed' } };
      return refused;
  }
}

/** Whether a complaint waits for the council: not yet answered at its stage. */
export function awaitsCouncil(status: ComplaintStatus): boolean {
  return status === 'received' || status === 'acknowledged' || status === 'escalated';
}

/** Whether the family may still escalate today. */
export function mayEscalate(state: ComplaintState, today: IsoDate): boolean {
  return transition(state, 'escalate', today).ok;
}

// ---------------------------------------------------------------------------------------------
// Figures for the scrutiny report

/** One complaint, as the report reads it (stored dates). */
export type ComplaintFacts = {
  status: ComplaintStatus;
  receivedOn: IsoDate;
  stage1DueBy: IsoDate;
  stage1RespondedOn: IsoDate | null;
  stage1Outcome: ComplaintOutcome | null;
  escalatedOn: IsoDate | null;
  stage2DueBy: IsoDate | null;
  stage2RespondedOn: IsoDate | null;
  stage2Outcome: ComplaintOutcome | null;
};

/** A period of days, both ends included. */
export type Period = { from: IsoDate; to: IsoDate };

export type StageFigures = {
  /** Complaints that reached this stage in the period (received, or escalated). */
  received: number;
  /** Responses sent in the period: by their due date, after it. */
  respondedOnTime: number;
  respondedLate: number;
  /** Responses sent in the period, by outcome. */
  outcomes: Record<ComplaintOutcome, number>;
  /** Waiting today for a response that is already past its due date. */
  outstandingLate: number;
};

export type ComplaintFigures = { stage1: StageFigures; stage2: StageFigures };

function within(date: IsoDate | null, period: Period): boolean {
  return date !== null && compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0;
}

function emptyStage(): StageFigures {
  return { received: 0, respondedOnTime: 0, respondedLate: 0, outcomes: { upheld: 0, partly_upheld: 0, not_upheld: 0 }, outstandingLate: 0 };
}

/**
 * The report's counts over a council's complaints: received and answered in `period` (on time or
 * late, by outcome) at each stage, and those overdue `today`. The SQL in
 * app/features/complaints/complaint-figures.server.ts computes the same; its tests compare the two.
 */
export function complaintFigures(complaints: readonly ComplaintFacts[], period: Period, today: IsoDate): ComplaintFigures {
  const figures: ComplaintFigures = { stage1: emptyStage(), stage2: emptyStage() };
  for (const c of complaints) {
    const stages = [
      { figures: figures.stage1, reachedOn: c.receivedOn, dueBy: c.stage1DueBy, respondedOn: c.stage1RespondedOn, outcome: c.stage1Outcome, waiting: c.stage1RespondedOn === null && c.status !== 'closed' },
      { figures: figures.stage2, reachedOn: c.escalatedOn, dueBy: c.stage2DueBy, respondedOn: c.stage2RespondedOn, outcome: c.stage2Outcome, waiting: c.escalatedOn !== null && c.stage2RespondedOn === null && c.status !== 'closed' },
    ];
    for (const s of stages) {
      if (within(s.reachedOn, period)) s.figures.received += 1;
      if (s.dueBy && s.respondedOn && within(s.respondedOn, period)) {
        if (isLate(s.dueBy, s.respondedOn, today)) s.figures.respondedLate += 1;
        else s.figures.respondedOnTime += 1;
        if (s.outcome) s.figures.outcomes[s.outcome] += 1;
      }
      if (s.waiting && s.dueBy && isLate(s.dueBy, null, today)) s.figures.outstandingLate += 1;
    }
  }
  return figures;
}
