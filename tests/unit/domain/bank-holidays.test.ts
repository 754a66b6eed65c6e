import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAY_DATES, BANK_HOLIDAYS, BANK_HOLIDAYS_COVER, easterSunday as appEasterSunday } from '~/domain/bank-holidays';
import data from '~/domain/data/bank-holidays-england-and-wales';

const YEARS = Array.from({ length: 11 }, (_, i) => 2020 + i);

// An oracle independent of app/domain: plain UTC Date arithmetic.
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const iso = (date: Date) => date.toISOString().slice(0, 10);
const plusDays = (date: Date, n: number) => new Date(date.getTime() + n * 86_400_000);
const SUNDAY = 0;
const MONDAY = 1;
const FRIDAY = 5;
const SATURDAY = 6;

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

function firstMonday(year: number, month: number): Date {
  const first = utc(year, month, 1);
  return plusDays(first, (MONDAY - first.getUTCDay() + 7) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = utc(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() - MONDAY + 7) % 7));
}

function newYearHoliday(year: number): Date {
  const newYear = utc(year, 1, 1);
  const shift = { [SATURDAY]: 2, [SUNDAY]: 1 }[newYear.getUTCDay()] ?? 0;
  return plusDays(newYear, shift);
}

/** Christmas Day and Boxing Day, each moved to the next free weekday when it falls at a weekend. */
function christmasHolidays(year: number): Date[] {
  const substituteDays = { [FRIDAY]: [0, 3], [SATURDAY]: [2, 3], [SUNDAY]: [1, 2] }[utc(year, 12, 25).getUTCDay()] ?? [0, 1];
  return substituteDays.map((offset) => utc(year, 12, 25 + offset));
}

const ONE_OFF_MOVES: Record<string, string> = {
  '2020-05-04': '2020-05-08', // early May moved to VE Day's 75th anniversary
  '2022-05-30': '2022-06-02', // spring bank holiday moved for the Platinum Jubilee
};
const ONE_OFF_EXTRAS = ['2022-06-03', '2022-09-19', '2023-05-08'];

function holidaysByRule(year: number): string[] {
  const easter = easterSunday(year);
  const regular = [
    newYearHoliday(year),
    plusDays(easter, -2),
    plusDays(easter, 1),
    firstMonday(year, 5),
    lastMonday(year, 5),
    lastMonday(year, 8),
    ...christmasHolidays(year),
  ].map(iso);
  const extras = ONE_OFF_EXTRAS.filter((date) => date.startsWith(`${year}-`));
  return [...regular.map((date) => ONE_OFF_MOVES[date] ?? date), ...extras].sort();
}

const holidaysIn = (year: number) => BANK_HOLIDAY_DATES.filter((date) => date.startsWith(`${year}-`));

describe('the Easter oracle', () => {
  it.each([
    [2008, '2008-03-23'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'],
  ])('puts Easter %i on %s', (year, expected) => {
    expect(iso(easterSunday(year))).toBe(expected);
  });
});

describe('easterSunday (the default summer term, app/domain/annual-review.ts)', () => {
  it.each([
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2027, '2027-03-28'],
    [2028, '2028-04-16'],
    [2285, '2285-03-22'],
  ])('puts Easter %i on %s', (year, expected) => {
    expect(appEasterSunday(year)).toBe(expected);
  });

  it.each(YEARS)('is the day before Easter Monday in the GOV.UK data for %i', (year) => {
    const easterMonday = data.events.find((event) => event.title === 'Easter Monday' && event.date.startsWith(String(year)));
    expect(iso(plusDays(new Date(`${appEasterSunday(year)}T00:00:00Z`), 1))).toBe(easterMonday?.date);
  });

  it('refuses years outside the Gregorian calendar', () => {
    expect(() => appEasterSunday(1582)).toThrow(RangeError);
    expect(() => appEasterSunday(2026.5)).toThrow(RangeError);
  });
});

describe('England & Wales bank holiday data', () => {
  it('is the england-and-wales division of the GOV.UK list, with a retrieval date', () => {
    expect(data.division).toBe('england-and-wales');
    expect(data.source).toBe('https://www.gov.uk/bank-holidays.json');
    expect(data.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(BANK_HOLIDAYS_COVER.retrieved).toBe(data.retrieved);
  });

  it('covers 2020 to 2030 inclusive', () => {
    expect(BANK_HOLIDAYS_COVER.from).toBe('2020-01-01');
    expect(BANK_HOLIDAYS_COVER.to).toBe('2030-12-31');
  });

  it('lists each date once, in order, and only real weekdays', () => {
    expect(new Set(BANK_HOLIDAY_DATES).size).toBe(BANK_HOLIDAY_DATES.length);
    expect([...BANK_HOLIDAY_DATES].sort()).toEqual(BANK_HOLIDAY_DATES);
    for (const date of BANK_HOLIDAY_DATES) {
      const day = new Date(`${date}T00:00:00Z`);
      expect(iso(day), date).toBe(date);
      expect([SATURDAY, SUNDAY], date).not.toContain(day.getUTCDay());
    }
    expect(BANK_HOLIDAYS.size).toBe(BANK_HOLIDAY_DATES.length);
  });

  it.each(YEARS)('has at least 8 holidays in %i', (year) => {
    expect(holidaysIn(year).length).toBeGreaterThanOrEqual(8);
  });

  it.each(YEARS)('has Good Friday and Easter Monday %i where the computus puts them', (year) => {
    const easter = easterSunday(year);
    expect(BANK_HOLIDAYS.has(iso(plusDays(easter, -2)))).toBe(true);
    expect(BANK_HOLIDAYS.has(iso(plusDays(easter, 1)))).toBe(true);
  });

  it.each(YEARS)('matches the standing rules plus the one-off proclamations in %i', (year) => {
    expect(holidaysIn(year)).toEqual(holidaysByRule(year));
  });
});
