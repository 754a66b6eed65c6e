import { redirect } from '@remix-run/node';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
import { encode } from 'uqr';
import { mfaRecoveryCodes, users, type Role, type User } from '../../db/schema';
import { clientAddress } from '../client-address.server';
import { getDb } from '../db.server';
import { decodeTotpSecret, matchTotp, newTotpSecret, normaliseCode, otpauthUri } from '../domain/totp';
import { recordAudit } from '../audit/audit.server';
import { readSession } from './session.server';
import { clearEvents, firstThrottled, limits, recordEvent, throttleKey } from './throttle.server';
import { generateToken, hashToken } from './tokens.server';

/**
 * The second factor (ADR 0015): a TOTP authenticator app, with ten one-time recovery codes.
 * Staff and professionals must use it; families and advisers may turn it on.
 */
const REQUIRED_FOR: readonly Role[] = ['caseworker', 'manager', 'la_admin', 'professional', 'setting_staff'];
export const RECOVERY_CODE_COUNT = 10;
const ISSUER = 'EHCP portal';

export function secondFactorRequired(user: Pick<User, 'role'>): boolean {
  return REQUIRED_FOR.includes(user.role);
}

/** Whether signing in asks for a second factor: always for the roles that need it, and for anyone who turned it on. */
export function needsSecondFactor(user: Pick<User, 'role' | 'mfaEnabledAt'>): boolean {
  return secondFactorRequired(user) || Boolean(user.mfaEnabledAt);
}

export const SECOND_FACTOR_PATHS = {
  code: '/sign-in/two-factor',
  recovery: '/sign-in/two-factor/recovery',
  setUp: '/sign-in/two-factor/set-up',
} as const;

/**
 * What a session waiting for its second factor may open: the two-factor pages, signing out,
 * starting again at sign-in (which replaces the session), and the language switcher.
 */
const OPEN_WHILE_PENDING = new Set<string>([...Object.values(SECOND_FACTOR_PATHS), '/sign-out', '/sign-in', '/language']);

/** Where a signed-in-by-password user goes next: the code page, or enrolment if they have no app yet. */
export function secondFactorPage(user: Pick<User, 'mfaEnabledAt'>, returnTo?: string): string {
  const path = user.mfaEnabledAt ? SECOND_FACTOR_PATHS.code : SECOND_FACTOR_PATHS.setUp;
  return returnTo && returnTo !== '/' ? `${path}?returnTo=${encodeURIComponent(returnTo)}` : path;
}

/**
 * Called by getOptionalUser for a session still waiting for its second factor: on the pages
 * open to it the visitor counts as signed out; anything else sends them to finish signing in
 * (and back to the page they asked for afterwards, if it was a page).
 */
export function whileSecondFactorPending(request: Request, user: User): null {
  const url = new URL(request.url);
  if (OPEN_WHILE_PENDING.has(url.pathname.replace(/\/$/, '') || '/')) return null;
  const returnTo = request.method === 'GET' && !url.searchParams.has('_data') ? url.pathname + url.search : undefined;
  throw redirect(secondFactorPage(user, returnTo));
}

/**
 * Headers for the two-factor pages: never stored by a browser or proxy, and already expired by
 * the server's clock (for HTTP/1.0 caches). That Expires is also how the browser tests learn
 * the server's time, whose 30-second steps their codes must match (tests/e2e/support/fixtures.ts).
 */
export function twoFactorPageHeaders(now = new Date()) {
  return { 'Cache-Control': 'no-store', Expires: now.toUTCString() };
}

/** The user whose password was right and whose second factor is awaited, or null. */
export async function pendingSignIn(request: Request): Promise<User | null> {
  const found = await readSession(request);
  return found?.session.mfaPending ? found.user : null;
}

// ---- enrolment -----------------------------------------------------------------------------------

export type Enrolment = { secret: string; uri: string; qr: { size: number; path: string } };

/**
 * The key to put in the app, made on first visit and kept until confirmed (so the page can be
 * reloaded, or left and come back to, without scanning again). Null once the user has a factor.
 */
export async function enrolmentFor(user: User): Promise<Enrolment | null> {
  if (user.mfaEnabledAt) return null;
  let secret = user.mfaSecret;
  if (!secret) {
    const db = await getDb();
    const candidate = newTotpSecret();
    // Two tabs opening the page at once keep one key: the first written wins.
    const [stored] = await db
      .update(users)
      .set({ mfaSecret: candidate })
      .where(and(eq(users.id, user.id), isNull(users.mfaSecret)))
      .returning({ secret: users.mfaSecret });
    secret = stored?.secret ?? (await db.select({ secret: users.mfaSecret }).from(users).where(eq(users.id, user.id)))[0]?.secret ?? candidate;
  }
  const uri = otpauthUri(ISSUER, user.email, secret!);
  return { secret: secret!, uri, qr: qrPath(uri) };
}

/** The QR code as one SVG path of 1x1 squares (with a quiet zone of 4), drawn by the page as inline SVG. */
function qrPath(text: string): { size: number; path: string } {
  const { size, data } = encode(text, { ecc: 'M', border: 4 });
  const squares: string[] = [];
  data.forEach((row, y) => row.forEach((dark, x) => dark && squares.push(`M${x} ${y}h1v1h-1z`)));
  return { size, path: squares.join('') };
}

export type CodeOutcome =
  | { kind: 'ok' }
  | { kind: 'wrong' }
  | { kind: 'reused' }
  | { kind: 'throttled'; until: Date };

/** The message for each way a code can be refused. */
export const codeErrorKeys = {
  wrong: 'errors.twoFactor.code.wrong',
  reused: 'errors.twoFactor.code.reused',
  throttled: 'errors.twoFactor.throttled',
} as const satisfies Record<Exclude<CodeOutcome['kind'], 'ok'>, string>;

/**
 * Confirms enrolment with the first code from the app: the factor is on from then, and the
 * recovery codes are made (shown once by the caller, kept hashed).
 */
export async function confirmEnrolment(request: Request, user: User, typed: string, now = new Date()): Promise<CodeOutcome & { recoveryCodes?: string[] }> {
  if (user.mfaEnabledAt || !user.mfaSecret) return { kind: 'wrong' };
  const checked = await checkTotp(request, user, typed, 'mfa_enrol', now);
  if (checked.kind !== 'ok') return checked;
  const db = await getDb();
  const recoveryCodes = await db.transaction(async (tx) => {
    await tx.update(users).set({ mfaEnabledAt: now }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    const codes = newRecoveryCodes();
    await tx.insert(mfaRecoveryCodes).values(codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })));
    await recordAudit({ userId: user.id, action: 'mfa_enrol', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { address: clientAddress(request) } }, tx);
    return codes;
  });
  return { kind: 'ok', recoveryCodes };
}

// ---- signing in ----------------------------------------------------------------------------------

/** A code from the app, for a user who has the factor on. */
export async function verifyTotp(request: Request, user: User, typed: string, now = new Date()): Promise<CodeOutcome> {
  if (!user.mfaEnabledAt || !user.mfaSecret) return { kind: 'wrong' };
  return checkTotp(request, user, typed, 'mfa_verify', now);
}

/**
 * Throttled, replay-proof check of a TOTP code. The step it matched is written only if it is
 * later than the last one used, in one statement: two requests racing with the same code
 * cannot both pass.
 */
async function checkTotp(request: Request, user: User, typed: string, action: 'mfa_enrol' | 'mfa_verify', now: Date): Promise<CodeOutcome> {
  const throttle = throttlesFor(request, user);
  const until = await firstThrottled(throttle, now);
  if (until) return { kind: 'throttled', until };

  const match = matchTotp(decodeTotpSecret(user.mfaSecret!), normaliseCode(typed), now, user.mfaLastStep);
  const db = await getDb();
  let outcome: CodeOutcome = match.kind === 'ok' ? { kind: 'ok' } : { kind: match.kind };
  if (match.kind === 'ok') {
    const [used] = await db
      .update(users)
      .set({ mfaLastStep: match.step })
      .where(and(eq(users.id, user.id), or(isNull(users.mfaLastStep), lt(users.mfaLastStep, match.step))))
      .returning({ id: users.id });
    if (!used) outcome = { kind: 'reused' };
  }
  await afterAttempt(request, user, throttle, outcome.kind === 'ok', outcome.kind === 'wrong', action, now, outcome.kind === 'reused' ? { reason: 'reused' } : {});
  return outcome;
}

/** A recovery code, used once. */
export async function useRecoveryCode(request: Request, user: User, typed: string, now = new Date()): Promise<CodeOutcome> {
  if (!user.mfaEnabledAt) return { kind: 'wrong' };
  const throttle = throttlesFor(request, user);
  const until = await firstThrottled(throttle, now);
  if (until) return { kind: 'throttled', until };
  const db = await getDb();
  const [used] = await db
    .update(mfaRecoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(mfaRecoveryCodes.userId, user.id), eq(mfaRecoveryCodes.codeHash, hashRecoveryCode(typed)), isNull(mfaRecoveryCodes.usedAt)))
    .returning({ id: mfaRecoveryCodes.id });
  await afterAttempt(request, user, throttle, Boolean(used), !used, 'mfa_recovery_code', now, used ? { codesLeft: await recoveryCodesLeft(user.id) } : {});
  return used ? { kind: 'ok' } : { kind: 'wrong' };
}

function throttlesFor(request: Request, user: User) {
  return [
    [limits.secondFactorAccountAddress, throttleKey(user.id, clientAddress(request))],
    [limits.secondFactorAccount, throttleKey(user.id)],
  ] as const;
}

async function afterAttempt(
  request: Request,
  user: User,
  throttle: ReturnType<typeof throttlesFor>,
  succeeded: boolean,
  wasAGuess: boolean,
  action: string,
  now: Date,
  details: Record<string, unknown>,
) {
  // Only wrong codes count towards the limits: a right code already used is not a guess.
  if (wasAGuess) for (const [limit, key] of throttle) await recordEvent(limit, key, now);
  if (succeeded) await clearEvents(throttle[0][0], throttle[0][1]);
  await recordAudit({
    userId: user.id,
    action,
    subjectType: 'user',
    subjectId: user.id,
    outcome: succeeded ? 'allowed' : 'denied',
    details: { address: clientAddress(request), ...details },
  });
}

// ---- recovery codes and settings -----------------------------------------------------------------

/** Ten characters from a 32-letter alphabet (50 bits), shown as two groups of five. */
function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const code = generateToken().slice(0, 10);
    return `${code.slice(0, 5)}-${code.slice(5)}`;
  });
}

function hashRecoveryCode(typed: string): string {
  return hashToken(typed.toLowerCase().replace(/[^a-z2-7]/g, ''));
}

export async function recoveryCodesLeft(userId: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ left: count() })
    .from(mfaRecoveryCodes)
    .where(and(eq(mfaRecoveryCodes.userId, userId), isNull(mfaRecoveryCodes.usedAt)));
  return row?.left ?? 0;
}

/** New recovery codes in place of the old (after a code from the app). */
export async function replaceRecoveryCodes(request: Request, user: User, typed: string, now = new Date()): Promise<CodeOutcome & { recoveryCodes?: string[] }> {
  const checked = await verifyTotp(request, user, typed, now);
  if (checked.kind !== 'ok') return checked;
  const db = await getDb();
  const recoveryCodes = newRecoveryCodes();
  await db.transaction(async (tx) => {
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await tx.insert(mfaRecoveryCodes).values(recoveryCodes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), createdAt: now })));
    await recordAudit({ userId: user.id, action: 'mfa_recovery_codes_replaced', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { address: clientAddress(request) } }, tx);
  });
  return { kind: 'ok', recoveryCodes };
}

/** Families and advisers may turn the factor off again (after a code from the app); staff may not. */
export async function turnOffSecondFactor(request: Request, user: User, typed: string, now = new Date()): Promise<CodeOutcome> {
  if (secondFactorRequired(user)) return { kind: 'wrong' };
  const checked = await verifyTotp(request, user, typed, now);
  if (checked.kind !== 'ok') return checked;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ mfaSecret: null, mfaEnabledAt: null, mfaLastStep: null }).where(eq(users.id, user.id));
    await tx.delete(mfaRecoveryCodes).where(eq(mfaRecoveryCodes.userId, user.id));
    await recordAudit({ userId: user.id, action: 'mfa_disable', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { address: clientAddress(request) } }, tx);
  });
  return { kind: 'ok' };
}
