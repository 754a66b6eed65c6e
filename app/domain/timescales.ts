/**
 * Statutory timescales for EHC needs assessments, plans, reviews and SEND Tribunal appeals
 * (England). Pure: no clock (except `todayInLondon`'s default argument), no I/O.
 *
 * Why each rule reads as it does: docs/decisions/0005-statutory-date-conventions.md.
 *
 * Dates
 * - Every date is an ISO `YYYY-MM-DD` calendar date string: a day, not an instant. Internally a
 *   date is a day number (days since 1970-01-01) worked out in UTC, so no local time zone or
 *   clock change can move a date. Use `todayInLondon` to turn an instant into a date.
 * - Anything that is not a real calendar date (`2026-02-30`, `2026-2-3`, `''`) throws a
 *   `RangeError` naming the argument.
 *
 * Working days
 * - Monday to Friday, except England & Wales bank holidays (these include Christmas Day, Good
 *   Friday and substitute days).
 * - Outside `BANK_HOLIDAYS_COVER` only weekends are non-working: nothing throws, and callers
 *   should use `bankHolidayDataCovers` to warn that a holiday may have been missed.
 * - `addWorkingDays(d, n)` is the n-th working day after `d`. For n = 0 it returns `d`
 *   unchanged, even at a weekend, so that adding a + b working days equals adding a then b and
 *   `workingDaysBetween(d, addWorkingDays(d, n)) === n` for every n. To roll a date forward
 *   use `nextWorkingDayOnOrAfter`.
 * - `workingDaysBetween(from, to)` counts working days after `from` up to and including `to`
 *   ("3 working days left"), and is negative when `to` is before `from`.
 *
 * Statutory periods (the day of the event itself is never counted)
 * - "within N weeks of X": X + 7N calendar days, never moved for weekends or holidays: the
 *   SEND Regulations 2014 give no such extension.
 * - "N days beginning with X": X is day 1, so the last day is X + N - 1.
 * - "N months after X": the same day of the month N months later or, if that month is too
 *   short, its last day (31 December + 2 months = 28 or 29 February).
 * - "the period of 12 months starting with X": ends the day before the anniversary of X.
 * - An anniversary of 29 February (a birthday, a plan date) falls on 1 March in a non-leap
 *   year, the convention applied to ages in England & Wales. So a plan issued on 29 February
 *   2024 must be reviewed by 28 February 2025.
 */
import { BANK_HOLIDAYS, BANK_HOLIDAYS_COVER } from './bank-holidays';

export type IsoDate = string;

interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SUNDAY = 0;
const FRIDAY = 5;
const SATURDAY = 6;

// ---------------------------------------------------------------------------------------------
// Day numbers

function dayNumberOf(year: number, month: number, day: number): number {
  // setUTCFullYear, unlike Date.UTC, does not read years 0-99 as 1900-1999.
  const instant = new Date(0);
  instant.setUTCFullYear(year, month - 1, day);
  return instant.getTime() / MS_PER_DAY;
}

function calendarDateOf(dayNumber: number): CalendarDate {
  const instant = new Date(dayNumber * MS_PER_DAY);
  return {
    year: instant.getUTCFullYear(),
    month: instant.getUTCMonth() + 1,
    day: instant.getUTCDate(),
  };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

function format(dayNumber: number): IsoDate {
  const { year, month, day } = calendarDateOf(dayNumber);
  if (year < 0 || year > 9999) {
    throw new RangeError(`Date arithmetic went outside the years 0000-9999 (day ${dayNumber})`);
  }
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Valid dates already parsed: reports run thousands of clocks over the same few hundred days.
const parsedDates = new Map<string, number>();
const PARSED_DATES_KEPT = 20_000;

function parse(value: unknown, name: string): number {
  const known = typeof value === 'string' ? parsedDates.get(value) : undefined;
  if (known !== undefined) return known;
  const match = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  const dayNumber = match ? dayNumberOf(Number(match[1]), Number(match[2]), Number(match[3])) : NaN;
  // An impossible date such as 2026-02-30 rolls over into another month, so it fails the round trip.
  if (Number.isNaN(dayNumber) || format(dayNumber) !== value) {
    throw new RangeError(`${name} must be a real calendar date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  }
  if (parsedDates.size >= PARSED_DATES_KEPT) parsedDates.clear();
  parsedDates.set(value as string, dayNumber);
  return dayNumber;
}

function parseCalendarDate(value: unknown, name: string): CalendarDate {
  return calendarDateOf(parse(value, name));
}

/** 0 is Sunday, 6 Saturday. */
function dayOfWeek(dayNumber: number): number {
  return new Date(dayNumber * MS_PER_DAY).getUTCDay();
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  return dayNumberOf(year, month + 1, 1) - dayNumberOf(year, month, 1);
}

function requireWholeNumber(n: number, name: string, minimum = -Infinity): void {
  if (!Number.isSafeInteger(n) || n < minimum) {
    const expected = minimum === 0 ? 'a whole number of 0 or more' : 'a whole number';
    throw new RangeError(`${name} must be ${expected}, got ${n}`);
  }
}

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic

export function isValidIsoDate(value: unknown): value is IsoDate {
  try {
    parse(value, 'date');
    return true;
  } catch {
    return false;
  }
}

/** Negative, zero or positive as `a` is before, on or after `b`; usable with `Array.sort`. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return Math.sign(parse(a, 'a') - parse(b, 'b')) as -1 | 0 | 1;
}

export function addDays(date: IsoDate, n: number): IsoDate {
  requireWholeNumber(n, 'n');
  return format(parse(date, 'date') + n);
}

/** Calendar days from `a` to `b`: positive when `b` is later. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return parse(b, 'b') - parse(a, 'a');
}

function monthsAfter({ year, month, day }: CalendarDate, n: number): number {
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return dayNumberOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** "N months after X": same day of the month, or the last day of a month too short for it. */
export function addMonths(date: IsoDate, n: number): IsoDate {
  requireWholeNumber(n, 'n');
  return format(monthsAfter(parseCalendarDate(date, 'date'), n));
}

/** The anniversary `years` on; a 29 February falls on 1 March in a non-leap year. */
function anniversary({ year, month, day }: CalendarDate, years: number): number {
  const targetYear = year + years;
  const isMissingLeapDay = month === 2 && day === 29 && !isLeapYear(targetYear);
  return isMissingLeapDay ? dayNumberOf(targetYear, 3, 1) : dayNumberOf(targetYear, month, day);
}

const LONDON_DATE = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The Europe/London calendar date at the instant `now`. */
export function todayInLondon(now: Date = new Date()): IsoDate {
  if (Number.isNaN(now.getTime())) throw new RangeError('todayInLondon: now is an invalid Date');
  const parts = Object.fromEntries(LONDON_DATE.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

// ---------------------------------------------------------------------------------------------
// Working days

const COVER_FROM = parse(BANK_HOLIDAYS_COVER.from, 'BANK_HOLIDAYS_COVER.from');
const COVER_TO = parse(BANK_HOLIDAYS_COVER.to, 'BANK_HOLIDAYS_COVER.to');

/** Whether the bank holiday data covers `date`; if not, working days count only weekends. */
export function bankHolidayDataCovers(date: IsoDate): boolean {
  const dayNumber = parse(date, 'date');
  return dayNumber >= COVER_FROM && dayNumber <= COVER_TO;
}

function isWorkingDayNumber(dayNumber: number): boolean {
  const weekday = dayOfWeek(dayNumber);
  return weekday !== SATURDAY && weekday !== SUNDAY && !BANK_HOLIDAYS.has(format(dayNumber));
}

function nextWorkingDayFrom(dayNumber: number): number {
  let candidate = dayNumber;
  while (!isWorkingDayNumber(candidate)) candidate += 1;
  return candidate;
}

function firstWorkingDayAfter(dayNumber: number): number {
  return nextWorkingDayFrom(dayNumber + 1);
}

function countWorkingDaysAfter(start: number, endInclusive: number): number {
  let count = 0;
  for (let dayNumber = start + 1; dayNumber <= endInclusive; dayNumber += 1) {
    if (isWorkingDayNumber(dayNumber)) count += 1;
  }
  return count;
}

export function isWorkingDay(date: IsoDate): boolean {
  return isWorkingDayNumber(parse(date, 'date'));
}

/** `date` itself if it is a working day, otherwise the first working day after it. */
export function nextWorkingDayOnOrAfter(date: IsoDate): IsoDate {
  return format(nextWorkingDayFrom(parse(date, 'date')));
}

/** The n-th working day after `date` (n >= 0; n = 0 returns `date` unchanged). */
export function addWorkingDays(date: IsoDate, n: number): IsoDate {
  requireWholeNumber(n, 'n', 0);
  let dayNumber = parse(date, 'date');
  for (let remaining = n; remaining > 0; remaining -= 1) {
    dayNumber = firstWorkingDayAfter(dayNumber);
  }
  return format(dayNumber);
}

/** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
export function workingDaysBetween(from: IsoDate, to: IsoDate): number {
  const start = parse(from, 'from');
  const end = parse(to, 'to');
  // 0 - n rather than -n, so that a weekend counted backwards gives 0, not -0.
  return end >= start ? countWorkingDaysAfter(start, end) : 0 - countWorkingDaysAfter(end, start);
}

// ---------------------------------------------------------------------------------------------
// Statutory deadlines (SEND Regulations 2014 unless stated)

function withinWeeksOf(date: IsoDate, weeks: number, name: string): IsoDate {
  return format(parse(date, name) + 7 * weeks);
}

export interface AssessmentDeadlines {
  /** Regs 4-5: decide whether to assess within 6 weeks of the request. */
  decisionToAssess: IsoDate;
  /** Reg 10: notify a decision not to issue a plan within 16 weeks of the request. */
  noticeNotToIssue: IsoDate;
  /** Reg 13: issue the final plan within 20 weeks of the request. */
  finalPlan: IsoDate;
}

export function assessmentDeadlines(requestReceived: IsoDate): AssessmentDeadlines {
  return {
    decisionToAssess: withinWeeksOf(requestReceived, 6, 'requestReceived'),
    noticeNotToIssue: withinWeeksOf(requestReceived, 16, 'requestReceived'),
    finalPlan: withinWeeksOf(requestReceived, 20, 'requestReceived'),
  };
}

/** Reg 8: advice within 6 weeks of the date the adviser was asked for it. */
export function adviceDeadline(adviceRequestReceived: IsoDate): IsoDate {
  return withinWeeksOf(adviceRequestReceived, 6, 'adviceRequestReceived');
}

/** Children and Families Act 2014 s.38(2): at least 15 days "beginning with the day" the draft was served. */
export function draftCommentsLastDay(draftServed: IsoDate): IsoDate {
  return format(parse(draftServed, 'draftServed') + 15 - 1);
}

/** Children and Families Act 2014 s.44(1): review in each 12 months starting with the plan or last review. */
export function annualReviewDueBy(planIssuedOrLastReviewed: IsoDate): IsoDate {
  const start = parseCalendarDate(planIssuedOrLastReviewed, 'planIssuedOrLastReviewed');
  return format(anniversary(start, 1) - 1);
}

/** Regs 20-21: the authority's decision within 4 weeks of the review meeting. */
export function reviewDecisionDueBy(reviewMeeting: IsoDate): IsoDate {
  return withinWeeksOf(reviewMeeting, 4, 'reviewMeeting');
}

/** Reg 22: the amended final plan within 8 weeks of the amendment notice. */
export function finalAmendedPlanDueBy(amendmentNoticeSent: IsoDate): IsoDate {
  return withinWeeksOf(amendmentNoticeSent, 8, 'amendmentNoticeSent');
}

export type PhaseTransferKind = 'phase' | 'post16';

/**
 * Reg 18(1): before a transfer between phases the review and any amendment must be completed
 * "before" 15 February (31 March when moving from secondary school to post-16) of the calendar
 * year of the transfer. Only the year of `transferDate` matters. The Code of Practice says
 * "by"; the earlier day, read from the Regulations, satisfies both readings.
 */
export function phaseTransferLastDay(transferDate: IsoDate, kind: PhaseTransferKind): IsoDate {
  const { year } = parseCalendarDate(transferDate, 'transferDate');
  if (kind === 'phase') return format(dayNumberOf(year, 2, 14));
  if (kind === 'post16') return format(dayNumberOf(year, 3, 30));
  throw new RangeError(`kind must be 'phase' or 'post16', got ${JSON.stringify(kind)}`);
}

/**
 * Last day to register a SEND Tribunal appeal (Tribunal Procedure (First-tier Tribunal) (HESC)
 * Rules 2008, rules 20 and 12): the later of 2 months after the decision was sent and 1 month
 * after a mediation certificate was issued. If that day falls 25 December-1 January or in
 * August, the appeal is in time on the first working day after 1 January or 31 August;
 * otherwise a non-working day moves to the next working day. The closure rule is applied to
 * the day the period ends, not to a day reached by rolling past a weekend, which gives the
 * earlier (safer) date, e.g. Saturday 24 December 2022 -> Wednesday 28 December.
 */
export function appealDeadline(decisionSent: IsoDate, mediationCertificateIssued?: IsoDate | null): IsoDate {
  const fromDecision = monthsAfter(parseCalendarDate(decisionSent, 'decisionSent'), 2);
  const fromCertificate =
    mediationCertificateIssued == null
      ? fromDecision
      : monthsAfter(parseCalendarDate(mediationCertificateIssued, 'mediationCertificateIssued'), 1);
  return format(extendForTribunalRules(Math.max(fromDecision, fromCertificate)));
}

function extendForTribunalRules(periodEnds: number): number {
  const { year, month, day } = calendarDateOf(periodEnds);
  if (month === 12 && day >= 25) return firstWorkingDayAfter(dayNumberOf(year + 1, 1, 1));
  if (month === 1 && day === 1) return firstWorkingDayAfter(periodEnds);
  if (month === 8) return firstWorkingDayAfter(dayNumberOf(year, 8, 31));
  return nextWorkingDayFrom(periodEnds);
}

// ---------------------------------------------------------------------------------------------
// Age and young person status

/** Whole years of age on `date`; a 29 February birthday counts from 1 March in non-leap years. */
export function ageOn(dateOfBirth: IsoDate, date: IsoDate): number {
  const birth = parseCalendarDate(dateOfBirth, 'dateOfBirth');
  const on = parse(date, 'date');
  if (on < dayNumberOf(birth.year, birth.month, birth.day)) {
    throw new RangeError(`date ${date} is before dateOfBirth ${dateOfBirth}`);
  }
  const years = calendarDateOf(on).year - birth.year;
  return on < anniversary(birth, years) ? years - 1 : years;
}

function lastFridayOfJune(year: number): number {
  const june30 = dayNumberOf(year, 6, 30);
  return june30 - ((dayOfWeek(june30) - FRIDAY + 7) % 7);
}

/**
 * The first day as a young person (Children and Families Act 2014 s.83(2)): the day after
 * compulsory school age ends (Education Act 1996 s.8), the last Friday in June of the school year
 * (1 September-31 August) in which the 16th birthday falls. So the result is always a Saturday.
 * A 29 February birthday is taken as 1 March in a non-leap year; as both days are always in the
 * same school year this cannot change the result.
 */
export function youngPersonFrom(dateOfBirth: IsoDate): IsoDate {
  return format(firstDayAsYoungPerson(parseCalendarDate(dateOfBirth, 'dateOfBirth')));
}

function firstDayAsYoungPerson(birth: CalendarDate): number {
  const sixteenthBirthday = calendarDateOf(anniversary(birth, 16));
  const schoolYearEndsIn = sixteenthBirthday.month >= 9 ? sixteenthBirthday.year + 1 : sixteenthBirthday.year;
  return lastFridayOfJune(schoolYearEndsIn) + 1;
}

/**
 * Whether the person is over compulsory school age on `today`, so that decisions are theirs
 * rather than their parents'. The upper limit of 25 is deliberately not applied here: an EHC
 * plan's end is a separate decision, and the answer must never flip back to the parents.
 */
export function isYoungPerson(dateOfBirth: IsoDate, today: IsoDate): boolean {
  const birth = parseCalendarDate(dateOfBirth, 'dateOfBirth');
  return parse(today, 'today') >= firstDayAsYoungPerson(birth);
}
