import fc from 'fast-check';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { statutoryClock } from '~/domain/case-clock';
import {
  caseEvent,
  clockInputOf,
  isCaseEventOf,
  readCaseEvent,
  type CaseEventDetails,
  type CaseEventKind,
  type CaseEventOf,
  type TypedCaseEvent,
} from '~/domain/case-events';
import {
  applyCommand,
  workflowCommandTypes,
  type WorkflowCommand,
  type WorkflowCommandType,
  type WorkflowEvent,
  type WorkflowEventKind,
} from '~/domain/case-workflow';

// Monday 5 January 2026: decision to assess due Monday 16 February 2026 (week 6).
const REQUEST = '2026-01-05';
const REASONS = 'The reports show needs that SEN support alone may not meet.';

/** One event of every kind, with every field its shape has, as the portal writes them. */
const EVERY_KIND: { [K in CaseEventKind]: CaseEventDetails[K] } = {
  request_received: { receivedVia: 'online', receivedOn: REQUEST, onBehalfOfId: 'u-1', onBehalfOfName: 'Pat Parent' },
  assessment_agreed: { from: 'request_received', to: 'advice_gathering', command: 'decide_to_assess', outcome: 'agreed', reasons: REASONS, decidedOn: '2026-02-10', whyDifferent: 'We asked the school first.' },
  assessment_refused: { from: 'request_received', to: 'assessment_refused', command: 'decide_to_assess', outcome: 'refused', reasons: REASONS, decidedOn: '2026-02-10', appealDeadline: '2026-04-10' },
  plan_agreed: { from: 'advice_gathering', to: 'plan_agreed', command: 'decide_to_issue', outcome: 'issue', reasons: REASONS, decidedOn: '2026-04-20' },
  plan_refused: { from: 'advice_gathering', to: 'plan_refused', command: 'decide_to_issue', outcome: 'not_issue', reasons: REASONS, decidedOn: '2026-04-20', appealDeadline: '2026-06-20' },
  draft_plan_issued: { from: 'plan_agreed', to: 'draft_plan_issued', command: 'issue_draft_plan', servedOn: '2026-05-01', commentsLastDay: '2026-05-15' },
  final_plan_issued: { from: 'draft_plan_issued', to: 'final_plan_issued', command: 'issue_final_plan', issuedOn: '2026-05-20' },
  plan_in_place: { from: 'final_plan_issued', to: 'plan_maintained', command: 'plan_in_place' },
  request_withdrawn: { from: 'advice_gathering', to: 'withdrawn', command: 'withdraw', reasons: REASONS },
  plan_ceased: { from: 'plan_maintained', to: 'ceased', command: 'cease', reasons: REASONS },
  refusal_reversed: { from: 'plan_refused', to: 'plan_agreed', command: 'reverse_refusal', orderedBy: 'tribunal', reasons: REASONS },
  caseworker_allocated: { caseworkerId: 'u-2', caseworkerName: 'Priya Shah' },
  apology_sent: { step: 'decisionToAssess', reason: 'Two caseworkers were off sick.', newExpectedDate: '2026-03-02' },
  exception_recorded: { step: 'finalPlan', kind: 'family_away', explanation: 'Away for four weeks.', recordedOn: '2026-05-01' },
  advice_requested: { adviceKind: 'health', professionalName: 'Dr Ian Murray', requestedOn: '2026-02-20', dueBy: '2026-04-03' },
  advice_submitted: { adviceKind: 'health', professionalName: 'Dr Ian Murray' },
  advice_withheld: { adviceKind: 'health' },
  advice_cancelled: { adviceKind: 'school' },
  views_saved: { voice: 'child' },
  meeting_recorded: { heldOn: '2026-03-12', familyInvited: false },
  draft_plan_comment: { section: 'F' },
  comment_answered: { section: 'F', response: 'changed' },
  review_started: { reviewNumber: 1, cycleStart: '2026-05-20', dueBy: '2027-05-19' },
  review_meeting_arranged: { reviewNumber: 1, meetingDate: '2027-03-10', noticeSentOn: '2027-02-10' },
  review_advice_circulated: { reviewNumber: 1, circulatedOn: '2027-02-20' },
  review_report_received: { reviewNumber: 1, receivedOn: '2027-03-15' },
  review_views_saved: { reviewNumber: 1, voice: 'child' },
  review_meeting_held: { reviewNumber: 1, heldOn: '2027-03-10' },
  review_decided: { reviewNumber: 1, decision: 'amend', decidedOn: '2027-03-20', commentsLastDay: '2027-04-03', writtenIn: 'en' },
  review_amendments_comment: { reviewNumber: 1, section: 'F' },
  review_final_issued: { reviewNumber: 1, issuedOn: '2027-04-20', planVersionNumber: 4 },
  review_apology_sent: { reviewNumber: 1, step: 'report', reason: 'The school sent it late.', newExpectedDate: '2027-04-01', writtenIn: 'en' },
  sen2_details_saved: { changed: ['primaryNeed', 'sex'] },
  sen2_placement_recorded: { settingCode: 'EHE', entryDate: '2026-09-03', leavingDate: '2027-07-20' },
  complaint_received: { reference: 'NHB-2026-0001-C1', channel: 'portal', receivedOn: '2026-11-02', respondBy: '2026-11-16' },
  complaint_acknowledged: { reference: 'NHB-2026-0001-C1', stage: 1, acknowledgedOn: '2026-11-03' },
  complaint_responded: { reference: 'NHB-2026-0001-C1', stage: 1, outcome: 'partly_upheld', respondedOn: '2026-11-12' },
  complaint_escalated: { reference: 'NHB-2026-0001-C1', escalatedOn: '2026-11-20', respondBy: '2026-12-18' },
  complaint_closed: { reference: 'NHB-2026-0001-C1', closedOn: '2026-12-18' },
  feedback_given: { step: 'decision' },
  mediation_recorded: { decision: 'refuse_assessment', certificateIssuedOn: '2027-01-31', appealDeadline: '2027-03-01' },
  appeal_registered: { decision: 'refuse_assessment', registeredOn: '2027-02-20', tribunalReference: 'EH123/27/00042' },
  appeal_hearing_listed: { tribunalReference: 'EH123/27/00042', hearingOn: '2027-06-10' },
  appeal_decided: { tribunalReference: 'EH123/27/00042', decidedOn: '2027-06-24', outcome: 'upheld' },
  tribunal_order_recorded: { orderKind: 'assess', orderedOn: '2027-06-24', compliesBy: '2027-09-30' },
  tribunal_order_complied: { orderKind: 'assess', compliedOn: '2027-09-01', compliesBy: '2027-09-30' },
};
const KINDS = Object.keys(EVERY_KIND) as CaseEventKind[];

/** What the database gives back: JSON, with the kind as free text. */
const stored = (kind: string, details: unknown) => ({ kind, details: JSON.parse(JSON.stringify(details)) as unknown });

describe('writing and reading back', () => {
  it.each(KINDS)('%s reads back exactly as written', (kind) => {
    const written = caseEvent(kind, EVERY_KIND[kind]);
    expect(readCaseEvent(stored(written.kind, written.details))).toEqual(written);
  });

  it('a wrong field does not compile', () => {
    // Each line must be a type error: if caseEvent stopped checking details against the kind, tsc would fail on the directive.
    // @ts-expect-error a misspelt field
    caseEvent('apology_sent', { step: 'decisionToAssess', reasn: 'x', newExpectedDate: '2026-03-02' });
    // @ts-expect-error a required field missing (the clock counts from commentsLastDay)
    caseEvent('draft_plan_issued', { servedOn: '2026-05-01' });
    // @ts-expect-error another kind's field
    caseEvent('views_saved', { voice: 'child', adviceKind: 'health' });
    // @ts-expect-error a step that is not a statutory step
    caseEvent('exception_recorded', { step: 'appeal', kind: 'family_away', explanation: 'x', recordedOn: '2026-05-01' });
    // @ts-expect-error a kind that does not exist
    caseEvent('note_added', {});
    expect(true).toBe(true);
  });

  it('every event the workflow makes, recorded with its command, is an event of its kind', () => {
    // The compiler's half: the workflow's event types fit the stored shapes.
    expectTypeOf<{ [K in WorkflowEventKind]: WorkflowEvent<K>['details'] & { command: WorkflowCommandType } }>().toExtend<{
      [K in WorkflowEventKind]: CaseEventDetails[K];
    }>();
    // The run-time half: every command from a stage it is allowed from reads back as its kind, with its dates.
    const contexts = {
      decide_to_assess: 'request_received',
      decide_to_issue: 'advice_gathering',
      issue_draft_plan: 'plan_agreed',
      issue_final_plan: 'draft_plan_issued',
      plan_in_place: 'final_plan_issued',
      withdraw: 'advice_gathering',
      cease: 'plan_maintained',
      reverse_refusal: 'plan_refused',
    } as const;
    const commands: WorkflowCommand[] = [
      { type: 'decide_to_assess', outcome: 'agreed', reasons: REASONS, decidedOn: '2026-02-10' },
      { type: 'decide_to_assess', outcome: 'refused', reasons: REASONS, decidedOn: '2026-02-10' },
      { type: 'decide_to_issue', outcome: 'issue', reasons: REASONS, decidedOn: '2026-04-20' },
      { type: 'decide_to_issue', outcome: 'not_issue', reasons: REASONS, decidedOn: '2026-04-20' },
      { type: 'issue_draft_plan', servedOn: '2026-05-01' },
      { type: 'issue_final_plan', issuedOn: '2026-05-20' },
      { type: 'plan_in_place' },
      { type: 'withdraw', reasons: REASONS },
      { type: 'cease', reasons: REASONS },
      { type: 'reverse_refusal', reasons: REASONS, orderedBy: 'mediation' },
    ];
    expect(new Set(commands.map((c) => c.type))).toEqual(new Set(workflowCommandTypes));
    for (const command of commands) {
      const result = applyCommand({ stage: contexts[command.type], requestReceived: REQUEST, today: '2026-06-30', plansOnRecord: { draft: true, final: true } }, command, { role: 'caseworker' });
      if (!result.ok) throw new Error(`${command.type}: ${result.error}`);
      const read = readCaseEvent(stored(result.event.kind, { ...result.event.details, command: command.type }));
      expect(read.kind).toBe(result.event.kind);
      // What the shape lists comes back; what it does not (the actor's role, computed deadlines) is dropped.
      expect(read).toEqual({ kind: result.event.kind, details: expect.objectContaining({ from: contexts[command.type], to: result.to, command: command.type }) });
      if (read.kind !== 'unrecognised') expect(read.details).not.toHaveProperty('actorRole');
    }
  });
});

describe('rows this version cannot read are unrecognised, never an exception', () => {
  it('a kind it does not know', () => {
    expect(readCaseEvent(stored('note_added', { text: 'Called the school.' }))).toEqual({ kind: 'unrecognised', storedKind: 'note_added' });
  });

  it.each([
    ['null', null],
    ['an array', [1, 2]],
    ['a string', 'decided'],
    ['a number', 7],
  ])('details that are %s', (_name, details) => {
    expect(readCaseEvent({ kind: 'plan_in_place', details })).toEqual({ kind: 'unrecognised', storedKind: 'plan_in_place' });
  });

  it.each([
    ['a decision without its date', 'assessment_agreed', { outcome: 'agreed', reasons: REASONS }],
    ['a refusal without its appeal deadline', 'plan_refused', { outcome: 'not_issue', decidedOn: '2026-04-20' }],
    ['a draft without its last day for comments', 'draft_plan_issued', { servedOn: '2026-05-01', command: 'issue_draft_plan' }],
    ['a date that is not a real date', 'final_plan_issued', { issuedOn: '2026-02-30' }],
    ['a date in another format', 'assessment_agreed', { decidedOn: '10/02/2026' }],
    ['an exception for a step that does not exist', 'exception_recorded', { ...EVERY_KIND.exception_recorded, step: 'appeal' }],
    ['an exception of a kind that does not exist', 'exception_recorded', { ...EVERY_KIND.exception_recorded, kind: 'snow' }],
    ['an exception without the day it was recorded', 'exception_recorded', { step: 'finalPlan', kind: 'family_away', explanation: 'Away.' }],
    ['an apology whose reason is not text', 'apology_sent', { ...EVERY_KIND.apology_sent, reason: 42 }],
    ['a meeting whose invitation is not yes or no', 'meeting_recorded', { heldOn: '2026-03-12', familyInvited: 'yes' }],
    ['an optional field of the wrong type', 'assessment_agreed', { decidedOn: '2026-02-10', reasons: ['a', 'b'] }],
    ['an outcome that contradicts the kind', 'assessment_agreed', { outcome: 'refused', decidedOn: '2026-02-10' }],
    ['a stage that does not exist', 'plan_in_place', { from: 'final_plan_issued', to: 'archived' }],
    ['a command that does not exist', 'plan_in_place', { command: 'archive' }],
    ['a reversal ordered by nobody we know', 'refusal_reversed', { orderedBy: 'the press', reasons: REASONS }],
  ])('%s', (_name, kind, details) => {
    expect(readCaseEvent(stored(kind, details))).toEqual({ kind: 'unrecognised', storedKind: kind });
  });

  it('whatever is stored', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom<string>(...KINDS), fc.string()), fc.jsonValue(), (kind, details) => {
        const read = readCaseEvent({ kind, details });
        expect(read.kind === 'unrecognised' ? read.storedKind : read.kind).toBe(kind);
      }),
    );
  });
});

describe('old rows, which lack fields written today, still read', () => {
  it("the demo's request, stored with no details", () => {
    expect(readCaseEvent(stored('request_received', {}))).toEqual({ kind: 'request_received', details: {} });
  });

  it("the benchmark's decision, with only its outcome and date", () => {
    expect(readCaseEvent(stored('assessment_agreed', { outcome: 'agreed', decidedOn: '2026-02-10' }))).toEqual({
      kind: 'assessment_agreed',
      details: { outcome: 'agreed', decidedOn: '2026-02-10' },
    });
  });

  it('null in an optional field reads as absent', () => {
    const read = readCaseEvent(stored('request_received', { onBehalfOfName: null }));
    expect(read.kind === 'request_received' && read.details.onBehalfOfName).toBeUndefined();
  });

  it('fields a shape does not list are dropped, so nothing unlisted reaches a page', () => {
    expect(readCaseEvent(stored('caseworker_allocated', { ...EVERY_KIND.caseworker_allocated, internalNote: 'x' }))).toEqual({
      kind: 'caseworker_allocated',
      details: EVERY_KIND.caseworker_allocated,
    });
  });
});

describe('isCaseEventOf', () => {
  it('keeps the events of the kinds named, and whatever else the items carry', () => {
    const timeline = [
      { id: 'a', ...caseEvent('apology_sent', EVERY_KIND.apology_sent) },
      { id: 'b', ...caseEvent('views_saved', EVERY_KIND.views_saved) },
      { id: 'c', kind: 'unrecognised' as const, storedKind: 'note_added' },
    ];
    const apologies = timeline.filter(isCaseEventOf('apology_sent'));
    expect(apologies.map((e) => e.id)).toEqual(['a']);
    expectTypeOf(apologies[0].details).toEqualTypeOf<CaseEventDetails['apology_sent']>();
  });
});

describe("the statutory clock's input", () => {
  const events = (...list: TypedCaseEvent[]) => list;
  const exception = (step: 'decisionToAssess' | 'finalPlan', recordedOn: string): CaseEventOf<'exception_recorded'> =>
    caseEvent('exception_recorded', { step, kind: 'family_away', explanation: 'Away for four weeks.', recordedOn });

  it('takes the stage and request date from the case, today as given, and the events oldest first', () => {
    const agreed = caseEvent('assessment_agreed', { outcome: 'agreed', decidedOn: '2026-02-10' });
    const draft = caseEvent('draft_plan_issued', EVERY_KIND.draft_plan_issued);
    const input = clockInputOf({ stage: 'draft_plan_issued', requestReceived: REQUEST }, events(agreed, draft), '2026-05-02');
    expect(input).toEqual({ stage: 'draft_plan_issued', requestReceived: REQUEST, today: '2026-05-02', events: [agreed, draft], exceptions: [] });
  });

  it('takes the legal exceptions from the exception_recorded events, in their order, with what the clock reads', () => {
    const input = clockInputOf(
      { stage: 'advice_gathering', requestReceived: REQUEST },
      events(exception('finalPlan', '2026-03-01'), caseEvent('views_saved', { voice: 'parent' }), exception('decisionToAssess', '2026-02-01')),
      '2026-06-30',
    );
    expect(input.exceptions).toEqual([
      { step: 'finalPlan', kind: 'family_away', recordedOn: '2026-03-01' },
      { step: 'decisionToAssess', kind: 'family_away', recordedOn: '2026-02-01' },
    ]);
  });

  it('leaves unrecognised rows out, so a broken row cannot stop the clock', () => {
    const broken = readCaseEvent(stored('assessment_agreed', { outcome: 'agreed' }));
    const input = clockInputOf({ stage: 'advice_gathering', requestReceived: REQUEST }, events(broken), '2026-02-20');
    expect(input.events).toEqual([]);
    // Read raw, the same row stops the clock (a known kind without its date is a bug in the data).
    expect(() => statutoryClock({ ...input, events: [{ kind: 'assessment_agreed', details: { outcome: 'agreed' } }] })).toThrow(RangeError);
    expect(statutoryClock(input)).toEqual([{ step: 'decisionToAssess', dueBy: '2026-02-16', status: 'missed' }]);
  });

  it('feeds the clock: a decision met, and an exception that disapplies a missed date', () => {
    const clock = statutoryClock(
      clockInputOf(
        { stage: 'advice_gathering', requestReceived: REQUEST },
        events(caseEvent('assessment_agreed', { outcome: 'agreed', decidedOn: '2026-02-10' }), exception('finalPlan', '2026-05-01')),
        '2026-06-30',
      ),
    );
    expect(clock).toEqual([
      { step: 'decisionToAssess', dueBy: '2026-02-16', status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: '2026-04-27', status: 'missed' },
      { step: 'finalPlan', dueBy: '2026-05-25', status: 'exception', exception: 'family_away' },
    ]);
  });
});
