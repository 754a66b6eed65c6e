import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  addWorkingDays,
  ageOn,
  annualReviewDueBy,
  appealDeadline,
  assessmentDeadlines,
  compareDates,
  daysBetween,
  isValidIsoDate,
  isWorkingDay,
  todayInLondon,
  workingDaysBetween,
  youngPersonFrom,
} from '~/domain/timescales';

// Dates generated without the module under test: a UTC midnight, printed as ISO.
const isoDateBetween = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10));

// Spans the bank holiday data and a year either side of it.
const anyDate = isoDateBetween('2019-01-01', '2031-12-31');
const birthDate = isoDateBetween('1990-01-01', '2030-12-31');
const workingDayCount = fc.integer({ min: 0, max: 80 });

const monthDay = (date: string) => date.slice(5);
const inChristmasClosure = (date: string) => monthDay(date) >= '12-25' || monthDay(date) === '01-01';

describe('calendar arithmetic properties', () => {
  it('addDays and daysBetween are inverse', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(daysBetween(date, addDays(date, n))).toBe(n);
      }),
    );
  });

  it('compareDates agrees with the order of ISO strings', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it('isValidIsoDate agrees with a UTC Date round trip', () => {
    const candidate = fc
      .tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    fc.assert(
      fc.property(candidate, (text) => {
        const parsed = new Date(`${text}T00:00:00Z`);
        const real = !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(text);
        expect(isValidIsoDate(text)).toBe(real);
      }),
    );
  });

  it('addMonths keeps the day of the month or clamps to a shorter month', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -36, max: 36 }), (date, n) => {
        const result = addMonths(date, n);
        const day = Number(date.slice(8));
        const resultDay = Number(result.slice(8));
        expect(resultDay === day || (resultDay < day && addDays(result, 1).endsWith('-01'))).toBe(true);
      }),
    );
  });

  it('todayInLondon is the UTC date or the day after it', () => {
    const instant = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2040-01-01T00:00:00Z'), noInvalidDate: true });
    fc.assert(
      fc.property(instant, (now) => {
        const utcDate = now.toISOString().slice(0, 10);
        expect([utcDate, addDays(utcDate, 1)]).toContain(todayInLondon(now));
      }),
    );
  });
});

describe('working day properties', () => {
  it('adding n >= 1 working days lands on a working day strictly after the start', () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: 1, max: 80 }), (date, n) => {
        const result = addWorkingDays(date, n);
        expect(isWorkingDay(result)).toBe(true);
        expect(compareDates(result, date)).toBe(1);
      }),
    );
  });

  it('adding a + b working days equals adding a then b', () => {
    fc.assert(
      fc.property(anyDate, workingDayCount, workingDayCount, (date, a, b) => {
        expect(addWorkingDays(addWorkingDays(date, a), b)).toBe(addWorkingDays(date, a + b));
      }),
    );
  });

  it('workingDaysBetween counts back the working days added', () => {
    fc.assert(
      fc.property(anyDate, workingDayCount, (date, n) => {
        expect(workingDaysBetween(date, addWorkingDays(date, n))).toBe(n);
      }),
    );
  });

  it('workingDaysBetween changes sign when its arguments swap', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(workingDaysBetween(b, a) + workingDaysBetween(a, b)).toBe(0);
      }),
    );
  });

  it('never counts more working days than calendar days', () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(Math.abs(workingDaysBetween(a, b))).toBeLessThanOrEqual(Math.abs(daysBetween(a, b)));
      }),
    );
  });
});

describe('statutory deadline properties', () => {
  it('puts the assessment deadlines exactly 42, 112 and 140 days after the request', () => {
    fc.assert(
      fc.property(anyDate, (request) => {
        const deadlines = assessmentDeadlines(request);
        expect(daysBetween(request, deadlines.decisionToAssess)).toBe(42);
        expect(daysBetween(request, deadlines.noticeNotToIssue)).toBe(112);
        expect(daysBetween(request, deadlines.finalPlan)).toBe(140);
      }),
    );
  });

  it('makes an annual review due the day before the anniversary, a year less a day on', () => {
    fc.assert(
      fc.property(anyDate, (start) => {
        const dueBy = annualReviewDueBy(start);
        const anniversary = addDays(dueBy, 1);
        expect(Number(anniversary.slice(0, 4))).toBe(Number(start.slice(0, 4)) + 1);
        expect(monthDay(anniversary)).toBe(monthDay(start) === '02-29' ? '03-01' : monthDay(start));
        expect([364, 365]).toContain(daysBetween(start, dueBy));
      }),
    );
  });

  // The closure rule (HESC Rules r.12(3)) is read against the day the period ends; a period
  // ending on a weekend just before August or Christmas rolls to the next working day (r.12(2)),
  // the earlier and safer reading (see appealDeadline).
  it('gives an appeal deadline on a working day, past any August or Christmas closure the period ends in, never early', () => {
    const withinData = isoDateBetween('2020-01-01', '2030-08-31');
    fc.assert(
      fc.property(withinData, fc.option(withinData, { nil: undefined }), (sent, certificate) => {
        const deadline = appealDeadline(sent, certificate);
        const fromDecision = addMonths(sent, 2);
        const fromCertificate = certificate ? addMonths(certificate, 1) : fromDecision;
        const periodEnds = compareDates(fromDecision, fromCertificate) >= 0 ? fromDecision : fromCertificate;

        expect(isWorkingDay(deadline)).toBe(true);
        expect(compareDates(deadline, periodEnds)).toBeGreaterThanOrEqual(0);
        if (monthDay(periodEnds).startsWith('08') || inChristmasClosure(periodEnds)) {
          expect(monthDay(deadline).startsWith('08')).toBe(false);
          expect(inChristmasClosure(deadline)).toBe(false);
          expect(daysBetween(periodEnds, deadline)).toBeLessThanOrEqual(40);
        } else {
          for (let day = periodEnds; day !== deadline; day = addDays(day, 1)) {
            expect(isWorkingDay(day)).toBe(false);
          }
        }
      }),
    );
  });
});

describe('young person properties', () => {
  it('starts on a Saturday between 25 June and 1 July', () => {
    fc.assert(
      fc.property(birthDate, (born) => {
        const from = youngPersonFrom(born);
        expect(new Date(`${from}T00:00:00Z`).getUTCDay()).toBe(6);
        expect(monthDay(from) >= '06-25' && monthDay(from) <= '07-01').toBe(true);
      }),
    );
  });

  it('follows the school year in which the person turns 16', () => {
    fc.assert(
      fc.property(birthDate, (born) => {
        const year = Number(youngPersonFrom(born).slice(0, 4));
        expect(ageOn(born, `${year}-08-31`)).toBe(16);
        expect(ageOn(born, `${year - 1}-08-31`)).toBe(15);
      }),
    );
  });
});
