/**
 * Family feedback (issue 16, item 6; ADR 0052): the short survey a family is offered after each
 * key step of their case, and at any time; what the managers' results count; and how names are
 * taken out of what a family writes before it is kept. Pure: the callers pass the facts.
 */
import { compareDates, daysBetween, type IsoDate } from './timescales';
import type { Period } from './timeliness';

/** The steps a family is asked about, in the order a case reaches them; `any_time` is never offered, always open. */
export const feedbackSteps = ['request_sent', 'decision', 'final_plan', 'annual_review', 'any_time'] as const;
export type FeedbackStep = (typeof feedbackSteps)[number];
export const offeredSteps = ['request_sent', 'decision', 'final_plan', 'annual_review'] as const satisfies readonly FeedbackStep[];
export type OfferedStep = (typeof offeredSteps)[number];

export function isFeedbackStep(value: unknown): value is FeedbackStep {
  return typeof value === 'string' && (feedbackSteps as readonly string[]).includes(value);
}

/**
 * GOV.UK's satisfaction scale, stored as 5 (very satisfied) down to 1 (very dissatisfied), so an
 * average reads the natural way round. "Satisfied" in the figures means 4 or 5.
 */
export const satisfactionScores = [5, 4, 3, 2, 1] as const;
export type SatisfactionScore = (typeof satisfactionScores)[number];
/** How easy the step was, on the same 5-to-1 scale; optional. */
export const easeScores = [5, 4, 3, 2, 1] as const;

/** How long after a step its survey stays open: long enough to reply after the letter arrives, short enough to remember it. */
export const SURVEY_OPEN_DAYS = 90;

/** The case event that marks each step reached: the request received, the decision whether to assess, the final plan issued, an annual review decided. */
const stepOfEventKind: Readonly<Record<string, OfferedStep>> = {
  request_received: 'request_sent',
  assessment_agreed: 'decision',
  assessment_refused: 'decision',
  final_plan_issued: 'final_plan',
  review_decided: 'annual_review',
};

/** The step a case event reaches, or null when the event is not a key step. */
export function feedbackStepOf(eventKind: string): OfferedStep | null {
  return Object.hasOwn(stepOfEventKind, eventKind) ? stepOfEventKind[eventKind] : null;
}

export type FeedbackOffer = { step: OfferedStep; offeredOn: IsoDate };

/**
 * The offers a case's history makes: one per step, on the first day the step was reached (a
 * case asked once about each step, whatever happens again later: ADR 0052).
 */
export function offersFromEvents(events: readonly { kind: string; on: IsoDate }[]): FeedbackOffer[] {
  const first = new Map<OfferedStep, IsoDate>();
  for (const e of events) {
    const step = feedbackStepOf(e.kind);
    if (!step) continue;
    const seen = first.get(step);
    if (!seen || compareDates(e.on, seen) < 0) first.set(step, e.on);
  }
  return offeredSteps.filter((s) => first.has(s)).map((step) => ({ step, offeredOn: first.get(step)! }));
}

/**
 * Whether a step's survey is open on `today`: not yet answered, and for a key step offered within
 * the last SURVEY_OPEN_DAYS days; the any-time survey is open until answered.
 */
export function surveyOpen(step: FeedbackStep, offers: readonly FeedbackOffer[], answered: readonly FeedbackStep[], today: IsoDate): boolean {
  if (answered.includes(step)) return false;
  if (step === 'any_time') return true;
  const offer = offers.find((o) => o.step === step);
  if (!offer) return false;
  const age = daysBetween(offer.offeredOn, today);
  return age >= 0 && age <= SURVEY_OPEN_DAYS;
}

/** The key steps whose surveys are open on `today`, in case order. */
export function openSteps(offers: readonly FeedbackOffer[], answered: readonly FeedbackStep[], today: IsoDate): OfferedStep[] {
  return offeredSteps.filter((step) => surveyOpen(step, offers, answered, today));
}

// ---------------------------------------------------------------------------------------------
// Quarters and figures

/** A calendar quarter, 'YYYY Qn' (ADR 0052: the scrutiny report counts calendar years). */
export type Quarter = `${number} Q${1 | 2 | 3 | 4}`;

export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return `${Number(date.slice(0, 4))} Q${(Math.floor((month - 1) / 3) + 1) as 1 | 2 | 3 | 4}`;
}

export function isQuarter(value: unknown): value is Quarter {
  return typeof value === 'string' && /^\d{4} Q[1-4]$/.test(value);
}

/** The first and last day of a quarter. */
export function quarterPeriod(quarter: Quarter): Period {
  const year = quarter.slice(0, 4);
  const n = Number(quarter.slice(-1));
  const from = `${year}-${String(n * 3 - 2).padStart(2, '0')}-01`;
  const lastMonth = n * 3;
  const lastDay = new Date(Date.UTC(Number(year), lastMonth, 0)).getUTCDate();
  return { from, to: `${year}-${String(lastMonth).padStart(2, '0')}-${lastDay}` };
}

/** The quarter `today` falls in and the `count - 1` before it, newest first. */
export function recentQuarters(today: IsoDate, count: number): Quarter[] {
  let year = Number(today.slice(0, 4));
  let n = Number(quarterOf(today).slice(-1));
  const list: Quarter[] = [];
  for (let i = 0; i < count; i++) {
    list.push(`${year} Q${n as 1 | 2 | 3 | 4}`);
    n -= 1;
    if (n === 0) {
      n = 4;
      year -= 1;
    }
  }
  return list;
}

/** The counts behind one row of results: offers, and responses by satisfaction score. */
export type FeedbackCounts = { offers: number; satisfaction: Readonly<Partial<Record<SatisfactionScore, number>>> };

export type FeedbackFigures = {
  /** Null for the any-time survey, which is never offered. */
  offers: number | null;
  responses: number;
  /** responses / offers as a percentage; null with no offers (or for the any-time survey). */
  responseRate: number | null;
  /** Responses 'satisfied' or 'very satisfied' as a percentage of responses; null with none. */
  percentSatisfied: number | null;
  /** The mean score, 5 very satisfied to 1 very dissatisfied; null with no responses. */
  averageSatisfaction: number | null;
  /** How many responses gave each score, 5 down to 1. */
  distribution: Record<SatisfactionScore, number>;
};

const percent = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10);

/** A row of results from its counts. */
export function figuresFromCounts(step: FeedbackStep, counts: FeedbackCounts): FeedbackFigures {
  const distribution = Object.fromEntries(satisfactionScores.map((s) => [s, counts.satisfaction[s] ?? 0])) as Record<SatisfactionScore, number>;
  const responses = satisfactionScores.reduce((sum, s) => sum + distribution[s], 0);
  const satisfied = distribution[5] + distribution[4];
  const total = satisfactionScores.reduce((sum, s) => sum + s * distribution[s], 0);
  const offers = step === 'any_time' ? null : counts.offers;
  return {
    offers,
    responses,
    responseRate: offers === null ? null : percent(responses, offers),
    percentSatisfied: percent(satisfied, responses),
    averageSatisfaction: responses === 0 ? null : Math.round((total / responses) * 10) / 10,
    distribution,
  };
}

// ---------------------------------------------------------------------------------------------
// Taking names out of free text

export const NAME_REMOVED = '[name removed]';

const EMAIL = String.raw`[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`;
const PHONE = String.raw`\+?\(?\d[\d \-()]{7,}\d`;
/** A name is matched as a whole word: no letter, mark or digit of any script either side. */
const WORD_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}])`;
const WORD_AFTER = String.raw`(?![\p{L}\p{M}\p{N}])`;
const APOSTROPHES = /['’‘`ʼ]/g;

function escapeForRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A name as a pattern: any apostrophe matches any other, spaces match any run of spaces. */
function namePattern(name: string) {
  return escapeForRegExp(name).replace(APOSTROPHES, "['’‘`ʼ]").replace(/\s+/g, String.raw`\s+`);
}

/**
 * Every form of the names worth looking for: each full name, and each part of it (split at spaces,
 * and again at hyphens) of two letters or more, so "Mrs Jones" or "Ahmed" alone is found too.
 */
function nameForms(names: readonly string[]): string[] {
  const forms = new Set<string>();
  for (const raw of names) {
    const name = raw.normalize('NFC').trim();
    if (!name) continue;
    forms.add(name);
    // Each word ("Smith-Jones") and each piece of a hyphenated one ("Smith", "Jones").
    for (const part of [...name.split(/\s+/), ...name.split(/[\s\-‐]+/)]) {
      const bare = part.replace(/^['’‘`ʼ]+|['’‘`ʼ]+$/g, '');
      if ([...bare].length >= 2) forms.add(bare);
    }
  }
  // Longest first, so "Mary-Jane Smith" is taken whole before "Mary".
  return [...forms].sort((a, b) => b.length - a.length);
}

/**
 * The text with every email address, telephone number (10 digits or more) and each of `names`
 * replaced by "[name removed]": case-insensitive, whole words only, in any script. One pass, so
 * a replacement is never itself searched again.
 */
export function redactNames(text: string, names: readonly string[]): string {
  const forms = nameForms(names);
  const alternatives = [EMAIL, PHONE, ...(forms.length ? [`${WORD_BEFORE}(?:${forms.map(namePattern).join('|')})${WORD_AFTER}`] : [])];
  const pattern = new RegExp(alternatives.map((a) => `(?:${a})`).join('|'), 'giu');
  return text.normalize('NFC').replace(pattern, (match) => {
    // A run of digits with fewer than 10 is a date or a reference, not a telephone number.
    if (/^[+(\d]/.test(match) && !match.includes('@') && (match.match(/\d/g)?.length ?? 0) < 10) return match;
    return NAME_REMOVED;
  });
}
