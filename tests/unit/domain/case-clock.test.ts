import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStages, type CaseStage } from '../../../db/schema/cases';
import {
  clockStatusKeys,
  clockStatuses,
  clockStepKeys,
  clockSteps,
  exceptionKindKeys,
  exceptionKinds,
  missedSteps,
  statutoryClock,
  type ClockEntry,
  type ClockEvent,
  type ClockException,
  type ClockInput,
} from '~/domain/case-clock';
import { applyCommand, type WorkflowCommand } from '~/domain/case-workflow';

// Dates checked by hand for a request received on Monday 5 January 2026:
//   6 weeks  (decision whether to assess)  Monday 16 February 2026
//   16 weeks (notice not to issue a plan)  Monday 27 April 2026
//   20 weeks (final plan)                  Monday 25 May 2026
const REQUEST = '2026-01-05';
const WEEK_6 = '2026-02-16';
const WEEK_16 = '2026-04-27';
const WEEK_20 = '2026-05-25';

const agreed = (decidedOn: string): ClockEvent => ({ kind: 'assessment_agreed', details: { outcome: 'agreed', decidedOn } });
const refused = (decidedOn: string, appealDeadline: string): ClockEvent => ({
  kind: 'assessment_refused',
  details: { outcome: 'refused', decidedOn, appealDeadline },
});
const planAgreed = (decidedOn: string): ClockEvent => ({ kind: 'plan_agreed', details: { outcome: 'issue', decidedOn } });
const planRefused = (decidedOn: string, appealDeadline: string): ClockEvent => ({
  kind: 'plan_refused',
  details: { outcome: 'not_issue', decidedOn, appealDeadline },
});
const draft = (servedOn: string, commentsLastDay: string): ClockEvent => ({
  kind: 'draft_plan_issued',
  details: { servedOn, commentsLastDay },
});
const final = (issuedOn: string): ClockEvent => ({ kind: 'final_plan_issued', details: { issuedOn } });
const reversed: ClockEvent = { kind: 'refusal_reversed', details: { orderedBy: 'tribunal', reasons: 'The Tribunal ordered it.' } };

function clock(today: string, events: ClockEvent[] = [], more: Partial<ClockInput> = {}): ClockEntry[] {
  return statutoryClock({ stage: 'request_received', requestReceived: REQUEST, today, events, exceptions: [], ...more });
}

const entry = (entries: ClockEntry[], step: string) => entries.find((e) => e.step === step);
const steps = (entries: ClockEntry[]) => entries.map((e) => e.step);

describe('decision whether to assess', () => {
  it('is due 6 weeks after the request', () => {
    expect(clock('2026-01-05')).toEqual([{ step: 'decisionToAssess', dueBy: WEEK_6, status: 'due', daysLeft: 42 }]);
  });

  it('is due today on the last day, with 0 days left', () => {
    expect(clock('2026-02-16')).toEqual([{ step: 'decisionToAssess', dueBy: WEEK_6, status: 'due', daysLeft: 0 }]);
  });

  it('is missed the day after, with no days left shown', () => {
    expect(clock('2026-02-17')).toEqual([{ step: 'decisionToAssess', dueBy: WEEK_6, status: 'missed' }]);
  });

  it('is met when decided on or before the last day, whatever today is', () => {
    expect(entry(clock('2026-03-01', [agreed('2026-02-10')]), 'decisionToAssess')).toEqual({
      step: 'decisionToAssess',
      dueBy: WEEK_6,
      status: 'met',
      completedOn: '2026-02-10',
    });
    expect(entry(clock('2026-02-16', [agreed(WEEK_6)]), 'decisionToAssess')?.status).toBe('met');
  });

  it('is met late when decided after the last day', () => {
    expect(entry(clock('2026-03-01', [agreed('2026-02-20')]), 'decisionToAssess')).toEqual({
      step: 'decisionToAssess',
      dueBy: WEEK_6,
      status: 'met_late',
      completedOn: '2026-02-20',
    });
  });

  it('is completed by a refusal too', () => {
    expect(entry(clock('2026-03-01', [refused('2026-02-17', '2026-04-17')]), 'decisionToAssess')).toMatchObject({
      status: 'met_late',
      completedOn: '2026-02-17',
    });
  });
});

describe('after an assessment refusal', () => {
  // The event's own appeal deadline is used (here later than 2 months, as if recomputed from
  // the day the letter was sent), not one the clock works out again.
  const events = [refused('2026-02-10', '2026-04-20')];

  it('shows the family appeal window with the date from the event, and no 16- or 20-week dates', () => {
    expect(clock('2026-03-01', events)).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'appeal', dueBy: '2026-04-20', status: 'due', daysLeft: 50 },
    ]);
  });

  it('shows the appeal on its last day, then leaves it out: the family missed nothing of the LA', () => {
    expect(entry(clock('2026-04-20', events), 'appeal')).toEqual({ step: 'appeal', dueBy: '2026-04-20', status: 'due', daysLeft: 0 });
    expect(clock('2026-04-21', events)).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
    ]);
  });

  it('after the refusal is reversed: no appeal, and the 16- and 20-week dates apply', () => {
    expect(clock('2026-03-01', [...events, reversed])).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'due', daysLeft: 57 },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'due', daysLeft: 85 },
    ]);
  });

  it('matches the appeal deadline that applyCommand records', () => {
    const result = applyCommand(
      { stage: 'request_received', requestReceived: REQUEST, today: '2026-02-10', plansOnRecord: { draft: false, final: false } },
      { type: 'decide_to_assess', outcome: 'refused', reasons: 'The school can meet the needs with SEN support.', decidedOn: '2026-02-10' },
      { role: 'caseworker' },
    );
    if (!result.ok) throw new Error(result.error);
    // 2 months after Tuesday 10 February 2026 is Friday 10 April 2026, a working day.
    expect(entry(clock('2026-02-10', [result.event]), 'appeal')).toEqual({
      step: 'appeal',
      dueBy: '2026-04-10',
      status: 'due',
      daysLeft: 59,
    });
  });
});

describe('after an assessment is agreed', () => {
  const assessed = [agreed('2026-02-10')];

  it('waits on the notice not to issue (16 weeks) and the final plan (20 weeks)', () => {
    expect(clock('2026-03-01', assessed)).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'due', daysLeft: 57 },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'due', daysLeft: 85 },
    ]);
  });

  it('with no plan decision after week 16, the notice is missed', () => {
    expect(missedSteps(clock('2026-04-28', assessed))).toEqual([{ step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'missed' }]);
  });

  it('a refusal to issue completes the notice, opens the appeal and drops the final plan', () => {
    expect(clock('2026-04-30', [...assessed, planRefused('2026-04-20', '2026-06-22')])).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'met', completedOn: '2026-04-20' },
      { step: 'appeal', dueBy: '2026-06-22', status: 'due', daysLeft: 53 },
    ]);
  });

  it('a refusal to issue after week 16 is met late', () => {
    expect(entry(clock('2026-05-01', [...assessed, planRefused('2026-04-28', '2026-06-29')]), 'noticeNotToIssue')).toEqual({
      step: 'noticeNotToIssue',
      dueBy: WEEK_16,
      status: 'met_late',
      completedOn: '2026-04-28',
    });
  });

  it('a reversed refusal to issue keeps the notice as given, drops the appeal and brings back the final plan', () => {
    expect(clock('2026-05-01', [...assessed, planRefused('2026-04-20', '2026-06-22'), reversed])).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'met', completedOn: '2026-04-20' },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'due', daysLeft: 24 },
    ]);
  });
});

describe('agreed, plan agreed, draft, final plan', () => {
  // Draft served Monday 20 April 2026: 15 days beginning with that day end Monday 4 May.
  // Final plan issued Wednesday 20 May 2026: the first review is due by Wednesday 19 May 2027.
  const toDraft = [agreed('2026-02-10'), planAgreed('2026-04-01'), draft('2026-04-20', '2026-05-04')];
  const all = [...toDraft, final('2026-05-20')];

  it('once the plan is agreed, no notice not to issue is needed', () => {
    expect(steps(clock('2026-04-02', toDraft.slice(0, 2)))).toEqual(['decisionToAssess', 'finalPlan']);
  });

  it('while the draft is out: the family comments window is due, then the final plan', () => {
    expect(clock('2026-04-25', toDraft)).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'draftComments', dueBy: '2026-05-04', status: 'due', daysLeft: 9 },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'due', daysLeft: 30 },
    ]);
  });

  it('the comments window is met once it has passed, never missed', () => {
    expect(entry(clock('2026-05-04', toDraft), 'draftComments')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(entry(clock('2026-05-05', toDraft), 'draftComments')).toEqual({ step: 'draftComments', dueBy: '2026-05-04', status: 'met' });
    expect(entry(clock('2027-01-01', toDraft), 'draftComments')?.status).toBe('met');
  });

  it('without a final plan after week 20, the final plan is missed', () => {
    expect(missedSteps(clock('2026-05-26', toDraft))).toEqual([{ step: 'finalPlan', dueBy: WEEK_20, status: 'missed' }]);
  });

  it('with the final plan in time: all met, and the annual review is due', () => {
    expect(clock('2026-06-01', all)).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'draftComments', dueBy: '2026-05-04', status: 'met' },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'met', completedOn: '2026-05-20' },
      { step: 'annualReview', dueBy: '2027-05-19', status: 'due', daysLeft: 352 },
    ]);
  });

  it('a final plan after week 20 is met late', () => {
    expect(entry(clock('2026-06-10', [...toDraft, final('2026-06-01')]), 'finalPlan')).toEqual({
      step: 'finalPlan',
      dueBy: WEEK_20,
      status: 'met_late',
      completedOn: '2026-06-01',
    });
  });

  it('the annual review is due on its last day and missed after it, also once the plan is in place', () => {
    const inPlace = [...all, { kind: 'plan_in_place', details: {} }];
    expect(entry(clock('2027-05-19', inPlace, { stage: 'plan_maintained' }), 'annualReview')).toMatchObject({ status: 'due', daysLeft: 0 });
    expect(missedSteps(clock('2027-05-20', inPlace, { stage: 'plan_maintained' }))).toEqual([
      { step: 'annualReview', dueBy: '2027-05-19', status: 'missed' },
    ]);
  });

  it('entries on the same day keep the order of the process', () => {
    // Comments window ending on the week-20 date itself.
    const sameDay = [agreed('2026-02-10'), planAgreed('2026-04-01'), draft('2026-05-11', WEEK_20)];
    expect(steps(clock('2026-05-12', sameDay))).toEqual(['decisionToAssess', 'draftComments', 'finalPlan']);
  });
});

describe('exceptions', () => {
  const exception = (step: ClockException['step'], kind: ClockException['kind'], recordedOn: string): ClockException => ({
    step,
    kind,
    recordedOn,
  });

  it('turn a missed step into an exception, with the kind, keeping its date', () => {
    const entries = clock('2026-02-20', [], { exceptions: [exception('decisionToAssess', 'family_asked_pause', '2026-01-20')] });
    expect(entries).toEqual([{ step: 'decisionToAssess', dueBy: WEEK_6, status: 'exception', exception: 'family_asked_pause' }]);
    expect(missedSteps(entries)).toEqual([]);
  });

  it('apply to a step still due as well, and only to their own step', () => {
    const entries = clock('2026-04-28', [agreed('2026-02-10')], {
      exceptions: [exception('finalPlan', 'missed_appointment', '2026-03-10')],
    });
    expect(entries).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
      { step: 'noticeNotToIssue', dueBy: WEEK_16, status: 'missed' },
      { step: 'finalPlan', dueBy: WEEK_20, status: 'exception', exception: 'missed_appointment' },
    ]);
  });

  it('do not change a step already done', () => {
    const entries = clock('2026-03-01', [agreed('2026-02-20')], {
      exceptions: [exception('decisionToAssess', 'school_closed', '2026-01-20')],
    });
    expect(entry(entries, 'decisionToAssess')).toEqual({
      step: 'decisionToAssess',
      dueBy: WEEK_6,
      status: 'met_late',
      completedOn: '2026-02-20',
    });
  });

  it('show the earliest recorded when there are several, and ignore those recorded after today', () => {
    const exceptions = [
      exception('decisionToAssess', 'family_away', '2026-02-01'),
      exception('decisionToAssess', 'exceptional_personal_circumstances', '2026-01-25'),
      exception('decisionToAssess', 'school_closed', '2026-03-01'),
    ];
    expect(entry(clock('2026-02-20', [], { exceptions }), 'decisionToAssess')?.exception).toBe('exceptional_personal_circumstances');
    expect(entry(clock('2026-01-30', [], { exceptions: exceptions.slice(0, 1) }), 'decisionToAssess')).toMatchObject({
      status: 'due',
      daysLeft: 17,
    });
  });

  it('apply to the annual review', () => {
    const entries = clock('2027-06-01', [agreed('2026-02-10'), planAgreed('2026-04-01'), final('2026-05-20')], {
      stage: 'final_plan_issued',
      exceptions: [exception('annualReview', 'family_away', '2027-05-01')],
    });
    expect(entry(entries, 'annualReview')).toEqual({ step: 'annualReview', dueBy: '2027-05-19', status: 'exception', exception: 'family_away' });
  });
});

describe('closed cases', () => {
  it('a withdrawn request keeps what was done and stops the clock: nothing due or missed', () => {
    const events = [agreed('2026-02-20'), { kind: 'request_withdrawn', details: { reasons: 'We have moved to another area.' } }];
    expect(clock('2026-06-30', events, { stage: 'withdrawn' })).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met_late', completedOn: '2026-02-20' },
    ]);
    expect(clock('2026-01-10', [], { stage: 'withdrawn' })).toEqual([]);
  });

  it('a ceased plan has no annual review or open appeal left', () => {
    const events = [agreed('2026-02-10'), planAgreed('2026-04-01'), draft('2026-04-20', '2026-05-04'), final('2026-05-20')];
    expect(steps(clock('2027-06-01', events, { stage: 'ceased' }))).toEqual(['decisionToAssess', 'draftComments', 'finalPlan']);
    expect(clock('2026-03-01', [refused('2026-02-10', '2026-04-10')], { stage: 'withdrawn' })).toEqual([
      { step: 'decisionToAssess', dueBy: WEEK_6, status: 'met', completedOn: '2026-02-10' },
    ]);
  });

  it('an exception on a closed case is not shown either', () => {
    const exceptions: ClockException[] = [{ step: 'decisionToAssess', kind: 'family_asked_pause', recordedOn: '2026-01-20' }];
    expect(clock('2026-03-01', [], { stage: 'withdrawn', exceptions })).toEqual([]);
  });
});

describe('reading the history', () => {
  const events = [agreed('2026-02-10'), planAgreed('2026-04-01'), draft('2026-04-20', '2026-05-04')];

  it('ignores unknown kinds and kinds it has no use for, whatever their details', () => {
    const noisy = [
      { kind: 'note_added', details: { decidedOn: '2026-01-06', issuedOn: '2026-01-07' } },
      events[0],
      { kind: 'caseworker_changed', details: {} },
      events[1],
      { kind: 'plan_in_place', details: {} },
      { kind: 'ASSESSMENT_AGREED', details: { decidedOn: 'soon' } },
      events[2],
    ];
    expect(clock('2026-04-25', noisy)).toEqual(clock('2026-04-25', events));
  });

  it('counts the first event of a kind', () => {
    expect(entry(clock('2026-03-01', [agreed('2026-02-10'), agreed('2026-02-25')]), 'decisionToAssess')?.completedOn).toBe('2026-02-10');
  });

  it('throws a RangeError for a known event without the date it needs, or a bad input', () => {
    expect(() => clock('2026-03-01', [{ kind: 'assessment_agreed', details: {} }])).toThrow(RangeError);
    expect(() => clock('2026-03-01', [{ kind: 'assessment_refused', details: { decidedOn: '2026-02-10' } }])).toThrow(/appealDeadline/);
    expect(() => clock('2026-03-01', [agreed('2026-02-10'), final('2026-02-30')])).toThrow(/issuedOn/);
    expect(() => clock('2026-3-1')).toThrow(/today/);
    expect(() => clock('2026-03-01', [], { requestReceived: '' })).toThrow(/requestReceived/);
    expect(() => clock('2026-03-01', [], { stage: 'closed' as CaseStage })).toThrow(/stage/);
    expect(() =>
      clock('2026-03-01', [], { exceptions: [{ step: 'decisionToAssess', kind: 'holiday' as never, recordedOn: '2026-01-20' }] }),
    ).toThrow(/kind/);
    expect(() =>
      clock('2026-03-01', [], { exceptions: [{ step: 'appeal' as never, kind: 'family_away', recordedOn: '2026-01-20' }] }),
    ).toThrow(/step/);
  });

  it('never changes its input', () => {
    const input: ClockInput = {
      stage: 'plan_refused',
      requestReceived: REQUEST,
      today: '2026-05-01',
      events: [agreed('2026-02-10'), planRefused('2026-04-20', '2026-06-22'), reversed],
      exceptions: [{ step: 'finalPlan', kind: 'family_away', recordedOn: '2026-04-01' }],
    };
    const copy = structuredClone(input);
    statutoryClock(input);
    expect(input).toEqual(copy);
  });
});

describe('translation keys', () => {
  const source = readFileSync('app/domain/clock-labels.ts', 'utf8');

  it('has a key for every step, status and exception kind, in the form clock.<group>.<value>', () => {
    expect(Object.entries(clockStepKeys)).toEqual(clockSteps.map((step) => [step, `clock.step.${step}`]));
    expect(Object.entries(clockStatusKeys)).toEqual(clockStatuses.map((status) => [status, `clock.status.${status}`]));
    expect(Object.entries(exceptionKindKeys)).toEqual(exceptionKinds.map((kind) => [kind, `clock.exception.${kind}`]));
  });

  it('writes every key out as a literal, so the translation test finds it', () => {
    for (const key of [...Object.values(clockStepKeys), ...Object.values(clockStatusKeys), ...Object.values(exceptionKindKeys)]) {
      expect(source).toContain(`'${key}'`);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const DAY_MS = 86_400_000;
const dateBetween = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(`${from}T00:00:00Z`) / DAY_MS, max: Date.parse(`${to}T00:00:00Z`) / DAY_MS })
    .map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10));
const anyDate = dateBetween('2025-01-01', '2028-12-31');

/** Any history, in any order and not necessarily one the workflow allows. */
const anyEvent: fc.Arbitrary<ClockEvent> = fc.oneof(
  anyDate.map(agreed),
  fc.tuple(anyDate, anyDate).map(([d, a]) => refused(d, a)),
  anyDate.map(planAgreed),
  fc.tuple(anyDate, anyDate).map(([d, a]) => planRefused(d, a)),
  fc.tuple(anyDate, anyDate).map(([s, c]) => draft(s, c)),
  anyDate.map(final),
  fc.constant(reversed),
  fc.constantFrom<ClockEvent>(
    { kind: 'plan_in_place', details: {} },
    { kind: 'request_withdrawn', details: {} },
    { kind: 'note_added', details: { decidedOn: 'not a date' } },
  ),
);

const anyException: fc.Arbitrary<ClockException> = fc.record({
  step: fc.constantFrom('decisionToAssess', 'noticeNotToIssue', 'finalPlan', 'draftComments', 'annualReview'),
  kind: fc.constantFrom(...exceptionKinds),
  recordedOn: anyDate,
});

const anyInput: fc.Arbitrary<ClockInput> = fc.record({
  stage: fc.constantFrom(...caseStages),
  requestReceived: dateBetween('2025-01-01', '2026-12-31'),
  today: anyDate,
  events: fc.array(anyEvent, { maxLength: 10 }),
  exceptions: fc.array(anyException, { maxLength: 4 }),
});

const ALONG_THE_WAY: WorkflowCommand[] = [
  { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The evidence shows needs to assess.', decidedOn: '' },
  { type: 'decide_to_assess', outcome: 'refused', reasons: 'The evidence does not show the need.', decidedOn: '' },
  { type: 'decide_to_issue', outcome: 'issue', reasons: 'The assessment shows a plan is needed.', decidedOn: '' },
  { type: 'decide_to_issue', outcome: 'not_issue', reasons: 'The school can meet the needs without a plan.', decidedOn: '' },
  { type: 'issue_draft_plan', servedOn: '' },
  { type: 'issue_final_plan', issuedOn: '' },
  { type: 'plan_in_place' },
  { type: 'reverse_refusal', reasons: 'The Tribunal ordered the LA to go on.', orderedBy: 'tribunal' },
];
const WITHDRAW: WorkflowCommand = { type: 'withdraw', reasons: 'The family has moved to another area.' };

/** A history the workflow itself would write: random commands through applyCommand, day by day. */
const workflowCase = fc
  .record({
    requestReceived: dateBetween('2025-06-01', '2026-06-30'),
    steps: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 60 }),
        // Withdrawal is rare, so that most histories get far along.
        command: fc.oneof(
          { weight: 12, arbitrary: fc.constantFrom(...ALONG_THE_WAY) },
          { weight: 1, arbitrary: fc.constant(WITHDRAW) },
        ),
      }),
      { maxLength: 14 },
    ),
    after: fc.integer({ min: 0, max: 800 }),
  })
  .map(({ requestReceived, steps: commands, after }) => {
    let stage: CaseStage = 'request_received';
    let today = requestReceived;
    let draftServedOn: string | null = null;
    const events: ClockEvent[] = [];
    for (const { gap, command } of commands) {
      today = new Date(Date.parse(`${today}T00:00:00Z`) + gap * DAY_MS).toISOString().slice(0, 10);
      const dated = { ...command, decidedOn: today, servedOn: today, issuedOn: today } as unknown as WorkflowCommand;
      const result = applyCommand({ stage, requestReceived, today, draftServedOn, plansOnRecord: { draft: true, final: true } }, dated, { role: 'caseworker' });
      if (!result.ok) continue;
      stage = result.to;
      events.push(result.event);
      if (result.event.kind === 'draft_plan_issued') draftServedOn = today;
    }
    today = new Date(Date.parse(`${today}T00:00:00Z`) + after * DAY_MS).toISOString().slice(0, 10);
    return { stage, requestReceived, today, events, exceptions: [] } satisfies ClockInput;
  });

function checkInvariants(input: ClockInput): void {
  const entries = statutoryClock(input);
  for (const e of entries) {
    const afterDue = input.today > e.dueBy;
    // Never missed while today <= dueBy; never due after it.
    if (e.status === 'missed') expect(afterDue).toBe(true);
    if (e.status === 'due') {
      expect(afterDue).toBe(false);
      expect(e.daysLeft).toBe(Math.round((Date.parse(e.dueBy) - Date.parse(input.today)) / DAY_MS));
    } else {
      expect(e).not.toHaveProperty('daysLeft');
    }
    expect(e.status === 'exception').toBe(e.exception !== undefined);
    if (e.status === 'met_late') expect(e.completedOn! > e.dueBy).toBe(true);
    if (e.status === 'met' && e.completedOn !== undefined) expect(e.completedOn <= e.dueBy).toBe(true);
    if (e.step === 'draftComments' || e.step === 'appeal') expect(['due', 'met']).toContain(e.status);
    if (input.stage === 'withdrawn' || input.stage === 'ceased') expect(['met', 'met_late']).toContain(e.status);
  }
  // Sorted by dueBy, each step at most once.
  expect(entries.map((e) => e.dueBy)).toEqual(entries.map((e) => e.dueBy).sort());
  expect(new Set(entries.map((e) => e.step)).size).toBe(entries.length);
  expect(missedSteps(entries)).toEqual(entries.filter((e) => e.status === 'missed'));
}

describe('properties', () => {
  it('for any history: never missed while today <= dueBy, sorted by dueBy, daysLeft exactly when due', () => {
    fc.assert(fc.property(anyInput, checkInvariants), { numRuns: 500 });
  });

  it('the same for histories the workflow writes', () => {
    fc.assert(fc.property(workflowCase, checkInvariants), { numRuns: 300 });
  });

  it('agrees with the stage the workflow reached', () => {
    fc.assert(
      fc.property(workflowCase, (input) => {
        const entries = statutoryClock(input);
        const status = (step: string) => entry(entries, step)?.status;
        const done = ['met', 'met_late'];
        switch (input.stage) {
          case 'request_received':
            expect(steps(entries)).toEqual(['decisionToAssess']);
            break;
          case 'assessment_refused':
            expect(done).toContain(status('decisionToAssess'));
            expect(steps(entries).filter((s) => s !== 'appeal')).toEqual(['decisionToAssess']);
            break;
          case 'advice_gathering':
            expect(['due', 'missed']).toContain(status('noticeNotToIssue'));
            expect(['due', 'missed']).toContain(status('finalPlan'));
            break;
          case 'plan_refused':
            expect(done).toContain(status('noticeNotToIssue'));
            expect(status('finalPlan')).toBeUndefined();
            break;
          case 'plan_agreed':
          case 'draft_plan_issued':
            expect(status('noticeNotToIssue') === undefined || done.includes(status('noticeNotToIssue')!)).toBe(true);
            expect(['due', 'missed']).toContain(status('finalPlan'));
            expect(status('draftComments') !== undefined).toBe(input.stage === 'draft_plan_issued');
            break;
          case 'final_plan_issued':
          case 'plan_maintained':
            expect(done).toContain(status('finalPlan'));
            expect(['due', 'missed']).toContain(status('annualReview'));
            break;
          default:
            expect(entries.every((e) => done.includes(e.status))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('an exception for a step never leaves that step missed', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const withAll = {
          ...input,
          exceptions: (['decisionToAssess', 'noticeNotToIssue', 'finalPlan', 'annualReview'] as const).map((step) => ({
            step,
            kind: 'family_asked_pause' as const,
            recordedOn: input.today,
          })),
        };
        expect(missedSteps(statutoryClock(withAll))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('the decision whether to assess is always there on an open case, due 6 weeks after the request', () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        fc.pre(input.stage !== 'withdrawn' && input.stage !== 'ceased');
        const decision = entry(statutoryClock(input), 'decisionToAssess');
        expect(decision?.dueBy).toBe(new Date(Date.parse(input.requestReceived) + 42 * DAY_MS).toISOString().slice(0, 10));
      }),
      { numRuns: 200 },
    );
  });
});
