/**
 * Disagreements that leave the council (issue 16, item 5; ADR 0051): mediation, SEND Tribunal
 * appeals and the orders the Tribunal makes. Pure: no database, clock or I/O.
 *
 * - Mediation: the family must contact a mediation adviser before appealing (Children and
 *   Families Act 2014 s55; not for an appeal only about the school or setting named). The
 *   adviser's certificate, whether the family chose not to mediate or mediation was held, may
 *   move the last day to appeal: 2 months from the decision letter or 1 month from the
 *   certificate, whichever is later (SEND Regulations 2014 reg 33 and the Tribunal's rules). That
 *   rule lives in ./timescales `appealDeadline`; nothing here computes it again.
 * - An appeal moves registered -> hearing listed -> decided; it can be decided (withdrawn by the
 *   family, conceded by the council) before any hearing is listed.
 * - Orders: what the Tribunal ordered the council to do, with the period reg 44(2) gives it from
 *   the date of the order (or, for an appeal the council conceded before its response, from the
 *   date it told the Tribunal, reg 45 as amended in 2015, with the same periods). Weeks are
 *   calendar weeks: the regulations do not count working days here.
 */
import { addDays, appealDeadline, compareDates, daysBetween, type IsoDate } from './timescales';

/** The council decision the family disagrees with (Children and Families Act 2014 s51(2)). */
export const appealableDecisions = ['refuse_assessment', 'refuse_plan', 'plan_contents', 'cease_plan', 'refuse_reassessment', 'refuse_amend'] as const;
export type AppealableDecision = (typeof appealableDecisions)[number];

/** Parts of a plan an appeal about its contents can be about (s51(2)(c)). */
export const appealablePlanSections = ['B', 'F', 'I'] as const;
export type AppealablePlanSection = (typeof appealablePlanSections)[number];

/** What the mediation adviser's certificate says happened (s55(4) / (5)). */
export const certificateKinds = ['not_pursued', 'held'] as const;
export type CertificateKind = (typeof certificateKinds)[number];

/** How a mediation that was held ended, for the scrutiny report. */
export const mediationOutcomes = ['agreed', 'partly_agreed', 'not_agreed'] as const;
export type MediationOutcome = (typeof mediationOutcomes)[number];

export const appealStatuses = ['registered', 'hearing_listed', 'decided'] as const;
export type AppealStatus = (typeof appealStatuses)[number];

export const appealOutcomes = ['upheld', 'partly_upheld', 'dismissed', 'withdrawn', 'conceded'] as const;
export type AppealOutcome = (typeof appealOutcomes)[number];

/** Outcomes after which the council may have been ordered to act (a withdrawn appeal orders nothing). */
export const outcomesWithOrders: readonly AppealOutcome[] = ['upheld', 'partly_upheld', 'dismissed', 'conceded'];

/**
 * The Tribunal's orders, after SEND Regulations 2014 reg 44(2):
 * (a) dismissing an appeal against ceasing the plan: cease it immediately;
 * (b) to assess or reassess: tell the family within 2 weeks it will; decide not to issue a plan
 *     within 10 weeks, or send the final plan within 14 weeks;
 * (c) to make and maintain a plan: draft within 5 weeks, final within 11 weeks;
 * (d) referring the case back to reconsider: within 2 weeks;
 * (e) to amend the special educational provision (sections B, F): amended plan within 5 weeks;
 * (f) to change the school or setting named (section I): within 2 weeks;
 * (g) to continue to maintain the plan: immediately;
 * (h) to continue to maintain it and amend it: immediately, and the amended plan within 5 weeks.
 */
export const orderKinds = ['assess', 'reassess', 'make_plan', 'reconsider', 'amend_provision', 'name_school', 'continue_plan', 'continue_and_amend', 'cease_plan'] as const;
export type OrderKind = (typeof orderKinds)[number];

/** One thing the council must have done by a date, counted from the order. */
export type OrderMilestone = { step: OrderMilestoneStep; dueBy: IsoDate };
export type OrderMilestoneStep = 'notifyAssessment' | 'decideNoPlan' | 'finalPlan' | 'draftPlan' | 'reconsider' | 'amendedPlan' | 'nameSchool' | 'continuePlan' | 'ceasePlan';

const WEEK = 7;

/** Each order's steps as days after the order; the last is the date the order is complied with by. */
const ORDER_STEPS: Record<OrderKind, readonly (readonly [OrderMilestoneStep, number])[]> = {
  assess: [
    ['notifyAssessment', 2 * WEEK],
    ['decideNoPlan', 10 * WEEK],
    ['finalPlan', 14 * WEEK],
  ],
  reassess: [
    ['notifyAssessment', 2 * WEEK],
    ['decideNoPlan', 10 * WEEK],
    ['finalPlan', 14 * WEEK],
  ],
  make_plan: [
    ['draftPlan', 5 * WEEK],
    ['finalPlan', 11 * WEEK],
  ],
  reconsider: [['reconsider', 2 * WEEK]],
  amend_provision: [['amendedPlan', 5 * WEEK]],
  name_school: [['nameSchool', 2 * WEEK]],
  continue_plan: [['continuePlan', 0]],
  continue_and_amend: [
    ['continuePlan', 0],
    ['amendedPlan', 5 * WEEK],
  ],
  cease_plan: [['ceasePlan', 0]],
};

/** The statutory steps of an order, from the day it was made, earliest first. */
export function orderMilestones(kind: OrderKind, orderedOn: IsoDate): OrderMilestone[] {
  return ORDER_STEPS[kind].map(([step, days]) => ({ step, dueBy: addDays(orderedOn, days) }));
}

/**
 * The date the council must have complied with the order by: its last statutory step (an
 * assessment's final plan at 14 weeks; the earlier "no plan" decision at 10 weeks is shown as a
 * step). Stored with the order, so the council's lists and figures are queries.
 */
export function orderCompliesBy(kind: OrderKind, orderedOn: IsoDate): IsoDate {
  const steps = orderMilestones(kind, orderedOn);
  return steps[steps.length - 1].dueBy;
}

export type OrderStatus = 'met' | 'due' | 'missed';
export type OrderCompliance = { status: OrderStatus; daysLeft: number | null };

/**
 * An order on a given day: met once complied with on or before its date; missed once complied
 * with late (as the scrutiny report counts it), or when its date has passed without; due until
 * then (`daysLeft`: 0 on the day, negative once missed and still outstanding).
 */
export function orderCompliance(order: { compliesBy: IsoDate; compliedOn: IsoDate | null }, today: IsoDate): OrderCompliance {
  if (order.compliedOn) return { status: compareDates(order.compliedOn, order.compliesBy) > 0 ? 'missed' : 'met', daysLeft: null };
  const daysLeft = daysBetween(today, order.compliesBy);
  return { status: daysLeft >= 0 ? 'due' : 'missed', daysLeft };
}

/** "Due soon" on the council's list: within this many days of the order's date. */
export const ORDER_DUE_SOON_DAYS = 14;

// ---------------------------------------------------------------------------------------------
// Mediation

export type MediationRecord = {
  decision: AppealableDecision;
  /** The date of the decision letter the family disagrees with. */
  decisionSentOn: IsoDate;
  /** When the family contacted the mediation adviser. */
  adviserContactedOn: IsoDate;
  certificateIssuedOn: IsoDate;
  certificateKind: CertificateKind;
  outcome: MediationOutcome | null;
};

export type MediationProblem = 'contactBeforeDecision' | 'certificateBeforeContact' | 'inFuture' | 'outcomeRequired' | 'outcomeNotHeld';

/** The last day to register an appeal after this mediation: the existing rule, with the certificate. */
export function mediationAppealDeadline(record: Pick<MediationRecord, 'decisionSentOn' | 'certificateIssuedOn'>): IsoDate {
  return appealDeadline(record.decisionSentOn, record.certificateIssuedOn);
}

/** What does not add up in a mediation as recorded, by field (none: it can be stored). */
export function mediationProblems(record: MediationRecord, today: IsoDate): Partial<Record<'decisionSentOn' | 'adviserContactedOn' | 'certificateIssuedOn' | 'outcome', MediationProblem>> {
  const problems: Partial<Record<'decisionSentOn' | 'adviserContactedOn' | 'certificateIssuedOn' | 'outcome', MediationProblem>> = {};
  if (compareDates(record.decisionSentOn, today) > 0) problems.decisionSentOn = 'inFuture';
  if (compareDates(record.adviserContactedOn, today) > 0) problems.adviserContactedOn = 'inFuture';
  else if (compareDates(record.adviserContactedOn, record.decisionSentOn) < 0) problems.adviserContactedOn = 'contactBeforeDecision';
  if (compareDates(record.certificateIssuedOn, today) > 0) problems.certificateIssuedOn = 'inFuture';
  else if (compareDates(record.certificateIssuedOn, record.adviserContactedOn) < 0) problems.certificateIssuedOn = 'certificateBeforeContact';
  if (record.certificateKind === 'held' && !record.outcome) problems.outcome = 'outcomeRequired';
  if (record.certificateKind === 'not_pursued' && record.outcome) problems.outcome = 'outcomeNotHeld';
  return problems;
}

// ---------------------------------------------------------------------------------------------
// The appeal's state machine

export type AppealFacts = { status: AppealStatus; registeredOn: IsoDate; hearingOn: IsoDate | null; decidedOn: IsoDate | null; outcome: AppealOutcome | null };

export type AppealStep = { kind: 'listHearing'; hearingOn: IsoDate } | { kind: 'decide'; decidedOn: IsoDate; outcome: AppealOutcome };

export type AppealStepProblem = 'alreadyDecided' | 'beforeRegistered' | 'decidedInFuture' | 'hearingNeeded';

/**
 * Whether a step may be taken now: a hearing is listed (or moved) until the appeal is decided;
 * a decision is recorded once, not in the future and not before the appeal was registered.
 * Upheld, partly upheld and dismissed are decided at a hearing; a withdrawal or a concession can
 * come before one is listed.
 */
export function appealStepProblem(appeal: AppealFacts, step: AppealStep, today: IsoDate): AppealStepProblem | null {
  if (appeal.status === 'decided') return 'alreadyDecided';
  if (step.kind === 'listHearing') return compareDates(step.hearingOn, appeal.registeredOn) < 0 ? 'beforeRegistered' : null;
  if (compareDates(step.decidedOn, appeal.registeredOn) < 0) return 'beforeRegistered';
  if (compareDates(step.decidedOn, today) > 0) return 'decidedInFuture';
  if (!appeal.hearingOn && (step.outcome === 'upheld' || step.outcome === 'partly_upheld' || step.outcome === 'dismissed')) return 'hearingNeeded';
  return null;
}

/** The appeal after a step (call only once `appealStepProblem` is null). */
export function applyAppealStep(appeal: AppealFacts, step: AppealStep): AppealFacts {
  return step.kind === 'listHearing'
    ? { ...appeal, status: 'hearing_listed', hearingOn: step.hearingOn }
    : { ...appeal, status: 'decided', decidedOn: step.decidedOn, outcome: step.outcome };
}

/** Which orders fit which decision appealed: the Tribunal's powers depend on what was appealed (reg 43(2)). */
export const ordersFor: Record<AppealableDecision, readonly OrderKind[]> = {
  refuse_assessment: ['assess'],
  refuse_reassessment: ['reassess'],
  refuse_plan: ['make_plan', 'reconsider'],
  plan_contents: ['amend_provision', 'name_school'],
  cease_plan: ['continue_plan', 'continue_and_amend', 'cease_plan'],
  refuse_amend: ['amend_provision', 'name_school'],
};
