import { describe, expect, it } from 'vitest';
import { statutoryClock, type ClockInput } from '~/domain/case-clock';
import { stepStatusOn, storedCaseDates } from '~/domain/stored-case-dates';
import { addDays } from '~/domain/timescales';

/** What a case stores of its statutory clock (ADR 0056): the edges the lists and reports rely on. */
const received = '2026-01-05'; // 6 weeks: 16 February; 20 weeks: 25 May
const input = (changes: Partial<ClockInput>): ClockInput => ({ stage: 'request_received', requestReceived: received, today: '2026-01-20', events: [], exceptions: [], ...changes });
const refused = { kind: 'assessment_refused', details: { decidedOn: '2026-02-10', appealDeadline: '2026-04-10' } };

describe('the stored next date', () => {
  it('is the clock’s next date, kept when it is missed (a missed date is still the one to work to)', () => {
    expect(storedCaseDates(input({}))).toMatchObject({ nextDueOn: '2026-02-16', nextDueStep: 'decisionToAssess', recheckOn: null });
    expect(storedCaseDates(input({ today: '2026-03-01' }))).toMatchObject({ nextDueOn: '2026-02-16', recheckOn: null });
  });

  it('is a family’s window while it is open, to be looked at again the day after it closes', () => {
    const open = storedCaseDates(input({ stage: 'assessment_refused', events: [refused], today: '2026-02-10' }));
    expect(open).toMatchObject({ nextDueOn: '2026-04-10', nextDueStep: 'appeal', recheckOn: '2026-04-11' });
    // The day after: the window has left the clock, and nothing is due.
    expect(storedCaseDates(input({ stage: 'assessment_refused', events: [refused], today: '2026-04-11' }))).toMatchObject({ nextDueOn: null, recheckOn: null });
  });

  it('is looked at again on the day an exception recorded for a later day starts to count', () => {
    const later = storedCaseDates(input({ exceptions: [{ step: 'decisionToAssess', kind: 'school_closed', recordedOn: '2026-02-01' }] }));
    expect(later).toMatchObject({ nextDueOn: '2026-02-16', recheckOn: '2026-02-01' });
    expect(storedCaseDates(input({ today: '2026-02-01', exceptions: [{ step: 'decisionToAssess', kind: 'school_closed', recordedOn: '2026-02-01' }] }))).toMatchObject({ nextDueOn: null, recheckOn: null });
  });
});

describe('a stored step’s status on any day', () => {
  it('is the clock’s status for that day, for each council step, over a year of days', () => {
    const histories: ClockInput[] = [
      input({}),
      input({ exceptions: [{ step: 'decisionToAssess', kind: 'family_away', recordedOn: '2026-03-10' }] }),
      input({ stage: 'advice_gathering', events: [{ kind: 'assessment_agreed', details: { decidedOn: '2026-02-20' } }] }),
      input({
        stage: 'plan_maintained',
        events: [
          { kind: 'assessment_agreed', details: { decidedOn: '2026-02-10' } },
          { kind: 'plan_agreed', details: { decidedOn: '2026-04-01' } },
          { kind: 'draft_plan_issued', details: { servedOn: '2026-04-02', commentsLastDay: '2026-04-17' } },
          { kind: 'final_plan_issued', details: { issuedOn: '2026-06-01' } },
        ],
        exceptions: [{ step: 'finalPlan', kind: 'family_asked_pause', recordedOn: '2026-05-01' }],
      }),
    ];
    for (const history of histories) {
      const { steps } = storedCaseDates(history);
      for (let day = 0; day < 540; day += 7) {
        const today = addDays(received, day);
        const clock = statutoryClock({ ...history, today });
        for (const step of steps) expect(stepStatusOn(step, today), `${step.step} on ${today}`).toBe(clock.find((e) => e.step === step.step)?.status);
      }
    }
  });
});
