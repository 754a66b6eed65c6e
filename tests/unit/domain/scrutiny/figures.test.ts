import { describe, expect, it } from 'vitest';
import {
  adviceItems,
  apologyItems,
  casesBehind,
  complaintResponseItems,
  surveyItems,
  tribunalOrderItems,
  deadlineOutcome,
  figureById,
  figureIds,
  figureKeys,
  figureValue,
  refusalItems,
  replyItems,
  reviewDecisionItems,
  reviewMeetingItems,
  scrutinyReport,
  statutoryStepItems,
  transferReviewItems,
  type FigureItem,
  type ReviewFact,
  type ScrutinyFacts,
} from '~/domain/scrutiny/figures';
import { trendQuarters } from '~/domain/scrutiny/quarters';

const on = { teamId: 'north' };
/** A case whose final plan was done on `completedOn`, due by `dueBy`, with an exception recorded on `exceptionOn`. */
const finalPlan = (caseId: string, completedOn: string, dueBy: string, exceptionOn?: string) => ({
  caseId,
  ...on,
  clock: [{ step: 'finalPlan' as const, dueBy, status: completedOn <= dueBy ? ('met' as const) : ('met_late' as const), completedOn }],
  exceptions: exceptionOn ? [{ step: 'finalPlan' as const, recordedOn: exceptionOn }] : [],
});
const quarter = { from: '2026-01-01', to: '2026-03-31' };

describe('final plans within 20 weeks, with and without exception cases', () => {
  const clocks = [
    finalPlan('a', '2026-01-10', '2026-01-20'), // on time
    finalPlan('b', '2026-02-10', '2026-01-20'), // late
    finalPlan('c', '2026-03-31', '2026-03-01', '2026-02-01'), // late, exception recorded before: left out of the headline
    finalPlan('d', '2026-03-01', '2026-01-20', '2026-03-02'), // late, exception recorded after it was done: counts as late
    finalPlan('e', '2026-04-01', '2026-04-10'), // done the day after the quarter: not counted
    finalPlan('f', '2025-12-31', '2026-01-10'), // the day before: not counted
  ];
  it('leaves exception cases out of both sides of the headline rate, counting both ends of the period', () => {
    const items = statutoryStepItems(clocks, 'finalPlan', true);
    expect(figureValue(figureById('finalPlans'), items.filter((i) => i.on >= quarter.from && i.on <= quarter.to))).toEqual({ value: 33.3, numerator: 1, denominator: 3, leftOut: 1 });
  });
  it('counts exception cases by the day they were done when they are included', () => {
    const items = statutoryStepItems(clocks, 'finalPlan', false).filter((i) => i.on >= quarter.from && i.on <= quarter.to);
    expect(figureValue(figureById('finalPlansWithExceptions'), items)).toEqual({ value: 25, numerator: 1, denominator: 4, leftOut: 0 });
  });
  it('counts an exception case done on time as on time when exceptions are included', () => {
    const items = statutoryStepItems([finalPlan('g', '2026-01-05', '2026-01-20', '2026-01-02')], 'finalPlan', false);
    expect(items).toEqual([{ caseId: 'g', teamId: 'north', on: '2026-01-05', outcome: 'onTime' }]);
    expect(statutoryStepItems([finalPlan('g', '2026-01-05', '2026-01-20', '2026-01-02')], 'finalPlan', true)[0].outcome).toBe('exception');
  });
  it('skips cases whose step is not done', () => {
    expect(statutoryStepItems([{ caseId: 'h', ...on, clock: [{ step: 'finalPlan', dueBy: '2026-01-20', status: 'missed' }], exceptions: [] }], 'finalPlan', true)).toEqual([]);
  });
});

describe('a deadline', () => {
  it('is on time when done on or before it, late after', () => {
    expect(deadlineOutcome('2026-02-28', '2026-02-28', '2026-06-01')).toBe('onTime');
    expect(deadlineOutcome('2026-02-28', '2026-03-01', '2026-06-01')).toBe('late');
  });
  it('is late once passed without being done, not counted while still to come', () => {
    expect(deadlineOutcome('2026-02-28', null, '2026-03-01')).toBe('late');
    expect(deadlineOutcome('2026-02-28', null, '2026-02-28')).toBeNull();
  });
  it('treats a date arranged in the future as not done yet', () => {
    expect(deadlineOutcome('2026-02-28', '2026-03-10', '2026-02-20')).toBeNull();
    expect(deadlineOutcome('2026-02-28', '2026-03-10', '2026-03-05')).toBe('late');
  });
  it('knows 29 February in a leap year', () => {
    expect(deadlineOutcome('2028-02-29', '2028-02-29', '2028-03-01')).toBe('onTime');
    expect(deadlineOutcome('2028-02-28', '2028-02-29', '2028-03-01')).toBe('late');
  });
});

const review = (caseId: string, facts: Partial<ReviewFact>): ReviewFact => ({
  caseId,
  ...on,
  meetingDueBy: '2026-02-15',
  meetingDate: null,
  decisionDueBy: null,
  decision: null,
  decisionOn: null,
  finalIssuedOn: null,
  transferLastDay: null,
  ...facts,
});

describe('annual reviews', () => {
  const today = '2026-04-10';
  it('counts a meeting by the date it was due by', () => {
    const items = reviewMeetingItems(
      [
        review('held', { meetingDate: '2026-02-10' }),
        review('heldLate', { meetingDate: '2026-02-20' }),
        review('notHeld', {}),
        review('stillToCome', { meetingDueBy: '2026-05-01' }),
      ],
      today,
    );
    expect(items).toEqual([
      { caseId: 'held', teamId: 'north', on: '2026-02-15', outcome: 'onTime' },
      { caseId: 'heldLate', teamId: 'north', on: '2026-02-15', outcome: 'late' },
      { caseId: 'notHeld', teamId: 'north', on: '2026-02-15', outcome: 'late' },
    ]);
  });
  it('counts the decision within 4 weeks of a meeting that has been held', () => {
    const items = reviewDecisionItems(
      [
        review('inTime', { meetingDate: '2026-02-01', decisionDueBy: '2026-03-01', decision: 'keep', decisionOn: '2026-03-01' }),
        review('late', { meetingDate: '2026-02-01', decisionDueBy: '2026-03-01', decision: 'amend', decisionOn: '2026-03-02' }),
        review('undecided', { meetingDate: '2026-02-01', decisionDueBy: '2026-03-01' }),
        review('meetingAhead', { meetingDate: '2026-05-01', decisionDueBy: '2026-05-29' }),
      ],
      today,
    );
    expect(items.map((i) => [i.caseId, i.outcome])).toEqual([
      ['inTime', 'onTime'],
      ['late', 'late'],
      ['undecided', 'late'],
    ]);
  });
  it('counts a transfer review done by its last day: the amended plan, or a decision that needs none', () => {
    const lastDay = '2026-02-14';
    const items = transferReviewItems(
      [
        review('amended', { transferLastDay: lastDay, decision: 'amend', decisionOn: '2026-01-10', finalIssuedOn: '2026-02-14' }),
        review('amendedLate', { transferLastDay: lastDay, decision: 'amend', decisionOn: '2026-01-10', finalIssuedOn: '2026-02-20' }),
        review('kept', { transferLastDay: lastDay, decision: 'keep', decisionOn: '2026-01-20' }),
        review('amendsOutstanding', { transferLastDay: lastDay, decision: 'amend', decisionOn: '2026-01-10' }),
        review('notATransfer', {}),
      ],
      today,
    );
    expect(items.map((i) => [i.caseId, i.on, i.outcome])).toEqual([
      ['amended', lastDay, 'onTime'],
      ['amendedLate', lastDay, 'late'],
      ['kept', lastDay, 'onTime'],
      ['amendsOutstanding', lastDay, 'late'],
    ]);
  });
});

describe('replies, apologies, advice and refusals', () => {
  it('counts each wait once: late with a breach on record, not yet while still within the standard', () => {
    expect(
      replyItems([
        { caseId: 'a', ...on, startedOn: '2026-01-05', breached: false, stillWaiting: false },
        { caseId: 'b', ...on, startedOn: '2026-01-06', breached: true, stillWaiting: false },
        { caseId: 'c', ...on, startedOn: '2026-01-07', breached: true, stillWaiting: true },
        { caseId: 'd', ...on, startedOn: '2026-01-08', breached: false, stillWaiting: true },
      ]).map((i) => [i.caseId, i.outcome]),
    ).toEqual([
      ['a', 'onTime'],
      ['b', 'late'],
      ['c', 'late'],
    ]);
  });
  it('counts apologies, lower being better', () => {
    const items = apologyItems([{ caseId: 'a', ...on, sentOn: '2026-01-05' }, { caseId: 'a', ...on, sentOn: '2026-02-05' }]);
    expect(figureValue(figureById('apologies'), items)).toEqual({ value: 2, numerator: 2, denominator: 2, leftOut: 0 });
    expect(figureValue(figureById('apologies'), [])).toEqual({ value: 0, numerator: 0, denominator: 0, leftOut: 0 });
  });
  it('splits advice by the kind of professional, on time when sent by its due date', () => {
    const advice = [
      { caseId: 'a', ...on, kind: 'health', dueBy: '2026-01-10', sentOn: '2026-01-10', open: false },
      { caseId: 'b', ...on, kind: 'health', dueBy: '2026-01-10', sentOn: '2026-01-11', open: false },
      { caseId: 'c', ...on, kind: 'educational_psychologist', dueBy: '2026-01-10', sentOn: '2026-01-01', open: false },
      { caseId: 'd', ...on, kind: 'health', dueBy: '2026-01-10', sentOn: null, open: true },
    ];
    expect(figureValue(figureById('adviceHealth'), adviceItems(advice, 'health'))).toEqual({ value: 50, numerator: 1, denominator: 2, leftOut: 0 });
    expect(figureValue(figureById('adviceEducationalPsychologist'), adviceItems(advice, 'educational_psychologist')).value).toBe(100);
    expect(figureValue(figureById('adviceSocialCare'), adviceItems(advice, 'social_care')).value).toBeNull();
  });
  it('gives refusals as their share of the decisions of that kind', () => {
    const decisions = [
      { caseId: 'a', ...on, decision: 'assess' as const, refused: true, decidedOn: '2026-01-05' },
      { caseId: 'b', ...on, decision: 'assess' as const, refused: false, decidedOn: '2026-01-06' },
      { caseId: 'c', ...on, decision: 'assess' as const, refused: false, decidedOn: '2026-01-07' },
      { caseId: 'd', ...on, decision: 'issue' as const, refused: true, decidedOn: '2026-01-07' },
    ];
    expect(figureValue(figureById('refusalsToAssess'), refusalItems(decisions, 'assess'))).toEqual({ value: 33.3, numerator: 1, denominator: 3, leftOut: 0 });
    expect(figureValue(figureById('refusalsToIssue'), refusalItems(decisions, 'issue')).value).toBe(100);
  });
});

describe('complaints', () => {
  it('counts each stage’s responses on the day sent, late after the due date', () => {
    const responses = [
      { caseId: 'a', ...on, stage: 1 as const, dueBy: '2026-01-20', respondedOn: '2026-01-20' },
      { caseId: 'b', ...on, stage: 1 as const, dueBy: '2026-01-20', respondedOn: '2026-01-21' },
      { caseId: 'c', ...on, stage: 2 as const, dueBy: '2026-02-20', respondedOn: '2026-02-01' },
    ];
    expect(complaintResponseItems(responses, 1).map((i) => [i.caseId, i.on, i.outcome])).toEqual([
      ['a', '2026-01-20', 'onTime'],
      ['b', '2026-01-21', 'late'],
    ]);
    expect(figureValue(figureById('complaintsStage2'), complaintResponseItems(responses, 2)).value).toBe(100);
  });
});

describe('Tribunal orders', () => {
  it('count on the date they must be complied with by: late when after it, or not done once it has passed', () => {
    const orders = [
      { caseId: 'a', ...on, compliesBy: '2026-02-01', compliedOn: '2026-02-01' },
      { caseId: 'b', ...on, compliesBy: '2026-02-01', compliedOn: '2026-02-03' },
      { caseId: 'c', ...on, compliesBy: '2026-02-01', compliedOn: null },
      { caseId: 'd', ...on, compliesBy: '2026-03-01', compliedOn: null },
    ];
    expect(tribunalOrderItems(orders, '2026-02-20').map((i) => [i.caseId, i.outcome])).toEqual([
      ['a', 'onTime'],
      ['b', 'late'],
      ['c', 'late'],
    ]);
  });
});

describe('survey answers', () => {
  it('count satisfied at 4 or 5, with no case behind any of them', () => {
    const items = surveyItems([
      { teamId: 'north', countedOn: '2026-01-05', satisfaction: 5 },
      { teamId: 'north', countedOn: '2026-01-06', satisfaction: 4 },
      { teamId: 'north', countedOn: '2026-01-07', satisfaction: 3 },
      { teamId: 'south', countedOn: '2026-01-08', satisfaction: 1 },
    ]);
    expect(figureValue(figureById('familiesSatisfied'), items)).toEqual({ value: 50, numerator: 2, denominator: 4, leftOut: 0 });
    expect(items.every((i) => i.caseId === '')).toBe(true);
    expect(figureById('familiesSatisfied').anonymous).toBe(true);
  });
});

describe('the report', () => {
  const empty: ScrutinyFacts = { clocks: [], decisions: [], advice: [], reviews: [], waits: [], apologies: [], complaintResponses: [], surveyResponses: [], tribunalOrders: [], today: '2026-12-06' };
  it('has every figure, with a name and a rule to show', () => {
    expect(figureIds.length).toBe(19);
    for (const id of figureIds) expect(figureKeys[id].name).toBe(`scrutiny.figure.${id}.name`);
  });
  it('rates each figure for the period, its four quarters and each team, against the council thresholds or the defaults', () => {
    const facts: ScrutinyFacts = {
      ...empty,
      clocks: [
        finalPlan('a', '2026-08-01', '2026-09-01'),
        { ...finalPlan('b', '2026-08-02', '2026-07-01'), teamId: 'south' },
        finalPlan('c', '2026-02-01', '2026-01-01'),
      ],
    };
    const report = scrutinyReport(facts, { period: { from: '2026-07-01', to: '2026-09-30' }, quarters: trendQuarters('2026-09-30'), teamIds: ['north', 'south'], teamId: null, thresholds: { finalPlans: { green: 40, amber: 20 } } });
    const plans = report.find((f) => f.id === 'finalPlans')!;
    expect(plans.period).toMatchObject({ value: 50, rag: 'green' });
    expect(plans.thresholds).toEqual({ green: 40, amber: 20 });
    expect(plans.trend.map((q) => [q.quarter.quarter, q.value, q.rag])).toEqual([
      [4, null, 'none'],
      [1, 0, 'red'],
      [2, null, 'none'],
      [3, 50, 'green'],
    ]);
    expect(plans.byTeam.map((b) => [b.teamId, b.value, b.rag])).toEqual([
      ['north', 100, 'green'],
      ['south', 0, 'red'],
    ]);
    // The default thresholds where the council set none: 60 / 40.
    expect(report.find((f) => f.id === 'finalPlansWithExceptions')!.period.rag).toBe('amber');
  });
  it('for one team counts only that team', () => {
    const facts: ScrutinyFacts = { ...empty, clocks: [finalPlan('a', '2026-08-01', '2026-09-01'), { ...finalPlan('b', '2026-08-02', '2026-07-01'), teamId: 'south' }] };
    const report = scrutinyReport(facts, { period: { from: '2026-07-01', to: '2026-09-30' }, quarters: trendQuarters('2026-09-30'), teamIds: ['north', 'south'], teamId: 'south', thresholds: {} });
    expect(report.find((f) => f.id === 'finalPlans')!.period).toMatchObject({ value: 0, numerator: 0, denominator: 1, rag: 'red' });
  });
  it('lists each case behind a figure once, latest first, by outcome', () => {
    const items: FigureItem[] = [
      { caseId: 'a', teamId: 'north', on: '2026-01-05', outcome: 'late' },
      { caseId: 'a', teamId: 'north', on: '2026-02-05', outcome: 'late' },
      { caseId: 'b', teamId: 'south', on: '2026-03-31', outcome: 'late' },
      { caseId: 'c', teamId: 'north', on: '2026-01-01', outcome: 'onTime' },
      { caseId: 'd', teamId: 'north', on: '2026-04-01', outcome: 'late' },
    ];
    expect(casesBehind(items, quarter, null, 'late').map((i) => [i.caseId, i.on])).toEqual([
      ['b', '2026-03-31'],
      ['a', '2026-02-05'],
    ]);
    expect(casesBehind(items, quarter, 'north', null).map((i) => i.caseId)).toEqual(['a', 'c']);
  });
});
