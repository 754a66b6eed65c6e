import { sql, type SQL } from 'drizzle-orm';
import type { FigureId } from '~/domain/scrutiny/figures';
import type { Period } from '~/domain/timeliness';
import type { IsoDate } from '~/domain/timescales';

/**
 * What each scrutiny figure counts, as SQL over the dates the portal stores (ADR 0054, 0057): one
 * select per figure giving an item per case and thing counted, the day that places it in a period
 * (`on_day`) and its outcome (null: nothing to count yet). Each select is bounded by the council
 * and the days asked for, through an index, so the report is counted in the database and its cost
 * follows the period's activity, not the council's history. The caller joins the case once, for
 * its team (and checks it is the council's); survey answers carry their case only for that and
 * are never listed.
 *
 * The rules (app/domain/scrutiny/figures.ts says why): the dates compared are the ones the pure
 * modules derived and stored when the facts changed (case_step_dates, case_decisions,
 * annual_reviews' due dates, complaints' due dates, reply_waits); no deadline is worked out here.
 */
export type ItemScope = { laId: string; days: Period; today: IsoDate };

const day = (value: IsoDate) => sql`${value}::date`;
const londonDay = (instant: SQL) => sql`(${instant} AT TIME ZONE 'Europe/London')::date`;
/** The first instant that can belong to a London day, and the first after the last one: a day either side in UTC covers summer time. */
const instantsOf = (days: Period) => ({ since: sql`(${days.from}::date - 1)::timestamptz`, until: sql`(${days.to}::date + 2)::timestamptz` });

/**
 * A deadline's outcome: done by it is on time, done after it late;
 * not done and past it late; still to come and not done, nothing yet. A date arranged in the
 * future is not done yet.
 */
const deadline = (dueBy: SQL, doneOn: SQL, today: IsoDate) => sql`CASE
    WHEN ${doneOn} IS NOT NULL AND ${doneOn} <= ${day(today)} THEN CASE WHEN ${doneOn} <= ${dueBy} THEN 'onTime' ELSE 'late' END
    WHEN ${day(today)} > ${dueBy} THEN 'late' END`;

const within = (column: SQL, days: Period) => sql`${column} BETWEEN ${day(days.from)} AND ${day(days.to)}`;

/** A council step done in the days asked: on time when done by its due date; exception cases apart when asked. */
const stepItems = (step: 'decisionToAssess' | 'finalPlan', exceptionsApart: boolean) => (s: ItemScope) => sql`
  SELECT d.case_id, d.completed_on AS on_day,
         CASE WHEN ${exceptionsApart ? sql`true` : sql`false`} AND d.exception_on IS NOT NULL AND d.exception_on <= d.completed_on THEN 'exception'
              WHEN d.completed_on <= d.due_on THEN 'onTime' ELSE 'late' END AS outcome
  FROM case_step_dates d
  WHERE d.la_id = ${s.laId} AND d.step = ${step} AND ${within(sql`d.completed_on`, s.days)}`;

/** Advice of one kind of professional, counted on the day sent, on time when sent by its due date. */
const adviceItems = (kind: string) => (s: ItemScope) => {
  const { since, until } = instantsOf(s.days);
  return sql`
    SELECT a.case_id, ${londonDay(sql`a.submitted_at`)} AS on_day,
           CASE WHEN ${londonDay(sql`a.submitted_at`)} <= a.due_by THEN 'onTime' ELSE 'late' END AS outcome
    FROM advice_requests a
    WHERE a.la_id = ${s.laId} AND a.kind = ${kind} AND a.state = 'submitted' AND a.submitted_at >= ${since} AND a.submitted_at < ${until}`;
};

const reviewsOf = (s: ItemScope, dueColumn: SQL, also: SQL = sql`true`) => sql`
  FROM annual_reviews r
  WHERE r.la_id = ${s.laId} AND ${within(dueColumn, s.days)} AND ${also}`;

/** The decisions of one kind made in the days asked: refused or agreed. */
const decisionItems = (decision: 'assess' | 'issue') => (s: ItemScope) => sql`
  SELECT d.case_id, d.decided_on AS on_day, CASE WHEN d.refused THEN 'refused' ELSE 'agreed' END AS outcome
  FROM case_decisions d
  WHERE d.la_id = ${s.laId} AND d.decision = ${decision} AND ${within(sql`d.decided_on`, s.days)}`;

/** A complaint's responses at one stage, counted on the day sent, late when sent after the due date (`isLate`). */
const complaintItems = (stage: 1 | 2) => (s: ItemScope) => {
  const [due, sent] = stage === 1 ? [sql`k.stage1_due_by`, sql`k.stage1_responded_on`] : [sql`k.stage2_due_by`, sql`k.stage2_responded_on`];
  return sql`
    SELECT k.case_id, ${sent} AS on_day, CASE WHEN ${sent} > ${due} THEN 'late' ELSE 'onTime' END AS outcome
    FROM complaints k
    WHERE k.la_id = ${s.laId} AND ${due} IS NOT NULL AND ${within(sent, s.days)}`;
};

export const figureItems: Record<FigureId, (scope: ItemScope) => SQL> = {
  finalPlans: stepItems('finalPlan', true),
  finalPlansWithExceptions: stepItems('finalPlan', false),
  decisions: stepItems('decisionToAssess', true),
  adviceEducationalPsychologist: adviceItems('educational_psychologist'),
  adviceHealth: adviceItems('health'),
  adviceSocialCare: adviceItems('social_care'),
  adviceSchool: adviceItems('school'),
  adviceOther: adviceItems('other'),
  // Counted on the date the meeting was due by.
  reviewsOnTime: (s) => sql`SELECT r.case_id, r.meeting_due_on AS on_day, ${deadline(sql`r.meeting_due_on`, sql`r.meeting_date`, s.today)} AS outcome ${reviewsOf(s, sql`r.meeting_due_on`)}`,
  // The 4 weeks run from a meeting that has been held.
  reviewDecisions: (s) =>
    sql`SELECT r.case_id, r.decision_due_on AS on_day, ${deadline(sql`r.decision_due_on`, sql`r.decision_on`, s.today)} AS outcome
        ${reviewsOf(s, sql`r.decision_due_on`, sql`r.meeting_date <= ${day(s.today)}`)}`,
  // Done when the final amended plan was issued, or the council decided to keep or cease the plan.
  transferReviews: (s) =>
    sql`SELECT r.case_id, r.transfer_last_day AS on_day,
               ${deadline(sql`r.transfer_last_day`, sql`(CASE WHEN r.decision IN ('keep', 'cease') THEN r.decision_on WHEN r.decision = 'amend' THEN r.final_issued_on END)`, s.today)} AS outcome
        ${reviewsOf(s, sql`r.transfer_last_day`)}`,
  // Each wait counted on the day it started: late with a breach on record, not yet while the family still waits within the standard.
  replies: (s) => sql`
    SELECT w.case_id, w.started_on AS on_day,
           CASE WHEN w.breached THEN 'late' WHEN w.answered_at IS NOT NULL THEN 'onTime' END AS outcome
    FROM reply_waits w
    WHERE w.la_id = ${s.laId} AND ${within(sql`w.started_on`, s.days)}`,
  apologies: (s) => {
    const { since, until } = instantsOf(s.days);
    return sql`
      SELECT e.case_id, ${londonDay(sql`e.occurred_at`)} AS on_day, 'sent' AS outcome
      FROM case_events e JOIN cases c ON c.id = e.case_id
      WHERE c.la_id = ${s.laId} AND e.kind IN ('apology_sent', 'review_apology_sent') AND e.occurred_at >= ${since} AND e.occurred_at < ${until}`;
  },
  refusalsToAssess: decisionItems('assess'),
  refusalsToIssue: decisionItems('issue'),
  complaintsStage1: complaintItems(1),
  complaintsStage2: complaintItems(2),
  // Counted on the date they must be complied with by.
  tribunalOrders: (s) => sql`
    SELECT o.case_id, o.complies_by AS on_day, ${deadline(sql`o.complies_by`, sql`o.complied_on`, s.today)} AS outcome
    FROM tribunal_orders o
    WHERE o.la_id = ${s.laId} AND ${within(sql`o.complies_by`, s.days)}`,
  // Anonymous (ADR 0052): the case is for its team only. On the day the survey was offered, or answered for the any-time survey; satisfied at 4 or 5.
  familiesSatisfied: (s) => sql`
    SELECT f.case_id, coalesce(o.offered_on, f.responded_on) AS on_day,
           CASE WHEN f.satisfaction >= 4 THEN 'satisfied' ELSE 'notSatisfied' END AS outcome
    FROM feedback_responses f
    LEFT JOIN feedback_offers o ON o.case_id = f.case_id AND o.step = f.step
    WHERE f.la_id = ${s.laId} AND ${within(sql`coalesce(o.offered_on, f.responded_on)`, s.days)}`,
};
