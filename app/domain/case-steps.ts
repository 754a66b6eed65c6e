/**
 * The family's view of the statutory process: the steps from request to annual reviews and
 * where the case is now, the dates that are the council's to meet and the ones that are the
 * family's own, what the family can do at this stage, and which decisions differ from what they
 * asked for. Pure: no database, clock, React or I/O; `today` comes in with the input.
 *
 * - Steps: request, decision whether to assess, assessment and advice, draft plan, final plan,
 *   annual reviews. An open case has exactly one current step, read from its stage; the steps
 *   before it are done, the ones after it are still to come, or will not happen while a refusal
 *   stands. A closed case (withdrawn, ended) has no current step: a step is done if the history
 *   shows it happened, and the rest did not happen.
 * - The final plan is due 20 weeks from the day the request was received, whatever happens
 *   (`assessmentDeadlines`), so the family sees that date from day one.
 * - The council's dates are the clock's entries for its own time limits; the family's own dates
 *   (the days to comment on the draft plan, the last day to appeal) are listed apart, and once
 *   the days to comment have passed they say whether the family sent comments, never "done on
 *   time" on the family's behalf.
 * - What the family can do now: only what exists at this stage and what the policy lets this
 *   viewer open (`may`, decided by the caller): no link to a plan before one is sent.
 */
import type { ClockEntry, ClockEvent } from './case-clock';
import { assessmentDeadlines, daysBetween, type IsoDate } from './timescales';
import { closedStages, type CaseStage } from './vocabulary';

/** The outcomes a council can record on a decision whether to assess or to issue a plan. */
export type DecisionOutcome = 'agreed' | 'refused' | 'issue' | 'not_issue';

/**
 * Whether a decision differs from what the family asked for. The family always asks for the
 * assessment (and, through it, a plan), so only a refusal differs: only then does the council
 * explain the difference, and only then is an explanation shown to the family.
 */
export function decisionDiffersFromRequest(outcome: unknown): boolean {
  return outcome === 'refused' || outcome === 'not_issue';
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

export const processSteps = ['request', 'decisionToAssess', 'assessment', 'draftPlan', 'finalPlan', 'annualReview'] as const;
export type ProcessStep = (typeof processSteps)[number];

export type StepState = 'done' | 'current' | 'upcoming' | 'notHappening';

export const processStepKeys = {
  request: 'steps.step.request',
  decisionToAssess: 'steps.step.decisionToAssess',
  assessment: 'steps.step.assessment',
  draftPlan: 'steps.step.draftPlan',
  finalPlan: 'steps.step.finalPlan',
  annualReview: 'steps.step.annualReview',
} as const satisfies Record<ProcessStep, `steps.step.${ProcessStep}`>;

export const stepStateKeys = {
  done: 'steps.state.done',
  current: 'steps.state.current',
  upcoming: 'steps.state.upcoming',
  notHappening: 'steps.state.notHappening',
} as const satisfies Record<StepState, `steps.state.${StepState}`>;

/** What a family can do on their case; the route turns each into a link. */
export const familyActions = ['commentOnDraft', 'readDraftPlan', 'readFinalPlan', 'disagree', 'addViews', 'readAdvice', 'readRequest', 'sendMessage'] as const;
export type FamilyAction = (typeof familyActions)[number];

/** The family's own dates: the council does not meet these, the family can use them. */
export type FamilyDate =
  | { kind: 'draftComments'; lastDay: IsoDate; status: 'open'; daysLeft: number; sentOn: IsoDate | null }
  | { kind: 'draftComments'; lastDay: IsoDate; status: 'sent'; sentOn: IsoDate }
  | { kind: 'draftComments'; lastDay: IsoDate; status: 'notSent' }
  | { kind: 'appeal'; lastDay: IsoDate; status: 'open'; daysLeft: number };

export type CaseStepsInput = {
  stage: CaseStage;
  requestReceived: IsoDate;
  today: IsoDate;
  /** The case's events, oldest first (the clock's input). */
  events: readonly ClockEvent[];
  /** The statutory clock worked out from the same events (`statutoryClock`). */
  clock: readonly ClockEntry[];
  /** The first day the family commented on the draft plan, if they have. */
  commentsSentOn: IsoDate | null;
  /** The pages this viewer may open, as the policy decided. */
  may: { messages: boolean; views: boolean; advice: boolean; plan: boolean; request: boolean };
};

export type CaseStep = { step: ProcessStep; state: StepState; dueBy?: IsoDate; doneOn?: IsoDate };

export type CaseSteps = {
  steps: CaseStep[];
  current: ProcessStep | null;
  finalPlanDueBy: IsoDate;
  councilDates: ClockEntry[];
  familyDates: FamilyDate[];
  canDoNow: FamilyAction[];
  /** A council time limit has been missed and not met since. */
  late: boolean;
};

// ---------------------------------------------------------------------------------------------
// Reading the history

type History = {
  assessment: { outcome: string; decidedOn: IsoDate } | null;
  plan: { outcome: string; decidedOn: IsoDate } | null;
  draft: { servedOn: IsoDate; commentsLastDay: IsoDate } | null;
  finalIssuedOn: IsoDate | null;
};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The first event of each kind counts, as on the clock (`./case-clock`). */
function readHistory(events: readonly ClockEvent[]): History {
  const history: History = { assessment: null, plan: null, draft: null, finalIssuedOn: null };
  for (const { kind, details } of events) {
    if (kind === 'assessment_agreed' || kind === 'assessment_refused') history.assessment ??= { outcome: text(details.outcome), decidedOn: text(details.decidedOn) };
    else if (kind === 'plan_agreed' || kind === 'plan_refused') history.plan ??= { outcome: text(details.outcome), decidedOn: text(details.decidedOn) };
    else if (kind === 'draft_plan_issued') history.draft ??= { servedOn: text(details.servedOn), commentsLastDay: text(details.commentsLastDay) };
    else if (kind === 'final_plan_issued') history.finalIssuedOn ??= text(details.issuedOn);
  }
  return history;
}

// ---------------------------------------------------------------------------------------------
// Steps

/** The step an open case is at, by stage. A refusal stays on the step it was made at. */
const CURRENT: Record<CaseStage, ProcessStep | null> = {
  request_received: 'decisionToAssess',
  assessment_refused: 'decisionToAssess',
  advice_gathering: 'assessment',
  plan_refused: 'assessment',
  plan_agreed: 'draftPlan',
  draft_plan_issued: 'draftPlan',
  final_plan_issued: 'annualReview',
  plan_maintained: 'annualReview',
  withdrawn: null,
  ceased: null,
};

const REFUSED: readonly CaseStage[] = ['assessment_refused', 'plan_refused'];

const FAMILY_STEPS: readonly ClockEntry['step'][] = ['draftComments', 'appeal'];

function familyDatesOf(clock: readonly ClockEntry[], history: History, commentsSentOn: IsoDate | null, today: IsoDate): FamilyDate[] {
  const dates: FamilyDate[] = [];
  if (history.draft) {
    const lastDay = history.draft.commentsLastDay;
    const daysLeft = daysBetween(today, lastDay);
    if (daysLeft >= 0) dates.push({ kind: 'draftComments', lastDay, status: 'open', daysLeft, sentOn: commentsSentOn });
    else dates.push(commentsSentOn ? { kind: 'draftComments', lastDay, status: 'sent', sentOn: commentsSentOn } : { kind: 'draftComments', lastDay, status: 'notSent' });
  }
  // The clock shows the appeal only while it is open.
  for (const entry of clock) if (entry.step === 'appeal' && entry.daysLeft !== undefined) dates.push({ kind: 'appeal', lastDay: entry.dueBy, status: 'open', daysLeft: entry.daysLeft });
  return dates;
}

/** The case's steps and dates as the family sees them. See the module comment for the rules. */
export function caseSteps(input: CaseStepsInput): CaseSteps {
  const { stage, requestReceived, today, clock, may } = input;
  const history = readHistory(input.events);
  const deadlines = assessmentDeadlines(requestReceived);
  const closed = closedStages.includes(stage);
  const current = CURRENT[stage];
  const currentIndex = current === null ? -1 : processSteps.indexOf(current);
  const annualReview = clock.find((entry) => entry.step === 'annualReview');

  const dates: Record<ProcessStep, Pick<CaseStep, 'dueBy' | 'doneOn'>> = {
    request: { doneOn: requestReceived },
    decisionToAssess: { dueBy: deadlines.decisionToAssess, doneOn: history.assessment?.decidedOn },
    assessment: { dueBy: deadlines.noticeNotToIssue, doneOn: history.plan?.decidedOn },
    draftPlan: { doneOn: history.draft?.servedOn },
    finalPlan: { dueBy: deadlines.finalPlan, doneOn: history.finalIssuedOn ?? undefined },
    annualReview: { dueBy: annualReview?.dueBy },
  };
  const happened: Record<ProcessStep, boolean> = {
    request: true,
    decisionToAssess: history.assessment !== null,
    assessment: history.plan !== null,
    draftPlan: history.draft !== null,
    finalPlan: history.finalIssuedOn !== null,
    annualReview: false,
  };

  const steps = processSteps.map((step, index): CaseStep => {
    let state: StepState;
    if (closed) state = happened[step] ? 'done' : 'notHappening';
    else if (index < currentIndex) state = 'done';
    else if (index === currentIndex) state = 'current';
    else state = REFUSED.includes(stage) ? 'notHappening' : 'upcoming';
    const { dueBy, doneOn } = dates[step];
    return { step, state, ...(dueBy ? { dueBy } : {}), ...(doneOn && (state === 'done' || state === 'current') ? { doneOn } : {}) };
  });

  const familyDates = familyDatesOf(clock, history, input.commentsSentOn, today);
  const councilDates = clock.filter((entry) => !FAMILY_STEPS.includes(entry.step));

  const commentsOpen = familyDates.some((d) => d.kind === 'draftComments' && d.status === 'open');
  const canDoNow: FamilyAction[] = closed
    ? []
    : familyActions.filter((action) => {
        switch (action) {
          case 'commentOnDraft':
            return may.plan && stage === 'draft_plan_issued' && commentsOpen;
          case 'readDraftPlan':
            return may.plan && stage === 'draft_plan_issued' && !commentsOpen;
          case 'readFinalPlan':
            return may.plan && (stage === 'final_plan_issued' || stage === 'plan_maintained');
          case 'disagree':
            return familyDates.some((d) => d.kind === 'appeal');
          case 'addViews':
            return may.views && (stage === 'request_received' || stage === 'advice_gathering');
          case 'readAdvice':
            return may.advice && history.assessment !== null && stage !== 'assessment_refused';
          case 'readRequest':
            return may.request;
          case 'sendMessage':
            return may.messages;
        }
      });

  return {
    steps,
    current,
    finalPlanDueBy: deadlines.finalPlan,
    councilDates,
    familyDates,
    canDoNow,
    late: councilDates.some((entry) => entry.status === 'missed'),
  };
}

/**
 * What the family is told about the days to comment on a draft plan, by today against the last
 * day: the window is open (with its last day), or it has closed. Null without a draft plan.
 */
export function draftCommentWindow(familyDates: readonly FamilyDate[]): { key: 'steps.draft.open'; lastDay: IsoDate } | { key: 'steps.draft.closed'; lastDay: IsoDate } | null {
  const draft = familyDates.find((d) => d.kind === 'draftComments');
  if (!draft) return null;
  return draft.status === 'open' ? { key: 'steps.draft.open', lastDay: draft.lastDay } : { key: 'steps.draft.closed', lastDay: draft.lastDay };
}

