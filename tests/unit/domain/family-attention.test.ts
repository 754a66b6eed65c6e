import { describe, expect, it } from 'vitest';
import type { ClockEntry } from '~/domain/case-clock';
import { childAttention, type CaseFacts } from '~/domain/family-attention';

const quiet: CaseFacts = { caseId: 'case-1', clock: [], unreadFromCouncil: 0, awaitingReply: null, viewsWanted: false };

function facts(overrides: Partial<CaseFacts> = {}): CaseFacts {
  return { ...quiet, ...overrides };
}

const decisionDue: ClockEntry = { step: 'decisionToAssess', dueBy: '2027-03-10', status: 'due', daysLeft: 20 };
const planDue: ClockEntry = { step: 'finalPlan', dueBy: '2027-07-01', status: 'due', daysLeft: 130 };
const decisionMet: ClockEntry = { step: 'decisionToAssess', dueBy: '2027-01-10', status: 'met', completedOn: '2027-01-05' };
const commentsDue: ClockEntry = { step: 'draftComments', dueBy: '2027-02-26', status: 'due', daysLeft: 8 };

describe('what needs a family member’s attention for one child', () => {
  it('is all clear for a child with no case and no draft request', () => {
    expect(childAttention({ cases: [], draftRequestId: null })).toEqual({ nextDate: null, familySteps: [], messages: [], allClear: true });
  });

  it('gives the soonest date still due across the child’s cases, ignoring dates met', () => {
    const attention = childAttention({
      cases: [facts({ caseId: 'old', clock: [decisionMet, planDue] }), facts({ caseId: 'new', clock: [decisionDue] })],
      draftRequestId: null,
    });
    expect(attention.nextDate).toEqual({ caseId: 'new', step: 'decisionToAssess', dueBy: '2027-03-10' });
    // A date alone asks nothing of the family.
    expect(attention.allClear).toBe(true);
  });

  it('makes the draft plan comment window the family’s step, not the council’s next date', () => {
    const attention = childAttention({ cases: [facts({ clock: [commentsDue, planDue] })], draftRequestId: null });
    expect(attention.familySteps).toEqual([{ kind: 'commentOnDraft', caseId: 'case-1', dueBy: '2027-02-26' }]);
    expect(attention.nextDate).toEqual({ caseId: 'case-1', step: 'finalPlan', dueBy: '2027-07-01' });
    expect(attention.allClear).toBe(false);
  });

  it('asks the family to send a draft request and to give views still wanted, dated steps first', () => {
    const attention = childAttention({ cases: [facts({ viewsWanted: true, clock: [commentsDue] })], draftRequestId: 'request-1' });
    expect(attention.familySteps.map((s) => s.kind)).toEqual(['commentOnDraft', 'sendRequest', 'giveViews']);
    expect(attention.familySteps[1]).toEqual({ kind: 'sendRequest', requestId: 'request-1' });
  });

  it('tells of unread council messages with their number, and of a reply the council owes that is overdue', () => {
    const attention = childAttention({
      cases: [facts({ unreadFromCouncil: 2, awaitingReply: { dueBy: '2027-02-01', overdue: true } })],
      draftRequestId: null,
    });
    expect(attention.messages).toEqual([
      { kind: 'unread', caseId: 'case-1', count: 2 },
      { kind: 'replyOverdue', caseId: 'case-1', dueBy: '2027-02-01' },
    ]);
    expect(attention.allClear).toBe(false);
  });

  it('stays quiet about a reply not yet due and about a thread the person may not read', () => {
    const attention = childAttention({ cases: [facts({ unreadFromCouncil: null, awaitingReply: { dueBy: '2027-02-01', overdue: false } })], draftRequestId: null });
    expect(attention.messages).toEqual([]);
    expect(attention.allClear).toBe(true);
  });
});
