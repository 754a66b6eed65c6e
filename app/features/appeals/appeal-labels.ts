import type { AppealableDecision, AppealOutcome, AppealStatus, CertificateKind, MediationOutcome, OrderKind, OrderMilestoneStep, OrderStatus } from '~/domain/appeals';

/** Mediation and appeals (app/domain/appeals.ts) in words: translation keys written out so every key is findable. */

export const decisionKeys: Record<AppealableDecision, string> = {
  refuse_assessment: 'appeals.decision.refuse_assessment',
  refuse_plan: 'appeals.decision.refuse_plan',
  plan_contents: 'appeals.decision.plan_contents',
  cease_plan: 'appeals.decision.cease_plan',
  refuse_reassessment: 'appeals.decision.refuse_reassessment',
  refuse_amend: 'appeals.decision.refuse_amend',
};

export const certificateKindKeys: Record<CertificateKind, string> = {
  not_pursued: 'appeals.certificate.not_pursued',
  held: 'appeals.certificate.held',
};

export const mediationOutcomeKeys: Record<MediationOutcome, string> = {
  agreed: 'appeals.mediationOutcome.agreed',
  partly_agreed: 'appeals.mediationOutcome.partly_agreed',
  not_agreed: 'appeals.mediationOutcome.not_agreed',
};

export const appealStatusKeys: Record<AppealStatus, string> = {
  registered: 'appeals.status.registered',
  hearing_listed: 'appeals.status.hearing_listed',
  decided: 'appeals.status.decided',
};

export const appealOutcomeKeys: Record<AppealOutcome, string> = {
  upheld: 'appeals.outcome.upheld',
  partly_upheld: 'appeals.outcome.partly_upheld',
  dismissed: 'appeals.outcome.dismissed',
  withdrawn: 'appeals.outcome.withdrawn',
  conceded: 'appeals.outcome.conceded',
};

/** What the council was ordered to do, in plain words for the family and staff alike. */
export const orderKindKeys: Record<OrderKind, string> = {
  assess: 'appeals.order.assess',
  reassess: 'appeals.order.reassess',
  make_plan: 'appeals.order.make_plan',
  reconsider: 'appeals.order.reconsider',
  amend_provision: 'appeals.order.amend_provision',
  name_school: 'appeals.order.name_school',
  continue_plan: 'appeals.order.continue_plan',
  continue_and_amend: 'appeals.order.continue_and_amend',
  cease_plan: 'appeals.order.cease_plan',
};

export const milestoneKeys: Record<OrderMilestoneStep, string> = {
  notifyAssessment: 'appeals.milestone.notifyAssessment',
  decideNoPlan: 'appeals.milestone.decideNoPlan',
  finalPlan: 'appeals.milestone.finalPlan',
  draftPlan: 'appeals.milestone.draftPlan',
  reconsider: 'appeals.milestone.reconsider',
  amendedPlan: 'appeals.milestone.amendedPlan',
  nameSchool: 'appeals.milestone.nameSchool',
  continuePlan: 'appeals.milestone.continuePlan',
  ceasePlan: 'appeals.milestone.ceasePlan',
};

export const orderStatusKeys: Record<OrderStatus, string> = {
  met: 'appeals.orderStatus.met',
  due: 'appeals.orderStatus.due',
  missed: 'appeals.orderStatus.missed',
};

export const orderStatusColours = { met: 'green', due: 'blue', missed: 'red' } as const;

export const planSectionKeys = { B: 'appeals.section.B', F: 'appeals.section.F', I: 'appeals.section.I' } as const;

/** The field of an order's "complied with on" date: one per order on the appeal's page (browser and server alike). */
export const compliedField = (orderId: string) => `complied-${orderId}`;

/** The council's lists of Tribunal orders (/appeals), named in the page's links and read by its loader. */
export const orderLists = ['missed', 'dueSoon', 'outstanding'] as const;
export type OrderListName = (typeof orderLists)[number];
