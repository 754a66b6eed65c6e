import { describe, expect, it } from 'vitest';
import { formatDate, formatDateWithWeekday, formatPercent } from '~/i18n/format';

describe('dates shown to people', () => {
  it('are UK style in English, with the day named and no comma (GOV.UK style)', () => {
    expect(formatDate('2027-06-08', 'en')).toBe('8 June 2027');
    expect(formatDateWithWeekday('2027-06-08', 'en')).toBe('Tuesday 8 June 2027');
  });

  it('are Polish style in Polish', () => {
    expect(formatDate('2027-06-08', 'pl')).toBe('8 czerwca 2027');
    expect(formatDateWithWeekday('2027-06-08', 'pl')).toBe('wtorek, 8 czerwca 2027');
  });

  it('keep the calendar day whatever the hour in London', () => {
    expect(formatDate('2027-03-28', 'en')).toBe('28 March 2027');
    expect(formatDate('2027-10-31', 'en')).toBe('31 October 2027');
  });
});

describe('percentages shown to managers', () => {
  it('have at most one decimal, in each language’s style', () => {
    expect(formatPercent(66.7, 'en')).toBe('66.7%');
    expect(formatPercent(100, 'en')).toBe('100%');
    expect(formatPercent(66.7, 'pl')).toMatch(/^66,7\s?%$/);
  });
});
