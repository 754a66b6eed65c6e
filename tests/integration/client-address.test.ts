import { desc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '~/db.server';
import { sessions, type User } from '../../db/schema';
import { makeUser, TEST_PASSWORD } from '../support/factories';
import { send, startRealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * The client's address (throttling, the audit log, the sessions list) is decided by the server
 * alone: a header of the internal name sent from outside is replaced, and X-Forwarded-For is
 * believed only from the hops TRUST_PROXY names.
 */
let parent: User;

beforeAll(async () => {
  const { db } = await useTestDatabase();
  parent = await makeUser(db, 'parent');
});

async function signInAndReadAddress(env: Record<string, string>) {
  const server = await startRealServer({ env: { ALLOW_UNSCANNED_UPLOADS: 'true', RUN_JOB_WORKER: 'false', ...env } });
  try {
    const response = await send(`${server.url}/sign-in`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Forwarded-For': '203.0.113.9',
        'X-Ehcp-Client-Address': '198.51.100.7',
      },
      body: new URLSearchParams({ email: parent.email, password: TEST_PASSWORD, returnTo: '/' }).toString(),
    });
    expect(response.status).toBe(302);
  } finally {
    await server.stop();
  }
  const db = await getDb();
  const [latest] = await db.select({ ipAddress: sessions.ipAddress }).from(sessions).where(eq(sessions.userId, parent.id)).orderBy(desc(sessions.createdAt)).limit(1);
  return latest?.ipAddress;
}

describe('the client address', () => {
  it('is the connection’s own address by default: neither X-Forwarded-For nor a forged internal header is believed', async () => {
    const address = await signInAndReadAddress({});
    expect(address).toMatch(/127\.0\.0\.1|::1/);
  });

  it('comes from X-Forwarded-For when TRUST_PROXY names the hop, and still never from the internal header', async () => {
    expect(await signInAndReadAddress({ TRUST_PROXY: '1' })).toBe('203.0.113.9');
  });
});
