import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseStages, type CaseStage } from '../../../db/schema/cases';
import { roles, type Role } from '../../../db/schema/people';
import {
  applyCommand,
  availableCommands,
  familyStageSummary,
  isOpen,
  nextStatutoryStep,
  stageSummaryKeys,
  workflowCommandTypes,
  workflowErrorKeys,
  workflowEventKinds,
  type WorkflowCommand,
  type WorkflowCommandType,
  type WorkflowContext,
  type WorkflowResult,
} from '~/domain/case-workflow';

// ---------------------------------------------------------------------------------------------
// An oracle written from the brief, independent of the module's own tables.

const TERMINAL: CaseStage[] = ['withdrawn', 'ceased'];
const OPEN: CaseStage[] = caseStages.filter((stage) => !TERMINAL.includes(stage));
const LA: Role[] = ['caseworker', 'manager'];
const WHO: Record<WorkflowCommandType, Role[]> = {
  decide_to_assess: LA,
  decide_to_issue: LA,
  issue_draft_plan: LA,
  issue_final_plan: LA,
  plan_in_place: LA,
  withdraw: [...LA, 'parent', 'young_person'],
  cease: LA,
  reverse_refusal: LA,
};

type Edge = { from: CaseStage; type: WorkflowCommandType; outcome?: string; to: CaseStage };
const EDGES: Edge[] = [
  { from: 'request_received', type: 'decide_to_assess', outcome: 'agreed', to: 'advice_gathering' },
  { from: 'request_received', type: 'decide_to_assess', outcome: 'refused', to: 'assessment_refused' },
  { from: 'advice_gathering', type: 'decide_to_issue', outcome: 'issue', to: 'plan_agreed' },
  { from: 'advice_gathering', type: 'decide_to_issue', outcome: 'not_issue', to: 'plan_refused' },
  { from: 'plan_agreed', type: 'issue_draft_plan', to: 'draft_plan_issued' },
  { from: 'draft_plan_issued', type: 'issue_final_plan', to: 'final_plan_issued' },
  { from: 'final_plan_issued', type: 'plan_in_place', to: 'plan_maintained' },
  { from: 'assessment_refused', type: 'reverse_refusal', to: 'advice_gathering' },
  { from: 'plan_refused', type: 'reverse_refusal', to: 'plan_agreed' },
  ...OPEN.flatMap((from): Edge[] => [
    { from, type: 'withdraw', to: 'withdrawn' },
    { from, type: 'cease', to: 'ceased' },
  ]),
];
const isLegal = (from: CaseStage, type: WorkflowCommandType) => EDGES.some((e) => e.from === from && e.type === type);

// ---------------------------------------------------------------------------------------------
// Fixtures: pinned dates, no clock.

// Monday 5 January 2026; today is Tuesday 30 June 2026.
const REQUEST = '2026-01-05';
const TODAY = '2026-06-30';
const REASONS = 'The advice shows needs that the school cannot meet from its own resources.';

/** Both plans on record: every command is open to the stage's rules alone. */
const ON_RECORD = Object.freeze({ draft: true, final: true });

const caseworker = { role: 'caseworker' as const };
const parent = { role: 'parent' as const };

const ctx = (stage: CaseStage, extra: Partial<WorkflowContext> = {}): WorkflowContext =>
  Object.freeze({ stage, requestReceived: REQUEST, today: TODAY, plansOnRecord: ON_RECORD, ...extra });

/** A valid command of each type (the first outcome where there is a choice). */
const VALID: { [K in WorkflowCommandType]: Extract<WorkflowCommand, { type: K }> } = {
  decide_to_assess: { type: 'decide_to_assess', outcome: 'agreed', reasons: REASONS, decidedOn: '2026-02-06' },
  decide_to_issue: { type: 'decide_to_issue', outcome: 'issue', reasons: REASONS, decidedOn: '2026-04-20' },
  issue_draft_plan: { type: 'issue_draft_plan', servedOn: '2026-05-01' },
  issue_final_plan: { type: 'issue_final_plan', issuedOn: '2026-05-20' },
  plan_in_place: { type: 'plan_in_place' },
  withdraw: { type: 'withdraw', reasons: REASONS },
  cease: { type: 'cease', reasons: REASONS },
  reverse_refusal: { type: 'reverse_refusal', reasons: REASONS, orderedBy: 'tribunal' },
};
const commandFor = (edge: Edge): WorkflowCommand =>
  edge.outcome ? ({ ...VALID[edge.type], outcome: edge.outcome } as WorkflowCommand) : VALID[edge.type];

/** Applies and checks the inputs were left as they were. */
function apply(context: WorkflowContext, command: WorkflowCommand, actor: { role: Role }): WorkflowResult {
  const before = structuredClone({ context, command, actor });
  const result = applyCommand(context, command, actor);
  expect({ context, command, actor }).toEqual(before);
  return result;
}

const expectError = (result: WorkflowResult, error: string, field?: string) =>
  expect(result).toEqual(field === undefined ? { ok: false, error } : { ok: false, error, field });

// ---------------------------------------------------------------------------------------------

describe('legal transitions', () => {
  it.each(EDGES.map((edge) => [`${edge.from} --${edge.type}${edge.outcome ? `(${edge.outcome})` : ''}--> ${edge.to}`, edge] as const))(
    '%s',
    (_name, edge) => {
      const result = apply(ctx(edge.from), commandFor(edge), caseworker);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.to).toBe(edge.to);
      expect(workflowEventKinds).toContain(result.event.kind);
      expect(result.event.details).toMatchObject({ from: edge.from, to: edge.to, actorRole: 'caseworker' });
    },
  );

  it('a manager may do what a caseworker may', () => {
    for (const edge of EDGES) {
      expect(apply(ctx(edge.from), commandFor(edge), { role: 'manager' })).toMatchObject({ ok: true, to: edge.to });
    }
  });

  it('the family may withdraw from every open stage', () => {
    for (const from of OPEN) {
      for (const role of ['parent', 'young_person'] as const) {
        const result = apply(ctx(from), VALID.withdraw, { role });
        expect(result).toMatchObject({ ok: true, to: 'withdrawn', event: { kind: 'request_withdrawn' } });
        if (result.ok) expect(result.event.details.actorRole).toBe(role);
      }
    }
  });
});

describe('illegal transitions', () => {
  const illegal = caseStages.flatMap((stage) =>
    workflowCommandTypes.filter((type) => !isLegal(stage, type)).map((type) => [stage, type] as const),
  );

  it('covers every stage and command that has no edge', () => {
    expect(illegal).toHaveLength(caseStages.length * workflowCommandTypes.length - 23);
  });

  it.each(illegal)('%s refuses %s and changes nothing', (stage, type) => {
    expectError(apply(ctx(stage), VALID[type], caseworker), 'errors.workflow.illegalTransition');
  });

  it('a final plan before the decision to assess is refused, before its fields are looked at', () => {
    expectError(
      apply(ctx('request_received'), { type: 'issue_final_plan', issuedOn: '' }, caseworker),
      'errors.workflow.illegalTransition',
    );
  });

  it('terminal stages refuse the family too', () => {
    for (const stage of TERMINAL) {
      expectError(apply(ctx(stage), VALID.withdraw, parent), 'errors.workflow.illegalTransition');
      expect(availableCommands(stage, parent, ON_RECORD)).toEqual([]);
      expect(availableCommands(stage, caseworker, ON_RECORD)).toEqual([]);
    }
  });

  it('an unknown command is refused', () => {
    const bogus = { type: 'delete_case' } as unknown as WorkflowCommand;
    expectError(apply(ctx('request_received'), bogus, caseworker), 'errors.workflow.unknownCommand');
    expectError(applyCommand(ctx('request_received'), null as unknown as WorkflowCommand, caseworker), 'errors.workflow.unknownCommand');
  });
});

describe('who may act', () => {
  it('a parent trying to record a decision is refused for their role', () => {
    expectError(apply(ctx('request_received'), VALID.decide_to_assess, parent), 'errors.workflow.notAllowedForRole');
  });

  it('the role is checked before the stage: a parent is not told about stages they cannot act on', () => {
    expectError(apply(ctx('ceased'), VALID.issue_final_plan, parent), 'errors.workflow.notAllowedForRole');
  });

  const refused = workflowCommandTypes.flatMap((type) =>
    roles.filter((role) => !WHO[type].includes(role)).map((role) => [type, role] as const),
  );

  it.each(refused)('%s by %s is refused', (type, role) => {
    const from = EDGES.find((edge) => edge.type === type)!.from;
    expectError(apply(ctx(from), VALID[type], { role }), 'errors.workflow.notAllowedForRole');
  });

  it('an unknown role may do nothing', () => {
    const stranger = { role: 'hacker' as Role };
    expectError(apply(ctx('request_received'), VALID.withdraw, stranger), 'errors.workflow.notAllowedForRole');
    expect(availableCommands('request_received', stranger, ON_RECORD)).toEqual([]);
  });

  it.each(caseStages.flatMap((stage) => roles.map((role) => [stage, role] as const)))(
    'availableCommands(%s, %s) matches the rules',
    (stage, role) => {
      const expected = workflowCommandTypes.filter((type) => WHO[type].includes(role) && isLegal(stage, type));
      expect(availableCommands(stage, { role }, ON_RECORD)).toEqual(expected);
    },
  );

  it('offers to record that a plan has ended only once a final plan is on record (issue 15 bug 5a)', () => {
    const noPlan = { draft: false, final: false };
    expect(availableCommands('request_received', caseworker, noPlan)).toEqual(['decide_to_assess', 'withdraw']);
    expect(availableCommands('draft_plan_issued', caseworker, { draft: true, final: false })).not.toContain('cease');
    expect(availableCommands('plan_maintained', caseworker, ON_RECORD)).toContain('cease');
    expectError(apply(ctx('advice_gathering', { plansOnRecord: noPlan }), VALID.cease, caseworker), 'errors.workflow.noPlanToEnd');
  });

  it('shows staff the right buttons at a glance', () => {
    expect(availableCommands('request_received', caseworker, ON_RECORD)).toEqual(['decide_to_assess', 'withdraw', 'cease']);
    expect(availableCommands('plan_refused', caseworker, ON_RECORD)).toEqual(['withdraw', 'cease', 'reverse_refusal']);
    expect(availableCommands('draft_plan_issued', parent, ON_RECORD)).toEqual(['withdraw']);
    expect(availableCommands('draft_plan_issued', { role: 'advocate' }, ON_RECORD)).toEqual([]);
    expect(availableCommands('draft_plan_issued', { role: 'professional' }, ON_RECORD)).toEqual([]);
    expect(availableCommands('draft_plan_issued', { role: 'la_admin' }, ON_RECORD)).toEqual([]);
  });
});

describe('no plan recorded without a plan', () => {
  it('refuses "draft sent" without a draft on record, and "final issued" without a final plan', () => {
    const none = { draft: false, final: false };
    expectError(apply(ctx('plan_agreed', { plansOnRecord: none }), VALID.issue_draft_plan, caseworker), 'errors.workflow.noDraftPlan');
    expectError(apply(ctx('draft_plan_issued', { plansOnRecord: { draft: true, final: false } }), VALID.issue_final_plan, caseworker), 'errors.workflow.noFinalPlan');
  });

  it('allows each once its plan is on record; other steps never need one', () => {
    expect(apply(ctx('plan_agreed', { plansOnRecord: { draft: true, final: false } }), VALID.issue_draft_plan, caseworker).ok).toBe(true);
    expect(apply(ctx('draft_plan_issued', { plansOnRecord: { draft: true, final: true } }), VALID.issue_final_plan, caseworker).ok).toBe(true);
    expect(apply(ctx('request_received', { plansOnRecord: { draft: false, final: false } }), VALID.decide_to_assess, caseworker).ok).toBe(true);
  });
});

describe('what must be recorded', () => {
  const assess = (fields: Record<string, unknown>, context = ctx('request_received')) =>
    apply(context, { ...VALID.decide_to_assess, ...fields } as WorkflowCommand, caseworker);

  describe('reasons', () => {
    it.each([
      ['missing', undefined, 'errors.workflow.reasonsRequired'],
      ['empty', '', 'errors.workflow.reasonsRequired'],
      ['only spaces', '   \n\t ', 'errors.workflow.reasonsRequired'],
      ['not text', 42, 'errors.workflow.reasonsRequired'],
      ['19 characters', 'x'.repeat(19), 'errors.workflow.reasonsTooShort'],
      ['19 characters padded with spaces', `   ${'x'.repeat(19)}   `, 'errors.workflow.reasonsTooShort'],
      ['5001 characters', 'x'.repeat(5001), 'errors.workflow.reasonsTooLong'],
    ])('%s is refused', (_name, reasons, error) => {
      expectError(assess({ reasons }), error, 'reasons');
    });

    it('accepts 20 and 5000 characters after trimming, and records them trimmed', () => {
      const twenty = assess({ reasons: `  ${'y'.repeat(20)}  ` });
      expect(twenty.ok && twenty.event.kind === 'assessment_agreed' && twenty.event.details.reasons).toBe('y'.repeat(20));
      const longest = assess({ reasons: ` ${'z'.repeat(5000)} ` });
      expect(longest.ok && longest.event.kind === 'assessment_agreed' && longest.event.details.reasons).toBe('z'.repeat(5000));
    });

    it.each(['decide_to_issue', 'withdraw', 'cease', 'reverse_refusal'] as const)('%s needs reasons too', (type) => {
      const from = EDGES.find((edge) => edge.type === type)!.from;
      const command = { ...VALID[type], reasons: 'too short' } as WorkflowCommand;
      expectError(apply(ctx(from), command, caseworker), 'errors.workflow.reasonsTooShort', 'reasons');
    });
  });

  describe('dates', () => {
    it.each([
      ['missing', undefined, 'errors.workflow.dateRequired'],
      ['null', null, 'errors.workflow.dateRequired'],
      ['empty', '', 'errors.workflow.dateRequired'],
      ['not a real date', '2026-02-30', 'errors.workflow.invalidDate'],
      ['not ISO', '06/02/2026', 'errors.workflow.invalidDate'],
      ['a Date object', new Date('2026-02-06T00:00:00Z'), 'errors.workflow.invalidDate'],
      ['tomorrow', '2026-07-01', 'errors.workflow.dateInFuture'],
      ['the day before the request', '2026-01-04', 'errors.workflow.dateBeforeRequest'],
    ])('decidedOn %s is refused', (_name, decidedOn, error) => {
      expectError(assess({ decidedOn }), error, 'decidedOn');
    });

    it('accepts the day of the request and today', () => {
      expect(assess({ decidedOn: REQUEST }).ok).toBe(true);
      expect(assess({ decidedOn: TODAY }).ok).toBe(true);
    });

    it('decide_to_issue checks decidedOn the same way', () => {
      const issue = (decidedOn: string) =>
        apply(ctx('advice_gathering'), { ...VALID.decide_to_issue, decidedOn } as WorkflowCommand, caseworker);
      expectError(issue('2026-07-01'), 'errors.workflow.dateInFuture', 'decidedOn');
      expectError(issue('2025-12-31'), 'errors.workflow.dateBeforeRequest', 'decidedOn');
    });

    it('the draft and final plan dates are checked against the request and today', () => {
      const draft = (servedOn: unknown) =>
        apply(ctx('plan_agreed'), { type: 'issue_draft_plan', servedOn } as WorkflowCommand, caseworker);
      expectError(draft(undefined), 'errors.workflow.dateRequired', 'servedOn');
      expectError(draft('2026-13-01'), 'errors.workflow.invalidDate', 'servedOn');
      expectError(draft('2026-07-01'), 'errors.workflow.dateInFuture', 'servedOn');
      expectError(draft('2026-01-04'), 'errors.workflow.dateBeforeRequest', 'servedOn');

      const final = (issuedOn: unknown) =>
        apply(ctx('draft_plan_issued'), { type: 'issue_final_plan', issuedOn } as WorkflowCommand, caseworker);
      expectError(final(''), 'errors.workflow.dateRequired', 'issuedOn');
      expectError(final('2026-07-01'), 'errors.workflow.dateInFuture', 'issuedOn');
      expectError(final('2026-01-04'), 'errors.workflow.dateBeforeRequest', 'issuedOn');
    });

    it('the final plan cannot be dated before the draft, when the draft date is known', () => {
      const context = ctx('draft_plan_issued', { draftServedOn: '2026-05-01' });
      const final = (issuedOn: string) => apply(context, { type: 'issue_final_plan', issuedOn }, caseworker);
      expectError(final('2026-04-30'), 'errors.workflow.dateBeforeDraft', 'issuedOn');
      expect(final('2026-05-01')).toMatchObject({ ok: true, to: 'final_plan_issued' });
      // Unknown draft date: only the request and today bound it.
      expect(apply(ctx('draft_plan_issued', { draftServedOn: null }), { type: 'issue_final_plan', issuedOn: '2026-04-30' }, caseworker).ok).toBe(true);
    });
  });

  describe('choices', () => {
    it.each([undefined, '', 'maybe', 'issue'])('decide_to_assess outcome %j is refused', (outcome) => {
      expectError(assess({ outcome }), 'errors.workflow.outcomeRequired', 'outcome');
    });

    it.each([undefined, 'agreed'])('decide_to_issue outcome %j is refused', (outcome) => {
      const command = { ...VALID.decide_to_issue, outcome } as WorkflowCommand;
      expectError(apply(ctx('advice_gathering'), command, caseworker), 'errors.workflow.outcomeRequired', 'outcome');
    });

    it.each([undefined, '', 'parent', 'court'])('reverse_refusal orderedBy %j is refused', (orderedBy) => {
      const command = { ...VALID.reverse_refusal, orderedBy } as WorkflowCommand;
      expectError(apply(ctx('assessment_refused'), command, caseworker), 'errors.workflow.orderedByRequired', 'orderedBy');
    });

    it('reports the first problem in form order', () => {
      expectError(assess({ outcome: undefined, reasons: '', decidedOn: 'x' }), 'errors.workflow.outcomeRequired', 'outcome');
      expectError(assess({ reasons: '', decidedOn: 'x' }), 'errors.workflow.reasonsRequired', 'reasons');
    });
  });

  it('a context that is not a real case is a bug and throws', () => {
    expect(() => applyCommand(ctx('open' as CaseStage), VALID.withdraw, caseworker)).toThrow(RangeError);
    expect(() => applyCommand(ctx('request_received', { today: '2026-06-31' }), VALID.withdraw, caseworker)).toThrow(RangeError);
    expect(() => applyCommand(ctx('request_received', { requestReceived: '' }), VALID.withdraw, caseworker)).toThrow(RangeError);
    expect(() => applyCommand(ctx('draft_plan_issued', { draftServedOn: 'soon' }), VALID.withdraw, caseworker)).toThrow(RangeError);
  });
});

describe('events carry what the timeline needs (dates checked by hand)', () => {
  it('an agreement to assess carries the assessment deadlines from the request', () => {
    // 5 January 2026 + 6, 16 and 20 weeks.
    expect(apply(ctx('request_received'), VALID.decide_to_assess, caseworker)).toEqual({
      ok: true,
      to: 'advice_gathering',
      event: {
        kind: 'assessment_agreed',
        details: {
          from: 'request_received',
          to: 'advice_gathering',
          actorRole: 'caseworker',
          outcome: 'agreed',
          reasons: REASONS,
          decidedOn: '2026-02-06',
          deadlines: { decisionToAssess: '2026-02-16', noticeNotToIssue: '2026-04-27', finalPlan: '2026-05-25' },
        },
      },
    });
  });

  it('a refusal to assess carries the appeal deadline, moved past Easter Monday', () => {
    // Friday 6 February 2026 + 2 months = Monday 6 April 2026, Easter Monday -> Tuesday 7 April.
    const result = apply(ctx('request_received'), { ...VALID.decide_to_assess, outcome: 'refused' }, caseworker);
    expect(result).toEqual({
      ok: true,
      to: 'assessment_refused',
      event: {
        kind: 'assessment_refused',
        details: {
          from: 'request_received',
          to: 'assessment_refused',
          actorRole: 'caseworker',
          outcome: 'refused',
          reasons: REASONS,
          decidedOn: '2026-02-06',
          appealDeadline: '2026-04-07',
        },
      },
    });
  });

  it('a refusal to issue a plan carries the appeal deadline, moved out of August', () => {
    // 15 June 2026 + 2 months = 15 August; August -> first working day after 31 August, itself
    // the summer bank holiday -> Tuesday 1 September 2026.
    const command: WorkflowCommand = { type: 'decide_to_issue', outcome: 'not_issue', reasons: REASONS, decidedOn: '2026-06-15' };
    const result = apply(ctx('advice_gathering'), command, { role: 'manager' });
    expect(result).toEqual({
      ok: true,
      to: 'plan_refused',
      event: {
        kind: 'plan_refused',
        details: {
          from: 'advice_gathering',
          to: 'plan_refused',
          actorRole: 'manager',
          outcome: 'not_issue',
          reasons: REASONS,
          decidedOn: '2026-06-15',
          appealDeadline: '2026-09-01',
        },
      },
    });
  });

  it('an agreement to issue carries no appeal deadline', () => {
    const result = apply(ctx('advice_gathering'), VALID.decide_to_issue, caseworker);
    expect(result.ok && result.event).toEqual({
      kind: 'plan_agreed',
      details: { from: 'advice_gathering', to: 'plan_agreed', actorRole: 'caseworker', outcome: 'issue', reasons: REASONS, decidedOn: '2026-04-20' },
    });
  });

  it("a draft plan carries the last day of the family's 15 days", () => {
    // Served Friday 1 May 2026: day 1 of 15 -> Friday 15 May.
    const result = apply(ctx('plan_agreed'), VALID.issue_draft_plan, caseworker);
    expect(result.ok && result.event).toEqual({
      kind: 'draft_plan_issued',
      details: { from: 'plan_agreed', to: 'draft_plan_issued', actorRole: 'caseworker', servedOn: '2026-05-01', commentsLastDay: '2026-05-15' },
    });
  });

  it('a final plan carries when the first annual review is due', () => {
    // Issued 20 May 2026: the 12 months starting that day end on 19 May 2027.
    const result = apply(ctx('draft_plan_issued', { draftServedOn: '2026-05-01' }), VALID.issue_final_plan, caseworker);
    expect(result.ok && result.event).toEqual({
      kind: 'final_plan_issued',
      details: { from: 'draft_plan_issued', to: 'final_plan_issued', actorRole: 'caseworker', issuedOn: '2026-05-20', annualReviewDueBy: '2027-05-19' },
    });
  });

  it('the other events record who, and the reasons or order', () => {
    const inPlace = apply(ctx('final_plan_issued'), VALID.plan_in_place, caseworker);
    expect(inPlace.ok && inPlace.event).toEqual({
      kind: 'plan_in_place',
      details: { from: 'final_plan_issued', to: 'plan_maintained', actorRole: 'caseworker' },
    });
    const withdrawn = apply(ctx('advice_gathering'), VALID.withdraw, { role: 'young_person' });
    expect(withdrawn.ok && withdrawn.event).toEqual({
      kind: 'request_withdrawn',
      details: { from: 'advice_gathering', to: 'withdrawn', actorRole: 'young_person', reasons: REASONS },
    });
    const ceased = apply(ctx('plan_maintained'), VALID.cease, caseworker);
    expect(ceased.ok && ceased.event).toEqual({
      kind: 'plan_ceased',
      details: { from: 'plan_maintained', to: 'ceased', actorRole: 'caseworker', reasons: REASONS },
    });
    const reversed = apply(ctx('plan_refused'), { ...VALID.reverse_refusal, orderedBy: 'mediation' }, caseworker);
    expect(reversed.ok && reversed.event).toEqual({
      kind: 'refusal_reversed',
      details: { from: 'plan_refused', to: 'plan_agreed', actorRole: 'caseworker', orderedBy: 'mediation', reasons: REASONS },
    });
  });
});

describe('where we are', () => {
  it('only withdrawn and ceased are closed', () => {
    expect(caseStages.filter((stage) => !isOpen(stage))).toEqual(TERMINAL);
  });

  it('every stage has a family summary key', () => {
    expect(Object.keys(stageSummaryKeys).sort()).toEqual([...caseStages].sort());
    for (const stage of caseStages) {
      expect(familyStageSummary(stage)).toBe(`workflow.summary.${stage}`);
    }
  });

  it.each([
    ['request_received', 'decisionToAssess'],
    ['advice_gathering', 'noticeNotToIssue'],
    ['plan_agreed', 'finalPlan'],
    ['draft_plan_issued', 'draftComments'],
    ['final_plan_issued', 'annualReview'],
    ['plan_maintained', 'annualReview'],
    ['assessment_refused', null],
    ['plan_refused', null],
    ['withdrawn', null],
    ['ceased', null],
  ] as const)('the next statutory step after %s is %s', (stage, step) => {
    expect(nextStatutoryStep(stage)).toBe(step);
  });
});

describe('translation keys', () => {
  const source = readFileSync('app/domain/case-workflow.ts', 'utf8');

  it('lists every error key the module uses, once, as errors.workflow.*', () => {
    const used = new Set([...source.matchAll(/'(errors\.workflow\.\w+)'/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...workflowErrorKeys].sort());
    expect(new Set(workflowErrorKeys).size).toBe(workflowErrorKeys.length);
  });

  it('writes every summary key out as a literal', () => {
    for (const key of Object.values(stageSummaryKeys)) expect(source).toContain(`'${key}'`);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const isoDateBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

const anyActor = fc.constantFrom(...roles).map((role) => ({ role }));
const anyStage = fc.constantFrom(...caseStages);
// Mostly around the case's window, sometimes outside it or not a date at all.
const anyDate = fc.oneof(
  { weight: 4, arbitrary: isoDateBetween(REQUEST, TODAY) },
  { weight: 1, arbitrary: isoDateBetween('2025-06-01', '2027-06-01') },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '', '2026-02-30', 'today', 20260206) },
);
const anyReasons = fc.oneof(
  { weight: 4, arbitrary: fc.string({ minLength: 20, maxLength: 80 }).map((s) => `Because ${s} and so on.`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, null, '   ', 'x'.repeat(5001)) },
);
const anyOf = <T>(...values: T[]) => fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(undefined, 'other') });

const anyCommand = fc.oneof(
  fc.record({ type: fc.constant('decide_to_assess'), outcome: anyOf('agreed', 'refused'), reasons: anyReasons, decidedOn: anyDate }),
  fc.record({ type: fc.constant('decide_to_issue'), outcome: anyOf('issue', 'not_issue'), reasons: anyReasons, decidedOn: anyDate }),
  fc.record({ type: fc.constant('issue_draft_plan'), servedOn: anyDate }),
  fc.record({ type: fc.constant('issue_final_plan'), issuedOn: anyDate }),
  fc.record({ type: fc.constant('plan_in_place') }),
  fc.record({ type: fc.constant('withdraw'), reasons: anyReasons }),
  fc.record({ type: fc.constant('cease'), reasons: anyReasons }),
  fc.record({ type: fc.constant('reverse_refusal'), reasons: anyReasons, orderedBy: anyOf('mediation', 'tribunal', 'la_review') }),
  fc.record({ type: fc.constantFrom<unknown>('delete_case', undefined, 'DECIDE_TO_ASSESS') }),
) as fc.Arbitrary<WorkflowCommand>;

describe('properties', () => {
  it('any sequence of commands by anyone only moves along the allowed edges, and terminal stages stay terminal', () => {
    fc.assert(
      fc.property(anyStage, fc.array(fc.tuple(anyCommand, anyActor), { maxLength: 25 }), (start, steps) => {
        let stage: CaseStage = start;
        let draftServedOn: string | null = null;
        let closed = TERMINAL.includes(stage);
        for (const [command, actor] of steps) {
          const context = ctx(stage, { draftServedOn });
          const result = apply(context, command, actor);
          if (!result.ok) {
            expect(workflowErrorKeys).toContain(result.error);
            continue;
          }
          expect(closed).toBe(false);
          const edge = EDGES.find((e) => e.from === stage && e.type === command.type && e.to === result.to);
          expect(edge).toBeDefined();
          expect(WHO[command.type]).toContain(actor.role);
          expect(availableCommands(stage, actor, ON_RECORD)).toContain(command.type);
          expect(result.event.details).toMatchObject({ from: stage, to: result.to });
          if (command.type === 'issue_draft_plan') draftServedOn = command.servedOn;
          stage = result.to;
          closed = TERMINAL.includes(stage);
        }
        expect(isOpen(stage)).toBe(!closed);
      }),
      { numRuns: 500 },
    );
  });

  it('a valid command succeeds exactly when it is one of the available commands', () => {
    const validCommand = fc.constantFrom(...EDGES).map(commandFor);
    fc.assert(
      fc.property(anyStage, anyActor, validCommand, (stage, actor, command) => {
        const result = apply(ctx(stage), command, actor);
        expect(result.ok).toBe(availableCommands(stage, actor, ON_RECORD).includes(command.type));
        if (!result.ok) {
          expect(['errors.workflow.notAllowedForRole', 'errors.workflow.illegalTransition']).toContain(result.error);
          expect(result).not.toHaveProperty('field');
        }
      }),
      { numRuns: 300 },
    );
  });
});
