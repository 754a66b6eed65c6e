/**
 * England & Wales bank holidays, from a committed copy of GOV.UK's list
 * (refresh it with `npx tsx scripts/refresh-bank-holidays.mjs`).
 *
 * The data is committed rather than fetched at run time so that a deadline shown to a family
 * never depends on a third-party service being up, and so that every date we compute can be
 * reproduced from the repository. See docs/decisions/0005-statutory-date-conventions.md.
 */
import data from './data/bank-holidays-england-and-wales';

/** Every bank holiday in the data, as ISO `YYYY-MM-DD`, ascending. */
export const BANK_HOLIDAY_DATES: readonly string[] = data.events.map((event) => event.date).sort();

export const BANK_HOLIDAYS: ReadonlySet<string> = new Set(BANK_HOLIDAY_DATES);

const yearOf = (isoDate: string) => isoDate.slice(0, 4);

/**
 * The span the data answers for. GOV.UK publishes whole years, so the cover runs from 1 January
 * of the first year to 31 December of the last; deriving it keeps it right after a refresh.
 */
export const BANK_HOLIDAYS_COVER: Readonly<{ from: string; to: string; retrieved: string }> = {
  from: `${yearOf(BANK_HOLIDAY_DATES[0])}-01-01`,
  to: `${yearOf(BANK_HOLIDAY_DATES[BANK_HOLIDAY_DATES.length - 1])}-12-31`,
  retrieved: data.retrieved,
};

/**
 * Easter Sunday of `year` (Gregorian calendar) by the anonymous Gregorian algorithm
 * (Meeus/Jones/Butcher), as ISO `YYYY-MM-DD`. Used for the default school terms
 * (`./annual-review`), which must work for years beyond the bank holiday data.
 */
export function easterSunday(year: number): string {
  if (!Number.isSafeInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError(`year must be a whole Gregorian year (1583-9999), got ${year}`);
  }
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
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
