/**
 * What changed between two versions of an EHC plan (a draft and the final, a final and its
 * amendment), section by section, in a form a family can read. Pure.
 *
 * - Narrative text is compared word by word (the longest common subsequence of words,
 *   whitespace and punctuation), then tidied so a reader sees whole phrases: "the cat sat" ->
 *   "a dog ran" reads as one phrase removed and one added, not three words each with the
 *   spaces between them kept. Line endings do not count as a change (\r\n = \n).
 * - Outcomes and provision items are matched by `id`, so moving an item is not a change and
 *   editing one field of an item shows as that field's before and after.
 * - Needs, the named setting and the personal budget are fields with a before and an after.
 *
 * Rendering without colour alone: every piece of a difference says what it is in words a page
 * can show. A `TextChange` of kind 'added' goes in <ins>, 'removed' in <del>, each with a
 * visually hidden "added:" / "removed:" before its text (screen readers do not announce
 * <ins>/<del> by default); an item change says 'added' | 'removed' | 'changed' so the page can
 * head it ("Provision added") rather than only tint it. A removed run always comes before the
 * added run that replaces it, so "removed X, added Y" reads in that order.
 */
import {
  planSections,
  sectionShapes,
  type NamedSetting,
  type PlanContent,
  type PlanOutcome,
  type PlanProvision,
  type PlanSection,
  type PlanSectionContent,
  type SenNeedType,
} from './plan-content';

// ---------------------------------------------------------------------------------------------
// Types

/** A run of text: unchanged, only in the newer version (<ins>) or only in the older one (<del>). */
export type TextChange = { kind: 'same' | 'added' | 'removed'; text: string };

/** A single value that changed, e.g. the primary need 'ASD' -> 'SLCN'. */
export type ValueChange<F extends string, V> = { field: F; before: V; after: V };

/** One field of a list item that changed, with its word diff for showing in place. */
export type ItemFieldChange<T> = { field: Exclude<keyof T, 'id'> & string; before: string; after: string; words: TextChange[] };

/**
 * An outcome or provision item that was added, removed or changed. `added` and `removed` carry
 * the whole item; `changed` carries both versions (to name the item: "Speech and language
 * therapy: who provides it changed") and only the fields that changed, in the item's field order.
 */
export type ItemChange<T extends { id: string }> =
  | { change: 'added'; id: string; item: T }
  | { change: 'removed'; id: string; item: T }
  | { change: 'changed'; id: string; before: T; after: T; fields: ItemFieldChange<T>[] };

/**
 * Everything that changed in one section. Only the parts that changed are present (`text` is
 * absent when the narrative is the same), and a section with no change is not in the list at
 * all. Several parts can be present at once: section F can have new text and a new item.
 */
export type SectionDiff = {
  section: PlanSection;
  /** The narrative, as runs: render 'same' as text, 'added' in <ins>, 'removed' in <del>. */
  text?: TextChange[];
  /** B: the primary and/or secondary need ('' = none). */
  needs?: ValueChange<'primary' | 'secondary', SenNeedType | ''>[];
  /** E, in the newer version's order, then the removed items in the older version's order. */
  outcomes?: ItemChange<PlanOutcome>[];
  /** F, G, H1, H2, ordered as outcomes. */
  provision?: ItemChange<PlanProvision>[];
  /** I: the fields of the named setting that changed. */
  setting?: ValueChange<keyof NamedSetting, string>[];
  /** J. */
  personalBudget?: { before: boolean; after: boolean };
};

// ---------------------------------------------------------------------------------------------
// Words

/**
 * Past this many token insertions and deletions the text counts as rewritten: the comparison
 * stops and shows the whole old text removed and the whole new one added. This bounds the work
 * by how much changed, not by length, so a few edits to a 20,000-character section still read
 * as a few edits, while two unrelated long texts cost little.
 */
export const WORD_DIFF_MAX_EDITS = 1_000;
/** Beyond this many tokens in either text (far over a section's limit) no comparison is tried. */
export const WORD_DIFF_MAX_TOKENS = 50_000;

/**
 * Words (letters and digits, with inner apostrophes: "Sam's", "don’t"), runs of whitespace, and
 * each punctuation mark on its own, so "weekly." -> "weekly," shows only the comma as changed.
 */
const TOKEN = /[\p{L}\p{N}\p{M}]+(?:['’][\p{L}\p{N}\p{M}]+)*|\s+|[^\s\p{L}\p{N}\p{M}]/gu;
const HAS_WORD = /[\p{L}\p{N}]/u;

export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

const normaliseLineEndings = (text: string) => text.replace(/\r\n?/g, '\n');

type Op = { kind: TextChange['kind']; token: string };

/**
 * The shortest edit script from `a` to `b` (Myers 1986: an LCS in O((N+M)·D) time), or null
 * when it needs more than `maxEdits` insertions and deletions. Keeps, for each step d, only the
 * diagonals that step can reach, so memory grows with D², not with the texts' length.
 */
function shortestEdit(a: string[], b: string[], maxEdits: number): Op[] | null {
  const n = a.length;
  const m = b.length;
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = false;

  for (let d = 0; d <= Math.min(max, maxEdits) && !found; d++) {
    // The furthest x on diagonals -(d+1)..d+1 before step d; index 0 is diagonal -(d+1).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = true;
        break;
      }
    }
  }
  if (!found) return null;

  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const row = trace[d];
    const at = (k: number) => row[k + d + 1];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'same', token: a[x - 1] });
      x--;
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: 'added', token: b[y - 1] });
      else ops.push({ kind: 'removed', token: a[x - 1] });
    }
    x = prevX;
    y = prevY;
  }
  return ops.reverse();
}

type Segment = { same: string } | { removed: string; added: string };

/**
 * Runs from single-token operations. An unchanged stretch between two changes that holds no
 * word (a space, ", ") joins them into one change: readers take "the cat sat" -> "a dog ran" as
 * one rewritten phrase, and would find the kept spaces between three pairs of words noise.
 */
function toRuns(ops: Op[]): TextChange[] {
  const segments: Segment[] = [];
  for (const op of ops) {
    const last = segments[segments.length - 1];
    if (op.kind === 'same') {
      if (last && 'same' in last) last.same += op.token;
      else segments.push({ same: op.token });
      continue;
    }
    let change: { removed: string; added: string };
    if (last && !('same' in last)) {
      change = last;
    } else if (last && 'same' in last && !HAS_WORD.test(last.same) && segments.length >= 2) {
      // [change, wordless same] + this change -> one change.
      const before = segments[segments.length - 2] as { removed: string; added: string };
      segments.pop();
      before.removed += last.same;
      before.added += last.same;
      change = before;
    } else {
      change = { removed: '', added: '' };
      segments.push(change);
    }
    if (op.kind === 'removed') change.removed += op.token;
    else change.added += op.token;
  }

  return segments.flatMap((segment): TextChange[] => {
    if ('same' in segment) return [{ kind: 'same', text: segment.same }];
    const runs: TextChange[] = [];
    if (segment.removed) runs.push({ kind: 'removed', text: segment.removed });
    if (segment.added) runs.push({ kind: 'added', text: segment.added });
    return runs;
  });
}

/** The whole old text removed, the whole new one added: for texts rewritten beyond comparing. */
function wholeReplacement(before: string, after: string): TextChange[] {
  const runs: TextChange[] = [];
  if (before) runs.push({ kind: 'removed', text: before });
  if (after) runs.push({ kind: 'added', text: after });
  return runs;
}

/**
 * Word-level difference of two texts, as runs that put together give `before` (same +
 * removed) and `after` (same + added). Identical texts give one 'same' run (none if empty).
 */
export function diffWords(before: string, after: string): TextChange[] {
  const a = normaliseLineEndings(before);
  const b = normaliseLineEndings(after);
  if (a === b) return a ? [{ kind: 'same', text: a }] : [];
  const aTokens = tokenize(a);
  const bTokens = tokenize(b);
  if (aTokens.length > WORD_DIFF_MAX_TOKENS || bTokens.length > WORD_DIFF_MAX_TOKENS) return wholeReplacement(a, b);

  // Most edits touch one place: the common start and end need no search.
  let start = 0;
  while (start < aTokens.length && start < bTokens.length && aTokens[start] === bTokens[start]) start++;
  let end = 0;
  while (
    end < aTokens.length - start &&
    end < bTokens.length - start &&
    aTokens[aTokens.length - 1 - end] === bTokens[bTokens.length - 1 - end]
  ) {
    end++;
  }
  const middle = shortestEdit(aTokens.slice(start, aTokens.length - end), bTokens.slice(start, bTokens.length - end), WORD_DIFF_MAX_EDITS);
  if (!middle) return wholeReplacement(a, b);

  const same = (tokens: string[]): Op[] => tokens.map((token) => ({ kind: 'same', token }));
  return toRuns([...same(aTokens.slice(0, start)), ...middle, ...same(aTokens.slice(aTokens.length - end))]);
}

// ---------------------------------------------------------------------------------------------
// Lists and fields

const outcomeFields = ['outcome', 'byWhen', 'steps'] as const;
const provisionFields = ['what', 'who', 'howOften', 'forHowLong'] as const;
const settingFields = ['name', 'urn', 'ukprn', 'withoutUrn', 'kind'] as const;

const sameText = (a: string, b: string) => normaliseLineEndings(a) === normaliseLineEndings(b);

/** Items matched by id; an item whose fields are all the same is unchanged wherever it moved. */
function diffItems<T extends { id: string }>(
  before: T[],
  after: T[],
  fields: readonly (Exclude<keyof T, 'id'> & string)[],
): ItemChange<T>[] {
  const older = new Map(before.map((item) => [item.id, item]));
  const newer = new Set(after.map((item) => item.id));
  const changes: ItemChange<T>[] = [];
  for (const item of after) {
    const previous = older.get(item.id);
    if (!previous) {
      changes.push({ change: 'added', id: item.id, item });
      continue;
    }
    const changed = fields.flatMap((field): ItemFieldChange<T>[] => {
      const was = String(previous[field] ?? '');
      const now = String(item[field] ?? '');
      return sameText(was, now) ? [] : [{ field, before: was, after: now, words: diffWords(was, now) }];
    });
    if (changed.length > 0) changes.push({ change: 'changed', id: item.id, before: previous, after: item, fields: changed });
  }
  for (const item of before) if (!newer.has(item.id)) changes.push({ change: 'removed', id: item.id, item });
  return changes;
}

function diffValues<F extends string, V>(before: Record<F, V>, after: Record<F, V>, fields: readonly F[]): ValueChange<F, V>[] {
  return fields.flatMap((field) => (before[field] === after[field] ? [] : [{ field, before: before[field], after: after[field] }]));
}

const noNeeds = { primary: '', secondary: '' } as const;
const noSetting: NamedSetting = { name: '', urn: '', ukprn: '', withoutUrn: '', kind: '' };

/** One section's differences, or null when nothing in its shape changed. */
export function diffSection(section: PlanSection, before: PlanSectionContent | undefined, after: PlanSectionContent | undefined): SectionDiff | null {
  const diff: SectionDiff = { section };
  const was = before ?? { text: '' };
  const now = after ?? { text: '' };
  if (!sameText(was.text ?? '', now.text ?? '')) diff.text = diffWords(was.text ?? '', now.text ?? '');

  switch (sectionShapes[section]) {
    case 'needs': {
      const needs = diffValues<'primary' | 'secondary', SenNeedType | ''>(was.needs ?? noNeeds, now.needs ?? noNeeds, ['primary', 'secondary']);
      if (needs.length > 0) diff.needs = needs;
      break;
    }
    case 'outcomes': {
      const outcomes = diffItems<PlanOutcome>(was.outcomes ?? [], now.outcomes ?? [], outcomeFields);
      if (outcomes.length > 0) diff.outcomes = outcomes;
      break;
    }
    case 'provision': {
      const provision = diffItems<PlanProvision>(was.provision ?? [], now.provision ?? [], provisionFields);
      if (provision.length > 0) diff.provision = provision;
      break;
    }
    case 'setting': {
      const setting = diffValues<keyof NamedSetting, string>(was.setting ?? noSetting, now.setting ?? noSetting, settingFields);
      if (setting.length > 0) diff.setting = setting;
      break;
    }
    case 'budget': {
      const wasBudget = was.personalBudget === true;
      const nowBudget = now.personalBudget === true;
      if (wasBudget !== nowBudget) diff.personalBudget = { before: wasBudget, after: nowBudget };
      break;
    }
    default:
      break;
  }
  return Object.keys(diff).length > 1 ? diff : null;
}

/** The sections that changed from `before` to `after`, in A-K order; empty when none did. */
export function diffPlans(before: PlanContent, after: PlanContent): SectionDiff[] {
  return planSections.flatMap((section) => {
    const diff = diffSection(section, before[section], after[section]);
    return diff ? [diff] : [];
  });
}
