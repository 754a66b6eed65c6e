import { eq } from 'drizzle-orm';
import { sessions, users, type User } from '../../db/schema';
import { getDb } from '../db.server';
import { secureCookies } from '../env.server';
import { generateToken, hashToken } from './tokens.server';

/**
 * Sessions after Lucia's guide (docs/decisions/0003-sessions.md): the cookie carries a random
 * token, the database keeps only its SHA-256 hash. A session ends after IDLE_MS without use or
 * ABSOLUTE_MS after sign-in, whichever comes first.
 */
export const IDLE_MS = 60 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
/** Avoids a database write on every request while keeping idle expiry accurate to a minute. */
const TOUCH_AFTER_MS = 60 * 1000;
export const SESSION_COOKIE = 'ehcp_session';

export async function createSession(userId: string, now = new Date()) {
  const token = generateToken();
  const db = await getDb();
  await db.insert(sessions).values({
    id: hashToken(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + ABSOLUTE_MS),
  });
  return token;
}

export async function validateSessionToken(token: string, now = new Date()): Promise<User | null> {
  const db = await getDb();
  const id = hashToken(token);
  const [row] = await db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, id));
  if (!row) return null;
  const { session, user } = row;
  const idleDeadline = session.lastSeenAt.getTime() + IDLE_MS;
  if (now.getTime() >= session.expiresAt.getTime() || now.getTime() >= idleDeadline) {
    await db.delete(sessions).where(eq(sessions.id, id));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }
  return user;
}

export async function invalidateSession(token: string) {
  const db = await getDb();
  await db.delete(sessions).where(eq(sessions.id, hashToken(token)));
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
