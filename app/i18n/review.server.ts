import arReview from './review/ar.json';
import paReview from './review/pa.json';
import plReview from './review/pl.json';
import roReview from './review/ro.json';
import urReview from './review/ur.json';
import type { Locale } from './config';
import { resources } from './locales.server';
import { countStatuses, needsReview, reviewFileSchema, reviewStatuses, type ReviewCounts, type ReviewedString } from './review-state';

/**
 * The review state of every translated string (app/i18n/review-state.ts), from the review files
 * shipped with the build: worked out once per language, as the files only change with a release.
 */
export type TranslatedLocale = Exclude<Locale, 'en'>;

const files: Record<TranslatedLocale, unknown> = { pl: plReview, ro: roReview, pa: paReview, ur: urReview, ar: arReview };
const cache = new Map<TranslatedLocale, ReviewedString[]>();

export function reviewOf(locale: TranslatedLocale): ReviewedString[] {
  let rows = cache.get(locale);
  if (!rows) {
    const review = reviewFileSchema.parse(files[locale]);
    if (review.language !== locale) throw new Error(`app/i18n/review/${locale}.json names language ${review.language}`);
    rows = reviewStatuses(resources.en, resources[locale], review);
    cache.set(locale, rows);
  }
  return rows;
}

export function reviewCounts(locale: TranslatedLocale): ReviewCounts {
  return countStatuses(reviewOf(locale));
}

/** Whether pages in this language show some machine-drafted (or no longer checked) words. */
export function showsUnreviewedWords(locale: Locale): boolean {
  return locale !== 'en' && reviewOf(locale).some(needsReview);
}
