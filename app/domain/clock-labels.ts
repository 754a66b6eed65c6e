/**
 * Translation keys for the statutory clock's steps, statuses and legal exceptions. Apart from
 * app/domain/case-clock.ts on purpose: pages that only name a step import these without the
 * clock's date arithmetic and bank holiday data, which keeps the browser's bundle small. That
 * every step, status and exception has its key is checked in case-clock.ts.
 */
export const clockStepKeys = {
  decisionToAssess: 'clock.step.decisionToAssess',
  noticeNotToIssue: 'clock.step.noticeNotToIssue',
  finalPlan: 'clock.step.finalPlan',
  draftComments: 'clock.step.draftComments',
  appeal: 'clock.step.appeal',
  annualReview: 'clock.step.annualReview',
} as const;

export const clockStatusKeys = {
  met: 'clock.status.met',
  met_late: 'clock.status.met_late',
  due: 'clock.status.due',
  missed: 'clock.status.missed',
  exception: 'clock.status.exception',
} as const;

export const exceptionKindKeys = {
  family_asked_pause: 'clock.exception.family_asked_pause',
  missed_appointment: 'clock.exception.missed_appointment',
  school_closed: 'clock.exception.school_closed',
  exceptional_personal_circumstances: 'clock.exception.exceptional_personal_circumstances',
  family_away: 'clock.exception.family_away',
} as const;
