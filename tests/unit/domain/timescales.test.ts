import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  adviceDeadline,
  ageOn,
  annualReviewDueBy,
  appealDeadline,
  assessmentDeadlines,
  bankHolidayDataCovers,
  compareDates,
  daysBetween,
  draftCommentsLastDay,
  finalAmendedPlanDueBy,
  isValidIsoDate,
  isWorkingDay,
  isYoungPerson,
  nextWorkingDayOnOrAfter,
  phaseTransferLastDay,
  reviewDecisionDueBy,
  todayInLondon,
  workingDaysBetween,
  youngPersonFrom,
  type PhaseTransferKind,
} from '~/domain/timescales';

describe('input validation', () => {
  it.each(['2026-02-30', '2023-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-4-01', '20260401', ' 2026-04-01', '2026-04-01T00:00', ''])(
    'rejects %j',
    (bad) => {
      expect(isValidIsoDate(bad)).toBe(false);
      expect(() => isWorkingDay(bad)).toThrow(RangeError);
    },
  );

  it.each(['2024-02-29', '2026-12-31', '2026-01-01'])('accepts %s', (good) => {
    expect(isValidIsoDate(good)).toBe(true);
  });

  it('rejects non-strings without throwing from the predicate', () => {
    expect(isValidIsoDate(20260401)).toBe(false);
    expect(isValidIsoDate(null)).toBe(false);
    expect(isValidIsoDate(new Date('2026-04-01'))).toBe(false);
  });

  it('names the offending argument', () => {
    expect(() => assessmentDeadlines('2026-02-30')).toThrow(/requestReceived must be a real calendar date/);
    expect(() => appealDeadline('2026-06-01', '2026-02-30')).toThrow(/mediationCertificateIssued/);
    expect(() => workingDaysBetween('2026-06-01', 'tomorrow')).toThrow(/to must be/);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects %s working days', (n) => {
    expect(() => addWorkingDays('2026-06-01', n)).toThrow(RangeError);
  });

  it('rejects fractional calendar days and months', () => {
    expect(() => addDays('2026-06-01', 0.5)).toThrow(RangeError);
    expect(() => addMonths('2026-06-01', 0.5)).toThrow(RangeError);
  });

  it('rejects an unknown phase transfer kind', () => {
    expect(() => phaseTransferLastDay('2027-09-01', 'primary' as PhaseTransferKind)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('ignores clock changes (29 March and 25 October 2026)', () => {
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-10-24', 2)).toBe('2026-10-26');
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('counts days from the first date to the second', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });

  it('compares and sorts dates', () => {
    expect(compareDates('2026-01-02', '2026-01-10')).toBe(-1);
    expect(compareDates('2026-01-10', '2026-01-10')).toBe(0);
    expect(compareDates('2027-01-01', '2026-12-31')).toBe(1);
    expect(['2026-03-01', '2025-12-31', '2026-02-28'].sort(compareDates)).toEqual(['2025-12-31', '2026-02-28', '2026-03-01']);
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
  });
});

describe('todayInLondon', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['2026-01-15T23:30:00Z', '2026-01-15'], // GMT: London is on UTC
    ['2026-06-30T23:30:00Z', '2026-07-01'], // BST: London is an hour ahead
    ['2026-03-29T00:59:59Z', '2026-03-29'], // the moment before clocks go forward
    ['2026-03-28T23:30:00Z', '2026-03-28'],
    ['2026-10-24T23:30:00Z', '2026-10-25'], // still BST until 01:00 UTC on 25 October
    ['2026-12-31T23:59:59Z', '2026-12-31'],
  ])('gives the London date at %s', (instant, expected) => {
    expect(todayInLondon(new Date(instant))).toBe(expected);
  });

  it('reads the clock when no instant is given', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-08-31T23:15:00Z'));
    expect(todayInLondon()).toBe('2026-09-01');
  });

  it('rejects an invalid Date', () => {
    expect(() => todayInLondon(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('working days', () => {
  it('excludes weekends and bank holidays (Easter 2026: Good Friday 3 April, Easter Monday 6 April)', () => {
    expect(isWorkingDay('2026-04-02')).toBe(true);
    expect(isWorkingDay('2026-04-03')).toBe(false);
    expect(isWorkingDay('2026-04-04')).toBe(false);
    expect(isWorkingDay('2026-04-05')).toBe(false);
    expect(isWorkingDay('2026-04-06')).toBe(false);
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
  });

  it('skips Christmas and the substitute Boxing Day in 2026', () => {
    // Fri 25 Dec, weekend, Mon 28 Dec (Boxing Day substitute)
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-29');
    expect(addWorkingDays('2026-12-24', 3)).toBe('2026-12-31');
    // Fri 1 Jan 2027 then a weekend
    expect(addWorkingDays('2026-12-24', 4)).toBe('2027-01-04');
  });

  it('skips a bank holiday Monday after a Friday', () => {
    expect(addWorkingDays('2026-08-28', 1)).toBe('2026-09-01'); // summer bank holiday 31 August
    expect(addWorkingDays('2026-05-22', 1)).toBe('2026-05-26'); // spring bank holiday 25 May
    expect(addWorkingDays('2026-05-22', 5)).toBe('2026-06-01');
  });

  it('skips one-off holidays (Platinum Jubilee, 2-3 June 2022)', () => {
    expect(addWorkingDays('2022-06-01', 1)).toBe('2022-06-06');
  });

  it('returns the date itself for n = 0, even at a weekend', () => {
    expect(addWorkingDays('2026-04-08', 0)).toBe('2026-04-08');
    expect(addWorkingDays('2026-04-04', 0)).toBe('2026-04-04');
    expect(addWorkingDays('2026-04-04', 1)).toBe('2026-04-07');
  });

  it('rolls a non-working day forward with nextWorkingDayOnOrAfter', () => {
    expect(nextWorkingDayOnOrAfter('2026-04-03')).toBe('2026-04-07');
    expect(nextWorkingDayOnOrAfter('2026-04-08')).toBe('2026-04-08');
  });

  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween('2026-12-24', '2026-12-29')).toBe(1);
    expect(workingDaysBetween('2026-12-29', '2026-12-24')).toBe(-1);
    expect(workingDaysBetween('2026-06-10', '2026-06-10')).toBe(0);
    // Mar 31, Apr 1, Apr 2, then Easter, then Apr 7-10
    expect(workingDaysBetween('2026-03-30', '2026-04-10')).toBe(7);
    // A deadline on a Saturday is "0 working days left" from the Friday
    expect(workingDaysBetween('2026-06-12', '2026-06-13')).toBe(0);
    expect(workingDaysBetween('2026-06-14', '2026-06-13')).toBe(0); // +0, not -0
  });

  it('knows where its bank holiday data ends', () => {
    expect(bankHolidayDataCovers('2019-12-31')).toBe(false);
    expect(bankHolidayDataCovers('2020-01-01')).toBe(true);
    expect(bankHolidayDataCovers('2030-12-31')).toBe(true);
    expect(bankHolidayDataCovers('2031-01-01')).toBe(false);
  });

  it('treats only weekends as non-working outside the data, without throwing', () => {
    expect(isWorkingDay('2031-12-25')).toBe(true); // a Thursday; Christmas is not in the data yet
    expect(isWorkingDay('2019-12-25')).toBe(true);
    expect(isWorkingDay('2031-12-27')).toBe(false); // a Saturday
    expect(addWorkingDays('2030-12-24', 2)).toBe('2030-12-30');
    expect(addWorkingDays('2030-12-31', 1)).toBe('2031-01-01');
  });
});

describe('assessment deadlines (weeks, never moved)', () => {
  it('gives 6, 16 and 20 weeks from the request', () => {
    expect(assessmentDeadlines('2026-01-05')).toEqual({
      decisionToAssess: '2026-02-16',
      noticeNotToIssue: '2026-04-27',
      finalPlan: '2026-05-25', // spring bank holiday: a "weeks" deadline is not moved
    });
  });

  it('lets a deadline fall at a weekend', () => {
    expect(assessmentDeadlines('2026-01-31')).toEqual({
      decisionToAssess: '2026-03-14',
      noticeNotToIssue: '2026-05-23',
      finalPlan: '2026-06-20',
    });
  });

  it('counts 29 February in a leap year', () => {
    expect(assessmentDeadlines('2024-01-20').decisionToAssess).toBe('2024-03-02');
    expect(assessmentDeadlines('2025-01-20').decisionToAssess).toBe('2025-03-03');
    expect(assessmentDeadlines('2024-02-29')).toEqual({
      decisionToAssess: '2024-04-11',
      noticeNotToIssue: '2024-06-20',
      finalPlan: '2024-07-18',
    });
  });

  it('gives advisers 6 weeks', () => {
    expect(adviceDeadline('2026-03-20')).toBe('2026-05-01');
  });
});

describe('draft plan comments (15 days beginning with the day served)', () => {
  it.each([
    ['2026-02-20', '2026-03-06'],
    ['2024-02-20', '2024-03-05'],
    ['2026-12-20', '2027-01-03'], // a Sunday after New Year: not moved
  ])('served %s: last day %s', (served, lastDay) => {
    expect(draftCommentsLastDay(served)).toBe(lastDay);
  });
});

describe('annual reviews', () => {
  it.each([
    ['2026-01-05', '2027-01-04'],
    ['2026-01-01', '2026-12-31'],
    ['2026-12-31', '2027-12-30'],
    ['2023-03-01', '2024-02-29'],
    ['2027-02-28', '2028-02-27'],
    ['2024-02-29', '2025-02-28'], // anniversary taken as 1 March 2025
    ['2028-02-29', '2029-02-28'],
  ])('plan or review on %s: next review due by %s', (start, dueBy) => {
    expect(annualReviewDueBy(start)).toBe(dueBy);
  });

  it('gives 4 weeks for the decision after the meeting', () => {
    expect(reviewDecisionDueBy('2026-12-10')).toBe('2027-01-07');
  });

  it('gives 8 weeks for the amended plan after the notice', () => {
    expect(finalAmendedPlanDueBy('2026-07-01')).toBe('2026-08-26');
  });

  it('finishes phase transfer reviews before 15 February or 31 March of the year of transfer', () => {
    expect(phaseTransferLastDay('2027-09-01', 'phase')).toBe('2027-02-14');
    expect(phaseTransferLastDay('2027-09-01', 'post16')).toBe('2027-03-30');
    expect(phaseTransferLastDay('2028-09-04', 'phase')).toBe('2028-02-14');
  });
});

describe('appeal deadlines', () => {
  it.each([
    ['2026-01-15', '2026-03-15', '2026-03-16'], // Sunday -> Monday
    ['2026-03-23', '2026-05-23', '2026-05-26'], // Saturday before spring bank holiday Monday
    ['2026-02-03', '2026-04-03', '2026-04-07'], // Good Friday -> after Easter Monday
    ['2025-12-31', '2026-02-28', '2026-03-02'], // 2 months from 31 December is 28 February (a Saturday)
    ['2023-12-31', '2024-02-29', '2024-02-29'], // leap year, a Thursday
    ['2026-05-31', '2026-07-31', '2026-07-31'], // Friday 31 July: not August
    ['2022-05-30', '2022-07-30', '2022-08-01'], // Saturday 30 July: next working day, though in August
  ])('decision sent %s: 2 months end %s, deadline %s', (sent, periodEnds, deadline) => {
    expect(addMonths(sent, 2)).toBe(periodEnds);
    expect(appealDeadline(sent)).toBe(deadline);
  });

  it.each([
    ['2026-06-10', '2026-09-01'], // 10 Aug; 31 Aug 2026 is the summer bank holiday
    ['2026-06-30', '2026-09-01'], // Sunday 30 Aug
    ['2026-06-28', '2026-09-01'], // Friday 28 Aug, a working day, still moves
    ['2027-06-05', '2027-09-01'], // Tuesday 31 Aug 2027 is a working day, so Wednesday 1 Sep
    ['2026-07-01', '2026-09-01'], // 1 September itself
  ])('moves a deadline in August: decision sent %s -> %s', (sent, deadline) => {
    expect(appealDeadline(sent)).toBe(deadline);
  });

  it.each([
    ['2026-10-25', '2027-01-04'], // 25 Dec; 1 Jan 2027 is a Friday, then a weekend
    ['2026-10-31', '2027-01-04'], // 31 Dec
    ['2026-11-01', '2027-01-04'], // 1 Jan itself
    ['2025-10-28', '2026-01-02'], // 28 Dec 2025; Friday 2 Jan 2026 is a working day
    ['2026-10-24', '2026-12-24'], // Thursday 24 Dec: before the closure, unchanged
    ['2026-11-02', '2027-01-04'], // Saturday 2 Jan: ordinary weekend rule
    ['2022-10-24', '2022-12-28'], // Saturday 24 Dec 2022: next working day, not after New Year
  ])('handles Christmas and New Year: decision sent %s -> %s', (sent, deadline) => {
    expect(appealDeadline(sent)).toBe(deadline);
  });

  it('uses 1 month after a mediation certificate when that is later', () => {
    // decision: 2 months end 1 Dec; certificate: 1 month ends 29 Dec, in the closure
    expect(appealDeadline('2026-10-01', '2026-11-29')).toBe('2027-01-04');
    expect(appealDeadline('2026-04-15', '2026-07-15')).toBe('2026-09-01');
  });

  it('keeps 2 months after the decision when the certificate period ends sooner', () => {
    // 2 May 2026 is a Saturday, 4 May the early May bank holiday
    expect(appealDeadline('2026-03-02', '2026-03-10')).toBe('2026-05-05');
    expect(appealDeadline('2026-03-02', null)).toBe('2026-05-05');
    expect(appealDeadline('2026-03-02', undefined)).toBe('2026-05-05');
  });
});

describe('age', () => {
  it.each([
    ['2010-06-15', '2010-06-15', 0],
    ['2010-06-15', '2026-06-14', 15],
    ['2010-06-15', '2026-06-15', 16],
    ['2008-02-29', '2009-02-28', 0],
    ['2008-02-29', '2009-03-01', 1],
    ['2008-02-29', '2012-02-28', 3],
    ['2008-02-29', '2012-02-29', 4],
  ])('born %s, on %s: %i', (born, on, age) => {
    expect(ageOn(born, on)).toBe(age);
  });

  it('refuses a date before birth', () => {
    expect(() => ageOn('2010-06-15', '2010-06-14')).toThrow(RangeError);
  });
});

describe('young person status', () => {
  it.each([
    // last Friday in June: 26 Jun 2026, 25 Jun 2027, 28 Jun 2024, 30 Jun 2028
    ['2010-08-31', '2026-06-27'], // 16 on the last day of the 2025/26 school year
    ['2010-09-01', '2027-06-26'], // 16 on the first day of the 2026/27 school year
    ['2010-06-26', '2026-06-27'], // 16 on the last Friday in June itself
    ['2010-06-27', '2026-06-27'], // 16 on the day after it
    ['2010-06-25', '2026-06-27'], // 16 the day before it
    ['2008-02-29', '2024-06-29'],
    ['2012-06-30', '2028-07-01'], // the last Friday is 30 June, so the Saturday is in July
    ['2012-07-01', '2028-07-01'],
  ])('born %s: a young person from %s', (born, from) => {
    expect(youngPersonFrom(born)).toBe(from);
  });

  it('takes a 29 February 16th birthday in a non-leap year (2100) as 1 March', () => {
    expect(youngPersonFrom('2084-02-29')).toBe(youngPersonFrom('2084-03-01'));
    expect(youngPersonFrom('2084-02-29')).toBe('2100-06-26');
  });

  it('can make someone a young person at 15', () => {
    expect(isYoungPerson('2010-08-31', '2026-06-26')).toBe(false);
    expect(isYoungPerson('2010-08-31', '2026-06-27')).toBe(true);
    expect(ageOn('2010-08-31', '2026-06-27')).toBe(15);
  });

  it('stays true past 25 and is false before birth', () => {
    expect(isYoungPerson('2000-01-01', '2030-01-01')).toBe(true);
    expect(isYoungPerson('2026-01-01', '2025-01-01')).toBe(false);
  });
});
