/**
 * The periods a scrutiny report covers (issue 16): calendar quarters, the last complete one (the
 * report's default), the four quarters of a trend, and a period asked for in the address. Pure:
 * `today` comes in. Both ends of every period are included; a quarter runs from the 1st of
 * January, April, July or October to the last day of March, June, September or December, so a
 * 29 February is in the first quarter of its year like any other day of February.
 */
import { addDays, compareDates, daysBetween, isValidIsoDate, type IsoDate } from '../timescales';
import type { Period } from '../timeliness';

export type Quarter = Period & { year: number; quarter: 1 | 2 | 3 | 4 };

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar quarter a day falls in. */
export function quarterOf(day: IsoDate): Quarter {
  if (!isValidIsoDate(day)) throw new RangeError(`quarterOf: not a date: ${JSON.stringify(day)}`);
  const year = Number(day.slice(0, 4));
  const quarter = (Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1) as Quarter['quarter'];
  const firstMonth = (quarter - 1) * 3 + 1;
  const from = `${year}-${pad(firstMonth)}-01`;
  const nextStart = quarter === 4 ? `${year + 1}-01-01` : `${year}-${pad(firstMonth + 3)}-01`;
  return { year, quarter, from, to: addDays(nextStart, -1) };
}

/** The quarter before the one a day falls in. */
export function previousQuarter(q: Quarter): Quarter {
  return quarterOf(addDays(q.from, -1));
}

/** The last four calendar quarters ending with the one the period ends in, oldest first: the trend beside each figure. */
export function trendQuarters(periodEnd: IsoDate): Quarter[] {
  const last = quarterOf(periodEnd);
  const quarters = [last];
  while (quarters.length < 4) quarters.unshift(previousQuarter(quarters[0]));
  return quarters;
}

/** The last quarter that has ended before today: the report's period when none is asked for. */
export function lastCompleteQuarter(today: IsoDate): Quarter {
  return previousQuarter(quarterOf(today));
}

/** Everything the report reads: the period and its four trend quarters together (the earlier start, the period's end). */
export function reportWindow(period: Period): Period {
  const first = trendQuarters(period.to)[0].from;
  return { from: compareDates(first, period.from) < 0 ? first : period.from, to: period.to };
}

/** The longest period a report may cover: five years (a scrutiny panel's longest look back), so a typo cannot ask for a century. */
export const MAX_PERIOD_DAYS = 5 * 366;

export type PeriodProblem = 'fromInvalid' | 'toInvalid' | 'toBeforeFrom' | 'tooLong';

/**
 * The period in the address (`?from=2026-01-01&to=2026-03-31`): either end left out takes the
 * last complete quarter's; a day that is not a real date, an end before the start, or more than
 * MAX_PERIOD_DAYS is a problem the page names (and then shows the default quarter).
 */
export function periodAsked(from: string | null, to: string | null, today: IsoDate): { period: Period; problem: PeriodProblem | null } {
  const last = lastCompleteQuarter(today);
  const fallback: Period = { from: last.from, to: last.to };
  const asked = { from: from?.trim() || null, to: to?.trim() || null };
  if (asked.from === null && asked.to === null) return { period: fallback, problem: null };
  if (asked.from !== null && !isValidIsoDate(asked.from)) return { period: fallback, problem: 'fromInvalid' };
  if (asked.to !== null && !isValidIsoDate(asked.to)) return { period: fallback, problem: 'toInvalid' };
  const period = { from: asked.from ?? fallback.from, to: asked.to ?? fallback.to };
  if (compareDates(period.to, period.from) < 0) return { period: fallback, problem: 'toBeforeFrom' };
  if (daysBetween(period.from, period.to) > MAX_PERIOD_DAYS) return { period: fallback, problem: 'tooLong' };
  return { period, problem: null };
}
