/**
 * The SEN2 census date and reference period. Pure.
 *
 * The return is made each year about a census date, the third Thursday of January (18 January
 * 2024, 16 January 2025, 15 January 2026, 21 January 2027). Plans are reported active on that
 * day; requests, assessments, new plans and ceased plans are reported for the reference period,
 * the calendar year before it (1 January to 31 December).
 */
import { addDays, compareDates, isValidIsoDate, type IsoDate } from '../timescales';

/** The third Thursday of January of `year`. */
export function censusDateOf(year: number): IsoDate {
  const first = `${String(year).padStart(4, '0')}-01-01`;
  const weekday = new Date(`${first}T00:00:00Z`).getUTCDay(); // 0 Sunday .. 4 Thursday
  const firstThursday = addDays(first, (4 - weekday + 7) % 7);
  return addDays(firstThursday, 14);
}

/**
 * The census date a manager most likely wants today: the current collection's until the end of
 * June (its census in January, the return due by the spring), then the coming January's.
 */
export function defaultCensusDate(today: IsoDate): IsoDate {
  const year = Number(today.slice(0, 4));
  return compareDates(today, `${year}-06-30`) <= 0 ? censusDateOf(year) : censusDateOf(year + 1);
}

export type ReferencePeriod = { start: IsoDate; end: IsoDate };

/** The calendar year before the census date's. */
export function referencePeriod(censusDate: IsoDate): ReferencePeriod {
  const year = Number(censusDate.slice(0, 4)) - 1;
  return { start: `${year}-01-01`, end: `${year}-12-31` };
}

/**
 * A census date chosen on the page: any valid date in January is accepted (a council may be told
 * of a different day); anything else answers null and the page says what is wrong.
 */
export function parseCensusDate(value: string | null | undefined): IsoDate | null {
  if (!value || !isValidIsoDate(value)) return null;
  return value.slice(5, 7) === '01' ? value : null;
}

/** Whether `date` falls within the period, both ends included. */
export function inPeriod(date: IsoDate | null | undefined, period: ReferencePeriod): boolean {
  return !!date && compareDates(date, period.start) >= 0 && compareDates(date, period.end) <= 0;
}
