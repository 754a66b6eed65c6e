import { describe, expect, it } from 'vitest';
import {
  appealStepProblem,
  applyAppealStep,
  mediationAppealDeadline,
  mediationProblems,
  orderCompliance,
  orderCompliesBy,
  orderKinds,
  orderMilestones,
  ordersFor,
  appealableDecisions,
  type AppealFacts,
} from '~/domain/appeals';
import { appealDeadline } from '~/domain/timescales';

/** Hand-worked dates (England and Wales bank holidays; 2028 is a leap year). */
describe('the appeal deadline after mediation (the existing rule, reg 33 / Tribunal rules)', () => {
  it('is 2 months from the decision when the certificate comes early', () => {
    // 31 Jan 2027 + 2 months = 31 Mar 2027 (Wednesday); certificate + 1 month = 28 Feb.
    expect(mediationAppealDeadline({ decisionSentOn: '2027-01-31', certificateIssuedOn: '2027-01-28' })).toBe('2027-03-31');
  });
  it('is 1 month from the certificate when that is later, to the last day of a short month', () => {
    // 31 Jan 2027 + 1 month = 28 Feb 2027 (Sunday) -> Monday 1 March; decision 2 Dec + 2 months = 2 Feb.
    expect(mediationAppealDeadline({ decisionSentOn: '2026-12-02', certificateIssuedOn: '2027-01-31' })).toBe('2027-03-01');
  });
  it('reaches 29 February in a leap year', () => {
    // Certificate 31 Jan 2028 + 1 month = 29 Feb 2028 (Tuesday); decision 20 Dec 2027 + 2 months = 20 Feb 2028.
    expect(mediationAppealDeadline({ decisionSentOn: '2027-12-20', certificateIssuedOn: '2028-01-31' })).toBe('2028-02-29');
  });
  it('moves off a bank holiday', () => {
    // Certificate 3 Apr 2027 + 1 month = Monday 3 May 2027, the early May bank holiday -> 4 May.
    expect(mediationAppealDeadline({ decisionSentOn: '2027-02-01', certificateIssuedOn: '2027-04-03' })).toBe('2027-05-04');
  });
  it('ending in August, is in time on the first working day of September', () => {
    // Certificate 10 Jul 2027 + 1 month = 10 Aug 2027 -> Wednesday 1 September (30 August is a bank holiday, 31st the month's end).
    expect(mediationAppealDeadline({ decisionSentOn: '2027-05-20', certificateIssuedOn: '2027-07-10' })).toBe('2027-09-01');
  });
  it('is exactly the existing function with the certificate, never a second rule', () => {
    for (const [decision, certificate] of [
      ['2027-01-31', '2027-03-31'],
      ['2027-10-31', '2027-11-30'],
      ['2028-06-15', '2028-06-20'],
    ] as const) {
      expect(mediationAppealDeadline({ decisionSentOn: decision, certificateIssuedOn: certificate })).toBe(appealDeadline(decision, certificate));
    }
  });
});

describe('a mediation as recorded', () => {
  const base = { decision: 'refuse_assessment', decisionSentOn: '2027-01-10', adviserContactedOn: '2027-01-20', certificateIssuedOn: '2027-01-25', certificateKind: 'not_pursued', outcome: null } as const;
  it('adds up', () => expect(mediationProblems(base, '2027-02-01')).toEqual({}));
  it('needs an outcome once mediation was held, and none when it was not', () => {
    expect(mediationProblems({ ...base, certificateKind: 'held' }, '2027-02-01')).toEqual({ outcome: 'outcomeRequired' });
    expect(mediationProblems({ ...base, outcome: 'agreed' }, '2027-02-01')).toEqual({ outcome: 'outcomeNotHeld' });
  });
  it('keeps the dates in order and out of the future', () => {
    expect(mediationProblems({ ...base, adviserContactedOn: '2027-01-09' }, '2027-02-01')).toMatchObject({ adviserContactedOn: 'contactBeforeDecision' });
    expect(mediationProblems({ ...base, certificateIssuedOn: '2027-01-19' }, '2027-02-01')).toMatchObject({ certificateIssuedOn: 'certificateBeforeContact' });
    expect(mediationProblems({ ...base, certificateIssuedOn: '2027-02-02' }, '2027-02-01')).toMatchObject({ certificateIssuedOn: 'inFuture' });
    // On the day is not the future.
    expect(mediationProblems({ ...base, certificateIssuedOn: '2027-02-01' }, '2027-02-01')).toEqual({});
  });
});

describe('orders and their compliance dates (reg 44(2))', () => {
  it('to assess: notify in 2 weeks, no-plan decision in 10, final plan in 14, across 29 February', () => {
    expect(orderMilestones('assess', '2028-02-15')).toEqual([
      { step: 'notifyAssessment', dueBy: '2028-02-29' },
      { step: 'decideNoPlan', dueBy: '2028-04-25' },
      { step: 'finalPlan', dueBy: '2028-05-23' },
    ]);
    expect(orderCompliesBy('assess', '2028-02-15')).toBe('2028-05-23');
    expect(orderCompliesBy('reassess', '2028-02-15')).toBe('2028-05-23');
  });
  it('to make a plan: draft in 5 weeks, final in 11, across a year end', () => {
    expect(orderMilestones('make_plan', '2027-12-20')).toEqual([
      { step: 'draftPlan', dueBy: '2028-01-24' },
      { step: 'finalPlan', dueBy: '2028-03-06' },
    ]);
  });
  it('counts calendar weeks: a date on a bank holiday is not moved', () => {
    // 22 Nov 2027 + 5 weeks = Monday 27 December 2027 (the Christmas Day substitute holiday).
    expect(orderCompliesBy('amend_provision', '2027-11-22')).toBe('2027-12-27');
  });
  it('to name a school, reconsider: 2 weeks; to continue or cease: the same day', () => {
    expect(orderCompliesBy('name_school', '2027-03-31')).toBe('2027-04-14');
    expect(orderCompliesBy('reconsider', '2027-03-31')).toBe('2027-04-14');
    expect(orderCompliesBy('continue_plan', '2027-03-31')).toBe('2027-03-31');
    expect(orderCompliesBy('cease_plan', '2027-03-31')).toBe('2027-03-31');
    expect(orderMilestones('continue_and_amend', '2027-03-31')).toEqual([
      { step: 'continuePlan', dueBy: '2027-03-31' },
      { step: 'amendedPlan', dueBy: '2027-05-05' },
    ]);
  });
  it('every kind has its steps in date order, and is offered for some decision', () => {
    for (const kind of orderKinds) {
      const dates = orderMilestones(kind, '2027-06-01').map((m) => m.dueBy);
      expect([...dates].sort()).toEqual(dates);
      expect(appealableDecisions.some((d) => ordersFor[d].includes(kind))).toBe(true);
    }
  });
});

describe('met, due or missed on a day', () => {
  const order = { compliesBy: '2027-04-14', compliedOn: null };
  it('is due up to and on its date, then missed', () => {
    expect(orderCompliance(order, '2027-04-01')).toEqual({ status: 'due', daysLeft: 13 });
    expect(orderCompliance(order, '2027-04-14')).toEqual({ status: 'due', daysLeft: 0 });
    expect(orderCompliance(order, '2027-04-15')).toEqual({ status: 'missed', daysLeft: -1 });
  });
  it('is met when complied with on or before its date, whatever today is; missed when late', () => {
    expect(orderCompliance({ ...order, compliedOn: '2027-04-14' }, '2027-12-01')).toEqual({ status: 'met', daysLeft: null });
    expect(orderCompliance({ ...order, compliedOn: '2027-04-15' }, '2027-04-15')).toEqual({ status: 'missed', daysLeft: null });
  });
});

describe('the appeal moves registered -> hearing listed -> decided', () => {
  const registered: AppealFacts = { status: 'registered', registeredOn: '2027-03-01', hearingOn: null, decidedOn: null, outcome: null };
  it('lists a hearing, then is decided at it', () => {
    const step = { kind: 'listHearing', hearingOn: '2027-06-10' } as const;
    expect(appealStepProblem(registered, step, '2027-03-05')).toBeNull();
    const listed = applyAppealStep(registered, step);
    expect(listed).toMatchObject({ status: 'hearing_listed', hearingOn: '2027-06-10' });
    const decide = { kind: 'decide', decidedOn: '2027-06-24', outcome: 'upheld' } as const;
    expect(appealStepProblem(listed, decide, '2027-06-24')).toBeNull();
    expect(applyAppealStep(listed, decide)).toMatchObject({ status: 'decided', outcome: 'upheld', decidedOn: '2027-06-24' });
  });
  it('a withdrawal or concession needs no hearing; a decision on the merits does', () => {
    expect(appealStepProblem(registered, { kind: 'decide', decidedOn: '2027-03-10', outcome: 'conceded' }, '2027-03-10')).toBeNull();
    expect(appealStepProblem(registered, { kind: 'decide', decidedOn: '2027-03-10', outcome: 'withdrawn' }, '2027-03-10')).toBeNull();
    expect(appealStepProblem(registered, { kind: 'decide', decidedOn: '2027-03-10', outcome: 'dismissed' }, '2027-03-10')).toBe('hearingNeeded');
  });
  it('refuses dates before registration, decisions in the future, and anything once decided', () => {
    expect(appealStepProblem(registered, { kind: 'listHearing', hearingOn: '2027-02-28' }, '2027-03-05')).toBe('beforeRegistered');
    expect(appealStepProblem(registered, { kind: 'decide', decidedOn: '2027-03-11', outcome: 'conceded' }, '2027-03-10')).toBe('decidedInFuture');
    const decided = applyAppealStep(registered, { kind: 'decide', decidedOn: '2027-03-10', outcome: 'conceded' });
    expect(appealStepProblem(decided, { kind: 'listHearing', hearingOn: '2027-06-10' }, '2027-03-10')).toBe('alreadyDecided');
  });
});
