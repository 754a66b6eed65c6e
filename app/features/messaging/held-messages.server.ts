import { and, eq, gt, lt } from 'drizzle-orm';
import { heldMessages } from '../../../db/schema';
import { generateToken, hashToken } from '~/auth/tokens.server';
import { secureCookies } from '~/env.server';
import { getDb } from '~/db.server';

/**
 * A message typed by someone whose session ran out is not lost: the thread's action keeps it
 * here (for a day) under a random token in a cookie, and the thread offers it back once they
 * have signed in again. It is never sent by itself: they read it and choose Send.
 */
export const HELD_MESSAGE_COOKIE = 'ehcp_held_message';
const KEEP_MS = 24 * 60 * 60 * 1000;
const TOKEN = /^[a-z2-7]{32}$/;

/** Keeps the message; returns the Set-Cookie header that lets this browser have it back. */
export async function holdMessage(caseId: string, body: string, now = new Date()): Promise<string> {
  const token = generateToken();
  const db = await getDb();
  await db.delete(heldMessages).where(lt(heldMessages.createdAt, new Date(now.getTime() - KEEP_MS)));
  await db.insert(heldMessages).values({ tokenHash: hashToken(token), caseId, body, createdAt: now });
  return `${HELD_MESSAGE_COOKIE}=${token}; ${attributes()}; Max-Age=${KEEP_MS / 1000}`;
}

/** The message this browser holds for the case, if any. */
export async function heldMessageFor(request: Request, caseId: string, now = new Date()): Promise<string | null> {
  const token = heldToken(request);
  if (!token) return null;
  const db = await getDb();
  const [row] = await db
    .select({ body: heldMessages.body })
    .from(heldMessages)
    .where(and(eq(heldMessages.tokenHash, hashToken(token)), eq(heldMessages.caseId, caseId), gt(heldMessages.createdAt, new Date(now.getTime() - KEEP_MS))));
  return row?.body ?? null;
}

/** Forgets the held message once it has been sent; returns the Set-Cookie header that clears it. */
export async function releaseHeldMessage(request: Request): Promise<string | null> {
  const token = heldToken(request);
  if (!token) return null;
  const db = await getDb();
  await db.delete(heldMessages).where(eq(heldMessages.tokenHash, hashToken(token)));
  return `${HELD_MESSAGE_COOKIE}=; ${attributes()}; Max-Age=0`;
}

function heldToken(request: Request) {
  const match = (request.headers.get('Cookie') ?? '').match(new RegExp(`(?:^|;\\s*)${HELD_MESSAGE_COOKIE}=([^;]*)`));
  return match && TOKEN.test(match[1]) ? match[1] : null;
}

function attributes() {
  return `Path=/cases; HttpOnly; SameSite=Lax${secureCookies() ? '; Secure' : ''}`;
}
