import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '~/i18n/config';
import { countStatuses, needsReview, reviewFileSchema, reviewStatuses, type ReviewFile } from '~/i18n/review-state';

const english = { plan: { heading: 'Your plan', count_one: '{{count}} plan', count_other: '{{count}} plans' }, common: { back: 'Back' } };
const polish = { plan: { heading: 'Twój plan', count_one: '{{count}} plan', count_few: '{{count}} plany', count_other: '{{count}} planów' }, common: { back: 'Wstecz' } };
const review = (reviewed: ReviewFile['reviewed']): ReviewFile => ({ language: 'pl', drafted: 'machine', reviewed });
const statusOf = (rows: ReturnType<typeof reviewStatuses>, key: string) => rows.find((row) => row.key === key)?.status;

describe('translation review state', () => {
  it('with nothing reviewed, every translated string is a machine draft, English beside it', () => {
    const rows = reviewStatuses(english, polish, review({}));
    expect(rows.every((row) => row.status === 'machine')).toBe(true);
    expect(rows.find((row) => row.key === 'plan:heading')).toMatchObject({ namespace: 'plan', english: 'Your plan', translation: 'Twój plan' });
    expect(countStatuses(rows)).toEqual({ machine: 5, stale: 0, reviewed: 0, total: 5 });
  });

  it('a string checked against the current English is reviewed; against English that has since changed, stale', () => {
    const rows = reviewStatuses(
      english,
      polish,
      review({
        'plan:heading': { english: 'Your plan', by: 'Reviewer', on: '2026-12-01' },
        'common:back': { english: 'Go back', by: 'Reviewer', on: '2026-11-01' },
      }),
    );
    expect(statusOf(rows, 'plan:heading')).toBe('reviewed');
    expect(statusOf(rows, 'common:back')).toBe('stale');
    expect(rows.filter(needsReview).map((row) => row.key)).not.toContain('plan:heading');
    expect(rows.filter(needsReview).map((row) => row.key)).toContain('common:back');
  });

  it("a plural form English lacks is checked against English's _other", () => {
    const rows = reviewStatuses(english, polish, review({ 'plan:count_few': { english: '{{count}} plans', by: 'R', on: '2026-12-01' } }));
    expect(rows.find((row) => row.key === 'plan:count_few')).toMatchObject({ english: '{{count}} plans', status: 'reviewed' });
  });

  it('a review entry with no English of its own never counts as reviewed', () => {
    const rows = reviewStatuses(english, { plan: { gone: 'Stary' } }, review({ 'plan:gone': { english: 'Old', by: 'R', on: '2026-12-01' } }));
    expect(statusOf(rows, 'plan:gone')).toBe('stale');
  });

  it('each translated language has a well-formed review file naming itself', () => {
    for (const locale of supportedLocales.filter((l) => l !== 'en')) {
      const file = reviewFileSchema.parse(JSON.parse(readFileSync(`app/i18n/review/${locale}.json`, 'utf8')));
      expect(file.language).toBe(locale);
    }
  });
});
