import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { startRealServer, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 17, item 5, against the real server: a JSON line per request with its id (echoed to the
 * client), no personal data or link secret in any line, and /metrics for the council's
 * monitoring only with its token.
 */
const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';
const SECRET_LINK = 'k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8o9p0';
let server: RealServer;
let staffCookie: string;
let laCode: string;

beforeAll(async () => {
  const { db } = await useTestDatabase();
  const { la, team } = await makeLa(db);
  laCode = la.code;
  const caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [], caseworkerId: caseworker.id });
  staffCookie = `${SESSION_COOKIE}=${await createSession(caseworker.id)}`;
  server = await startRealServer({ env: { METRICS_TOKEN: TOKEN, RUN_JOB_WORKER: 'false', ALLOW_UNSCANNED_UPLOADS: 'true' } });
});

afterAll(async () => server?.stop());

/** The server's JSON log lines so far (anything else it printed fails the test). */
function logLines(): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`Not a JSON log line: ${line}`);
      }
    });
}

async function settled(requestId: string) {
  for (let i = 0; i < 50 && !logLines().some((l) => l.requestId === requestId); i++) await new Promise((r) => setTimeout(r, 50));
  return logLines().find((l) => l.requestId === requestId && l.event === 'request');
}

describe('logs', () => {
  it("a JSON line per request with its id, method, route, status and time; the id comes back in X-Request-Id", async () => {
    const response = await fetch(`${server.url}/caseload?q=Alfie+Jones`, { headers: { cookie: staffCookie } });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    // Statements are counted for /metrics, but sent in a header only when QUERY_COUNT=1.
    expect(response.headers.get('x-query-count')).toBeNull();
    expect(await settled(id)).toMatchObject({ level: 'info', event: 'request', requestId: id, method: 'GET', route: '/caseload', status: 200, ms: expect.any(Number) });
  });

  it("keeps a proxy's well-formed request id, and replaces one that is not", async () => {
    const kept = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'lb-1234abcd' } });
    expect(kept.headers.get('x-request-id')).toBe('lb-1234abcd');
    const replaced = await fetch(`${server.url}/healthz`, { headers: { 'x-request-id': 'a b"{}' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('writes no search, name or link secret: only the route', async () => {
    const reset = await fetch(`${server.url}/reset-password/${SECRET_LINK}?email=parent%40example.com`);
    const line = await settled(reset.headers.get('x-request-id')!);
    expect(line?.route).toBe('/reset-password/:param');
    const everything = server.output();
    for (const secret of [SECRET_LINK, 'Alfie', 'parent@example.com', 'parent%40example.com']) expect(everything).not.toContain(secret);
  });
});

describe('/metrics', () => {
  it('refuses without the token, and with a wrong one', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN.slice(1)}x` } })).status).toBe(401);
  });

  it('with the token: request latency by route, the outbox, and each council’s deadlines', async () => {
    await fetch(`${server.url}/caseload`, { headers: { cookie: staffCookie } });
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^ehcp_http_request_duration_seconds_count\{method="GET",route="\/caseload",status="2xx"\} [1-9]/m);
    expect(text).toMatch(/^ehcp_email_outbox_unsent \d+$/m);
    expect(text).toMatch(/^ehcp_email_delivery_lag_seconds [\d.]+$/m);
    expect(text).toContain(`ehcp_replies_overdue{la="${laCode}"} 0`);
    expect(text).toContain(`ehcp_replies_due_today{la="${laCode}"} 0`);
    expect(text).toMatch(new RegExp(`^ehcp_statutory_dates_missed\\{la="${laCode}"\\} \\d+$`, 'm'));
  });

  it('is no page at all when no token is configured', async () => {
    const plain = await startRealServer({ env: { RUN_JOB_WORKER: 'false', ALLOW_UNSCANNED_UPLOADS: 'true' } });
    try {
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
    } finally {
      await plain.stop();
    }
  });
});
