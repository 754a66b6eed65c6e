/**
 * Red, amber and green against the thresholds a council sets for each figure (issue 16). Pure.
 *
 * - A figure where more is better (a rate of steps done on time) is green at or above its green
 *   threshold, amber at or above its amber threshold, otherwise red; so green >= amber.
 * - A figure where less is better (the share of refusals, apologies sent) is green at or below
 *   its green threshold, amber at or below its amber threshold, otherwise red; so green <= amber.
 * - No value (nothing happened in the period to count) is 'none': "no data", never red.
 * Thresholds equal to each other leave no amber band; that is allowed.
 */
export type Direction = 'higher' | 'lower';
export type Rag = 'green' | 'amber' | 'red' | 'none';
export type Thresholds = { green: number; amber: number };

export function ragOf(value: number | null, direction: Direction, thresholds: Thresholds): Rag {
  if (value === null || !Number.isFinite(value)) return 'none';
  const { green, amber } = thresholds;
  if (direction === 'higher') return value >= green ? 'green' : value >= amber ? 'amber' : 'red';
  return value <= green ? 'green' : value <= amber ? 'amber' : 'red';
}

/** What is wrong with a pair of thresholds for a figure, or null: a problem for the amber field, which the form names. */
export function thresholdsProblem(direction: Direction, thresholds: Thresholds): 'amberAboveGreen' | 'amberBelowGreen' | null {
  if (direction === 'higher' && thresholds.amber > thresholds.green) return 'amberAboveGreen';
  if (direction === 'lower' && thresholds.amber < thresholds.green) return 'amberBelowGreen';
  return null;
}

/** The GOV.UK tag colour and the words for each rating: the text says it, the colour only repeats it. */
export const ragTagColours = { green: 'green', amber: 'yellow', red: 'red', none: 'grey' } as const satisfies Record<Rag, string>;
export const ragKeys = {
  green: 'scrutiny.rag.green',
  amber: 'scrutiny.rag.amber',
  red: 'scrutiny.rag.red',
  none: 'scrutiny.rag.none',
} as const satisfies Record<Rag, `scrutiny.rag.${Rag}`>;
