import { and, asc, count, eq, gte, inArray, isNull, lt, lte, sql, type SQL } from 'drizzle-orm';
import { cases, children, mediations, tribunalAppeals, tribunalOrders, users } from '../../../db/schema';
import { getDb } from '~/db.server';
import { appealOutcomes, mediationOutcomes, ORDER_DUE_SOON_DAYS, orderCompliance, type AppealableDecision, type AppealOutcome, type MediationOutcome, type OrderKind, type OrderStatus } from '~/domain/appeals';
import { personName } from '~/domain/names';
import { pageWindow, type PageWindow } from '~/domain/paging';
import { addDays, todayInLondon, type IsoDate } from '~/domain/timescales';
import type { OrderListName } from './appeal-labels';

/**
 * What other features read of mediation and appeals (ADR 0051): the council's list of orders
 * outstanding, each case's disputes (SEN2), and the counts for the scrutiny report. Every query
 * is on the dates stored with the rows, in SQL, scoped to one council.
 */

// ---------------------------------------------------------------------------------------------
// The council's list of Tribunal orders


export type OrderListRow = { orderId: string; caseId: string; reference: string; childName: string; caseworkerName: string | null; tribunalReference: string; kind: OrderKind; orderedOn: IsoDate; compliesBy: IsoDate; status: OrderStatus; daysLeft: number | null };
export type OrderListPage = Omit<PageWindow, 'offset'> & { rows: OrderListRow[] };

/** Whose orders: the council's, or one caseworker's cases. */
export type OrderScope = { laId: string; caseworkerId: string | null };

export const ORDER_PAGE_SIZE = 25;

function listCondition(list: OrderListName, today: IsoDate): SQL | undefined {
  switch (list) {
    case 'missed':
      return lt(tribunalOrders.compliesBy, today);
    case 'dueSoon':
      return and(gte(tribunalOrders.compliesBy, today), lte(tribunalOrders.compliesBy, addDays(today, ORDER_DUE_SOON_DAYS)));
    case 'outstanding':
      return undefined;
  }
}

/** Orders not yet complied with, earliest compliance date first, one page at a time. */
export async function orderListPage(scope: OrderScope, list: OrderListName, requestedPage: number, now = new Date()): Promise<OrderListPage> {
  const db = await getDb();
  const today = todayInLondon(now);
  const where = and(eq(tribunalOrders.laId, scope.laId), isNull(tribunalOrders.compliedOn), listCondition(list, today), scope.caseworkerId ? eq(cases.caseworkerId, scope.caseworkerId) : undefined);
  const [{ total }] = await db.select({ total: count() }).from(tribunalOrders).innerJoin(cases, eq(cases.id, tribunalOrders.caseId)).where(where);
  const { offset, ...window } = pageWindow(total, requestedPage, ORDER_PAGE_SIZE);
  const rows = await db
    .select({
      order: tribunalOrders,
      reference: cases.reference,
      tribunalReference: tribunalAppeals.tribunalReference,
      child: { firstName: children.firstName, lastName: children.lastName },
      caseworkerName: users.name,
    })
    .from(tribunalOrders)
    .innerJoin(cases, eq(cases.id, tribunalOrders.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(tribunalAppeals, eq(tribunalAppeals.id, tribunalOrders.appealId))
    .leftJoin(users, eq(users.id, cases.caseworkerId))
    .where(where)
    .orderBy(asc(tribunalOrders.compliesBy), asc(cases.reference), asc(tribunalOrders.id))
    .limit(ORDER_PAGE_SIZE)
    .offset(offset);
  return {
    ...window,
    rows: rows.map(({ order, child, ...row }) => ({
      orderId: order.id,
      caseId: order.caseId,
      reference: row.reference,
      childName: personName(child),
      caseworkerName: row.caseworkerName,
      tribunalReference: row.tribunalReference,
      kind: order.kind,
      orderedOn: order.orderedOn,
      compliesBy: order.compliesBy,
      ...orderCompliance(order, today),
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// For SEN2 and the scrutiny report

/**
 * One case's disagreements, as SEN2 asks about them: whether the family went to mediation (and
 * whether it was held), the latest certificate, whether an appeal was registered, the latest
 * registration and its outcome so far (null while undecided).
 */
export type CaseDisputes = {
  caseId: string;
  mediation: boolean;
  mediationHeld: boolean;
  lastCertificateOn: IsoDate | null;
  appeal: boolean;
  /** Which decisions the family took to mediation, and to the Tribunal (SEN2 counts them by decision). */
  mediatedDecisions: AppealableDecision[];
  appealedDecisions: AppealableDecision[];
  lastRegisteredOn: IsoDate | null;
  lastOutcome: AppealOutcome | null;
  ordersOutstanding: number;
};

/** The disputes of a council's cases (those named, or every case with one), one entry per case that has any. Three queries. */
export async function disputesByCase(laId: string, caseIds?: readonly string[]): Promise<CaseDisputes[]> {
  if (caseIds && caseIds.length === 0) return [];
  const db = await getDb();
  const only = <C extends typeof mediations.caseId | typeof tribunalAppeals.caseId | typeof tribunalOrders.caseId>(column: C) => (caseIds ? inArray(column, [...caseIds]) : undefined);
  const [mediationRows, appealRows, orderRows] = await Promise.all([
    db
      .select({
        caseId: mediations.caseId,
        held: sql<boolean>`bool_or(${mediations.certificateKind} = 'held')`,
        lastCertificateOn: sql<IsoDate>`max(${mediations.certificateIssuedOn})::text`,
        decisions: sql<AppealableDecision[]>`array_agg(distinct ${mediations.decision} order by ${mediations.decision})`,
      })
      .from(mediations)
      .where(and(eq(mediations.laId, laId), only(mediations.caseId)))
      .groupBy(mediations.caseId),
    // Each case's appeals: the latest (by registration) for its date and outcome, and every decision appealed.
    db
      .select({
        caseId: tribunalAppeals.caseId,
        registeredOn: sql<IsoDate>`((array_agg(${tribunalAppeals.registeredOn} order by ${tribunalAppeals.registeredOn} desc, ${tribunalAppeals.createdAt} desc))[1])::text`,
        outcome: sql<AppealOutcome | null>`(array_agg(${tribunalAppeals.outcome} order by ${tribunalAppeals.registeredOn} desc, ${tribunalAppeals.createdAt} desc))[1]`,
        decisions: sql<AppealableDecision[]>`array_agg(distinct ${tribunalAppeals.decision} order by ${tribunalAppeals.decision})`,
      })
      .from(tribunalAppeals)
      .where(and(eq(tribunalAppeals.laId, laId), only(tribunalAppeals.caseId)))
      .groupBy(tribunalAppeals.caseId),
    db
      .select({ caseId: tribunalOrders.caseId, outstanding: count() })
      .from(tribunalOrders)
      .where(and(eq(tribunalOrders.laId, laId), isNull(tribunalOrders.compliedOn), only(tribunalOrders.caseId)))
      .groupBy(tribunalOrders.caseId),
  ]);
  const byCase = new Map<string, CaseDisputes>();
  const entry = (caseId: string) => {
    let found = byCase.get(caseId);
    if (!found) {
      found = { caseId, mediation: false, mediationHeld: false, lastCertificateOn: null, appeal: false, mediatedDecisions: [], appealedDecisions: [], lastRegisteredOn: null, lastOutcome: null, ordersOutstanding: 0 };
      byCase.set(caseId, found);
    }
    return found;
  };
  for (const m of mediationRows) Object.assign(entry(m.caseId), { mediation: true, mediationHeld: Boolean(m.held), lastCertificateOn: m.lastCertificateOn, mediatedDecisions: m.decisions });
  for (const a of appealRows) Object.assign(entry(a.caseId), { appeal: true, lastRegisteredOn: a.registeredOn, lastOutcome: a.outcome, appealedDecisions: a.decisions });
  for (const o of orderRows) entry(o.caseId).ordersOutstanding = Number(o.outstanding);
  return [...byCase.values()];
}

/** A period of days, both ends included. */
export type Period = { from: IsoDate; to: IsoDate };

export type AppealFigures = {
  /** Mediation certificates issued in the period, by what happened. */
  mediations: { total: number; notPursued: number; byOutcome: Record<MediationOutcome, number> };
  /** Appeals registered in the period; appeals decided in the period, by outcome. */
  appeals: { registered: number; decided: number; byOutcome: Record<AppealOutcome, number> };
  /**
   * Orders whose compliance date fell in the period, as they stand on `today`: complied with on
   * or before it, complied with after it, not yet complied with and past it. (`outstandingDue`:
   * not yet complied with and not yet past, for a period that runs on past today.)
   */
  orders: { due: number; compliedOnTime: number; compliedLate: number; outstandingMissed: number; outstandingDue: number };
};

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The scrutiny report's counts for a council (or one of its teams), in three queries. */
export async function appealFigures(laId: string, period: Period, options: { teamId?: string | null; today?: IsoDate } = {}): Promise<AppealFigures> {
  const db = await getDb();
  const today = options.today ?? todayInLondon();
  const team = options.teamId ? eq(cases.teamId, options.teamId) : undefined;
  const within = (column: typeof mediations.certificateIssuedOn | typeof tribunalOrders.compliesBy) => and(gte(column, period.from), lte(column, period.to));
  const [mediationRows, [appealCounts], [orders]] = await Promise.all([
    db
      .select({ kind: mediations.certificateKind, outcome: mediations.outcome, n: count() })
      .from(mediations)
      .innerJoin(cases, eq(cases.id, mediations.caseId))
      .where(and(eq(mediations.laId, laId), within(mediations.certificateIssuedOn), team))
      .groupBy(mediations.certificateKind, mediations.outcome),
    // One row: registrations in the period, and decisions in the period by outcome.
    db
      .select({
        registered: sql<number>`count(*) filter (where ${tribunalAppeals.registeredOn} between ${period.from} and ${period.to})`.mapWith(Number),
        ...Object.fromEntries(
          appealOutcomes.map((outcome) => [outcome, sql<number>`count(*) filter (where ${tribunalAppeals.decidedOn} between ${period.from} and ${period.to} and ${tribunalAppeals.outcome} = ${outcome})`.mapWith(Number)]),
        ),
      })
      .from(tribunalAppeals)
      .innerJoin(cases, eq(cases.id, tribunalAppeals.caseId))
      .where(and(eq(tribunalAppeals.laId, laId), team)),
    db
      .select({
        due: count(),
        compliedOnTime: sql<number>`count(*) filter (where ${tribunalOrders.compliedOn} <= ${tribunalOrders.compliesBy})`.mapWith(Number),
        compliedLate: sql<number>`count(*) filter (where ${tribunalOrders.compliedOn} > ${tribunalOrders.compliesBy})`.mapWith(Number),
        outstandingMissed: sql<number>`count(*) filter (where ${tribunalOrders.compliedOn} is null and ${tribunalOrders.compliesBy} < ${today})`.mapWith(Number),
        outstandingDue: sql<number>`count(*) filter (where ${tribunalOrders.compliedOn} is null and ${tribunalOrders.compliesBy} >= ${today})`.mapWith(Number),
      })
      .from(tribunalOrders)
      .innerJoin(cases, eq(cases.id, tribunalOrders.caseId))
      .where(and(eq(tribunalOrders.laId, laId), within(tribunalOrders.compliesBy), team)),
  ]);
  const figures: AppealFigures = {
    mediations: { total: 0, notPursued: 0, byOutcome: zeroes(mediationOutcomes) },
    appeals: { registered: 0, decided: 0, byOutcome: zeroes(appealOutcomes) },
    orders: { due: Number(orders?.due ?? 0), compliedOnTime: orders?.compliedOnTime ?? 0, compliedLate: orders?.compliedLate ?? 0, outstandingMissed: orders?.outstandingMissed ?? 0, outstandingDue: orders?.outstandingDue ?? 0 },
  };
  for (const row of mediationRows) {
    const n = Number(row.n);
    figures.mediations.total += n;
    if (row.kind === 'not_pursued') figures.mediations.notPursued += n;
    else if (row.outcome) figures.mediations.byOutcome[row.outcome] += n;
  }
  const counted = appealCounts as Record<'registered' | AppealOutcome, number> | undefined;
  figures.appeals.registered = counted?.registered ?? 0;
  for (const outcome of appealOutcomes) {
    figures.appeals.byOutcome[outcome] = counted?.[outcome] ?? 0;
    figures.appeals.decided += figures.appeals.byOutcome[outcome];
  }
  return figures;
}
