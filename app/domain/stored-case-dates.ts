/**
 * The statutory dates a case keeps in its own row, so that lists and reports over a whole council
 * can be ordered, filtered and counted by index instead of running every case's clock (issue 17,
 * ADR 0056). Pure: derived from the same `statutoryClock` the family sees, and held to it by a
 * property test over random histories.
 *
 * - `nextDueOn` / `nextDueStep`: the clock's next date as of `today` (`nextStatutoryDate`).
 * - `recheckOn`: the first day on which the clock could give another next date with no new event
 *   (a family's window closes the day after its last day; an exception recorded for a later day
 *   starts to count). Null: only a new event can change it. The daily refresh recomputes the cases
 *   whose day has come.
 * - `steps`: the council's own time limits the clock holds for the case, each with the day it was
 *   done and the day the earliest legal exception for it was recorded. Which of these exist does
 *   not depend on the day (the windows are not among them), so their status on any day is
 *   `stepStatusOn`, in SQL as well as here.
 * - `decisions`: every decision whether to assess and whether to issue a plan on record, with its
 *   outcome and day, as reports count them (ADR 0057): a refusal later reversed and the decision
 *   made after it are both decisions made.
 */
import { councilSteps, nextStatutoryDate, statutoryClock, type ClockInput, type ClockStatus, type ClockStep } from './case-clock';
import { addDays, compareDates, isValidIsoDate, type IsoDate } from './timescales';

export type CouncilStep = (typeof councilSteps)[number];

export type StoredStep = { step: CouncilStep; dueOn: IsoDate; completedOn: IsoDate | null; exceptionOn: IsoDate | null };

export type StoredDecision = { decision: 'assess' | 'issue'; refused: boolean; decidedOn: IsoDate };

export type StoredCaseDates = {
  nextDueOn: IsoDate | null;
  nextDueStep: ClockStep | null;
  recheckOn: IsoDate | null;
  steps: StoredStep[];
  decisions: StoredDecision[];
};

const DECISIONS: Record<string, Omit<StoredDecision, 'decidedOn'>> = {
  assessment_agreed: { decision: 'assess', refused: false },
  assessment_refused: { decision: 'assess', refused: true },
  plan_agreed: { decision: 'issue', refused: false },
  plan_refused: { decision: 'issue', refused: true },
};

function decisionsOf(events: ClockInput['events']): StoredDecision[] {
  return events.flatMap((e) => {
    const made = DECISIONS[e.kind];
    const decidedOn = e.details?.decidedOn;
    return made && isValidIsoDate(decidedOn) ? [{ ...made, decidedOn }] : [];
  });
}

/** The family's windows: they leave the clock once they have passed. */
const WINDOWS: readonly ClockStep[] = ['appeal', 'draftComments'];

const earliest = (dates: readonly IsoDate[]): IsoDate | null => dates.reduce<IsoDate | null>((min, d) => (min === null || compareDates(d, min) < 0 ? d : min), null);

export function storedCaseDates(input: ClockInput): StoredCaseDates {
  const clock = statutoryClock(input);
  const next = nextStatutoryDate(clock);
  const exceptionOn = (step: ClockStep) => earliest(input.exceptions.filter((x) => x.step === step).map((x) => x.recordedOn));
  const recheckOn = earliest([
    ...clock.filter((e) => WINDOWS.includes(e.step) && e.status === 'due').map((e) => addDays(e.dueBy, 1)),
    ...input.exceptions.filter((x) => compareDates(x.recordedOn, input.today) > 0).map((x) => x.recordedOn),
  ]);
  const steps = clock
    .filter((e): e is typeof e & { step: CouncilStep } => (councilSteps as readonly ClockStep[]).includes(e.step))
    .map((e) => ({ step: e.step, dueOn: e.dueBy, completedOn: e.completedOn ?? null, exceptionOn: exceptionOn(e.step) }));
  return { nextDueOn: next?.dueBy ?? null, nextDueStep: next?.step ?? null, recheckOn, steps, decisions: decisionsOf(input.events) };
}

/** A stored step's status on `today`, as the clock would give it (its SQL twin is `stepStatusSql`). */
export function stepStatusOn(step: StoredStep, today: IsoDate): ClockStatus {
  if (step.completedOn !== null) return compareDates(step.completedOn, step.dueOn) <= 0 ? 'met' : 'met_late';
  if (step.exceptionOn !== null && compareDates(step.exceptionOn, today) <= 0) return 'exception';
  return compareDates(step.dueOn, today) >= 0 ? 'due' : 'missed';
}
