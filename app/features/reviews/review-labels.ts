import type { ReviewDecision, ReviewStep } from '~/domain/annual-review';
import type { PhaseTransferKind } from '~/domain/timescales';

export { reviewBreachKeys, reviewStateKeys, reviewStatusKeys, reviewStepKeys } from '~/domain/annual-review';

/** Translation keys of the review's words, written out so the translation test finds each. */

export const decisionKeys: Record<ReviewDecision, string> = {
  keep: 'reviews.decision.keep',
  amend: 'reviews.decision.amend',
  cease: 'reviews.decision.cease',
};

export const decisionChoiceKeys: Record<ReviewDecision, string> = {
  keep: 'reviews.decide.keep',
  amend: 'reviews.decide.amend',
  cease: 'reviews.decide.cease',
};

export const transferKeys: Record<PhaseTransferKind, string> = {
  phase: 'reviews.transfer.phase',
  post16: 'reviews.transfer.post16',
};

/** Whose step it is, in plain words. */
export const stepOwnerKeys: Record<ReviewStep['key'], string> = {
  meeting: 'reviews.owner.meeting',
  notice: 'reviews.owner.notice',
  advice: 'reviews.owner.advice',
  report: 'reviews.owner.report',
  decision: 'reviews.owner.decision',
  comments: 'reviews.owner.comments',
  finalPlan: 'reviews.owner.finalPlan',
};
