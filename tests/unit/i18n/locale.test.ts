import { describe, expect, it } from 'vitest';
import { localeFromAcceptLanguage } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';

describe('choosing a language from the browser', () => {
  it.each([
    [null, 'en'],
    ['', 'en'],
    ['pl-PL,pl;q=0.9,en;q=0.8', 'pl'],
    ['en-GB,en;q=0.9,pl;q=0.8', 'en'],
    ['fr-FR,pl;q=0.5', 'pl'],
    ['de', 'en'],
    ['en;q=0.1,pl;q=0.9', 'pl'],
    ['garbage;;;q=x', 'en'],
  ])('%s -> %s', (header, expected) => {
    expect(localeFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('dates in UK format, in the user language', () => {
  it('formats calendar dates day-month-year', () => {
    expect(formatDate('2026-11-22', 'en')).toBe('22 November 2026');
    expect(formatDate('2026-11-22', 'pl')).toBe('22 listopada 2026');
  });

  it('shows instants in UK time, across the clock change', () => {
    expect(formatDateTime('2026-07-01T16:30:00Z', 'en')).toBe('1 July 2026 at 17:30');
    expect(formatDateTime('2026-12-01T16:30:00Z', 'en')).toBe('1 December 2026 at 16:30');
  });
});
