import { describe, expect, it } from 'vitest';
import type { ClockEntry } from '~/domain/case-clock';
import { adviceTimeliness, calendarYear, stepTimeliness, timelinessFigures, type CaseClockFacts } from '~/domain/timeliness';

const year = calendarYear(2026);
const plan = (status: ClockEntry['status'], dueBy: string, completedOn?: string): ClockEntry => ({ step: 'finalPlan', status, dueBy, completedOn });
const decision = (status: ClockEntry['status'], dueBy: string, completedOn?: string): ClockEntry => ({ step: 'decisionToAssess', status, dueBy, completedOn });
const facts = (clock: ClockEntry[], exceptions: CaseClockFacts['exceptions'] = []): CaseClockFacts => ({ clock, exceptions });

describe('timeliness of a council step', () => {
  it('counts steps done within the period, on time when met by the due date', () => {
    const cases = [
      facts([plan('met', '2026-03-01', '2026-02-20')]),
      facts([plan('met_late', '2026-03-01', '2026-03-20')]),
      facts([plan('met', '2026-12-31', '2026-12-31')]), // last day of the period counts
      facts([plan('met', '2026-01-10', '2025-12-31')]), // done in the year before: not counted
      facts([plan('due', '2027-02-01')]), // not done
    ];
    expect(stepTimeliness(cases, 'finalPlan', year)).toEqual({ total: 3, onTime: 2, exceptions: 0, percent: 66.7 });
  });

  it('leaves exception cases out of the rate, as SEN2 does, but only exceptions recorded by the day it was done', () => {
    const cases = [
      facts([plan('met_late', '2026-03-01', '2026-04-01')], [{ step: 'finalPlan', recordedOn: '2026-02-10' }]),
      facts([plan('met_late', '2026-03-01', '2026-04-01')], [{ step: 'finalPlan', recordedOn: '2026-05-01' }]), // recorded afterwards
      facts([plan('met_late', '2026-03-01', '2026-04-01')], [{ step: 'decisionToAssess', recordedOn: '2026-01-10' }]), // another step
      facts([plan('met', '2026-03-01', '2026-02-01')]),
    ];
    expect(stepTimeliness(cases, 'finalPlan', year)).toEqual({ total: 4, onTime: 1, exceptions: 1, percent: 33.3 });
  });

  it('has no rate when nothing is left to count', () => {
    expect(stepTimeliness([], 'decisionToAssess', year)).toEqual({ total: 0, onTime: 0, exceptions: 0, percent: null });
    const onlyException = [facts([decision('met_late', '2026-02-01', '2026-02-10')], [{ step: 'decisionToAssess', recordedOn: '2026-01-20' }])];
    expect(stepTimeliness(onlyException, 'decisionToAssess', year)).toMatchObject({ total: 1, exceptions: 1, percent: null });
  });
});

describe('timeliness of professional advice', () => {
  it('counts advice sent within the period, on time when sent by the due date', () => {
    const advice = [
      { dueBy: '2026-05-01', sentOn: '2026-05-01', open: false },
      { dueBy: '2026-05-01', sentOn: '2026-05-02', open: false },
      { dueBy: '2026-05-01', sentOn: null, open: true },
      { dueBy: '2025-12-01', sentOn: '2025-12-30', open: false },
    ];
    expect(adviceTimeliness(advice, year)).toEqual({ total: 2, onTime: 1, exceptions: 0, percent: 50 });
  });
});

describe('all the figures', () => {
  it('adds what is past its time limit today: no exception, not cancelled', () => {
    const cases = [
      facts([decision('met', '2026-02-01', '2026-01-20'), plan('missed', '2026-05-01')]),
      facts([decision('met', '2026-02-01', '2026-01-25'), plan('exception', '2026-05-01')], [{ step: 'finalPlan', recordedOn: '2026-04-01' }]),
      facts([decision('met_late', '2026-02-01', '2026-02-05'), plan('due', '2026-12-01')]),
      facts([decision('missed', '2026-06-01')]),
    ];
    const advice = [
      { dueBy: '2026-06-01', sentOn: null, open: true },
      { dueBy: '2026-06-02', sentOn: null, open: true }, // due today
      { dueBy: '2026-05-01', sentOn: null, open: false }, // cancelled
    ];
    expect(timelinessFigures(cases, advice, year, '2026-06-02')).toEqual({
      decisions: { total: 3, onTime: 2, exceptions: 0, percent: 66.7 },
      finalPlans: { total: 0, onTime: 0, exceptions: 0, percent: null },
      advice: { total: 0, onTime: 0, exceptions: 0, percent: null },
      overdueNow: { decisions: 1, finalPlans: 1, advice: 1 },
    });
  });
});
