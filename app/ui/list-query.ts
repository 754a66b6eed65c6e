import type { CaseStage } from '~/domain/vocabulary';

/**
 * What a caseload list is asked for, as read from its address (GET form, so it works without
 * JavaScript and a filtered list can be linked to). Parsing is `readCaseloadQuery`
 * (app/features/caseload/query.server.ts); this module is the shape the page fills its form back in with.
 */
export const caseloadSorts = ['due', 'received', 'name'] as const;
export type CaseloadSort = (typeof caseloadSorts)[number];

export const caseloadOnly = ['reply-overdue', 'date-missed', 'interpreter'] as const;
export type CaseloadOnly = (typeof caseloadOnly)[number];

export const PAGE_SIZES = [25, 50] as const;

export type CaseloadQuery = {
  q: string;
  stage: CaseStage | null;
  team: string | null;
  /** A caseworker's id, or 'unallocated'; only on the council-wide list. */
  caseworker: string | null;
  only: CaseloadOnly[];
  sort: CaseloadSort;
  page: number;
  size: (typeof PAGE_SIZES)[number];
};

export const DEFAULT_QUERY: CaseloadQuery = { q: '', stage: null, team: null, caseworker: null, only: [], sort: 'due', page: 1, size: 25 };

/**
 * The open cases whose decision whether to assess is overdue: exactly the timeliness report's
 * "decisions overdue now". Only a request not yet decided can miss that date, and while a case
 * is at that stage its next statutory date is the decision's (unless an exception disapplies
 * it, when the clock does not count it missed either). The report's other "overdue now" figures
 * have no such filter (a plan's 20 weeks is not the only date an assessment can miss; advice
 * is not a case's date), so they are not linked.
 */
export const DECISION_OVERDUE: Partial<CaseloadQuery> = { stage: 'request_received', only: ['date-missed'] };

/**
 * The address of the list for `query`, leaving out what is the default so links stay short.
 * `path` may carry its own parameters (the inbox's `?view=team`), kept first.
 */
export function caseloadHref(path: string, query: CaseloadQuery, changes: Partial<CaseloadQuery> = {}): string {
  const next = { ...query, ...changes };
  const [base, own] = path.split('?');
  const params = new URLSearchParams(own);
  if (next.q) params.set('q', next.q);
  if (next.stage) params.set('stage', next.stage);
  if (next.team) params.set('team', next.team);
  if (next.caseworker) params.set('caseworker', next.caseworker);
  for (const only of next.only) params.append('only', only);
  if (next.sort !== DEFAULT_QUERY.sort) params.set('sort', next.sort);
  if (next.size !== DEFAULT_QUERY.size) params.set('size', String(next.size));
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `${base}?${search}` : base;
}
