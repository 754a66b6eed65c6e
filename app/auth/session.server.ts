import { and, eq, ne } from 'drizzle-orm';
import { localAuthorities, sessions, users, type Session, type User } from '../../db/schema';
import { earlierStandardsSql, primeCouncilReads } from '../tenancy/council.server';
import { clientAddress } from '../client-address.server';
import { getDb } from '../db.server';
import { secureCookies } from '../env.server';
import { generateToken, hashToken } from './tokens.server';
import { oncePerRequest } from '../request-scope.server';

/**
 * Sessions after Lucia's guide (docs/decisions/0003-sessions.md): the cookie carries a random
 * token, the database keeps only its SHA-256 hash. A session ends after IDLE_MS without use or
 * ABSOLUTE_MS after sign-in, whichever comes first.
 *
 * A session is created with `mfaPending` when the password was right but the second factor is
 * still to come (ADR 0015): it opens only the two-factor pages (enforced in getOptionalUser,
 * app/auth/access.server.ts), and completing the second factor replaces it with a new session.
 */
export const IDLE_MS = 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Avoids a database write on every request while keeping idle expiry accurate to a minute. */
const TOUCH_AFTER_MS = 60 * 1000;
export const SESSION_COOKIE = 'ehcp_session';

/** Who is asking: the address throttles and the audit log use, and the browser a session is shown with. */
export type Client = { address: string; userAgent: string | null };

export function clientOf(request: Request): Client {
  return { address: clientAddress(request), userAgent: request.headers.get('User-Agent')?.slice(0, 400) ?? null };
}

/** `ipAddress` and `userAgent` are shown on the account's list of active sessions. */
export type SessionDetails = { mfaPending?: boolean; ipAddress?: string | null; userAgent?: string | null };

export async function createSession(userId: string, now = new Date(), details: SessionDetails = {}) {
  const token = generateToken();
  const db = await getDb();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
    mfaPending: details.mfaPending ?? false,
    ipAddress: details.ipAddress ?? null,
    userAgent: details.userAgent ?? null,
  });
  return token;
}

export type ValidSession = { user: User; session: Session };

/**
 * The one place a session token is checked: the session exists and has not expired, and its
 * user has not been deactivated (an LA admin's switch-off ends every session at once, even one
 * its sessions' deletion raced with).
 */
export async function validateSession(token: string, now = new Date()): Promise<ValidSession | null> {
  const db = await getDb();
  const id = hashToken(token);
  // Staff's council (and its service standards) come with the session: every page of theirs shows it.
  const [row] = await db
    .select({ session: sessions, user: users, council: localAuthorities, earlierStandards: earlierStandardsSql(users.laId) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(localAuthorities, eq(localAuthorities.id, users.laId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const { session, user } = row;
  if (row.council) primeCouncilReads(row.council, row.earlierStandards);
  const idleDeadline = session.lastSeenAt.getTime() + IDLE_MS;
  if (user.deactivatedAt || now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleDeadline) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return { user, session };
}

/** The signed-in user of a complete session: null for none, an expired one, or one still waiting for its second factor. */
export async function validateSessionToken(token: string, now = new Date()): Promise<User | null> {
  const valid = await validateSession(token, now);
  return valid && !valid.session.mfaPending ? valid.user : null;
}

const sessionCache = new WeakMap<Request, Promise<(ValidSession & { token: string }) | null>>();

/** The request's session, checked once per request: by its loaders together (app/request-scope.server.ts), or, for a form post, once per loader or action. */
export function readSession(request: Request): Promise<(ValidSession & { token: string }) | null> {
  let pending = sessionCache.get(request);
  if (!pending) {
    const token = readSessionToken(request);
    pending = token ? oncePerRequest(`session:${token}`, () => validateSession(token).then((valid) => (valid ? { ...valid, token } : null))) : Promise.resolve(null);
    sessionCache.set(request, pending);
  }
  return pending;
}

export async function invalidateSession(token: string) {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
}

/**
 * A new session in place of whatever the browser had (rotation): on sign-in, so a token planted
 * before sign-in is never promoted, and on completing the second factor, so the password-only
 * session is never the one that opens the portal.
 */
export async function replaceSession(request: Request, userId: string, now = new Date()) {
  const previous = readSessionToken(request);
  if (previous) await invalidateSession(previous);
  const { address, userAgent } = clientOf(request);
  return createSession(userId, now, { ipAddress: address, userAgent });
}

/** Every other session of the user ends; the one making the request stays. */
export async function invalidateOtherSessions(userId: string, keepToken: string) {
  const db = await getDb();
  await db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, hashToken(keepToken))));
}

/** "Sign out everywhere", and after a password change. */
export async function invalidateAllSessions(userId: string) {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

export function readSessionToken(request: Request): string | null {
  const cookie = request.headers.get('Cookie') ?? '';
  const match = cookie.match(new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([a-z2-7]{32})(?:;|$)`));
  return match ? match[1] : null;
}

function cookieAttributes() {
  return `Path=/; HttpOnly; SameSite=Lax${secureCookies() ? '; Secure' : ''}`;
}

/** The browser drops the cookie when the absolute lifetime ends, even if never told to. */
export function sessionCookie(token: string) {
  return `${SESSION_COOKIE}=${token}; ${cookieAttributes()}; Max-Age=${ABSOLUTE_MS / 1000}`;
}

export function clearedSessionCookie() {
  return `${SESSION_COOKIE}=; ${cookieAttributes()}; Max-Age=0`;
}
