import { dateLocaleTag, type Locale } from './config';

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: Locale, options: Intl.DateTimeFormatOptions) {
  const key = locale + JSON.stringify(options);
  let f = dateFormats.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(dateLocaleTag[locale], { timeZone: 'Europe/London', ...options });
    dateFormats.set(key, f);
  }
  return f;
}

/** "22 November 2026" / "22 listopada 2026" from an ISO calendar date (YYYY-MM-DD). */
export function formatDate(isoDate: string, locale: Locale): string {
  // Noon UTC keeps the calendar day whatever the server's zone.
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(`${isoDate}T12:00:00Z`));
}

/**
 * "Friday 22 November 2026" for dates a family must act by: GOV.UK style has no comma after the
 * day's name, whatever the ICU version's en-GB pattern says. Polish keeps its own ("piątek,
 * 22 listopada 2026").
 */
export function formatDateWithWeekday(isoDate: string, locale: Locale): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  if (locale === 'en') return `${formatter(locale, { weekday: 'long' }).format(date)} ${formatDate(isoDate, locale)}`;
  return formatter(locale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(date);
}

/** "22 November 2026 at 5:30pm" style for instants (messages, timeline entries), UK time. */
export function formatDateTime(instant: Date | string, locale: Locale): string {
  const d = typeof instant === 'string' ? new Date(instant) : instant;
  return formatter(locale, { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' }).format(d);
}

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** "66.7%" / "66,7%" from a percentage (66.7, not 0.667). */
export function formatPercent(percent: number, locale: Locale): string {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(dateLocaleTag[locale], { style: 'percent', maximumFractionDigits: 1 });
    percentFormats.set(locale, f);
  }
  return f.format(percent / 100);
}
