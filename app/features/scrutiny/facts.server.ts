import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { adviceRequests, annualReviews, areaTeams, caseEvents, cases, caseStepDates, complaints, feedbackOffers, feedbackResponses, messages, tribunalOrders, scrutinyThresholds, serviceStandardBreaches } from '../../../db/schema';
import { stepStatusOn } from '~/domain/stored-case-dates';
import type { ComplaintResponseFact, ScrutinyFacts, DecisionFact, ReviewFact } from '~/domain/scrutiny/figures';
import type { Thresholds } from '~/domain/scrutiny/rag';
import type { Period } from '~/domain/timeliness';
import { addDays, annualReviewDueBy, compareDates, phaseTransferLastDay, reviewDecisionDueBy, todayInLondon, type IsoDate } from '~/domain/timescales';
import { getDb } from '~/db.server';

/**
 * The plain facts behind a council's scrutiny figures for a window of days (the period and its
 * trend quarters), read in a handful of set-based queries, each bounded by the council and, where
 * the table allows, by the window: the counting rules are app/domain/scrutiny/figures.ts.
 *
 * - Decisions and final plans: the council's steps done in the window, from the dates each case
 *   stores (ADR 0056), with their status as the family's clock gives it; the decisions whether to
 *   assess and to issue (and refusals) from the decisions recorded since the window began.
 * - Advice sent since the window began; reviews whose meeting, decision or transfer dates can fall
 *   in it (their stored meeting due date); family waits for a reply started in it (from the thread,
 *   with window functions), the reply breaches on record, the threads still waiting; apologies;
 *   complaint responses sent in it (ADR 0050's stored dates).
 */

/** The first instant that can belong to a London day: a day earlier in UTC covers summer time. */
const startOf = (day: IsoDate) => new Date(`${addDays(day, -1)}T00:00:00Z`);
const endOf = (day: IsoDate) => new Date(`${addDays(day, 2)}T00:00:00Z`);

const DECISION_KINDS = ['assessment_agreed', 'assessment_refused', 'plan_agreed', 'plan_refused'];
const ISO_DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const APOLOGY_KINDS = ['apology_sent', 'review_apology_sent'];

export async function teamsOf(laId: string) {
  const db = await getDb();
  return db.select({ id: areaTeams.id, name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.laId, laId)).orderBy(asc(areaTeams.name));
}

export async function thresholdsOf(laId: string): Promise<Record<string, Thresholds>> {
  const db = await getDb();
  const rows = await db.select({ figure: scrutinyThresholds.figure, green: scrutinyThresholds.green, amber: scrutinyThresholds.amber }).from(scrutinyThresholds).where(eq(scrutinyThresholds.laId, laId));
  return Object.fromEntries(rows.map((r) => [r.figure, { green: Number(r.green), amber: Number(r.amber) }]));
}

export async function scrutinyFacts(laId: string, window: Period, now = new Date()): Promise<ScrutinyFacts> {
  const db = await getDb();
  const today = todayInLondon(now);
  const inLa = eq(cases.laId, laId);
  const since = startOf(window.from);
  const until = endOf(window.to);

  // Each family message that started a wait: the first from the family since the council's last answer.
  const numbered = db
    .select({
      caseId: messages.caseId,
      teamId: cases.teamId,
      side: messages.side,
      createdAt: messages.createdAt,
      answers: sql<number>`count(*) filter (where ${messages.side} = 'la' and ${messages.substantive}) over (partition by ${messages.caseId} order by ${messages.createdAt})`.as('answers'),
    })
    .from(messages)
    .innerJoin(cases, eq(cases.id, messages.caseId))
    .where(and(inLa, gte(messages.createdAt, since), lt(messages.createdAt, until)))
    .as('numbered');
  const ranked = db
    .select({
      caseId: numbered.caseId,
      teamId: numbered.teamId,
      side: numbered.side,
      createdAt: numbered.createdAt,
      n: sql<number>`row_number() over (partition by ${numbered.caseId}, ${numbered.answers}, ${numbered.side} order by ${numbered.createdAt})`.as('n'),
    })
    .from(numbered)
    .as('ranked');

  const respondedIn = (column: typeof complaints.stage1RespondedOn | typeof complaints.stage2RespondedOn) => and(gte(column, window.from), lte(column, window.to));
  // A survey answer counts on the day its survey was offered, or was answered for the any-time survey (app/features/feedback).
  const countedOn = sql<string>`coalesce(${feedbackOffers.offeredOn}, ${feedbackResponses.respondedOn})::text`;
  const [stepRows, decisionEvents, advice, reviews, waits, breaches, waiting, apologies, complaintRows, surveyRows, orderRows] = await Promise.all([
    // The council's steps done in the window, as each case stores them (ADR 0056).
    db
      .select({ caseId: caseStepDates.caseId, teamId: cases.teamId, step: caseStepDates.step, dueOn: caseStepDates.dueOn, completedOn: caseStepDates.completedOn, exceptionOn: caseStepDates.exceptionOn })
      .from(caseStepDates)
      .innerJoin(cases, eq(cases.id, caseStepDates.caseId))
      .where(and(eq(caseStepDates.laId, laId), inArray(caseStepDates.step, ['decisionToAssess', 'finalPlan']), gte(caseStepDates.completedOn, window.from), lte(caseStepDates.completedOn, window.to))),
    // Decisions recorded since the window began (a decision's date is never after it was recorded):
    // only the kind and the date, not the reasons the event also holds.
    db
      .select({ caseId: caseEvents.caseId, kind: caseEvents.kind, decidedOn: sql<IsoDate>`${caseEvents.details} ->> 'decidedOn'`, teamId: cases.teamId })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(inLa, inArray(caseEvents.kind, DECISION_KINDS), gte(caseEvents.occurredAt, since), sql`${caseEvents.details} ->> 'decidedOn' ~ ${ISO_DATE}`)),
    db
      .select({ caseId: adviceRequests.caseId, teamId: cases.teamId, kind: adviceRequests.kind, dueBy: adviceRequests.dueBy, submittedAt: adviceRequests.submittedAt })
      .from(adviceRequests)
      .innerJoin(cases, eq(cases.id, adviceRequests.caseId))
      .where(and(inLa, eq(adviceRequests.state, 'submitted'), gte(adviceRequests.submittedAt, since), lt(adviceRequests.submittedAt, until))),
    db
      .select({
        caseId: annualReviews.caseId,
        teamId: cases.teamId,
        cycleStart: annualReviews.cycleStart,
        meetingDueOn: annualReviews.meetingDueOn,
        meetingDate: annualReviews.meetingDate,
        decision: annualReviews.decision,
        decisionOn: annualReviews.decisionOn,
        finalIssuedOn: annualReviews.finalIssuedOn,
        transferKind: annualReviews.transferKind,
        transferDate: annualReviews.transferDate,
      })
      .from(annualReviews)
      .innerJoin(cases, eq(cases.id, annualReviews.caseId))
      .where(
        and(
          eq(annualReviews.laId, laId),
          inLa,
          or(
            and(gte(annualReviews.meetingDueOn, window.from), lte(annualReviews.meetingDueOn, window.to)),
            isNull(annualReviews.meetingDueOn),
            // The decision is due 4 weeks after the meeting.
            and(gte(annualReviews.meetingDate, addDays(window.from, -28)), lte(annualReviews.meetingDate, window.to)),
            // A transfer's last day is in February or March of the year of the transfer.
            and(isNotNull(annualReviews.transferKind), gte(annualReviews.transferDate, `${window.from.slice(0, 4)}-01-01`), lte(annualReviews.transferDate, `${window.to.slice(0, 4)}-12-31`)),
          ),
        ),
      ),
    db.select({ caseId: ranked.caseId, teamId: ranked.teamId, createdAt: ranked.createdAt }).from(ranked).where(and(eq(ranked.side, 'family'), eq(ranked.n, 1))),
    db
      .select({ caseId: serviceStandardBreaches.caseId, startedOn: serviceStandardBreaches.startedOn })
      .from(serviceStandardBreaches)
      .innerJoin(cases, eq(cases.id, serviceStandardBreaches.caseId))
      .where(and(inLa, eq(serviceStandardBreaches.standard, 'reply'), gte(serviceStandardBreaches.startedOn, window.from), lte(serviceStandardBreaches.startedOn, window.to))),
    db.select({ caseId: cases.id, since: cases.awaitingReplySince }).from(cases).where(and(inLa, isNotNull(cases.awaitingReplySince))),
    db
      .select({ caseId: caseEvents.caseId, teamId: cases.teamId, occurredAt: caseEvents.occurredAt })
      .from(caseEvents)
      .innerJoin(cases, eq(cases.id, caseEvents.caseId))
      .where(and(inLa, inArray(caseEvents.kind, APOLOGY_KINDS), gte(caseEvents.occurredAt, since), lt(caseEvents.occurredAt, until))),
    db
      .select({
        caseId: complaints.caseId,
        teamId: cases.teamId,
        stage1DueBy: complaints.stage1DueBy,
        stage1RespondedOn: complaints.stage1RespondedOn,
        stage2DueBy: complaints.stage2DueBy,
        stage2RespondedOn: complaints.stage2RespondedOn,
      })
      .from(complaints)
      .innerJoin(cases, eq(cases.id, complaints.caseId))
      .where(and(eq(complaints.laId, laId), inLa, or(respondedIn(complaints.stage1RespondedOn), respondedIn(complaints.stage2RespondedOn)))),
    db
      .select({ teamId: cases.teamId, countedOn, satisfaction: feedbackResponses.satisfaction })
      .from(feedbackResponses)
      .innerJoin(cases, eq(cases.id, feedbackResponses.caseId))
      .leftJoin(feedbackOffers, and(eq(feedbackOffers.caseId, feedbackResponses.caseId), eq(feedbackOffers.step, feedbackResponses.step)))
      .where(and(eq(feedbackResponses.laId, laId), inLa, sql`${countedOn} between ${window.from} and ${window.to}`)),
    db
      .select({ caseId: tribunalOrders.caseId, teamId: cases.teamId, compliesBy: tribunalOrders.compliesBy, compliedOn: tribunalOrders.compliedOn })
      .from(tribunalOrders)
      .innerJoin(cases, eq(cases.id, tribunalOrders.caseId))
      .where(and(eq(tribunalOrders.laId, laId), inLa, gte(tribunalOrders.compliesBy, window.from), lte(tribunalOrders.compliesBy, window.to))),
  ]);

  // Each case's steps as the clock gives them on `today` (app/domain/stored-case-dates.ts).
  const clockOf = new Map<string, ScrutinyFacts['clocks'][number]>();
  for (const row of stepRows) {
    const facts = clockOf.get(row.caseId) ?? { caseId: row.caseId, teamId: row.teamId, clock: [], exceptions: [] };
    facts.clock = [...facts.clock, { step: row.step, dueBy: row.dueOn, status: stepStatusOn(row, today), completedOn: row.completedOn ?? undefined }];
    if (row.exceptionOn) facts.exceptions = [...facts.exceptions, { step: row.step, recordedOn: row.exceptionOn }];
    clockOf.set(row.caseId, facts);
  }
  const decisions: DecisionFact[] = decisionEvents.map((e) => ({
    caseId: e.caseId,
    teamId: e.teamId,
    decision: e.kind.startsWith('assessment_') ? ('assess' as const) : ('issue' as const),
    refused: e.kind.endsWith('_refused'),
    decidedOn: e.decidedOn,
  }));

  const reviewFacts: ReviewFact[] = reviews.map((r) => {
    const transferLastDay = r.transferKind && r.transferDate ? phaseTransferLastDay(r.transferDate, r.transferKind) : null;
    // Rows from before the stored date existed: the same rule as app/domain/annual-review.ts `reviewDates`.
    const twelveMonths = annualReviewDueBy(r.cycleStart);
    const meetingDueBy = r.meetingDueOn ?? (transferLastDay && compareDates(transferLastDay, twelveMonths) < 0 ? transferLastDay : twelveMonths);
    return {
      caseId: r.caseId,
      teamId: r.teamId,
      meetingDueBy,
      meetingDate: r.meetingDate,
      decisionDueBy: r.meetingDate ? reviewDecisionDueBy(r.meetingDate) : null,
      decision: r.decision,
      decisionOn: r.decisionOn,
      finalIssuedOn: r.finalIssuedOn,
      transferLastDay,
    };
  });

  const breached = new Set(breaches.map((b) => `${b.caseId} ${b.startedOn}`));
  const stillWaiting = new Set(waiting.flatMap((w) => (w.since ? [`${w.caseId} ${todayInLondon(w.since)}`] : [])));
  const waitFacts = waits.map((w) => {
    const startedOn = todayInLondon(w.createdAt);
    const key = `${w.caseId} ${startedOn}`;
    return { caseId: w.caseId, teamId: w.teamId, startedOn, breached: breached.has(key), stillWaiting: stillWaiting.has(key) };
  });

  return {
    clocks: [...clockOf.values()],
    decisions,
    advice: advice.map((a) => ({ caseId: a.caseId, teamId: a.teamId, kind: a.kind, dueBy: a.dueBy, sentOn: a.submittedAt ? todayInLondon(a.submittedAt) : null, open: false })),
    reviews: reviewFacts,
    waits: waitFacts,
    apologies: apologies.map((a) => ({ caseId: a.caseId, teamId: a.teamId, sentOn: todayInLondon(a.occurredAt) })),
    complaintResponses: complaintRows.flatMap((c) => {
      const responses: ComplaintResponseFact[] = [];
      if (c.stage1RespondedOn) responses.push({ caseId: c.caseId, teamId: c.teamId, stage: 1, dueBy: c.stage1DueBy, respondedOn: c.stage1RespondedOn });
      if (c.stage2RespondedOn && c.stage2DueBy) responses.push({ caseId: c.caseId, teamId: c.teamId, stage: 2, dueBy: c.stage2DueBy, respondedOn: c.stage2RespondedOn });
      return responses;
    }),
    tribunalOrders: orderRows,
    surveyResponses: surveyRows.map((r) => ({ teamId: r.teamId, countedOn: r.countedOn, satisfaction: Number(r.satisfaction) })),
    today,
  };
}
