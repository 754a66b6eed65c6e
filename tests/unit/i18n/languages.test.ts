import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { FIRST_STRONG_ISOLATE as FSI, interpolationOptions, isolate, POP_DIRECTIONAL_ISOLATE as PDI, withoutIsolates } from '~/i18n/bidi';
import { localeDirection, supportedLocales, type Locale } from '~/i18n/config';
import { formatDate, formatDateTime, formatDateWithWeekday, formatPercent } from '~/i18n/format';

describe('which way each language is written', () => {
  it.each([
    ['en', 'ltr'],
    ['pl', 'ltr'],
    ['ro', 'ltr'],
    ['pa', 'ltr'],
    ['ur', 'rtl'],
    ['ar', 'rtl'],
  ] as const)('%s is %s', (locale, direction) => {
    expect(localeDirection(locale)).toBe(direction);
  });
});

describe('dates and numbers in each language', () => {
  // 8 June 2027 is a Tuesday; 16:05 UTC is 17:05 in London (summer time).
  const expected: Record<Locale, { date: string; weekday: string; time: string; percent: RegExp }> = {
    en: { date: '8 June 2027', weekday: 'Tuesday 8 June 2027', time: '8 June 2027 at 17:05', percent: /^66\.7%$/ },
    pl: { date: '8 czerwca 2027', weekday: 'wtorek, 8 czerwca 2027', time: '8 czerwca 2027 17:05', percent: /^66,7\s?%$/ },
    ro: { date: '8 iunie 2027', weekday: 'marți, 8 iunie 2027', time: '8 iunie 2027 la 17:05', percent: /^66,7\s%$/ },
    pa: { date: '8 ਜੂਨ 2027', weekday: 'ਮੰਗਲਵਾਰ, 8 ਜੂਨ 2027', time: '8 ਜੂਨ 2027 17:05', percent: /^66\.7%$/ },
    ur: { date: '8 جون، 2027', weekday: 'منگل، 8 جون، 2027', time: '8 جون، 2027 کو 17:05', percent: /^66\.7%$/ },
    ar: { date: '8 يونيو 2027', weekday: 'الثلاثاء، 8 يونيو 2027', time: '8 يونيو 2027 في 5:05 م', percent: /^66\.7\u200e?%\u200e?$/ },
  };

  it.each(supportedLocales)('%s: Gregorian dates, Western digits, its own month names and order', (locale) => {
    const want = expected[locale];
    expect(withoutIsolates(formatDate('2027-06-08', locale))).toBe(want.date);
    expect(withoutIsolates(formatDateWithWeekday('2027-06-08', locale))).toBe(want.weekday);
    expect(withoutIsolates(formatDateTime('2027-06-08T16:05:00Z', locale))).toBe(want.time);
    expect(withoutIsolates(formatPercent(66.7, locale))).toMatch(want.percent);
  });

  it.each(supportedLocales)('%s: no Arabic-Indic, Eastern or Gurmukhi digits, no Latin AM/PM', (locale) => {
    const all = [formatDate('2027-12-31', locale), formatDateWithWeekday('2027-12-31', locale), formatDateTime('2027-12-31T23:59:00Z', locale), formatPercent(12.5, locale)].join(' ');
    expect(all).not.toMatch(/[\u0660-\u0669\u06f0-\u06f9\u0a66-\u0a6f]/);
    expect(all).not.toMatch(/\b[AP]M\b/);
    expect(all).toContain('2027');
  });

  it('isolates dates and numbers in right-to-left languages only', () => {
    expect(formatDate('2027-06-08', 'ar')).toBe(`${FSI}8 يونيو 2027${PDI}`);
    expect(formatDate('2027-06-08', 'ur').startsWith(FSI)).toBe(true);
    expect(formatDateTime('2027-06-08T16:05:00Z', 'ur').endsWith(PDI)).toBe(true);
    for (const locale of ['en', 'pl', 'ro', 'pa'] as const) {
      expect(formatDate('2027-06-08', locale)).not.toMatch(/[\u2066-\u2069]/);
      expect(formatDateWithWeekday('2027-06-08', locale)).not.toMatch(/[\u2066-\u2069]/);
    }
  });
});

describe('values interpolated into translated sentences', () => {
  function translator(lng: string) {
    const i18n = createInstance();
    void i18n.init({
      lng,
      resources: { [lng]: { translation: { sent: 'S {{reference}} {{email}} {{count}}.', missing: 'M {{nothing}}.' } } },
      interpolation: interpolationOptions,
      initImmediate: false,
    });
    return i18n.t.bind(i18n);
  }

  it('are first-strong isolates in Urdu and Arabic, so a reference or an address keeps its order', () => {
    for (const lng of ['ur', 'ar']) {
      expect(translator(lng)('sent', { reference: 'EHCP-2026-0042', email: 'a.b@example.com', count: 3 })).toBe(
        `S ${isolate('EHCP-2026-0042')} ${isolate('a.b@example.com')} ${isolate('3')}.`,
      );
    }
  });

  it('are left exactly as given in left-to-right languages, and nothing is HTML-escaped', () => {
    for (const lng of ['en', 'pl', 'ro', 'pa']) {
      expect(translator(lng)('sent', { reference: 'R&D <1>', email: 'a@b.c', count: 3 })).toBe('S R&D <1> a@b.c 3.');
    }
  });

  it('a missing value is left as i18next leaves it, not turned into an isolate', () => {
    expect(translator('ar')('missing')).toBe('M {{nothing}}.');
  });
});
