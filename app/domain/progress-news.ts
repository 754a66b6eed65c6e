import type { WorkflowEvent } from './case-workflow';
import { appealDeadline, assessmentDeadlines, type IsoDate } from './timescales';

/**
 * What a family is told by email when their case moves (issue 15): one message per kind of
 * step, each with the date by which they, or the council, must act next. The names are the
 * email templates' (app/mail/templates.server.ts).
 */
export type ProgressNews =
  | 'assessmentAgreed'
  | 'assessmentRefused'
  | 'planAgreed'
  | 'planRefused'
  | 'draftPlanIssued'
  | 'finalPlanIssued'
  | 'planInPlace'
  | 'requestWithdrawn'
  | 'planCeased'
  | 'refusalReversed';

/**
 * The news of a workflow event and its date, if it has one: when the council must decide or
 * issue by, when the family's comments are due, or the last day to appeal. `today`: the day the
 * step was recorded (a decision to cease is appealable from the day it is sent).
 */
export function progressNews(event: WorkflowEvent, context: { requestReceived: IsoDate; today: IsoDate }): { news: ProgressNews; dueBy: IsoDate | null } {
  switch (event.kind) {
    case 'assessment_agreed':
      return { news: 'assessmentAgreed', dueBy: event.details.deadlines.noticeNotToIssue };
    case 'assessment_refused':
      return { news: 'assessmentRefused', dueBy: event.details.appealDeadline };
    case 'plan_agreed':
      return { news: 'planAgreed', dueBy: assessmentDeadlines(context.requestReceived).finalPlan };
    case 'plan_refused':
      return { news: 'planRefused', dueBy: event.details.appealDeadline };
    case 'draft_plan_issued':
      return { news: 'draftPlanIssued', dueBy: event.details.commentsLastDay };
    case 'final_plan_issued':
      return { news: 'finalPlanIssued', dueBy: appealDeadline(event.details.issuedOn) };
    case 'plan_in_place':
      return { news: 'planInPlace', dueBy: null };
    case 'request_withdrawn':
      return { news: 'requestWithdrawn', dueBy: null };
    case 'plan_ceased':
      return { news: 'planCeased', dueBy: appealDeadline(context.today) };
    case 'refusal_reversed':
      return { news: 'refusalReversed', dueBy: null };
  }
}
