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
