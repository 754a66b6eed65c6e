import type { InterpolationOptions } from 'i18next';
import { localeDirection, type Locale } from './config';

/**
 * Bidirectional text (docs/decisions/0040-right-to-left-and-fonts.md). In Urdu and Arabic a
 * value dropped into a sentence (a date, a case reference, an email address, a count) must keep
 * its own direction and must not pull its neighbours into it: "EHCP-2026-0042" beside Arabic
 * words otherwise shows as "0042-2026-EHCP" or swaps with the full stop. Unicode's first-strong
 * isolates (FSI ... PDI) do that in plain text, which is all a translated string is; in markup a
 * value gets <bdi> (app/ui/govuk/content.tsx `Isolate`).
 */
export const FIRST_STRONG_ISOLATE = '\u2068';
export const POP_DIRECTIONAL_ISOLATE = '\u2069';

const isolateMarks = /[\u2066-\u2069]/g;

export function isolate(text: string): string {
  return `${FIRST_STRONG_ISOLATE}${text}${POP_DIRECTIONAL_ISOLATE}`;
}

/** The text without isolates: for output that is not shown as Unicode text (a PDF font without the marks, a file name). */
export function withoutIsolates(text: string): string {
  return text.replace(isolateMarks, '');
}

function isRtlLanguage(lng: string | undefined): boolean {
  const base = (lng ?? '').split('-')[0];
  return base === 'ur' || base === 'ar';
}

/** Isolates `text` only in a right-to-left language: English and Polish strings stay byte for byte as they were. */
export function isolateFor(locale: Locale, text: string): string {
  return localeDirection(locale) === 'rtl' && text !== '' ? isolate(text) : text;
}

/**
 * i18next's interpolation for every instance (browser and server): each value interpolated into
 * a right-to-left sentence is isolated. Values are never HTML-escaped: React escapes what it
 * renders, and emails are plain text.
 */
export const interpolationOptions: InterpolationOptions = {
  escapeValue: false,
  alwaysFormat: true,
  // i18next types the result as a string; a value it did not find (undefined) must go back unchanged.
  format(value: unknown, _format: string | undefined, lng: string | undefined): string {
    if (!isRtlLanguage(lng)) return value as string;
    if (typeof value === 'number') return isolate(String(value));
    if (typeof value === 'string' && value !== '') return isolate(value);
    return value as string;
  },
};
