/**
 * The case workflow: which stage a case can move to, by which command, recorded by whom, with
 * what. Pure: no database, clock, React or I/O; `today` comes in with the context. Why it reads
 * as it does: docs/decisions/0006-case-workflow-state-machine.md.
 *
 *   request_received --decide_to_assess(agreed)--> advice_gathering
 *   request_received --decide_to_assess(refused)--> assessment_refused
 *   advice_gathering --decide_to_issue(issue)--> plan_agreed
 *   advice_gathering --decide_to_issue(not_issue)--> plan_refused
 *   assessment_refused --reverse_refusal--> advice_gathering
 *   plan_refused --reverse_refusal--> plan_agreed
 *   plan_agreed --issue_draft_plan--> draft_plan_issued
 *   draft_plan_issued --issue_final_plan--> final_plan_issued
 *   final_plan_issued --plan_in_place--> plan_maintained
 *   any open stage --withdraw--> withdrawn
 *   any open stage --cease--> ceased
 *
 * `withdrawn` and `ceased` are terminal; every other stage is open.
 *
 * `applyCommand` checks, in this order, and returns the first problem:
 * 1. the command type is one we know (`unknownCommand`);
 * 2. who: the actor's role may make this command at all (`notAllowedForRole`);
 * 3. where: the command leads somewhere from this stage (`illegalTransition`);
 * 4. what: the fields, in the order a form shows them (`field` names the form field).
 * Commands arrive from forms, so every field is checked at run time whatever its static type.
 * A context that is itself wrong (an unknown stage, a date that is not a real date) is a bug in
 * the caller, not a user error, and throws a `RangeError`, as `./timescales` does.
 */
import type { CaseStage, Role } from './vocabulary';
import {
  annualReviewDueBy,
  appealDeadline,
  assessmentDeadlines,
  compareDates,
  draftCommentsLastDay,
  isValidIsoDate,
  type AssessmentDeadlines,
  type IsoDate,
} from './timescales';

// ---------------------------------------------------------------------------------------------
// Vocabulary

/** Translation keys of every error `applyCommand` can return, written out so the translation test finds them. */
export const workflowErrorKeys = [
  'errors.workflow.unknownCommand',
  'errors.workflow.notAllowedForRole',
  'errors.workflow.illegalTransition',
  'errors.workflow.outcomeRequired',
  'errors.workflow.orderedByRequired',
  'errors.workflow.reasonsRequired',
  'errors.workflow.reasonsTooShort',
  'errors.workflow.reasonsTooLong',
  'errors.workflow.dateRequired',
  'errors.workflow.invalidDate',
  'errors.workflow.dateInFuture',
  'errors.workflow.dateBeforeRequest',
  'errors.workflow.dateBeforeDraft',
  'errors.workflow.noDraftPlan',
  'errors.workflow.noFinalPlan',
  'errors.workflow.noPlanToEnd',
] as const;
export type WorkflowError = (typeof workflowErrorKeys)[number];

/** Translation keys of the family's "where we are" summary for each stage. */
export const stageSummaryKeys = {
  request_received: 'workflow.summary.request_received',
  assessment_refused: 'workflow.summary.assessment_refused',
  advice_gathering: 'workflow.summary.advice_gathering',
  plan_refused: 'workflow.summary.plan_refused',
  plan_agreed: 'workflow.summary.plan_agreed',
  draft_plan_issued: 'workflow.summary.draft_plan_issued',
  final_plan_issued: 'workflow.summary.final_plan_issued',
  plan_maintained: 'workflow.summary.plan_maintained',
  withdrawn: 'workflow.summary.withdrawn',
  ceased: 'workflow.summary.ceased',
} as const satisfies Record<CaseStage, `workflow.summary.${CaseStage}`>;

export const workflowCommandTypes = [
  'decide_to_assess',
  'decide_to_issue',
  'issue_draft_plan',
  'issue_final_plan',
  'plan_in_place',
  'withdraw',
  'cease',
  'reverse_refusal',
] as const;
export type WorkflowCommandType = (typeof workflowCommandTypes)[number];

/** `kind` of the event each successful command produces (the timeline's vocabulary). */
export const workflowEventKinds = [
  'assessment_agreed',
  'assessment_refused',
  'plan_agreed',
  'plan_refused',
  'draft_plan_issued',
  'final_plan_issued',
  'plan_in_place',
  'request_withdrawn',
  'plan_ceased',
  'refusal_reversed',
] as const;
export type WorkflowEventKind = (typeof workflowEventKinds)[number];

export const refusalReversedBy = ['mediation', 'tribunal', 'la_review'] as const;
export type RefusalReversedBy = (typeof refusalReversedBy)[number];

export const REASONS_MIN_LENGTH = 20;
export const REASONS_MAX_LENGTH = 5000;

export type WorkflowCommand =
  | { type: 'decide_to_assess'; outcome: 'agreed' | 'refused'; reasons: string; decidedOn: IsoDate }
  | { type: 'decide_to_issue'; outcome: 'issue' | 'not_issue'; reasons: string; decidedOn: IsoDate }
  | { type: 'issue_draft_plan'; servedOn: IsoDate }
  | { type: 'issue_final_plan'; issuedOn: IsoDate }
  | { type: 'plan_in_place' }
  | { type: 'withdraw'; reasons: string }
  | { type: 'cease'; reasons: string }
  | { type: 'reverse_refusal'; reasons: string; orderedBy: RefusalReversedBy };

export type WorkflowActor = { role: Role };

export type WorkflowContext = {
  stage: CaseStage;
  /** The day the LA received the request: no decision or plan can be dated before it. */
  requestReceived: IsoDate;
  /** Today in London (`todayInLondon()`): no decision or plan can be dated after it. */
  today: IsoDate;
  /** When the draft plan was served, if known: the final plan cannot be dated before it. */
  draftServedOn?: IsoDate | null;
  /**
   * Which plans the council holds for the case: written in the portal and issued, or made
   * elsewhere and uploaded. No draft is recorded as sent, nor a final plan as issued, without one.
   */
  plansOnRecord: { draft: boolean; final: boolean };
};

export type WorkflowField = 'outcome' | 'orderedBy' | 'reasons' | 'decidedOn' | 'servedOn' | 'issuedOn';

/** Every workflow event says where from, where to and in which role. */
export type WorkflowMove = { from: CaseStage; to: CaseStage; actorRole: Role };

type Decision<Outcome extends string> = { outcome: Outcome; reasons: string; decidedOn: IsoDate };

/** What each workflow event records besides its move (stored in `case_events.details`; read back by `./case-events`). */
export type WorkflowEventFields = {
  assessment_agreed: Decision<'agreed'> & { deadlines: AssessmentDeadlines };
  assessment_refused: Decision<'refused'> & { appealDeadline: IsoDate };
  plan_agreed: Decision<'issue'>;
  plan_refused: Decision<'not_issue'> & { appealDeadline: IsoDate };
  draft_plan_issued: { servedOn: IsoDate; commentsLastDay: IsoDate };
  final_plan_issued: { issuedOn: IsoDate; annualReviewDueBy: IsoDate };
  plan_in_place: Record<never, never>;
  request_withdrawn: { reasons: string };
  plan_ceased: { reasons: string };
  refusal_reversed: { orderedBy: RefusalReversedBy; reasons: string };
};

/** The event of kind K (any workflow kind by default), its details typed by its kind. */
export type WorkflowEvent<K extends WorkflowEventKind = WorkflowEventKind> = {
  [P in K]: { kind: P; details: WorkflowMove & WorkflowEventFields[P] };
}[K];

export type WorkflowResult =
  | { ok: true; to: CaseStage; event: WorkflowEvent }
  | { ok: false; error: WorkflowError; field?: WorkflowField };

/** The statutory deadline a stage is waiting on; the first three name `AssessmentDeadlines` keys. */
export type StatutoryStep = 'decisionToAssess' | 'noticeNotToIssue' | 'finalPlan' | 'draftComments' | 'annualReview';

// ---------------------------------------------------------------------------------------------
// Stages, edges and who

const ALL_STAGES: readonly CaseStage[] = Object.keys(stageSummaryKeys) as CaseStage[];
const TERMINAL_STAGES: readonly CaseStage[] = ['withdrawn', 'ceased'];

/** The family: the parent, or the young person once decisions are theirs. */
const FAMILY: readonly Role[] = ['parent', 'young_person'];
/** Staff who record the LA's decisions and issue its plans. */
const LA_DECIDERS: readonly Role[] = ['caseworker', 'manager'];

const ROLES_FOR: Record<WorkflowCommandType, readonly Role[]> = {
  decide_to_assess: LA_DECIDERS,
  decide_to_issue: LA_DECIDERS,
  issue_draft_plan: LA_DECIDERS,
  issue_final_plan: LA_DECIDERS,
  plan_in_place: LA_DECIDERS,
  withdraw: [...LA_DECIDERS, ...FAMILY],
  cease: LA_DECIDERS,
  reverse_refusal: LA_DECIDERS,
};

/** The stages a command may start from. withdraw and cease: every open stage. */
const FROM: Record<WorkflowCommandType, readonly CaseStage[]> = {
  decide_to_assess: ['request_received'],
  decide_to_issue: ['advice_gathering'],
  issue_draft_plan: ['plan_agreed'],
  issue_final_plan: ['draft_plan_issued'],
  plan_in_place: ['final_plan_issued'],
  withdraw: ALL_STAGES.filter((stage) => !TERMINAL_STAGES.includes(stage)),
  cease: ALL_STAGES.filter((stage) => !TERMINAL_STAGES.includes(stage)),
  reverse_refusal: ['assessment_refused', 'plan_refused'],
};

function isCommandType(value: unknown): value is WorkflowCommandType {
  return typeof value === 'string' && (workflowCommandTypes as readonly string[]).includes(value);
}

function mayAct(actor: WorkflowActor, type: WorkflowCommandType): boolean {
  return ROLES_FOR[type].includes(actor?.role);
}

function requireStage(stage: unknown): CaseStage {
  if (typeof stage !== 'string' || !ALL_STAGES.includes(stage as CaseStage)) {
    throw new RangeError(`stage must be one of ${ALL_STAGES.join(', ')}, got ${JSON.stringify(stage)}`);
  }
  return stage as CaseStage;
}

function requireContextDate(value: unknown, name: string): IsoDate {
  if (!isValidIsoDate(value)) {
    throw new RangeError(`context.${name} must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  return value;
}

// ---------------------------------------------------------------------------------------------
// Public queries

/** Whether the case can still move: every stage except `withdrawn` and `ceased`. */
export function isOpen(stage: CaseStage): boolean {
  return !TERMINAL_STAGES.includes(requireStage(stage));
}

/**
 * The command types this actor may apply at this stage, in `workflowCommandTypes` order (for
 * buttons). A plan can be recorded as ended only once a final plan is on record.
 */
export function availableCommands(stage: CaseStage, actor: WorkflowActor, plansOnRecord: WorkflowContext['plansOnRecord']): WorkflowCommandType[] {
  const from = requireStage(stage);
  return workflowCommandTypes.filter((type) => mayAct(actor, type) && FROM[type].includes(from) && (type !== 'cease' || plansOnRecord.final));
}

/** Translation key of a plain-words "where we are" for the family, e.g. `workflow.summary.plan_agreed`. */
export function familyStageSummary(stage: CaseStage): (typeof stageSummaryKeys)[CaseStage] {
  return stageSummaryKeys[requireStage(stage)];
}

const NEXT_STEP: Record<CaseStage, StatutoryStep | null> = {
  request_received: 'decisionToAssess',
  // The LA does not yet know whether it will issue; if it does not, it must say so by week 16,
  // so week 16 is the last day to decide either way.
  advice_gathering: 'noticeNotToIssue',
  // No statutory date for the draft itself; the final plan is due by week 20.
  plan_agreed: 'finalPlan',
  // The family's 15 days come first; once they have passed, `finalPlan` is next.
  draft_plan_issued: 'draftComments',
  final_plan_issued: 'annualReview',
  plan_maintained: 'annualReview',
  // The next date is the family's appeal deadline, which is in the refusal event, not the LA's step.
  assessment_refused: null,
  plan_refused: null,
  withdrawn: null,
  ceased: null,
};

/**
 * The statutory deadline the case is waiting on at this stage, or null when none is the LA's to
 * meet. `decisionToAssess`, `noticeNotToIssue` and `finalPlan` index `assessmentDeadlines()`;
 * `draftComments` is `draftCommentsLastDay(servedOn)`; `annualReview` is `annualReviewDueBy()`.
 */
export function nextStatutoryStep(stage: CaseStage): StatutoryStep | null {
  return NEXT_STEP[requireStage(stage)];
}

// ---------------------------------------------------------------------------------------------
// Field checks: each returns the failure, or the clean value

type Failure = { ok: false; error: WorkflowError; field: WorkflowField };
type Checked<T> = { ok: true; value: T } | Failure;

const fail = (error: WorkflowError, field: WorkflowField): Failure => ({ ok: false, error, field });

function checkReasons(value: unknown): Checked<string> {
  const reasons = typeof value === 'string' ? value.trim() : '';
  if (reasons === '') return fail('errors.workflow.reasonsRequired', 'reasons');
  // UTF-16 length, as the GOV.UK character count component and zod count.
  if (reasons.length < REASONS_MIN_LENGTH) return fail('errors.workflow.reasonsTooShort', 'reasons');
  if (reasons.length > REASONS_MAX_LENGTH) return fail('errors.workflow.reasonsTooLong', 'reasons');
  return { ok: true, value: reasons };
}

function checkDate(value: unknown, field: WorkflowField, context: WorkflowContext): Checked<IsoDate> {
  if (value === undefined || value === null || value === '') return fail('errors.workflow.dateRequired', field);
  if (!isValidIsoDate(value)) return fail('errors.workflow.invalidDate', field);
  if (compareDates(value, context.today) > 0) return fail('errors.workflow.dateInFuture', field);
  if (compareDates(value, context.requestReceived) < 0) return fail('errors.workflow.dateBeforeRequest', field);
  return { ok: true, value };
}

function checkOneOf<T extends string>(
  value: unknown,
  allowed: readonly T[],
  error: WorkflowError,
  field: WorkflowField,
): Checked<T> {
  return typeof value === 'string' && (allowed as readonly string[]).includes(value)
    ? { ok: true, value: value as T }
    : fail(error, field);
}

// ---------------------------------------------------------------------------------------------
// Applying a command

/** The event always says where from, where to and in which role; the rest is the command's own. */
function moved<K extends WorkflowEventKind>(
  context: WorkflowContext,
  actor: WorkflowActor,
  to: CaseStage,
  kind: K,
  fields: WorkflowEventFields[K],
): { ok: true; to: CaseStage; event: WorkflowEvent<K> } {
  return { ok: true, to, event: { kind, details: { from: context.stage, to, actorRole: actor.role, ...fields } } };
}

/**
 * Applies `command`, made by `actor`, to a case in `context`. Returns the stage the case moves to
 * and the event to record with it, or the first problem as a translation key and the form field
 * it belongs to. Never changes `context` or `command`.
 */
export function applyCommand(context: WorkflowContext, command: WorkflowCommand, actor: WorkflowActor): WorkflowResult {
  const stage = requireStage(context?.stage);
  requireContextDate(context.requestReceived, 'requestReceived');
  requireContextDate(context.today, 'today');
  if (context.draftServedOn != null) requireContextDate(context.draftServedOn, 'draftServedOn');

  const type: unknown = command?.type;
  if (!isCommandType(type)) return { ok: false, error: 'errors.workflow.unknownCommand' };
  if (!mayAct(actor, type)) return { ok: false, error: 'errors.workflow.notAllowedForRole' };
  if (!FROM[type].includes(stage)) return { ok: false, error: 'errors.workflow.illegalTransition' };

  // Read fields from an untyped view: the command came from a form.
  const fields = command as unknown as Record<string, unknown>;

  switch (type) {
    case 'decide_to_assess': {
      const outcome = checkOneOf(fields.outcome, ['agreed', 'refused'] as const, 'errors.workflow.outcomeRequired', 'outcome');
      if (!outcome.ok) return outcome;
      const reasons = checkReasons(fields.reasons);
      if (!reasons.ok) return reasons;
      const decidedOn = checkDate(fields.decidedOn, 'decidedOn', context);
      if (!decidedOn.ok) return decidedOn;
      const decision = { reasons: reasons.value, decidedOn: decidedOn.value };
      return outcome.value === 'agreed'
        ? moved(context, actor, 'advice_gathering', 'assessment_agreed', {
            outcome: 'agreed',
            ...decision,
            deadlines: assessmentDeadlines(context.requestReceived),
          })
        : moved(context, actor, 'assessment_refused', 'assessment_refused', {
            outcome: 'refused',
            ...decision,
            appealDeadline: appealDeadline(decidedOn.value),
          });
    }

    case 'decide_to_issue': {
      const outcome = checkOneOf(fields.outcome, ['issue', 'not_issue'] as const, 'errors.workflow.outcomeRequired', 'outcome');
      if (!outcome.ok) return outcome;
      const reasons = checkReasons(fields.reasons);
      if (!reasons.ok) return reasons;
      const decidedOn = checkDate(fields.decidedOn, 'decidedOn', context);
      if (!decidedOn.ok) return decidedOn;
      const decision = { reasons: reasons.value, decidedOn: decidedOn.value };
      return outcome.value === 'issue'
        ? moved(context, actor, 'plan_agreed', 'plan_agreed', { outcome: 'issue', ...decision })
        : moved(context, actor, 'plan_refused', 'plan_refused', {
            outcome: 'not_issue',
            ...decision,
            appealDeadline: appealDeadline(decidedOn.value),
          });
    }

    case 'issue_draft_plan': {
      if (!context.plansOnRecord.draft) return { ok: false, error: 'errors.workflow.noDraftPlan' };
      const servedOn = checkDate(fields.servedOn, 'servedOn', context);
      if (!servedOn.ok) return servedOn;
      return moved(context, actor, 'draft_plan_issued', 'draft_plan_issued', {
        servedOn: servedOn.value,
        commentsLastDay: draftCommentsLastDay(servedOn.value),
      });
    }

    case 'issue_final_plan': {
      if (!context.plansOnRecord.final) return { ok: false, error: 'errors.workflow.noFinalPlan' };
      const issuedOn = checkDate(fields.issuedOn, 'issuedOn', context);
      if (!issuedOn.ok) return issuedOn;
      if (context.draftServedOn != null && compareDates(issuedOn.value, context.draftServedOn) < 0) {
        return fail('errors.workflow.dateBeforeDraft', 'issuedOn');
      }
      return moved(context, actor, 'final_plan_issued', 'final_plan_issued', {
        issuedOn: issuedOn.value,
        annualReviewDueBy: annualReviewDueBy(issuedOn.value),
      });
    }

    case 'plan_in_place':
      return moved(context, actor, 'plan_maintained', 'plan_in_place', {});

    case 'withdraw': {
      const reasons = checkReasons(fields.reasons);
      if (!reasons.ok) return reasons;
      return moved(context, actor, 'withdrawn', 'request_withdrawn', { reasons: reasons.value });
    }

    case 'cease': {
      if (!context.plansOnRecord.final) return { ok: false, error: 'errors.workflow.noPlanToEnd' };
      const reasons = checkReasons(fields.reasons);
      if (!reasons.ok) return reasons;
      return moved(context, actor, 'ceased', 'plan_ceased', { reasons: reasons.value });
    }

    case 'reverse_refusal': {
      const orderedBy = checkOneOf(fields.orderedBy, refusalReversedBy, 'errors.workflow.orderedByRequired', 'orderedBy');
      if (!orderedBy.ok) return orderedBy;
      const reasons = checkReasons(fields.reasons);
      if (!reasons.ok) return reasons;
      // FROM lets this start only from the two refusals; each goes on to the step it stopped.
      const to: CaseStage = stage === 'assessment_refused' ? 'advice_gathering' : 'plan_agreed';
      return moved(context, actor, to, 'refusal_reversed', { orderedBy: orderedBy.value, reasons: reasons.value });
    }
  }
}
