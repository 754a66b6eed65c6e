import { z } from 'zod';

/**
 * Which translated strings a fluent speaker has checked (ADR 0041). English is the source and
 * needs no review. Each other language has app/i18n/review/<lng>.json:
 *
 *   { "language": "ur", "drafted": "machine",
 *     "reviewed": { "plan:planVersions.heading.final": { "english": "Final EHC plan (version {{number}})",
 *                   "by": "A. Reviewer", "on": "2026-12-01" } } }
 *
 * A string is `reviewed` only while the English it was checked against is still the English
 * text: once the English changes it is `stale` (reviewed, English changed since) and needs
 * review again. Every other string is a `machine` draft. Nothing here is ever presented as
 * reviewed without an entry that matches.
 */
export const reviewFileSchema = z.object({
  language: z.string(),
  drafted: z.literal('machine'),
  reviewed: z.record(
    z.string(),
    z.object({
      english: z.string(),
      by: z.string().min(1),
      on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    }),
  ),
});
export type ReviewFile = z.infer<typeof reviewFileSchema>;

export type ReviewStatus = 'reviewed' | 'stale' | 'machine';
export type ReviewedString = { key: string; namespace: string; english: string; translation: string; status: ReviewStatus; reviewedBy?: string; reviewedOn?: string };
export type ReviewCounts = Record<ReviewStatus, number> & { total: number };

/** `{ a: { b: 'x' } }` as `[['a.b', 'x']]`: every string with its dotted path. */
export function flatten(tree: unknown, prefix = ''): [string, string][] {
  if (typeof tree === 'string') return [[prefix, tree]];
  if (!tree || typeof tree !== 'object') return [];
  return Object.entries(tree as Record<string, unknown>).flatMap(([key, value]) => flatten(value, prefix ? `${prefix}.${key}` : key));
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/**
 * The English a translated string stands for: the same key, or for a plural form English does
 * not have (Polish `_few`, Arabic `_two`), English's `_other`.
 */
function englishFor(english: Map<string, string>, key: string): string | undefined {
  return english.get(key) ?? (PLURAL_SUFFIX.test(key) ? english.get(key.replace(PLURAL_SUFFIX, '_other')) : undefined);
}

/**
 * Every string of one language with its review status, in namespace then key order. `english`
 * and `translated` are namespace -> that namespace's translation tree.
 */
export function reviewStatuses(english: Record<string, unknown>, translated: Record<string, unknown>, review: ReviewFile): ReviewedString[] {
  const rows: ReviewedString[] = [];
  for (const namespace of Object.keys(translated).sort()) {
    const source = new Map(flatten(english[namespace]));
    for (const [path, translation] of flatten(translated[namespace]).sort(([a], [b]) => a.localeCompare(b))) {
      const key = `${namespace}:${path}`;
      const englishText = englishFor(source, path) ?? '';
      const entry = Object.hasOwn(review.reviewed, key) ? review.reviewed[key] : undefined;
      const status: ReviewStatus = !entry ? 'machine' : entry.english === englishText ? 'reviewed' : 'stale';
      rows.push({ key, namespace, english: englishText, translation, status, ...(entry ? { reviewedBy: entry.by, reviewedOn: entry.on } : {}) });
    }
  }
  return rows;
}

export function countStatuses(rows: readonly ReviewedString[]): ReviewCounts {
  const counts: ReviewCounts = { reviewed: 0, stale: 0, machine: 0, total: rows.length };
  for (const row of rows) counts[row.status]++;
  return counts;
}

/** Strings a fluent speaker still has to check: machine drafts and those whose English changed. */
export const needsReview = (row: ReviewedString) => row.status !== 'reviewed';
