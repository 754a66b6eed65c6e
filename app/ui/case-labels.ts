import { adviceEventKeys } from './advice-labels';

/** Translation keys for the case's events, commands and outcomes, written out so every key is findable. */

/** Titles of timeline entries, one per case event kind. */
export const eventKeys: Record<string, string> = {
  request_received: 'timeline.event.request_received',
  assessment_agreed: 'timeline.event.assessment_agreed',
  assessment_refused: 'timeline.event.assessment_refused',
  plan_agreed: 'timeline.event.plan_agreed',
  plan_refused: 'timeline.event.plan_refused',
  draft_plan_issued: 'timeline.event.draft_plan_issued',
  final_plan_issued: 'timeline.event.final_plan_issued',
  plan_in_place: 'timeline.event.plan_in_place',
  request_withdrawn: 'timeline.event.request_withdrawn',
  plan_ceased: 'timeline.event.plan_ceased',
  refusal_reversed: 'timeline.event.refusal_reversed',
  apology_sent: 'timeline.event.apology_sent',
  exception_recorded: 'timeline.event.exception_recorded',
  caseworker_allocated: 'timeline.event.caseworker_allocated',
  ...adviceEventKeys,
  review_started: 'timeline.event.review_started',
  review_meeting_arranged: 'timeline.event.review_meeting_arranged',
  review_advice_circulated: 'timeline.event.review_advice_circulated',
  review_report_received: 'timeline.event.review_report_received',
  review_views_saved: 'timeline.event.review_views_saved',
  review_meeting_held: 'timeline.event.review_meeting_held',
  review_decided: 'timeline.event.review_decided',
  review_amendments_comment: 'timeline.event.review_amendments_comment',
  review_final_issued: 'timeline.event.review_final_issued',
  review_apology_sent: 'timeline.event.review_apology_sent',
  complaint_received: 'timeline.event.complaint_received',
  complaint_acknowledged: 'timeline.event.complaint_acknowledged',
  complaint_responded: 'timeline.event.complaint_responded',
  complaint_escalated: 'timeline.event.complaint_escalated',
  complaint_closed: 'timeline.event.complaint_closed',
  feedback_given: 'timeline.event.feedback_given',
  mediation_recorded: 'timeline.event.mediation_recorded',
  appeal_registered: 'timeline.event.appeal_registered',
  appeal_hearing_listed: 'timeline.event.appeal_hearing_listed',
  appeal_decided: 'timeline.event.appeal_decided',
  tribunal_order_recorded: 'timeline.event.tribunal_order_recorded',
  tribunal_order_complied: 'timeline.event.tribunal_order_complied',
};

export const commandKeys: Record<string, string> = {
  decide_to_assess: 'record.command.decide_to_assess',
  decide_to_issue: 'record.command.decide_to_issue',
  issue_draft_plan: 'record.command.issue_draft_plan',
  issue_final_plan: 'record.command.issue_final_plan',
  plan_in_place: 'record.command.plan_in_place',
  withdraw: 'record.command.withdraw',
  cease: 'record.command.cease',
  reverse_refusal: 'record.command.reverse_refusal',
};

export const outcomeKeys: Record<string, string> = {
  agreed: 'decision.outcome.agreed',
  refused: 'decision.outcome.refused',
  issue: 'decision.outcome.issue',
  not_issue: 'decision.outcome.not_issue',
};
