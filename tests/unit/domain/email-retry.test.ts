import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { afterFailedEmailAttempt, EMAIL_RETRY_POLICY } from '~/domain/email-retry';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const queuedAt = new Date('2027-03-01T09:00:00Z');
const at = (ms: number) => new Date(queuedAt.getTime() + ms);

/** Replays an outage lasting for ever: every attempt fails at the moment it is made. */
function attemptsUntilGivenUp() {
  const attempts: Date[] = [queuedAt];
  for (let failed = 1; failed < 10_000; failed++) {
    const next = afterFailedEmailAttempt(queuedAt, failed, attempts[attempts.length - 1]);
    if ('giveUp' in next) return attempts;
    attempts.push(next.retryAt);
  }
  throw new Error('never gave up');
}

describe('retrying a failed email', () => {
  it('waits 30 s after the first failure, then doubles the wait', () => {
    expect(afterFailedEmailAttempt(queuedAt, 1, queuedAt)).toEqual({ retryAt: at(30 * SECOND) });
    expect(afterFailedEmailAttempt(queuedAt, 2, at(30 * SECOND))).toEqual({ retryAt: at(90 * SECOND) });
    expect(afterFailedEmailAttempt(queuedAt, 3, at(90 * SECOND))).toEqual({ retryAt: at(210 * SECOND) });
  });

  it('never waits more than an hour between attempts', () => {
    expect(afterFailedEmailAttempt(queuedAt, 7, at(HOUR))).toEqual({ retryAt: at(HOUR + 32 * MINUTE) });
    expect(afterFailedEmailAttempt(queuedAt, 8, at(HOUR))).toEqual({ retryAt: at(2 * HOUR) });
    expect(afterFailedEmailAttempt(queuedAt, 9, at(2 * HOUR))).toEqual({ retryAt: at(3 * HOUR) });
    expect(afterFailedEmailAttempt(queuedAt, 500, at(10 * HOUR))).toEqual({ retryAt: at(11 * HOUR) });
  });

  it('makes its last attempt exactly 72 hours after the email was queued, and gives up only once that fails', () => {
    expect(afterFailedEmailAttempt(queuedAt, 80, at(71.5 * HOUR))).toEqual({ retryAt: at(72 * HOUR) });
    expect(afterFailedEmailAttempt(queuedAt, 81, at(72 * HOUR))).toEqual({ giveUp: true });
    expect(afterFailedEmailAttempt(queuedAt, 81, at(72 * HOUR - 1))).toEqual({ retryAt: at(72 * HOUR) });
  });

  it('an outage that never ends: about 80 attempts, the last at 72 hours, none later', () => {
    const attempts = attemptsUntilGivenUp();
    expect(attempts[attempts.length - 1]).toEqual(at(72 * HOUR));
    expect(attempts.length).toBeGreaterThan(70);
    expect(attempts.length).toBeLessThan(90);
  });

  it('properties: the next attempt is later than the failure, at most an hour later, never after 72 hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 80 * HOUR }), (failed, sinceQueued) => {
        const next = afterFailedEmailAttempt(queuedAt, failed, at(sinceQueued));
        if (sinceQueued >= EMAIL_RETRY_POLICY.giveUpAfterMs) return 'giveUp' in next;
        if (!('retryAt' in next)) return false;
        const wait = next.retryAt.getTime() - at(sinceQueued).getTime();
        return wait > 0 && wait <= EMAIL_RETRY_POLICY.maxDelayMs && next.retryAt.getTime() <= at(72 * HOUR).getTime();
      }),
    );
  });

  it('a policy for tests: seconds instead of minutes', () => {
    const fast = { firstDelayMs: 200, maxDelayMs: 1000, giveUpAfterMs: 5000 };
    expect(afterFailedEmailAttempt(queuedAt, 1, queuedAt, fast)).toEqual({ retryAt: at(200) });
    expect(afterFailedEmailAttempt(queuedAt, 6, at(3000), fast)).toEqual({ retryAt: at(4000) });
    expect(afterFailedEmailAttempt(queuedAt, 9, at(5000), fast)).toEqual({ giveUp: true });
  });
});
