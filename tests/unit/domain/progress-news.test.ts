import { describe, expect, it } from 'vitest';
import { progressNews } from '~/domain/progress-news';
import type { WorkflowEvent } from '~/domain/case-workflow';

const move = { from: 'request_received', to: 'advice_gathering', actorRole: 'caseworker' } as const;
const context = { requestReceived: '2026-09-01', today: '2026-12-04' };
const event = (kind: WorkflowEvent['kind'], details: object) => ({ kind, details: { ...move, ...details } }) as WorkflowEvent;

describe('what a family is told of each step, and by when', () => {
  it('an assessment agreed: the council must say by week 16 whether it will issue a plan', () => {
    const deadlines = { decisionToAssess: '2026-10-13', noticeNotToIssue: '2026-12-22', finalPlan: '2027-01-19' };
    expect(progressNews(event('assessment_agreed', { outcome: 'agreed', reasons: 'r', decidedOn: '2026-10-01', deadlines }), context)).toEqual({ news: 'assessmentAgreed', dueBy: '2026-12-22' });
  });

  it('a refusal: the last day to appeal, as recorded with the decision', () => {
    expect(progressNews(event('assessment_refused', { outcome: 'refused', reasons: 'r', decidedOn: '2026-10-01', appealDeadline: '2026-12-01' }), context)).toEqual({ news: 'assessmentRefused', dueBy: '2026-12-01' });
    expect(progressNews(event('plan_refused', { outcome: 'not_issue', reasons: 'r', decidedOn: '2026-12-01', appealDeadline: '2027-02-01' }), context)).toEqual({ news: 'planRefused', dueBy: '2027-02-01' });
  });

  it('a plan agreed: the final plan is due 20 weeks after the request', () => {
    expect(progressNews(event('plan_agreed', { outcome: 'issue', reasons: 'r', decidedOn: '2026-12-01' }), context)).toEqual({ news: 'planAgreed', dueBy: '2027-01-19' });
  });

  it("a draft plan: the family's comments are due on the last day recorded with it", () => {
    expect(progressNews(event('draft_plan_issued', { servedOn: '2026-12-01', commentsLastDay: '2026-12-16' }), context)).toEqual({ news: 'draftPlanIssued', dueBy: '2026-12-16' });
  });

  it('a final plan, or a plan ceased: two months to appeal, by the tribunal rules', () => {
    expect(progressNews(event('final_plan_issued', { issuedOn: '2026-12-04', annualReviewDueBy: '2027-12-04' }), context)).toEqual({ news: 'finalPlanIssued', dueBy: '2027-02-04' });
    // Two months from 28 June ends in August: in time on the first working day after 31 August.
    expect(progressNews(event('plan_ceased', { reasons: 'r' }), { ...context, today: '2027-06-28' })).toEqual({ news: 'planCeased', dueBy: '2027-09-01' });
  });

  it('steps with nothing more to do by a date', () => {
    expect(progressNews(event('plan_in_place', {}), context)).toEqual({ news: 'planInPlace', dueBy: null });
    expect(progressNews(event('request_withdrawn', { reasons: 'r' }), context)).toEqual({ news: 'requestWithdrawn', dueBy: null });
    expect(progressNews(event('refusal_reversed', { orderedBy: 'tribunal', reasons: 'r' }), context)).toEqual({ news: 'refusalReversed', dueBy: null });
  });
});
