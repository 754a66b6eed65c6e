import { hash } from '@node-rs/argon2';
import { createSession, SESSION_COOKIE } from '../../app/auth/session.server';
import type { Database } from '../../db/client';
import { areaTeams, cases, childParents, children, localAuthorities, users, type CaseStage, type Role, type User } from '../../db/schema';

/**
 * Small builders for integration tests: each makes exactly the rows a test names, with
 * unique values so files and tests never collide.
 */
export const TEST_PASSWORD = 'Test-password-1';
let passwordHash: Promise<string> | undefined;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function makeLa(db: Database, name = 'Test Borough Council') {
  const code = `T${unique()}`.slice(0, 12).toUpperCase();
  const [la] = await db.insert(localAuthorities).values({ name, code, contactEmail: `send-${code}@la.example`, contactPhone: '01632 960999' }).returning();
  const [team] = await db.insert(areaTeams).values({ laId: la.id, name: `Team ${code}` }).returning();
  return { la, team };
}

export async function makeUser(db: Database, role: Role, extra: Partial<typeof users.$inferInsert> = {}): Promise<User> {
  passwordHash ??= hash(TEST_PASSWORD, { memoryCost: 19456, timeCost: 2, parallelism: 1 });
  const [user] = await db
    .insert(users)
    .values({ email: `${role}-${unique()}@test.example`, name: `Test ${role}`, role, passwordHash: await passwordHash, emailVerifiedAt: new Date(), ...extra })
    .returning();
  return user;
}

export async function makeChildWithCase(
  db: Database,
  options: { laId: string; teamId: string; parentIds: string[]; caseworkerId?: string; stage?: CaseStage; requestReceived?: string },
) {
  const [child] = await db
    .insert(children)
    .values({ laId: options.laId, firstName: 'Sam', lastName: `Child${unique()}`, dateOfBirth: '2016-05-04' })
    .returning();
  for (const userId of options.parentIds) await db.insert(childParents).values({ childId: child.id, userId });
  const [record] = await db
    .insert(cases)
    .values({
      reference: `TST-${unique()}`,
      childId: child.id,
      laId: options.laId,
      teamId: options.teamId,
      caseworkerId: options.caseworkerId ?? null,
      stage: options.stage ?? 'request_received',
      requestReceived: options.requestReceived ?? '2026-10-01',
    })
    .returning();
  return { child, caseRecord: record };
}

/** A request as the browser would send it, signed in as `user` (or anonymous). */
export async function requestAs(
  user: User | null,
  path: string,
  init: { method?: string; form?: Record<string, string>; multipart?: FormData; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(init.headers);
  if (user) headers.set('Cookie', [`${SESSION_COOKIE}=${await createSession(user.id)}`, headers.get('Cookie')].filter(Boolean).join('; '));
  let body: string | FormData | undefined;
  if (init.form) {
    headers.set('Content-Type', 'application/x-www-form-urlencoded');
    body = new URLSearchParams(init.form).toString();
  } else if (init.multipart) {
    body = init.multipart;
  }
  return new Request(`http://localhost${path}`, { method: init.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
}

/** Runs a loader/action and returns its Response, whether it was returned or thrown. */
export async function settle(work: () => Promise<unknown>): Promise<Response> {
  try {
    const result = await work();
    if (result instanceof Response) return result;
    return new Response(JSON.stringify(result ?? null), { status: 200 });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
