import { isolateFor } from './bidi';
import { dateLocaleTag, type Locale } from './config';

/**
 * Dates and numbers in each language's own words and order, always on the Gregorian calendar
 * with Western digits (dateLocaleTag). In Urdu and Arabic each result is a first-strong isolate
 * (app/i18n/bidi.ts), so a date such as "8 يونيو 2027" keeps its order wherever it is placed.
 */

const dateFormats = new Map<string, Intl.DateTimeFormat>();

// Urdu's and Punjabi's ICU data write the time of day with Latin "AM"/"PM": the 24-hour clock
// says the same with no English on the page.
const hourCycle: Partial<Record<Locale, 'h23'>> = { ur: 'h23', pa: 'h23' };

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    const clock = options.hour !== undefined && hourCycle[locale] ? { hourCycle: hourCycle[locale] } : {};
    f = new Intl.DateTimeFormat(dateLocaleTag[locale], { timeZone: 'Europe/London', ...options, ...clock });
    dateFormats.set(key, f);
  }
  return f;
}

function calendarDate(isoDate: string): Date {
  // Noon UTC keeps the calendar day whatever the server's zone.
  return new Date(`${isoDate}T12:00:00Z`);
}

/** "22 November 2026" / "22 listopada 2026" / "22 نومبر، 2026" from an ISO calendar date (YYYY-MM-DD). */
export function formatDate(isoDate: string, locale: Locale): string {
  return isolateFor(locale, formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(calendarDate(isoDate)));
}

/**
 * "Friday 22 November 2026" for dates a family must act by: GOV.UK style has no comma after the
 * day's name, whatever the ICU version's en-GB pattern says. Other languages keep their own
 * ("piątek, 22 listopada 2026", "الجمعة، 22 نوفمبر 2026").
 */
export function formatDateWithWeekday(isoDate: string, locale: Locale): string {
  const date = calendarDate(isoDate);
  if (locale === 'en') return `${formatter(locale, { weekday: 'long' }).format(date)} ${formatDate(isoDate, locale)}`;
  return isolateFor(locale, formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date));
}

/** "22 November 2026 at 5:30pm" style for instants (messages, timeline entries), UK time. */
export function formatDateTime(instant: Date | string, locale: Locale): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return isolateFor(locale, formatter(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d));
}

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** "66.7%" / "66,7%" from a percentage (66.7, not 0.667). */
export function formatPercent(percent: number, locale: Locale): string {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(dateLocaleTag[locale], { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, f);
  }
  return isolateFor(locale, f.format(percent / 100));
}
