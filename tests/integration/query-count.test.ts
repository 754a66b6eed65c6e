import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { openDatabase, type Database } from '../../db/client';
import { countQueries, currentQueryCounter } from '../../db/query-count';
import { localAuthorities } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { startRealServer, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 17, items 1 and 2: every SQL statement a request runs is counted, on both drivers, per
 * request (concurrent requests keep their own counts), and the real server sends the count in
 * X-Query-Count when QUERY_COUNT=1, and by route in /metrics.
 */
const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
let db: Database;
let kind: 'postgres' | 'pglite';
let server: RealServer;
let staffCookie: string;
let caseId: string;

beforeAll(async () => {
  ({ db, kind } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [], caseworkerId: caseworker.id });
  caseId = caseRecord.id;
  staffCookie = `${SESSION_COOKIE}=${await createSession(caseworker.id)}`;
});

afterAll(async () => server?.stop());

/** Three statements: a select, raw SQL, and one inside a transaction (BEGIN/COMMIT are not drizzle's). */
async function threeStatements(on: Database) {
  await on.select({ id: localAuthorities.id }).from(localAuthorities).limit(1);
  await on.execute(sql`SELECT 1`);
  await on.transaction(async (tx) => {
    await tx.execute(sql`SELECT 2`);
  });
}

describe('counting statements', () => {
  it(`counts each statement on the test database's driver`, async () => {
    const counted = await countQueries(async (counter) => {
      await threeStatements(db);
      return counter.queries;
    });
    expect(counted).toBe(3);
    expect(kind).toMatch(/postgres|pglite/);
  });

  it('counts nothing outside a counted request, and fails nothing', async () => {
    expect(currentQueryCounter()).toBeUndefined();
    await threeStatements(db);
    expect(currentQueryCounter()).toBeUndefined();
  });

  it('keeps concurrent requests apart', async () => {
    const [one, two] = await Promise.all([
      countQueries(async (counter) => {
        await threeStatements(db);
        return counter.queries;
      }),
      countQueries(async (counter) => {
        await db.execute(sql`SELECT pg_sleep(0.01)`);
        await threeStatements(db);
        await threeStatements(db);
        return counter.queries;
      }),
    ]);
    expect([one, two]).toEqual([3, 7]);
  });

  it('counts on the embedded database too (PGlite)', async () => {
    const embedded = await openDatabase({ pgliteDataDir: 'memory://' });
    try {
      // Only the one table the statements read (the migrations take long on a fresh PGlite).
      await embedded.db.execute(sql`CREATE TABLE local_authorities (id uuid)`);
      const counted = await countQueries(async (counter) => {
        await threeStatements(embedded.db);
        return counter.queries;
      });
      expect(counted).toBe(3);
    } finally {
      await embedded.close();
    }
  }, 60_000);
});

describe('the real server', () => {
  beforeAll(async () => {
    server = await startRealServer({ env: { QUERY_COUNT: '1', METRICS_TOKEN: TOKEN, RUN_JOB_WORKER: 'false', ALLOW_UNSCANNED_UPLOADS: 'true' } });
  });

  it('sends X-Query-Count with QUERY_COUNT=1: the statements of that request alone', async () => {
    const caseload = await fetch(`${server.url}/caseload`, { headers: { cookie: staffCookie } });
    expect(caseload.status).toBe(200);
    const first = Number(caseload.headers.get('x-query-count'));
    expect(first).toBeGreaterThanOrEqual(2);
    // The same page again runs the same statements: nothing carries over from the last request.
    const again = await fetch(`${server.url}/caseload`, { headers: { cookie: staffCookie } });
    expect(Number(again.headers.get('x-query-count'))).toBe(first);
    const casePage = await fetch(`${server.url}/cases/${caseId}`, { headers: { cookie: staffCookie } });
    expect(casePage.status).toBe(200);
    expect(Number(casePage.headers.get('x-query-count'))).toBeGreaterThanOrEqual(2);
    const health = await fetch(`${server.url}/healthz`);
    expect(health.headers.get('x-query-count')).toBe('0');
  });

  it('reports statements per request by route in /metrics', async () => {
    await fetch(`${server.url}/caseload`, { headers: { cookie: staffCookie } });
    const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).text();
    expect(text).toMatch(/^ehcp_db_queries_per_request_count\{method="GET",route="\/caseload"\} [1-9]/m);
    expect(text).toMatch(/^ehcp_db_queries_per_request_sum\{method="GET",route="\/caseload"\} [1-9]/m);
  });
});
