import { describe, expect, it } from 'vitest';
import {
  clockStartOf,
  complaintFigures,
  complaintTimesErrors,
  DEFAULT_COMPLAINT_TIMES,
  isLate,
  lastDayToEscalate,
  mayEscalate,
  stage1Deadlines,
  stage2Deadlines,
  transition,
  type ComplaintFacts,
  type ComplaintState,
} from '~/domain/complaints';

const times = DEFAULT_COMPLAINT_TIMES;

describe('complaint deadlines in working days', () => {
  it('the council defaults: acknowledged in 3, answered in 10 (stage 1) and 20 (stage 2) working days', () => {
    expect(times).toEqual({ acknowledgeDays: 3, stage1Days: 10, stage2Days: 20 });
  });

  it('counts from the day it arrived on a working day, not counting that day', () => {
    // Monday 2 November 2026: two whole weeks later.
    expect(stage1Deadlines('2026-11-02', times)).toEqual({ acknowledgeBy: '2026-11-05', respondBy: '2026-11-16' });
  });

  it('a complaint that arrives at the weekend starts its clock on Monday', () => {
    expect(clockStartOf('2026-11-07')).toBe('2026-11-09');
    expect(clockStartOf('2026-11-08')).toBe('2026-11-09');
    expect(stage1Deadlines('2026-11-07', times)).toEqual({ acknowledgeBy: '2026-11-12', respondBy: '2026-11-23' });
    expect(stage1Deadlines('2026-11-08', times)).toEqual(stage1Deadlines('2026-11-09', times));
  });

  it('skips Christmas Day, the Boxing Day substitute (28 December 2026) and New Year’s Day', () => {
    expect(stage1Deadlines('2026-12-23', times).respondBy).toBe('2027-01-11');
    expect(stage1Deadlines('2026-12-23', times).acknowledgeBy).toBe('2026-12-30');
  });

  it('skips Good Friday and Easter Monday; a complaint made on a bank holiday starts the next working day', () => {
    expect(stage1Deadlines('2026-04-02', times).acknowledgeBy).toBe('2026-04-09');
    expect(clockStartOf('2026-04-03')).toBe('2026-04-07');
    expect(stage1Deadlines('2026-04-03', times).respondBy).toBe('2026-04-21');
  });

  it('stage 2 counts from the escalation, over Christmas', () => {
    expect(stage2Deadlines('2026-11-30', times)).toEqual({ acknowledgeBy: '2026-12-03', respondBy: '2026-12-30' });
  });

  it('uses the council’s own times', () => {
    expect(stage1Deadlines('2026-11-02', { acknowledgeDays: 1, stage1Days: 15, stage2Days: 25 })).toEqual({ acknowledgeBy: '2026-11-03', respondBy: '2026-11-23' });
    expect(stage2Deadlines('2026-11-02', { acknowledgeDays: 1, stage1Days: 15, stage2Days: 25 }).respondBy).toBe('2026-12-07');
  });

  it('the family may escalate up to 20 working days after the stage 1 response', () => {
    expect(lastDayToEscalate('2026-11-16')).toBe('2026-12-14');
    // A response sent on a Saturday counts from Monday.
    expect(lastDayToEscalate('2026-11-14')).toBe('2026-12-14');
  });
});

describe('late', () => {
  it('a response on its due date is on time; the day after, late', () => {
    expect(isLate('2026-11-16', '2026-11-16', '2026-12-01')).toBe(false);
    expect(isLate('2026-11-16', '2026-11-17', '2026-12-01')).toBe(true);
    expect(isLate('2026-11-16', '2026-11-10', '2026-12-01')).toBe(false);
  });

  it('not yet answered: late only once today is past the due date', () => {
    expect(isLate('2026-11-16', null, '2026-11-16')).toBe(false);
    expect(isLate('2026-11-16', null, '2026-11-17')).toBe(true);
  });
});

describe('the procedure', () => {
  const received: ComplaintState = { status: 'received', stage: 1, stage1RespondedOn: null };
  const today = '2026-11-10';

  it('received -> acknowledged -> responded -> escalated -> acknowledged -> closed by the stage 2 response', () => {
    const acknowledged = transition(received, 'acknowledge', today);
    expect(acknowledged).toEqual({ ok: true, next: { status: 'acknowledged', stage: 1, stage1RespondedOn: null } });
    const responded = transition(acknowledged.ok ? acknowledged.next : received, 'respond', today);
    expect(responded).toEqual({ ok: true, next: { status: 'responded', stage: 1, stage1RespondedOn: today } });
    if (!responded.ok) throw new Error('unreachable');
    const escalated = transition(responded.next, 'escalate', '2026-11-20');
    expect(escalated).toEqual({ ok: true, next: { status: 'escalated', stage: 2, stage1RespondedOn: today } });
    if (!escalated.ok) throw new Error('unreachable');
    const ack2 = transition(escalated.next, 'acknowledge', '2026-11-21');
    expect(ack2.ok && ack2.next.status).toBe('acknowledged');
    if (!ack2.ok) throw new Error('unreachable');
    expect(transition(ack2.next, 'respond', '2026-12-01')).toEqual({ ok: true, next: { status: 'closed', stage: 2, stage1RespondedOn: today } });
  });

  it('a response without a separate acknowledgement is allowed (the response acknowledges it)', () => {
    expect(transition(received, 'respond', today).ok).toBe(true);
    expect(transition({ status: 'escalated', stage: 2, stage1RespondedOn: '2026-11-01' }, 'respond', today)).toEqual({ ok: true, next: { status: 'closed', stage: 2, stage1RespondedOn: '2026-11-01' } });
  });

  it('closed without escalation after stage 1', () => {
    expect(transition({ status: 'responded', stage: 1, stage1RespondedOn: '2026-11-01' }, 'close', today)).toEqual({ ok: true, next: { status: 'closed', stage: 1, stage1RespondedOn: '2026-11-01' } });
  });

  it('refuses what does not follow: answering twice, acknowledging an answered complaint, escalating before a response or twice, closing an open one', () => {
    const responded: ComplaintState = { status: 'responded', stage: 1, stage1RespondedOn: '2026-11-01' };
    const closed: ComplaintState = { status: 'closed', stage: 2, stage1RespondedOn: '2026-11-01' };
    expect(transition(responded, 'respond', today)).toEqual({ ok: false, error: 'errors.complaints.notNow' });
    expect(transition(responded, 'acknowledge', today)).toEqual({ ok: false, error: 'errors.complaints.notNow' });
    expect(transition(received, 'escalate', today)).toEqual({ ok: false, error: 'errors.complaints.notNow' });
    expect(transition({ status: 'acknowledged', stage: 2, stage1RespondedOn: '2026-11-01' }, 'escalate', today).ok).toBe(false);
    expect(transition(received, 'close', today).ok).toBe(false);
    for (const command of ['acknowledge', 'respond', 'escalate', 'close'] as const) expect(transition(closed, command, today).ok).toBe(false);
  });

  it('escalation closes at the end of its last day', () => {
    const responded: ComplaintState = { status: 'responded', stage: 1, stage1RespondedOn: '2026-11-16' };
    expect(mayEscalate(responded, '2026-12-14')).toBe(true);
    expect(transition(responded, 'escalate', '2026-12-15')).toEqual({ ok: false, error: 'errors.complaints.escalationClosed' });
  });
});

describe('the council’s times', () => {
  it('accepts the defaults and whole numbers in range', () => {
    expect(complaintTimesErrors(times)).toEqual({});
    expect(complaintTimesErrors({ acknowledgeDays: 1, stage1Days: 2, stage2Days: 65 })).toEqual({});
  });

  it('says which field is wrong and why', () => {
    expect(complaintTimesErrors({ acknowledgeDays: null, stage1Days: 2.5, stage2Days: 20 })).toEqual({ acknowledgeDays: 'errors.complaintTimes.acknowledgeDaysWhole', stage1Days: 'errors.complaintTimes.stage1DaysWhole' });
    expect(complaintTimesErrors({ acknowledgeDays: 0, stage1Days: 10, stage2Days: 66 })).toEqual({ acknowledgeDays: 'errors.complaintTimes.acknowledgeDaysRange', stage2Days: 'errors.complaintTimes.stage2DaysRange' });
    expect(complaintTimesErrors({ acknowledgeDays: 10, stage1Days: 10, stage2Days: 20 })).toEqual({ acknowledgeDays: 'errors.complaintTimes.acknowledgeDaysTooLong' });
    expect(complaintTimesErrors({ acknowledgeDays: 3, stage1Days: 20, stage2Days: 10 })).toEqual({ stage2Days: 'errors.complaintTimes.stage2DaysTooShort' });
  });
});

describe('figures for the report', () => {
  const base: ComplaintFacts = {
    status: 'received',
    receivedOn: '2026-11-02',
    stage1DueBy: '2026-11-16',
    stage1RespondedOn: null,
    stage1Outcome: null,
    escalatedOn: null,
    stage2DueBy: null,
    stage2RespondedOn: null,
    stage2Outcome: null,
  };
  const november = { from: '2026-11-01', to: '2026-11-30' };

  it('counts complaints received on the first and last day of the period, not the day before or after', () => {
    const complaints = ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01'].map((receivedOn) => ({ ...base, receivedOn, status: 'closed' as const }));
    expect(complaintFigures(complaints, november, '2026-12-10').stage1.received).toBe(2);
  });

  it('responses on time and late, by outcome, at each stage', () => {
    const complaints: ComplaintFacts[] = [
      { ...base, status: 'responded', stage1RespondedOn: '2026-11-16', stage1Outcome: 'upheld' },
      { ...base, status: 'responded', stage1RespondedOn: '2026-11-17', stage1Outcome: 'not_upheld' },
      { ...base, status: 'closed', stage1RespondedOn: '2026-11-05', stage1Outcome: 'partly_upheld', escalatedOn: '2026-11-09', stage2DueBy: '2026-12-07', stage2RespondedOn: '2026-11-30', stage2Outcome: 'not_upheld' },
      // Answered after the period: counted as received only.
      { ...base, status: 'responded', stage1RespondedOn: '2026-12-01', stage1Outcome: 'upheld' },
    ];
    const figures = complaintFigures(complaints, november, '2026-12-10');
    expect(figures.stage1).toEqual({ received: 4, respondedOnTime: 2, respondedLate: 1, outcomes: { upheld: 1, partly_upheld: 1, not_upheld: 1 }, outstandingLate: 0 });
    expect(figures.stage2).toEqual({ received: 1, respondedOnTime: 1, respondedLate: 0, outcomes: { upheld: 0, partly_upheld: 0, not_upheld: 1 }, outstandingLate: 0 });
  });

  it('outstanding late: waiting past the due date today, at its stage; a closed complaint is not waiting', () => {
    const complaints: ComplaintFacts[] = [
      { ...base },
      { ...base, stage1DueBy: '2026-11-20' },
      { ...base, status: 'escalated', stage1RespondedOn: '2026-11-05', stage1Outcome: 'upheld', escalatedOn: '2026-11-06', stage2DueBy: '2026-11-17' },
      { ...base, status: 'closed' },
    ];
    const figures = complaintFigures(complaints, november, '2026-11-17');
    expect(figures.stage1.outstandingLate).toBe(1);
    expect(figures.stage2.outstandingLate).toBe(0);
    expect(complaintFigures(complaints, november, '2026-11-18').stage2.outstandingLate).toBe(1);
  });
});
