import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { breaches, DEFAULT_SERVICE_STANDARDS, overduePeriods, receivedOn, replyClock, standardsOn, waitingMessages, type ServiceStandards, type ThreadMessage } from '~/domain/service-standards';
import { compareDates, isWorkingDay } from '~/domain/timescales';

const at = (iso: string) => new Date(iso);
const family = (iso: string): ThreadMessage => ({ side: 'family', sentAt: at(iso) });
const la = (iso: string, substantive = false): ThreadMessage => ({ side: 'la', sentAt: at(iso), substantive });

describe('when a family message counts as received', () => {
  it.each([
    ['2026-05-20T10:00:00Z', '2026-05-20'], // Wednesday 11:00 BST
    ['2026-05-20T15:59:00Z', '2026-05-20'], // 16:59 BST
    ['2026-05-20T16:00:00Z', '2026-05-21'], // 17:00 BST: next working day
    ['2026-05-22T18:30:00Z', '2026-05-26'], // Friday evening before the spring bank holiday (Mon 25 May)
    ['2026-05-23T09:00:00Z', '2026-05-26'], // Saturday
    ['2026-12-24T16:30:00Z', '2026-12-24'], // Christmas Eve 16:30 GMT: still the working day
    ['2026-12-24T17:30:00Z', '2026-12-29'], // 17:30 GMT: after hours; 25 and 28 (Boxing Day substitute) are holidays
    ['2026-03-29T00:30:00Z', '2026-03-30'], // the night the clocks go forward (Sunday)
  ])('sent %s -> received %s', (sent, received) => {
    expect(receivedOn(at(sent))).toBe(received);
  });
});

describe('the reply timer', () => {
  it('a Friday-evening message before a bank holiday: acknowledge by Thursday, reply by the Tuesday after', () => {
    const clock = replyClock([family('2026-05-22T18:30:00Z')], DEFAULT_SERVICE_STANDARDS, at('2026-05-23T10:00:00Z'));
    expect(clock).toEqual({
      state: 'awaiting',
      receivedOn: '2026-05-26',
      acknowledgeBy: '2026-05-28',
      replyBy: '2026-06-02',
      acknowledged: false,
      overdue: false,
      dueToday: false,
    });
  });

  it('a second family message does not restart a running clock', () => {
    const clock = replyClock([family('2026-05-20T09:00:00Z'), family('2026-05-21T09:00:00Z')], DEFAULT_SERVICE_STANDARDS, at('2026-05-21T10:00:00Z'));
    // 5 working days after Wednesday 20 May 2026, skipping the spring bank holiday on 25 May.
    expect(clock).toMatchObject({ receivedOn: '2026-05-20', replyBy: '2026-05-28' });
  });

  it('an acknowledgement meets the first standard only; a substantive reply stops the clock', () => {
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-21T09:00:00Z')];
    expect(replyClock(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-21T12:00:00Z'))).toMatchObject({ state: 'awaiting', acknowledged: true });
    expect(replyClock([...thread, la('2026-05-22T09:00:00Z', true)], DEFAULT_SERVICE_STANDARDS, at('2026-05-22T12:00:00Z'))).toEqual({ state: 'idle' });
  });

  it('is overdue the day after the due date and due on the day itself', () => {
    const thread = [family('2026-05-20T09:00:00Z')];
    expect(replyClock(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-22T12:00:00Z'))).toMatchObject({ dueToday: true, overdue: false });
    expect(replyClock(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-23T12:00:00Z'))).toMatchObject({ overdue: true });
  });

  it('uses the council’s own standards', () => {
    const clock = replyClock([family('2026-05-20T09:00:00Z')], { acknowledgeWithin: 1, replyWithin: 10 }, at('2026-05-20T10:00:00Z'));
    expect(clock).toMatchObject({ acknowledgeBy: '2026-05-21', replyBy: '2026-06-04' });
  });
});

describe('breaches', () => {
  it('a late reply is still a breach, and stays one', () => {
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-29T09:00:00Z', true)];
    const found = breaches(thread, DEFAULT_SERVICE_STANDARDS, at('2026-07-01T12:00:00Z'));
    expect(found).toEqual([
      { standard: 'acknowledge', startedOn: '2026-05-20', dueBy: '2026-05-22', metOn: '2026-05-29' },
      { standard: 'reply', startedOn: '2026-05-20', dueBy: '2026-05-28', metOn: '2026-05-29' },
    ]);
  });

  it('an unanswered message becomes a breach once its date passes', () => {
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-21T09:00:00Z')];
    expect(breaches(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-28T12:00:00Z'))).toEqual([]);
    expect(breaches(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-29T12:00:00Z'))).toEqual([
      { standard: 'reply', startedOn: '2026-05-20', dueBy: '2026-05-28', metOn: null },
    ]);
  });

  it('replies on time leave no breach', () => {
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-20T15:00:00Z', true), family('2026-06-01T09:00:00Z'), la('2026-06-02T09:00:00Z', true)];
    expect(breaches(thread, DEFAULT_SERVICE_STANDARDS, at('2026-07-01T12:00:00Z'))).toEqual([]);
  });
});

describe('properties', () => {
  const instant = fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2029-12-31T00:00:00Z'), noInvalidDate: true });
  const message = fc.record({ side: fc.constantFrom('family' as const, 'la' as const), sentAt: instant, substantive: fc.boolean() });

  it('a message is always received on a working day, never before it was sent', () => {
    fc.assert(
      fc.property(instant, (sent) => {
        const day = receivedOn(sent);
        return isWorkingDay(day) && compareDates(day, sent.toISOString().slice(0, 10)) >= 0;
      }),
      { numRuns: 300 },
    );
  });

  it('the acknowledgement is never due after the reply, and breaches only grow with time', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 12 }), instant, instant, (thread, a, b) => {
        const [earlier, later] = a < b ? [a, b] : [b, a];
        const clock = replyClock(thread, DEFAULT_SERVICE_STANDARDS, later);
        if (clock.state === 'awaiting' && compareDates(clock.acknowledgeBy, clock.replyBy) > 0) return false;
        const before = breaches(thread, DEFAULT_SERVICE_STANDARDS, earlier).length;
        return breaches(thread, DEFAULT_SERVICE_STANDARDS, later).length >= before;
      }),
      { numRuns: 200 },
    );
  });
});

describe('when the LA changes its standards', () => {
  // Until 1 June 2026: 2 and 5 days; 1-14 June: 3 and 10; from 15 June: 1 and 3.
  const changed: ServiceStandards = {
    acknowledgeWithin: 1,
    replyWithin: 3,
    earlier: [
      { until: '2026-06-15', acknowledgeWithin: 3, replyWithin: 10 },
      { until: '2026-06-01', acknowledgeWithin: 2, replyWithin: 5 },
    ],
  };

  it('uses the standards in force on the day the message was sent', () => {
    expect(standardsOn(changed, '2026-05-29')).toEqual({ acknowledgeWithin: 2, replyWithin: 5 });
    expect(standardsOn(changed, '2026-06-01')).toEqual({ acknowledgeWithin: 3, replyWithin: 10 });
    expect(standardsOn(changed, '2026-06-12')).toEqual({ acknowledgeWithin: 3, replyWithin: 10 });
    expect(standardsOn(changed, '2026-06-15')).toEqual({ acknowledgeWithin: 1, replyWithin: 3 });
    expect(standardsOn(DEFAULT_SERVICE_STANDARDS, '2020-01-01')).toEqual(DEFAULT_SERVICE_STANDARDS);
  });

  it('never moves a date already given to a family', () => {
    // Received Friday 29 May 2026 under 2/5: acknowledge by Tuesday 2 June, reply by Friday 5 June.
    const before = replyClock([family('2026-05-29T09:00:00Z')], changed, at('2026-06-16T09:00:00Z'));
    expect(before).toMatchObject({ receivedOn: '2026-05-29', acknowledgeBy: '2026-06-02', replyBy: '2026-06-05' });
    // Received Monday 15 June under 1/3.
    const after = replyClock([family('2026-06-15T09:00:00Z')], changed, at('2026-06-15T10:00:00Z'));
    expect(after).toMatchObject({ acknowledgeBy: '2026-06-16', replyBy: '2026-06-18' });
    // Sent on Sunday 31 May, when the family was shown its dates, though received on Monday 1 June.
    expect(replyClock([family('2026-05-31T12:00:00Z')], changed, at('2026-06-01T10:00:00Z'))).toMatchObject({ receivedOn: '2026-06-01', replyBy: '2026-06-08' });
    expect(breaches([family('2026-05-29T09:00:00Z'), la('2026-06-04T09:00:00Z', true)], changed, at('2026-06-20T09:00:00Z'))).toEqual([
      { standard: 'acknowledge', startedOn: '2026-05-29', dueBy: '2026-06-02', metOn: '2026-06-04' },
    ]);
  });
});

describe('the overdue cut-offs agree with the reply timer', () => {
  const standards: ServiceStandards = { acknowledgeWithin: 2, replyWithin: 5, earlier: [{ until: '2026-05-11', acknowledgeWithin: 1, replyWithin: 10 }] };
  const overdueByCutoff = (since: Date, acknowledged: boolean, now: Date) =>
    overduePeriods(standards, now).some(
      (p) => (!p.sentFrom || since >= p.sentFrom) && (!p.sentBefore || since < p.sentBefore) && (since < p.replyCutoff || (!acknowledged && since < p.acknowledgeCutoff)),
    );

  it('for any moment the family started waiting, acknowledged or not, across holidays, clock changes and a change of standards', () => {
    const start = at('2026-03-01T00:00:00Z').getTime();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 120 * 24 * 60 }), fc.integer({ min: 0, max: 40 * 24 }), fc.boolean(), (minutes, hoursLater, acknowledged) => {
        const since = new Date(start + minutes * 60_000);
        const now = new Date(since.getTime() + hoursLater * 3_600_000);
        const thread = acknowledged ? [family(since.toISOString()), la(new Date(since.getTime() + 60_000).toISOString())] : [family(since.toISOString())];
        const clock = replyClock(thread, standards, now);
        expect(clock.state).toBe('awaiting');
        expect(overdueByCutoff(since, acknowledged, now)).toBe(clock.state === 'awaiting' && clock.overdue);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('each waiting message and its own reply-by date (issue 15 bug 2)', () => {
  it('an older unanswered message keeps its own date and its own Overdue; a newer one gets its own later date', () => {
    // Wed 20 May and Mon 1 June 2026 (10:00 BST): reply within 5 working days (25 May is a bank holiday).
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-21T09:00:00Z'), family('2026-06-01T09:00:00Z')];
    const waiting = waitingMessages(thread, DEFAULT_SERVICE_STANDARDS, at('2026-06-02T09:00:00Z'));
    expect(waiting[0]).toMatchObject({ receivedOn: '2026-05-20', replyBy: '2026-05-28', acknowledged: true, overdue: true });
    expect(waiting[1]).toBeNull();
    expect(waiting[2]).toMatchObject({ receivedOn: '2026-06-01', replyBy: '2026-06-08', acknowledged: false, overdue: false, dueToday: false });
  });

  it('a substantive reply answers every message before it, not the ones after', () => {
    const thread = [family('2026-05-20T09:00:00Z'), la('2026-05-21T09:00:00Z', true), family('2026-05-22T09:00:00Z')];
    const waiting = waitingMessages(thread, DEFAULT_SERVICE_STANDARDS, at('2026-05-22T12:00:00Z'));
    expect(waiting.map((w) => w?.replyBy ?? null)).toEqual([null, null, '2026-06-01']);
  });

  it('follows the input order whatever order the messages were sent in', () => {
    const waiting = waitingMessages([family('2026-06-01T09:00:00Z'), family('2026-05-20T09:00:00Z')], DEFAULT_SERVICE_STANDARDS, at('2026-05-20T12:00:00Z'));
    expect(waiting.map((w) => w?.receivedOn)).toEqual(['2026-06-01', '2026-05-20']);
  });

  it('agrees with the thread timer on the first waiting message', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ family: fc.boolean(), substantive: fc.boolean(), minutes: fc.integer({ min: 0, max: 60 * 24 * 60 }) }), { maxLength: 8 }), (spec) => {
        const thread: ThreadMessage[] = spec.map((m) => ({ side: m.family ? 'family' : 'la', substantive: m.substantive, sentAt: new Date(Date.UTC(2026, 4, 1) + m.minutes * 60_000) }));
        const now = at('2026-07-15T12:00:00Z');
        const clock = replyClock(thread, DEFAULT_SERVICE_STANDARDS, now);
        const waiting = waitingMessages(thread, DEFAULT_SERVICE_STANDARDS, now)
          .map((w, i) => ({ w, sentAt: thread[i].sentAt.getTime() }))
          .filter((x) => x.w !== null)
          .sort((a, b) => a.sentAt - b.sentAt);
        if (clock.state === 'idle') return waiting.length === 0;
        return waiting.length > 0 && waiting[0].w!.replyBy === clock.replyBy;
      }),
    );
  });
});
