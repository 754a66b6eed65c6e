import { and, asc, count, eq, gte, isNotNull, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { annualReviews, cases, children, educationSettings, users } from '../../../db/schema';
import { getDb } from '~/db.server';
import type { PageWindow } from '~/domain/paging';
import { personName } from '~/domain/names';
import { academicYearOf, reviewStatus, termOf, type ReviewStatusName, type ReviewStepName, type TermName } from '~/domain/annual-review';
import { phaseTransferLastDay, todayInLondon, type IsoDate, type PhaseTransferKind } from '~/domain/timescales';
import { listFiltersOf, openCasesOf, pagedRows, totalRows, readCaseloadQuery, searchCondition } from '../caseload/index.server';
import type { CaseloadQuery } from '../caseload';
import { reviewFactsOf } from '../reviews/index.server';

/**
 * The lists caseworkers and managers work annual reviews from (issue 14, item 6; ADR 0048):
 * the reviews falling in this term, the reviews with a step overdue, and the phase transfers due
 * before 15 February and 31 March with how many are done. Every filter, count, order and page is
 * SQL on the dates stored with each review (`meeting_due_on`, `next_due_on`, kept by
 * `storeReviewDue`); only the rows of the page shown go through the pure module, for their status.
 */

export const reviewLists = ['term', 'overdue', 'transfers'] as const;
export type ReviewListName = (typeof reviewLists)[number];


/** Whose reviews: one caseworker's cases, or the whole council's. */
export type ReviewScope = { laId: string; caseworkerId: string | null };

export type ReviewRow = {
  reviewId: string;
  caseId: string;
  reference: string;
  childName: string;
  caseworkerName: string | null;
  settingName: string | null;
  meetingDueOn: string | null;
  meetingDate: string | null;
  nextDue: { step: ReviewStepName; dueBy: string } | null;
  overdueSteps: ReviewStepName[];
  status: ReviewStatusName;
  transfer: { kind: PhaseTransferKind; lastDay: string } | null;
  namedSettingName: string | null;
};

export type ReviewPage = Omit<PageWindow, 'offset'> & { rows: ReviewRow[] };

function inScope(scope: ReviewScope, query: CaseloadQuery): SQL {
  return and(
    eq(annualReviews.laId, scope.laId),
    openCasesOf(scope.laId),
    // A review under way: nothing more is due on a completed one.
    isNull(annualReviews.completedOn),
    scope.caseworkerId ? eq(cases.caseworkerId, scope.caseworkerId) : undefined,
    searchCondition(query.q),
    query.team ? eq(cases.teamId, query.team) : undefined,
    !scope.caseworkerId && query.caseworker ? (query.caseworker === 'unallocated' ? isNull(cases.caseworkerId) : eq(cases.caseworkerId, query.caseworker)) : undefined,
  )!;
}

/** The 1 September on which this academic year's transfers between phases happen. */
export function transferDateOf(today: IsoDate): IsoDate {
  return `${academicYearOf(today) + 1}-09-01`;
}

/** Which reviews each list holds, on `today`. */
function listCondition(list: ReviewListName, today: IsoDate): SQL {
  switch (list) {
    case 'term': {
      const term = termOf(today);
      return and(gte(annualReviews.meetingDueOn, term.start), lte(annualReviews.meetingDueOn, term.end))!;
    }
    case 'overdue':
      return lt(annualReviews.nextDueOn, today);
    case 'transfers':
      return and(isNotNull(annualReviews.transferKind), eq(annualReviews.transferDate, transferDateOf(today)))!;
  }
}

const namedSettings = sql`named_setting`;

/** One page of a list, next due date first, with how many reviews it holds in all. */
export async function reviewListPage(scope: ReviewScope, list: ReviewListName, query: CaseloadQuery, now = new Date()): Promise<ReviewPage> {
  const db = await getDb();
  const today = todayInLondon(now);
  const where = and(inScope(scope, query), listCondition(list, today));
  const countAll = async () =>
    (await db.select({ total: count() }).from(annualReviews).innerJoin(cases, eq(cases.id, annualReviews.caseId)).innerJoin(children, eq(children.id, cases.childId)).where(where))[0].total;
  const order =
    list === 'transfers'
      ? [asc(annualReviews.transferKind), sql`${annualReviews.nextDueOn} asc nulls last`, asc(cases.reference)]
      : [sql`${annualReviews.nextDueOn} asc nulls last`, asc(annualReviews.meetingDueOn), asc(cases.reference)];
  const readPage = (offset: number) => db
    .select({
      ...totalRows,
      review: annualReviews,
      reference: cases.reference,
      child: { firstName: children.firstName, lastName: children.lastName },
      caseworkerName: users.name,
      settingName: educationSettings.name,
      namedSettingName: sql<string | null>`(select ${namedSettings}.name from ${educationSettings} ${namedSettings} where ${namedSettings}.id = ${annualReviews.namedSettingId})`,
    })
    .from(annualReviews)
    .innerJoin(cases, eq(cases.id, annualReviews.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(users, eq(users.id, cases.caseworkerId))
    .leftJoin(educationSettings, eq(educationSettings.id, cases.namedSettingId))
    .where(where)
    .orderBy(...order)
    .limit(query.size)
    .offset(offset);
  const { rows, ...window } = await pagedRows(query.page, query.size, readPage, countAll);
  return {
    ...window,
    rows: rows.map(({ review, child, ...row }) => {
      const status = reviewStatus(reviewFactsOf(review), today);
      return {
        reviewId: review.id,
        caseId: review.caseId,
        reference: row.reference,
        childName: personName(child),
        caseworkerName: row.caseworkerName,
        settingName: row.settingName,
        namedSettingName: row.namedSettingName,
        meetingDueOn: review.meetingDueOn,
        meetingDate: review.meetingDate,
        nextDue: status.nextDue,
        overdueSteps: status.overdueSteps,
        status: status.status,
        transfer: review.transferKind && review.transferDate ? { kind: review.transferKind, lastDay: phaseTransferLastDay(review.transferDate, review.transferKind) } : null,
      };
    }),
  };
}

/** The year groups whose transfers Sefton's table follows: Year 6 (to secondary) and Year 11 (to post-16). */
export const transferCohorts = [
  { year: 6, kind: 'phase' },
  { year: 11, kind: 'post16' },
] as const satisfies readonly { year: number; kind: PhaseTransferKind }[];

/**
 * The dates of birth of the children in a year group in the academic year of `today` (England:
 * a cohort is born between 1 September and 31 August; `nationalCurriculumYear` agrees, tested).
 */
export function cohortBornBetween(year: number, today: IsoDate): { from: IsoDate; to: IsoDate } {
  const bornInAcademicYear = academicYearOf(today) - (year + 5);
  return { from: `${bornInAcademicYear}-09-01`, to: `${bornInAcademicYear + 1}-08-31` };
}

export type TransferCount = {
  year: number;
  kind: PhaseTransferKind;
  lastDay: IsoDate;
  /** Children in the year group whose case has a plan in force. */
  withPlans: number;
  /** Of those, how many have a transfer review. */
  reviews: number;
  datesSet: number;
  held: number;
  /** Amended plans naming the next setting issued by the last day (reg 18). */
  issuedInTime: number;
};

/** Sefton's table: of N Year 6 (Year 11) pupils with plans, how many have dates set, held, amended plans issued in time. */
export async function transferCounts(scope: ReviewScope, query: CaseloadQuery, now = new Date()): Promise<TransferCount[]> {
  const db = await getDb();
  const today = todayInLondon(now);
  const transferDate = transferDateOf(today);
  return Promise.all(
    transferCohorts.map(async ({ year, kind }) => {
      const born = cohortBornBetween(year, today);
      const lastDay = phaseTransferLastDay(transferDate, kind);
      const review = sql`${annualReviews.transferKind} = ${kind} and ${annualReviews.transferDate} = ${transferDate}`;
      const [row] = await db
        .select({
          withPlans: sql<number>`count(distinct ${cases.id})`.mapWith(Number),
          reviews: sql<number>`count(distinct ${cases.id}) filter (where ${review})`.mapWith(Number),
          datesSet: sql<number>`count(distinct ${cases.id}) filter (where ${review} and ${annualReviews.meetingDate} is not null)`.mapWith(Number),
          held: sql<number>`count(distinct ${cases.id}) filter (where ${review} and ${annualReviews.meetingDate} <= ${today})`.mapWith(Number),
          issuedInTime: sql<number>`count(distinct ${cases.id}) filter (where ${review} and ${annualReviews.finalIssuedOn} <= ${lastDay})`.mapWith(Number),
        })
        .from(cases)
        .innerJoin(children, eq(children.id, cases.childId))
        .leftJoin(annualReviews, eq(annualReviews.caseId, cases.id))
        .where(
          and(
            openCasesOf(scope.laId),
            sql`${cases.stage} in ('final_plan_issued', 'plan_maintained')`,
            gte(children.dateOfBirth, born.from),
            lte(children.dateOfBirth, born.to),
            scope.caseworkerId ? eq(cases.caseworkerId, scope.caseworkerId) : undefined,
            query.team ? eq(cases.teamId, query.team) : undefined,
            !scope.caseworkerId && query.caseworker ? (query.caseworker === 'unallocated' ? isNull(cases.caseworkerId) : eq(cases.caseworkerId, query.caseworker)) : undefined,
          ),
        );
      return { year, kind, lastDay, ...row };
    }),
  );
}

/** Everything the /reviews page shows for the list and filters its address asks for. */
export async function reviewListScreen(scope: ReviewScope, url: URL, now = new Date()) {
  const list = (reviewLists as readonly string[]).includes(url.searchParams.get('list') ?? '') ? (url.searchParams.get('list') as ReviewListName) : 'term';
  const { query, typed, searchError } = readCaseloadQuery(url);
  const today = todayInLondon(now);
  const term = termOf(today);
  const [found, counts, { teams, caseworkers }] = await Promise.all([
    reviewListPage(scope, list, query, now),
    list === 'transfers' ? transferCounts(scope, query, now) : null,
    listFiltersOf(scope.laId, !scope.caseworkerId),
  ]);
  return {
    list,
    term: { name: term.name as TermName, academicYear: term.academicYear, start: term.start, end: term.end },
    today,
    ...found,
    counts,
    query: { ...query, page: found.page },
    typed,
    searchError,
    teams,
    caseworkers,
  };
}

