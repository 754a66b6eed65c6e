import { describe, expect, it } from 'vitest';
import { isSubjectAccessOverdue, subjectAccessDueOn } from '~/domain/subject-access';

describe('the subject access time limit (one calendar month, ICO)', () => {
  it('is the corresponding date in the next month', () => {
    // Received Wednesday 14 January 2026; 14 February 2026 is a Saturday, so Monday 16th.
    expect(subjectAccessDueOn('2026-01-14')).toBe('2026-02-16');
    expect(subjectAccessDueOn('2026-03-10')).toBe('2026-04-10'); // Friday
  });

  it('counts from the day of receipt, even a weekend', () => {
    // Saturday 7 March 2026 -> Tuesday 7 April 2026.
    expect(subjectAccessDueOn('2026-03-07')).toBe('2026-04-07');
  });

  it('falls on the last day of a month too short for the date', () => {
    // 31 January 2025 -> Friday 28 February 2025; 31 January 2028 -> Tuesday 29 February 2028 (leap year).
    expect(subjectAccessDueOn('2025-01-31')).toBe('2025-02-28');
    expect(subjectAccessDueOn('2028-01-31')).toBe('2028-02-29');
    // 31 May 2026 -> 30 June 2026, a Tuesday.
    expect(subjectAccessDueOn('2026-05-31')).toBe('2026-06-30');
  });

  it('moves a deadline on a weekend or bank holiday to the next working day', () => {
    // 31 January 2026 -> Saturday 28 February 2026 -> Monday 2 March 2026.
    expect(subjectAccessDueOn('2026-01-31')).toBe('2026-03-02');
    // 25 November 2026 -> Friday 25 December (Christmas Day), then Monday 28 December is the
    // substitute Boxing Day holiday: Tuesday 29 December.
    expect(subjectAccessDueOn('2026-11-25')).toBe('2026-12-29');
    // 4 April 2026 -> Monday 4 May 2026, the early May bank holiday: Tuesday 5 May.
    expect(subjectAccessDueOn('2026-04-04')).toBe('2026-05-05');
  });

  it('is overdue only after its last day, and never once released', () => {
    expect(isSubjectAccessOverdue({ dueOn: '2026-02-16', status: 'received' }, '2026-02-16')).toBe(false);
    expect(isSubjectAccessOverdue({ dueOn: '2026-02-16', status: 'received' }, '2026-02-17')).toBe(true);
    expect(isSubjectAccessOverdue({ dueOn: '2026-02-16', status: 'released' }, '2026-03-01')).toBe(false);
  });
});
