import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION, isDue, monthsLater, retentionDue, yearsLater, type CaseForRetention, type RetentionSettings } from '~/domain/retention';

const closedWithPlan: CaseForRetention = { kind: 'case', dateOfBirth: '2005-06-15', closedOn: '2028-07-20', hadPlan: true, planEndedOn: '2028-07-20' };
const yearsAfterPlan: RetentionSettings = { ...DEFAULT_RETENTION, planBasis: 'years_after_plan', yearsAfterPlan: 10 };

describe('anniversaries never come early', () => {
  it('keeps the day, and rolls a day the month lacks to the first of the next', () => {
    expect(yearsLater('2005-06-15', 31)).toBe('2036-06-15');
    // Born 29 February: 31 years on is always a common year, so the birthday is 1 March.
    expect(yearsLater('2000-02-29', 31)).toBe('2031-03-01');
    // ...but 28 years on is a leap year, and 29 February itself.
    expect(yearsLater('2000-02-29', 28)).toBe('2028-02-29');
    expect(monthsLater('2026-01-31', 1)).toBe('2026-03-01');
    expect(monthsLater('2028-01-31', 1)).toBe('2028-03-01');
    expect(monthsLater('2027-01-29', 1)).toBe('2027-03-01');
    expect(monthsLater('2028-01-29', 1)).toBe('2028-02-29');
    expect(monthsLater('2026-03-31', 1)).toBe('2026-05-01');
    expect(monthsLater('2026-11-30', 12)).toBe('2027-11-30');
    expect(monthsLater('2026-12-15', 1)).toBe('2027-01-15');
    expect(monthsLater('2026-12-31', 2)).toBe('2027-03-01');
  });
});

describe('when a record falls due', () => {
  it('an open case is never due, whatever the schedule', () => {
    const open: CaseForRetention = { kind: 'case', dateOfBirth: '1990-01-01', closedOn: null, hadPlan: true, planEndedOn: null };
    expect(retentionDue(open)).toBeNull();
    expect(retentionDue(open, yearsAfterPlan)).toBeNull();
    expect(isDue(retentionDue(open), '2099-01-01')).toBe(false);
  });

  it('a closed case with a plan: by default until the young person’s 31st birthday', () => {
    expect(retentionDue(closedWithPlan)).toEqual({ dueOn: '2036-06-15', rule: 'plan_age' });
    expect(retentionDue({ ...closedWithPlan, dateOfBirth: '2004-02-29' })).toEqual({ dueOn: '2035-03-01', rule: 'plan_age' });
  });

  it('a closed case with a plan, for a council that counts years after the plan ended', () => {
    expect(retentionDue(closedWithPlan, yearsAfterPlan)).toEqual({ dueOn: '2038-07-20', rule: 'plan_years' });
    expect(retentionDue({ ...closedWithPlan, closedOn: '2030-01-01', planEndedOn: '2028-02-29' }, { ...yearsAfterPlan, yearsAfterPlan: 6 })).toEqual({ dueOn: '2034-03-01', rule: 'plan_years' });
    // Withdrawn with a plan and no end date recorded: counted from the closure.
    expect(retentionDue({ ...closedWithPlan, planEndedOn: null }, yearsAfterPlan)).toEqual({ dueOn: '2038-07-20', rule: 'plan_years' });
  });

  it('is never due before the case closed, under a schedule with a young age', () => {
    const late: CaseForRetention = { kind: 'case', dateOfBirth: '2000-01-10', closedOn: '2026-03-01', hadPlan: true, planEndedOn: '2026-03-01' };
    expect(retentionDue(late, { ...DEFAULT_RETENTION, planAge: 25 })).toEqual({ dueOn: '2026-03-01', rule: 'plan_age' });
  });

  it('a request refused or withdrawn with no plan: 6 years after it closed by default', () => {
    const refused: CaseForRetention = { kind: 'case', dateOfBirth: '2018-05-05', closedOn: '2026-02-10', hadPlan: false, planEndedOn: null };
    expect(retentionDue(refused)).toEqual({ dueOn: '2032-02-10', rule: 'no_plan_years' });
    expect(retentionDue(refused, { ...DEFAULT_RETENTION, yearsAfterClosure: 3 })).toEqual({ dueOn: '2029-02-10', rule: 'no_plan_years' });
    // The plan basis does not apply when there was no plan.
    expect(retentionDue(refused, yearsAfterPlan)?.rule).toBe('no_plan_years');
    expect(retentionDue({ ...refused, closedOn: '2028-02-29' })).toEqual({ dueOn: '2034-03-01', rule: 'no_plan_years' });
  });

  it('a draft request never sent: 12 months after it was last changed by default', () => {
    expect(retentionDue({ kind: 'draft_request', lastChangedOn: '2026-03-15' })).toEqual({ dueOn: '2027-03-15', rule: 'draft_untouched' });
    expect(retentionDue({ kind: 'draft_request', lastChangedOn: '2028-02-29' })).toEqual({ dueOn: '2029-03-01', rule: 'draft_untouched' });
    expect(retentionDue({ kind: 'draft_request', lastChangedOn: '2026-08-31' }, { ...DEFAULT_RETENTION, draftMonths: 6 })).toEqual({ dueOn: '2027-03-01', rule: 'draft_untouched' });
  });

  it('is due on the day itself, not the day before', () => {
    const due = retentionDue(closedWithPlan);
    expect(isDue(due, '2036-06-14')).toBe(false);
    expect(isDue(due, '2036-06-15')).toBe(true);
    expect(isDue(due, '2040-01-01')).toBe(true);
  });
});
