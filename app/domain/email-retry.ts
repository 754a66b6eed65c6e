/**
 * When a failed email is tried again (ADR 0044): the wait doubles from `firstDelayMs` after each
 * failed attempt, never longer than `maxDelayMs`, and the outbox keeps trying until
 * `giveUpAfterMs` after the email was queued. An attempt is always made at that moment itself,
 * so an email is given up only once an attempt at or after 72 hours has failed.
 */
export interface EmailRetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
  giveUpAfterMs: number;
}

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export const EMAIL_RETRY_POLICY: EmailRetryPolicy = { firstDelayMs: 30 * 1000, maxDelayMs: HOUR, giveUpAfterMs: 72 * HOUR };

export type AfterFailedAttempt = { retryAt: Date } | { giveUp: true };

/**
 * `failedAttempts`: how many attempts have failed, this one included (1 after the first).
 * `failedAt`: when this attempt failed.
 */
export function afterFailedEmailAttempt(queuedAt: Date, failedAttempts: number, failedAt: Date, policy: EmailRetryPolicy = EMAIL_RETRY_POLICY): AfterFailedAttempt {
  const lastChance = queuedAt.getTime() + policy.giveUpAfterMs;
  if (failedAt.getTime() >= lastChance) return { giveUp: true };
  // 2 ** 40 is already far past any cap; the exponent is bounded so the number stays finite.
  const delay = Math.min(policy.firstDelayMs * 2 ** Math.min(Math.max(failedAttempts - 1, 0), 40), policy.maxDelayMs);
  return { retryAt: new Date(Math.min(failedAt.getTime() + delay, lastChance)) };
}
