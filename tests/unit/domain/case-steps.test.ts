import { describe, expect, it } from 'vitest';
import { caseSteps, decisionDiffersFromRequest, draftCommentWindow, processSteps, type CaseStepsInput } from '~/domain/case-steps';
import { statutoryClock, type ClockEvent } from '~/domain/case-clock';
import type { CaseStage } from '~/domain/vocabulary';

describe('whether a decision differs from what the family asked for (issue 15 bug 3)', () => {
  it.each([
    ['agreed', false],
    ['issue', false],
    ['refused', true],
    ['not_issue', true],
    [undefined, false],
    ['', false],
  ])('%s -> %s', (outcome, differs) => {
    expect(decisionDiffersFromRequest(outcome)).toBe(differs);
  });
});


// Monday 5 January 2026: 6 weeks -> 16 February, 16 weeks -> 27 April, 20 weeks -> 25 May.
const REQUEST = '2026-01-05';
const ALL = { messages: true, views: true, advice: true, plan: true, request: true };
const agreed: ClockEvent = { kind: 'assessment_agreed', details: { outcome: 'agreed', decidedOn: '2026-02-10' } };
const refused: ClockEvent = { kind: 'assessment_refused', details: { outcome: 'refused', decidedOn: '2026-02-10', appealDeadline: '2026-04-10' } };
const issue: ClockEvent = { kind: 'plan_agreed', details: { outcome: 'issue', decidedOn: '2026-03-20' } };
const draft: ClockEvent = { kind: 'draft_plan_issued', details: { servedOn: '2026-04-01', commentsLastDay: '2026-04-16' } };
const final: ClockEvent = { kind: 'final_plan_issued', details: { issuedOn: '2026-05-20', annualReviewDueBy: '2027-05-19' } };

function steps(stage: CaseStage, today: string, events: ClockEvent[], more: Partial<CaseStepsInput> = {}) {
  const clock = statutoryClock({ stage, requestReceived: REQUEST, today, events, exceptions: [] });
  return caseSteps({ stage, requestReceived: REQUEST, today, events, clock, commentsSentOn: null, may: ALL, ...more });
}
const states = (result: ReturnType<typeof caseSteps>) => result.steps.map((s) => s.state);

describe('the steps of the process and where the case is', () => {
  it('a new request: the decision whether to assess is the one current step; the final plan date is known from day one', () => {
    const result = steps('request_received', '2026-01-20', []);
    expect(result.steps.map((s) => s.step)).toEqual([...processSteps]);
    expect(states(result)).toEqual(['done', 'current', 'upcoming', 'upcoming', 'upcoming', 'upcoming']);
    expect(result.current).toBe('decisionToAssess');
    expect(result.finalPlanDueBy).toBe('2026-05-25');
    expect(result.steps[1]).toMatchObject({ dueBy: '2026-02-16' });
    expect(result.steps[0]).toMatchObject({ doneOn: REQUEST });
  });

  it('during the assessment the decision is done on its date', () => {
    const result = steps('advice_gathering', '2026-03-01', [agreed]);
    expect(states(result)).toEqual(['done', 'done', 'current', 'upcoming', 'upcoming', 'upcoming']);
    expect(result.steps[1]).toMatchObject({ doneOn: '2026-02-10' });
  });

  it('after a refusal the later steps are not happening', () => {
    const result = steps('assessment_refused', '2026-03-01', [refused]);
    expect(states(result)).toEqual(['done', 'current', 'notHappening', 'notHappening', 'notHappening', 'notHappening']);
  });

  it('a plan in place is at annual reviews', () => {
    const result = steps('plan_maintained', '2026-06-01', [agreed, issue, draft, final]);
    expect(states(result)).toEqual(['done', 'done', 'done', 'done', 'done', 'current']);
    expect(result.steps[5]).toMatchObject({ dueBy: '2027-05-19' });
  });

  it('a withdrawn case has no current step: what happened is done, the rest did not happen', () => {
    const result = steps('withdrawn', '2026-03-01', [agreed]);
    expect(result.current).toBeNull();
    expect(states(result)).toEqual(['done', 'done', 'notHappening', 'notHappening', 'notHappening', 'notHappening']);
    expect(result.canDoNow).toEqual([]);
  });
});

describe('the family’s own dates apart from the council’s (issue 15 bugs 5c, 5d, 5e)', () => {
  it('the last day to appeal is the family’s, never among the dates the council must meet', () => {
    const result = steps('assessment_refused', '2026-03-01', [refused]);
    expect(result.councilDates.map((d) => d.step)).toEqual(['decisionToAssess']);
    expect(result.familyDates).toEqual([{ kind: 'appeal', lastDay: '2026-04-10', status: 'open', daysLeft: 40 }]);
  });

  it('while the days to comment run, the page says until when; after them it says they have ended', () => {
    const open = steps('draft_plan_issued', '2026-04-10', [agreed, issue, draft]);
    expect(draftCommentWindow(open.familyDates)).toEqual({ key: 'steps.draft.open', lastDay: '2026-04-16' });
    const closed = steps('draft_plan_issued', '2026-04-17', [agreed, issue, draft]);
    expect(draftCommentWindow(closed.familyDates)).toEqual({ key: 'steps.draft.closed', lastDay: '2026-04-16' });
    expect(draftCommentWindow(steps('advice_gathering', '2026-03-01', [agreed]).familyDates)).toBeNull();
  });

  it('a family who never commented is told no comments were sent, not "done on time"', () => {
    const result = steps('draft_plan_issued', '2026-04-20', [agreed, issue, draft]);
    expect(result.familyDates).toEqual([{ kind: 'draftComments', lastDay: '2026-04-16', status: 'notSent' }]);
    expect(result.councilDates.map((d) => d.step)).not.toContain('draftComments');
  });

  it('a family who commented is told when', () => {
    const result = steps('draft_plan_issued', '2026-04-20', [agreed, issue, draft], { commentsSentOn: '2026-04-08' });
    expect(result.familyDates).toEqual([{ kind: 'draftComments', lastDay: '2026-04-16', status: 'sent', sentOn: '2026-04-08' }]);
  });

  it('late: only when a council date is missed', () => {
    expect(steps('request_received', '2026-02-16', []).late).toBe(false);
    expect(steps('request_received', '2026-02-17', []).late).toBe(true);
  });
});

describe('what the family can do now: only what exists at this stage', () => {
  it('no plan link before a draft is sent', () => {
    for (const [stage, events] of [['request_received', []], ['advice_gathering', [agreed]], ['plan_agreed', [agreed, issue]]] as const) {
      const now = steps(stage, '2026-03-25', [...events]).canDoNow;
      expect(now).not.toContain('commentOnDraft');
      expect(now).not.toContain('readDraftPlan');
      expect(now).not.toContain('readFinalPlan');
    }
  });

  it('by stage', () => {
    expect(steps('request_received', '2026-01-20', []).canDoNow).toEqual(['addViews', 'readRequest', 'sendMessage']);
    expect(steps('advice_gathering', '2026-03-01', [agreed]).canDoNow).toEqual(['addViews', 'readAdvice', 'readRequest', 'sendMessage']);
    expect(steps('draft_plan_issued', '2026-04-10', [agreed, issue, draft]).canDoNow).toEqual(['commentOnDraft', 'readAdvice', 'readRequest', 'sendMessage']);
    expect(steps('draft_plan_issued', '2026-04-20', [agreed, issue, draft]).canDoNow).toEqual(['readDraftPlan', 'readAdvice', 'readRequest', 'sendMessage']);
    expect(steps('plan_maintained', '2026-06-01', [agreed, issue, draft, final]).canDoNow).toEqual(['readFinalPlan', 'readAdvice', 'readRequest', 'sendMessage']);
    expect(steps('assessment_refused', '2026-03-01', [refused]).canDoNow).toEqual(['disagree', 'readRequest', 'sendMessage']);
  });

  it('only the pages the viewer may open', () => {
    const none = { messages: false, views: false, advice: false, plan: false, request: false };
    expect(steps('draft_plan_issued', '2026-04-10', [agreed, issue, draft], { may: none }).canDoNow).toEqual([]);
  });
});
