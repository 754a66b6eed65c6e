import type { AdviceKind, CommentResponse, PlanSection } from '../../db/schema';
import type { AdviceStatus } from '~/domain/advice';
import type { TagColour } from './govuk/content';

/** Translation keys for advice, views, the draft plan and meetings, written out so every key is findable. */

export const adviceKindKeys: Record<AdviceKind, string> = {
  educational_psychologist: 'advice.kind.educational_psychologist',
  health: 'advice.kind.health',
  social_care: 'advice.kind.social_care',
  school: 'advice.kind.school',
  other: 'advice.kind.other',
};

export const adviceStatusKeys: Record<AdviceStatus, string> = {
  due: 'advice.status.due',
  due_soon: 'advice.status.due_soon',
  overdue: 'advice.status.overdue',
  submitted: 'advice.status.submitted',
  cancelled: 'advice.status.cancelled',
};

export const adviceStatusColours: Record<AdviceStatus, TagColour> = {
  due: 'blue',
  due_soon: 'orange',
  overdue: 'red',
  submitted: 'green',
  cancelled: 'grey',
};

export const planSectionKeys: Record<PlanSection, string> = {
  A: 'plan.section.A',
  B: 'plan.section.B',
  C: 'plan.section.C',
  D: 'plan.section.D',
  E: 'plan.section.E',
  F: 'plan.section.F',
  G: 'plan.section.G',
  H1: 'plan.section.H1',
  H2: 'plan.section.H2',
  I: 'plan.section.I',
  J: 'plan.section.J',
  K: 'plan.section.K',
};

export const commentResponseKeys: Record<CommentResponse, string> = {
  accepted: 'plan.response.accepted',
  changed: 'plan.response.changed',
  declined: 'plan.response.declined',
};

/** Timeline titles of the events this feature records (merged into the case page's eventKeys). */
export const adviceEventKeys: Record<string, string> = {
  advice_requested: 'adviceTimeline.advice_requested',
  advice_submitted: 'adviceTimeline.advice_submitted',
  advice_withheld: 'adviceTimeline.advice_withheld',
  advice_cancelled: 'adviceTimeline.advice_cancelled',
  meeting_recorded: 'adviceTimeline.meeting_recorded',
  draft_plan_comment: 'adviceTimeline.draft_plan_comment',
  views_saved: 'adviceTimeline.views_saved',
  comment_answered: 'adviceTimeline.comment_answered',
};

/** The "All about me" questions (Section A), in the order the form asks them. */
export const viewQuestions = [
  ['likeAndAdmire', 'views.question.likeAndAdmire'],
  ['importantNow', 'views.question.importantNow'],
  ['importantFuture', 'views.question.importantFuture'],
  ['howToSupport', 'views.question.howToSupport'],
  ['hopes', 'views.question.hopes'],
] as const;

/** The four parts of a professional's advice: field, heading, and the hint shown while writing. */
export const adviceSections = [
  ['needs', 'advice.section.needs', 'advice.write.needsHint'],
  ['provision', 'advice.section.provision', 'advice.write.provisionHint'],
  ['outcomes', 'advice.section.outcomes', 'advice.write.outcomesHint'],
  ['consulted', 'advice.section.consulted', 'advice.write.consultedHint'],
] as const;
