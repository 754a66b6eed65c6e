import type { FeedbackStep, SatisfactionScore } from '~/domain/feedback';

/** What each step's survey asks about: the panel's link and the question page's heading. */
export const askKeys: Record<FeedbackStep, string> = {
  request_sent: 'feedback.ask.request_sent',
  decision: 'feedback.ask.decision',
  final_plan: 'feedback.ask.final_plan',
  annual_review: 'feedback.ask.annual_review',
  any_time: 'feedback.ask.any_time',
};

/** A step's short name, in the managers' results. */
export const stepKeys: Record<FeedbackStep, string> = {
  request_sent: 'feedback.step.request_sent',
  decision: 'feedback.step.decision',
  final_plan: 'feedback.step.final_plan',
  annual_review: 'feedback.step.annual_review',
  any_time: 'feedback.step.any_time',
};

export const satisfactionKeys: Record<SatisfactionScore, string> = {
  5: 'feedback.satisfaction.5',
  4: 'feedback.satisfaction.4',
  3: 'feedback.satisfaction.3',
  2: 'feedback.satisfaction.2',
  1: 'feedback.satisfaction.1',
};

export const easeKeys: Record<SatisfactionScore, string> = {
  5: 'feedback.ease.5',
  4: 'feedback.ease.4',
  3: 'feedback.ease.3',
  2: 'feedback.ease.2',
  1: 'feedback.ease.1',
};
