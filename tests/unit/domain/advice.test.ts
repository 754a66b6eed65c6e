import { describe, expect, it } from 'vitest';
import {
  ADVICE_ACCESS_GRACE_DAYS,
  adviceAccessEndsOn,
  adviceCanBeRequested,
  adviceDueBy,
  adviceStatus,
  draftCommentWindowOpen,
  professionalHasAccess,
  remindersDue,
  viewsEditable,
  type ReminderCandidate,
} from '~/domain/advice';

// Monday 2 March 2026 + 6 weeks = Monday 13 April 2026 (Easter Monday 6 April in between does not move it).
const asked = '2026-03-02';

describe('advice due date and status', () => {
  it('is due six weeks after the professional was asked', () => {
    expect(adviceDueBy(asked)).toBe('2026-04-13');
  });

  it('is due while more than five working days remain, due soon within them, overdue the day after', () => {
    const open = { state: 'open' as const, dueBy: '2026-04-13' };
    expect(adviceStatus(open, '2026-03-20')).toBe('due');
    // 1 April (Wed) to 13 April: 2, 7, 8, 9, 10, 13 April (3 Good Friday, 6 Easter Monday) = 6 working days.
    expect(adviceStatus(open, '2026-04-01')).toBe('due');
    // 2 April (Thu): 7, 8, 9, 10, 13 = 5 working days.
    expect(adviceStatus(open, '2026-04-02')).toBe('due_soon');
    expect(adviceStatus(open, '2026-04-13')).toBe('due_soon');
    expect(adviceStatus(open, '2026-04-14')).toBe('overdue');
  });

  it('is never overdue once submitted or cancelled', () => {
    expect(adviceStatus({ state: 'submitted', dueBy: '2026-04-13' }, '2026-06-01')).toBe('submitted');
    expect(adviceStatus({ state: 'cancelled', dueBy: '2026-04-13' }, '2026-06-01')).toBe('cancelled');
  });
});

describe('professional access', () => {
  it('lasts while the request is open, whatever the date', () => {
    expect(professionalHasAccess({ state: 'open', closedOn: null }, '2027-01-01')).toBe(true);
  });

  it('ends a grace period after the request closes', () => {
    expect(ADVICE_ACCESS_GRACE_DAYS).toBe(14);
    expect(adviceAccessEndsOn('2026-04-10')).toBe('2026-04-24');
    const closed = { state: 'submitted' as const, closedOn: '2026-04-10' };
    expect(professionalHasAccess(closed, '2026-04-24')).toBe(true);
    expect(professionalHasAccess(closed, '2026-04-25')).toBe(false);
    expect(professionalHasAccess({ state: 'cancelled', closedOn: '2026-04-10' }, '2026-04-25')).toBe(false);
  });

  it('is refused for a closed request with no closing date (never expected, so never open-ended)', () => {
    expect(professionalHasAccess({ state: 'submitted', closedOn: null }, '2026-04-10')).toBe(false);
  });
});

describe('reminders', () => {
  const base: ReminderCandidate = { id: 'a', state: 'open', requestedOn: asked, dueBy: '2026-04-13', closedOn: null, reminderSent: false, overdueNoticeSent: false };

  it('sends nothing while the due date is far off', () => {
    expect(remindersDue([base], '2026-03-20')).toEqual([]);
  });

  it('sends a reminder once within the window, then not again', () => {
    expect(remindersDue([base], '2026-04-02')).toEqual([{ id: 'a', notice: 'reminder' }]);
    expect(remindersDue([{ ...base, reminderSent: true }], '2026-04-08')).toEqual([]);
  });

  it('sends an overdue notice once the date has passed, even when the reminder was missed, and only once', () => {
    expect(remindersDue([base], '2026-04-14')).toEqual([{ id: 'a', notice: 'overdue' }]);
    expect(remindersDue([{ ...base, reminderSent: true }], '2026-04-20')).toEqual([{ id: 'a', notice: 'overdue' }]);
    expect(remindersDue([{ ...base, overdueNoticeSent: true }], '2026-04-20')).toEqual([]);
  });

  it('never reminds about submitted or cancelled requests', () => {
    expect(remindersDue([{ ...base, state: 'submitted', closedOn: '2026-04-01' }, { ...base, id: 'b', state: 'cancelled', closedOn: '2026-04-01' }], '2026-04-20')).toEqual([]);
  });
});

describe('stages', () => {
  it('allows advice requests once assessment is agreed and until the plan is decided', () => {
    expect(adviceCanBeRequested('request_received')).toBe(false);
    expect(adviceCanBeRequested('advice_gathering')).toBe(true);
    expect(adviceCanBeRequested('plan_agreed')).toBe(true);
    expect(adviceCanBeRequested('draft_plan_issued')).toBe(false);
  });

  it('keeps views editable until the draft plan is started', () => {
    expect(viewsEditable('advice_gathering', false)).toBe(true);
    expect(viewsEditable('plan_agreed', false)).toBe(true);
    expect(viewsEditable('plan_agreed', true)).toBe(false);
    expect(viewsEditable('draft_plan_issued', false)).toBe(false);
    expect(viewsEditable('withdrawn', false)).toBe(false);
  });

  it('opens the comment window on the day the draft is served, for 15 days counting that day', () => {
    expect(draftCommentWindowOpen('2026-03-02', '2026-03-01')).toBe(false);
    expect(draftCommentWindowOpen('2026-03-02', '2026-03-02')).toBe(true);
    expect(draftCommentWindowOpen('2026-03-02', '2026-03-16')).toBe(true);
    expect(draftCommentWindowOpen('2026-03-02', '2026-03-17')).toBe(false);
  });
});
