/**
 * The family's view of the statutory process: which decisions differ from what they asked for.
 * Pure: no database, clock, React or I/O.
 */

/** The outcomes a council can record on a decision whether to assess or to issue a plan. */
export type DecisionOutcome = 'agreed' | 'refused' | 'issue' | 'not_issue';

/**
 * Whether a decision differs from what the family asked for. The family always asks for the
 * assessment (and, through it, a plan), so only a refusal differs: only then does the council
 * explain the difference, and only then is an explanation shown to the family.
 */
export function decisionDiffersFromRequest(outcome: unknown): boolean {
  return outcome === 'refused' || outcome === 'not_issue';
}
