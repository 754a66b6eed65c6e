/**
 * What happened on a case, as stored in `case_events`: the shape of each kind's details, the one
 * way to write an event (`caseEvent`), the one way to read a stored row back (`readCaseEvent`),
 * and the statutory clock's input built from a case's events (`clockInputOf`). Pure: no
 * database, clock or I/O.
 *
 * Why reading is a function and not a type: `details` is JSON written over the portal's whole
 * life, so a row is trusted only once read through its kind's shape. A row of a kind this
 * version does not know, or whose details do not fit their kind, reads as `unrecognised` (the
 * timeline still lists it; the clock ignores it), never as an exception.
 *
 * The shapes
 * - Required fields are the ones a reader cannot do without, above all the dates the statutory
 *   clock counts from (`./case-clock` throws without them), so a row lacking one is unrecognised
 *   rather than half read.
 * - Optional fields are the ones some rows lack: rows written before the field existed or by a
 *   writer that does not know it (a demo request has no `receivedVia`; the benchmark's decisions
 *   carry only their outcome and date). `null` reads as absent.
 * - A shape lists what the portal reads back. Rows may hold more (the workflow also keeps the
 *   deadlines it computed and the actor's role, see `./case-workflow`); reading drops the rest,
 *   so nothing unlisted reaches a page.
 * - Vocabularies kept in the schema (advice kinds, plan sections, who wrote the views, how a
 *   request arrived) are plain text here: the domain does not import the database.
 */
import {
  refusalReversedBy,
  stageSummaryKeys,
  workflowCommandTypes,
  type RefusalReversedBy,
  type StatutoryStep,
  type WorkflowCommandType,
  type WorkflowContext,
} from './case-workflow';
import { exceptionKinds, statutorySteps, type ClockException, type ClockInput, type ExceptionKind } from './case-clock';
import { isValidIsoDate, type IsoDate } from './timescales';
import { reviewStepNames, type ReviewDecision, type ReviewStepName } from './annual-review';
import { feedbackSteps, type FeedbackStep } from './feedback';
import { appealableDecisions, appealOutcomes, orderKinds, type AppealableDecision, type AppealOutcome, type OrderKind } from './appeals';

type CaseStage = WorkflowContext['stage'];

/**
 * The language staff wrote an event's words in (their account's language then; ADR 0041), so the
 * family's page can say so. Older rows lack it.
 */
type WrittenIn = { writtenIn?: string };

/** How a workflow event was recorded (`./case-workflow` and the command that made it); the oldest rows lack it. */
type Recorded = WrittenIn & { from?: CaseStage; to?: CaseStage; command?: WorkflowCommandType };

/** Kept beside a decision when it differs from what the family asked for. */
type DecisionNotes = { reasons?: string; whyDifferent?: string };

/** The details of each kind of case event, as written and as read back. */
export type CaseEventDetails = {
  request_received: { receivedVia?: string; receivedOn?: IsoDate; onBehalfOfId?: string; onBehalfOfName?: string };
  assessment_agreed: Recorded & DecisionNotes & { outcome?: 'agreed'; decidedOn: IsoDate };
  assessment_refused: Recorded & DecisionNotes & { outcome?: 'refused'; decidedOn: IsoDate; appealDeadline: IsoDate };
  plan_agreed: Recorded & DecisionNotes & { outcome?: 'issue'; decidedOn: IsoDate };
  plan_refused: Recorded & DecisionNotes & { outcome?: 'not_issue'; decidedOn: IsoDate; appealDeadline: IsoDate };
  draft_plan_issued: Recorded & { servedOn: IsoDate; commentsLastDay: IsoDate };
  final_plan_issued: Recorded & { issuedOn: IsoDate };
  plan_in_place: Recorded;
  request_withdrawn: Recorded & { reasons: string };
  plan_ceased: Recorded & { reasons: string };
  refusal_reversed: Recorded & { orderedBy: RefusalReversedBy; reasons: string };
  caseworker_allocated: { caseworkerId: string; caseworkerName: string };
  apology_sent: WrittenIn & { step: StatutoryStep; reason: string; newExpectedDate: IsoDate };
  exception_recorded: WrittenIn & { step: StatutoryStep; kind: ExceptionKind; explanation: string; recordedOn: IsoDate };
  advice_requested: { adviceKind: string; professionalName: string; requestedOn: IsoDate; dueBy: IsoDate };
  advice_submitted: { adviceKind: string; professionalName: string };
  advice_withheld: { adviceKind: string };
  advice_cancelled: { adviceKind: string };
  views_saved: { voice: string };
  meeting_recorded: { heldOn: IsoDate; familyInvited: boolean };
  draft_plan_comment: { section: string };
  comment_answered: { section: string; response: string };
  // Annual reviews (ADR 0047): each names the review by its number on the case.
  review_started: { reviewNumber: number; cycleStart: IsoDate; dueBy: IsoDate };
  review_meeting_arranged: { reviewNumber: number; meetingDate: IsoDate; noticeSentOn: IsoDate };
  review_advice_circulated: { reviewNumber: number; circulatedOn: IsoDate };
  review_report_received: { reviewNumber: number; receivedOn: IsoDate };
  review_views_saved: { reviewNumber: number; voice: string };
  review_meeting_held: { reviewNumber: number; heldOn: IsoDate };
  review_decided: WrittenIn & { reviewNumber: number; decision: ReviewDecision; decidedOn: IsoDate; appealDeadline?: IsoDate; commentsLastDay?: IsoDate };
  review_amendments_comment: { reviewNumber: number; section: string };
  review_final_issued: { reviewNumber: number; issuedOn: IsoDate; planVersionNumber: number };
  review_apology_sent: WrittenIn & { reviewNumber: number; step: ReviewStepName; reason: string; newExpectedDate: IsoDate };
  /** The case's details for the SEN2 return (ADR 0053) were saved: which of them changed (field names only, never values). */
  sen2_details_saved: { changed: string[] };
  /** A placement for the SEN2 return was added, or its leaving date recorded. */
  sen2_placement_recorded: { settingCode?: string; entryDate: IsoDate; leavingDate?: IsoDate };
  // Complaints (ADR 0050): each names the complaint by its reference; what was said stays on the complaint.
  complaint_received: { reference: string; channel: string; receivedOn: IsoDate; respondBy: IsoDate };
  complaint_acknowledged: { reference: string; stage: number; acknowledgedOn: IsoDate };
  complaint_responded: { reference: string; stage: number; outcome: string; respondedOn: IsoDate };
  complaint_escalated: { reference: string; escalatedOn: IsoDate; respondBy: IsoDate };
  complaint_closed: { reference: string; closedOn: IsoDate };
  // Family feedback (ADR 0052): that the family answered a step's survey; what they said is not on the case.
  feedback_given: { step: FeedbackStep };
  // Mediation and Tribunal appeals (ADR 0051).
  mediation_recorded: { decision: AppealableDecision; certificateIssuedOn: IsoDate; appealDeadline: IsoDate };
  appeal_registered: { decision: AppealableDecision; registeredOn: IsoDate; tribunalReference: string };
  appeal_hearing_listed: { tribunalReference: string; hearingOn: IsoDate };
  appeal_decided: { tribunalReference: string; decidedOn: IsoDate; outcome: AppealOutcome };
  tribunal_order_recorded: { orderKind: OrderKind; orderedOn: IsoDate; compliesBy: IsoDate };
  tribunal_order_complied: { orderKind: OrderKind; compliedOn: IsoDate; compliesBy: IsoDate };
};

export type CaseEventKind = keyof CaseEventDetails;

/** An event of kind K (any known kind by default), its details typed by its kind. */
export type CaseEventOf<K extends CaseEventKind = CaseEventKind> = { [P in K]: { kind: P; details: CaseEventDetails[P] } }[K];

/** A stored row this version cannot read: an unknown kind, or details that do not fit their kind. */
export type UnrecognisedCaseEvent = { kind: 'unrecognised'; storedKind: string };

/** A stored row, read. */
export type TypedCaseEvent = CaseEventOf | UnrecognisedCaseEvent;

/** A row as the database gives it back: the kind is free text, the details any JSON. */
export type StoredCaseEvent = { kind: string; details: unknown };

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * A new event, to spread into `insert(caseEvents).values({ caseId, actorId, occurredAt, ...caseEvent(...) })`.
 * The compiler checks the details against the kind: a missing, misspelt or mistyped field does not build.
 */
export function caseEvent<K extends CaseEventKind>(kind: K, details: CaseEventDetails[K]): CaseEventOf<K> {
  return { kind, details };
}

// ---------------------------------------------------------------------------------------------
// Reading

class MalformedDetails extends Error {}

type Fits<T> = (value: unknown) => value is T;

const isText: Fits<string> = (value) => typeof value === 'string';
const isFlag: Fits<boolean> = (value) => typeof value === 'boolean';
const isDate: Fits<IsoDate> = isValidIsoDate;
function isOneOf<T extends string>(allowed: readonly T[]): Fits<T> {
  const list: readonly unknown[] = allowed;
  return (value): value is T => list.includes(value);
}
const isStage: Fits<CaseStage> = (value): value is CaseStage => typeof value === 'string' && Object.hasOwn(stageSummaryKeys, value);
const isCommand = isOneOf(workflowCommandTypes);
const isStatutoryStep = isOneOf(statutorySteps);
const isExceptionKind = isOneOf(exceptionKinds);
const isOrderedBy = isOneOf(refusalReversedBy);
const isAgreed = isOneOf(['agreed'] as const);
const isRefused = isOneOf(['refused'] as const);
const isIssue = isOneOf(['issue'] as const);
const isNotIssue = isOneOf(['not_issue'] as const);
const isReviewDecision = isOneOf(['keep', 'amend', 'cease'] as const);
const isReviewStep = isOneOf(reviewStepNames);
const isFeedbackStep = isOneOf(feedbackSteps);
const isAppealable = isOneOf(appealableDecisions);
const isAppealOutcome = isOneOf(appealOutcomes);
const isOrderKind = isOneOf(orderKinds);
const isCount: Fits<number> = (value): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value > 0;
const isTextList: Fits<string[]> = (value): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The fields of one row's details: `need` a field its kind cannot do without, `maybe` one some rows lack. */
class Fields {
  constructor(private readonly details: Readonly<Record<string, unknown>>) {}

  need<T>(name: string, fits: Fits<T>): T {
    const value = this.details[name];
    if (!fits(value)) throw new MalformedDetails(name);
    return value;
  }

  maybe<T>(name: string, fits: Fits<T>): T | undefined {
    return this.details[name] == null ? undefined : this.need(name, fits);
  }
}

function recorded(f: Fields): Recorded {
  return { from: f.maybe('from', isStage), to: f.maybe('to', isStage), command: f.maybe('command', isCommand), writtenIn: f.maybe('writtenIn', isText) };
}

function decisionNotes(f: Fields): DecisionNotes {
  return { reasons: f.maybe('reasons', isText), whyDifferent: f.maybe('whyDifferent', isText) };
}

/**
 * One reader per kind: the compiler checks that each builds its kind's shape, and this is the list
 * of known kinds. (Object.assign rather than spreads: spreading these small objects was ~20 times
 * slower in V8, and the timeliness report reads every event of a council.)
 */
const readers: { [K in CaseEventKind]: (fields: Fields) => CaseEventDetails[K] } = {
  request_received: (f) => ({
    receivedVia: f.maybe('receivedVia', isText),
    receivedOn: f.maybe('receivedOn', isDate),
    onBehalfOfId: f.maybe('onBehalfOfId', isText),
    onBehalfOfName: f.maybe('onBehalfOfName', isText),
  }),
  assessment_agreed: (f) =>
    Object.assign(recorded(f), decisionNotes(f), { outcome: f.maybe('outcome', isAgreed), decidedOn: f.need('decidedOn', isDate) }),
  assessment_refused: (f) =>
    Object.assign(recorded(f), decisionNotes(f), {
      outcome: f.maybe('outcome', isRefused),
      decidedOn: f.need('decidedOn', isDate),
      appealDeadline: f.need('appealDeadline', isDate),
    }),
  plan_agreed: (f) => Object.assign(recorded(f), decisionNotes(f), { outcome: f.maybe('outcome', isIssue), decidedOn: f.need('decidedOn', isDate) }),
  plan_refused: (f) =>
    Object.assign(recorded(f), decisionNotes(f), {
      outcome: f.maybe('outcome', isNotIssue),
      decidedOn: f.need('decidedOn', isDate),
      appealDeadline: f.need('appealDeadline', isDate),
    }),
  draft_plan_issued: (f) => Object.assign(recorded(f), { servedOn: f.need('servedOn', isDate), commentsLastDay: f.need('commentsLastDay', isDate) }),
  final_plan_issued: (f) => Object.assign(recorded(f), { issuedOn: f.need('issuedOn', isDate) }),
  plan_in_place: (f) => recorded(f),
  request_withdrawn: (f) => Object.assign(recorded(f), { reasons: f.need('reasons', isText) }),
  plan_ceased: (f) => Object.assign(recorded(f), { reasons: f.need('reasons', isText) }),
  refusal_reversed: (f) => Object.assign(recorded(f), { orderedBy: f.need('orderedBy', isOrderedBy), reasons: f.need('reasons', isText) }),
  caseworker_allocated: (f) => ({ caseworkerId: f.need('caseworkerId', isText), caseworkerName: f.need('caseworkerName', isText) }),
  apology_sent: (f) => ({
    step: f.need('step', isStatutoryStep),
    reason: f.need('reason', isText),
    newExpectedDate: f.need('newExpectedDate', isDate),
    writtenIn: f.maybe('writtenIn', isText),
  }),
  exception_recorded: (f) => ({
    step: f.need('step', isStatutoryStep),
    kind: f.need('kind', isExceptionKind),
    explanation: f.need('explanation', isText),
    recordedOn: f.need('recordedOn', isDate),
    writtenIn: f.maybe('writtenIn', isText),
  }),
  advice_requested: (f) => ({
    adviceKind: f.need('adviceKind', isText),
    professionalName: f.need('professionalName', isText),
    requestedOn: f.need('requestedOn', isDate),
    dueBy: f.need('dueBy', isDate),
  }),
  advice_submitted: (f) => ({ adviceKind: f.need('adviceKind', isText), professionalName: f.need('professionalName', isText) }),
  advice_withheld: (f) => ({ adviceKind: f.need('adviceKind', isText) }),
  advice_cancelled: (f) => ({ adviceKind: f.need('adviceKind', isText) }),
  views_saved: (f) => ({ voice: f.need('voice', isText) }),
  meeting_recorded: (f) => ({ heldOn: f.need('heldOn', isDate), familyInvited: f.need('familyInvited', isFlag) }),
  draft_plan_comment: (f) => ({ section: f.need('section', isText) }),
  comment_answered: (f) => ({ section: f.need('section', isText), response: f.need('response', isText) }),
  review_started: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), cycleStart: f.need('cycleStart', isDate), dueBy: f.need('dueBy', isDate) }),
  review_meeting_arranged: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), meetingDate: f.need('meetingDate', isDate), noticeSentOn: f.need('noticeSentOn', isDate) }),
  review_advice_circulated: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), circulatedOn: f.need('circulatedOn', isDate) }),
  review_report_received: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), receivedOn: f.need('receivedOn', isDate) }),
  review_views_saved: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), voice: f.need('voice', isText) }),
  review_meeting_held: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), heldOn: f.need('heldOn', isDate) }),
  review_decided: (f) => ({
    reviewNumber: f.need('reviewNumber', isCount),
    decision: f.need('decision', isReviewDecision),
    decidedOn: f.need('decidedOn', isDate),
    appealDeadline: f.maybe('appealDeadline', isDate),
    commentsLastDay: f.maybe('commentsLastDay', isDate),
    writtenIn: f.maybe('writtenIn', isText),
  }),
  review_amendments_comment: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), section: f.need('section', isText) }),
  review_final_issued: (f) => ({ reviewNumber: f.need('reviewNumber', isCount), issuedOn: f.need('issuedOn', isDate), planVersionNumber: f.need('planVersionNumber', isCount) }),
  review_apology_sent: (f) => ({
    reviewNumber: f.need('reviewNumber', isCount),
    step: f.need('step', isReviewStep),
    reason: f.need('reason', isText),
    newExpectedDate: f.need('newExpectedDate', isDate),
    writtenIn: f.maybe('writtenIn', isText),
  }),
  sen2_details_saved: (f) => ({ changed: f.need('changed', isTextList) }),
  sen2_placement_recorded: (f) => ({ settingCode: f.maybe('settingCode', isText), entryDate: f.need('entryDate', isDate), leavingDate: f.maybe('leavingDate', isDate) }),
  complaint_received: (f) => ({ reference: f.need('reference', isText), channel: f.need('channel', isText), receivedOn: f.need('receivedOn', isDate), respondBy: f.need('respondBy', isDate) }),
  complaint_acknowledged: (f) => ({ reference: f.need('reference', isText), stage: f.need('stage', isCount), acknowledgedOn: f.need('acknowledgedOn', isDate) }),
  complaint_responded: (f) => ({ reference: f.need('reference', isText), stage: f.need('stage', isCount), outcome: f.need('outcome', isText), respondedOn: f.need('respondedOn', isDate) }),
  complaint_escalated: (f) => ({ reference: f.need('reference', isText), escalatedOn: f.need('escalatedOn', isDate), respondBy: f.need('respondBy', isDate) }),
  complaint_closed: (f) => ({ reference: f.need('reference', isText), closedOn: f.need('closedOn', isDate) }),
  feedback_given: (f) => ({ step: f.need('step', isFeedbackStep) }),
  mediation_recorded: (f) => ({ decision: f.need('decision', isAppealable), certificateIssuedOn: f.need('certificateIssuedOn', isDate), appealDeadline: f.need('appealDeadline', isDate) }),
  appeal_registered: (f) => ({ decision: f.need('decision', isAppealable), registeredOn: f.need('registeredOn', isDate), tribunalReference: f.need('tribunalReference', isText) }),
  appeal_hearing_listed: (f) => ({ tribunalReference: f.need('tribunalReference', isText), hearingOn: f.need('hearingOn', isDate) }),
  appeal_decided: (f) => ({ tribunalReference: f.need('tribunalReference', isText), decidedOn: f.need('decidedOn', isDate), outcome: f.need('outcome', isAppealOutcome) }),
  tribunal_order_recorded: (f) => ({ orderKind: f.need('orderKind', isOrderKind), orderedOn: f.need('orderedOn', isDate), compliesBy: f.need('compliesBy', isDate) }),
  tribunal_order_complied: (f) => ({ orderKind: f.need('orderKind', isOrderKind), compliedOn: f.need('compliedOn', isDate), compliesBy: f.need('compliesBy', isDate) }),
};

function isCaseEventKind(kind: string): kind is CaseEventKind {
  return Object.hasOwn(readers, kind);
}

function read<K extends CaseEventKind>(kind: K, details: Readonly<Record<string, unknown>>): CaseEventOf<K> {
  return { kind, details: readers[kind](new Fields(details)) };
}

/** A stored row as a typed event, or `unrecognised`; never throws on what is stored. */
export function readCaseEvent(row: StoredCaseEvent): TypedCaseEvent {
  if (!isCaseEventKind(row.kind) || !isRecord(row.details)) return { kind: 'unrecognised', storedKind: row.kind };
  try {
    return read(row.kind, row.details);
  } catch (error) {
    if (error instanceof MalformedDetails) return { kind: 'unrecognised', storedKind: row.kind };
    throw error;
  }
}

/** A filter for events of the given kinds, keeping whatever else the items carry (`timeline.filter(isCaseEventOf('apology_sent'))`). */
export function isCaseEventOf<K extends CaseEventKind>(...kinds: K[]) {
  const list: readonly string[] = kinds;
  return <E extends { kind: string }>(event: E): event is Extract<E, { kind: K }> => list.includes(event.kind);
}

function isRecognised<E extends TypedCaseEvent>(event: E): event is Exclude<E, UnrecognisedCaseEvent> {
  return event.kind !== 'unrecognised';
}

// ---------------------------------------------------------------------------------------------
// The statutory clock's input

/**
 * What `statutoryClock` needs for one case: its stage and request date from the case, its events
 * (read, oldest first; unrecognised ones left out) and the legal exceptions recorded among them.
 * The one place the exceptions are taken from the events, for the case page, the caseload and
 * the timeliness report alike.
 */
export function clockInputOf(
  caseRecord: { stage: CaseStage; requestReceived: IsoDate },
  eventsOldestFirst: readonly TypedCaseEvent[],
  today: IsoDate,
): ClockInput {
  const events = eventsOldestFirst.filter(isRecognised);
  const exceptions: ClockException[] = events
    .filter(isCaseEventOf('exception_recorded'))
    .map(({ details: { step, kind, recordedOn } }) => ({ step, kind, recordedOn }));
  return { stage: caseRecord.stage, requestReceived: caseRecord.requestReceived, today, events, exceptions };
}
