import { and, count, eq, gt, lt, max } from 'drizzle-orm';
import { rateLimitEvents } from '../../db/schema';
import { getDb } from '../db.server';
import { hashToken } from './tokens.server';

/**
 * Throttling (ADR 0016). Each limit counts events (failed sign-ins, emails asked for) per key
 * over a window: `free` are allowed, then each further attempt must wait for a delay that
 * doubles from `baseDelayMs` up to `maxDelayMs` after the latest event. Attempts refused while
 * waiting are not recorded, so hammering does not push the wait further out.
 *
 * Keys name an account (the email typed, known or not, so a limit never says whether an account
 * exists), an address, or both. They are stored as SHA-256 hashes: the table holds no email
 * addresses or IP addresses, only what is needed to count.
 */
export type Limit = { bucket: string; free: number; windowMs: number; baseDelayMs: number; maxDelayMs: number };

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const limits = {
  /**
   * Failed sign-ins for one account from one address. This, not a limit on the account alone,
   * is what stops guessing: a stranger's failures from their address never lock the owner out
   * from theirs.
   */
  signInAccountAddress: { bucket: 'sign_in:account+address', free: 5, windowMs: DAY, baseDelayMs: MINUTE, maxDelayMs: HOUR },
  /** Failed sign-ins from one address across every account (password spraying). High: many staff can share an office's address. */
  signInAddress: { bucket: 'sign_in:address', free: 30, windowMs: HOUR, baseDelayMs: 30 * 1000, maxDelayMs: 15 * MINUTE },
  /** Wrong second-factor or recovery codes for one account from one address. */
  secondFactorAccountAddress: { bucket: 'mfa:account+address', free: 5, windowMs: DAY, baseDelayMs: MINUTE, maxDelayMs: HOUR },
  /**
   * Wrong codes for one account from anywhere. Only someone who already has the password gets
   * this far, so a limit on the account alone cannot be used by a stranger against its owner.
   */
  secondFactorAccount: { bucket: 'mfa:account', free: 20, windowMs: DAY, baseDelayMs: MINUTE, maxDelayMs: HOUR },
  /** Registrations, password-reset requests and verification emails asked for from one address. */
  accountEmailsAddress: { bucket: 'account_emails:address', free: 10, windowMs: HOUR, baseDelayMs: 5 * MINUTE, maxDelayMs: HOUR },
  /**
   * Emails of one kind sent to one address (registration, reset, verification): keeps an inbox
   * from being flooded. Over it the page says the same and nothing is sent; the links already
   * sent still work, so the owner is never left without one.
   */
  emailsToRecipient: { bucket: 'account_emails:recipient', free: 3, windowMs: HOUR, baseDelayMs: 10 * MINUTE, maxDelayMs: HOUR },
} as const satisfies Record<string, Limit>;

/** Rows older than the longest window count for nothing: the nightly prune removes them. */
export const LONGEST_WINDOW_MS = Math.max(...Object.values(limits).map((limit) => limit.windowMs));

/** A key from its parts, hashed (see above). */
export function throttleKey(...parts: string[]): string {
  return hashToken(parts.map((part) => part.trim().toLowerCase()).join('\n'));
}

/** When the next attempt may be made, given the events in the window: null means now. */
export function nextAttemptAt(limit: Limit, events: number, latest: Date | null): Date | null {
  if (events < limit.free || !latest) return null;
  const delay = Math.min(limit.baseDelayMs * 2 ** (events - limit.free), limit.maxDelayMs);
  return new Date(latest.getTime() + delay);
}

/** Null if an attempt may be made now, else when it may. */
export async function throttledUntil(limit: Limit, key: string, now = new Date()): Promise<Date | null> {
  const db = await getDb();
  const [row] = await db
    .select({ events: count(), latest: max(rateLimitEvents.at) })
    .from(rateLimitEvents)
    .where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key), gt(rateLimitEvents.at, new Date(now.getTime() - limit.windowMs))));
  const until = nextAttemptAt(limit, row?.events ?? 0, row?.latest ? new Date(row.latest) : null);
  return until && until > now ? until : null;
}

/** The first limit (of several checked together) that refuses an attempt now, with when it may be tried again. */
export async function firstThrottled(checks: readonly (readonly [Limit, string])[], now = new Date()): Promise<Date | null> {
  const waits = await Promise.all(checks.map(([limit, key]) => throttledUntil(limit, key, now)));
  const refusing = waits.filter((wait): wait is Date => wait !== null);
  return refusing.length ? new Date(Math.max(...refusing.map((wait) => wait.getTime()))) : null;
}

export async function recordEvent(limit: Limit, key: string, now = new Date()) {
  const db = await getDb();
  await db.insert(rateLimitEvents).values({ bucket: limit.bucket, key, at: now });
}

/** After a success: its own account-and-address failures are forgotten (never the address's own count). */
export async function clearEvents(limit: Limit, key: string) {
  const db = await getDb();
  await db.delete(rateLimitEvents).where(and(eq(rateLimitEvents.bucket, limit.bucket), eq(rateLimitEvents.key, key)));
}

/** Nightly (app/jobs/worker.server.ts): deletes events older than every window. */
export async function pruneRateLimitEvents(now = new Date()): Promise<number> {
  const db = await getDb();
  const removed = await db
    .delete(rateLimitEvents)
    .where(lt(rateLimitEvents.at, new Date(now.getTime() - LONGEST_WINDOW_MS)))
    .returning({ id: rateLimitEvents.id });
  return removed.length;
}
