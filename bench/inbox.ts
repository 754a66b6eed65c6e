import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '../db/client';
import { generateToken, hashToken } from '../app/auth/tokens.server';
import { SESSION_COOKIE } from '../app/auth/session.server';

/**
 * The caseworker inbox under a large LA's load: 200 caseworkers in 4 area teams, 20,000 cases
 * and 200,000 messages (one thread in six waiting for the council), on the production build,
 * beside a bare route on the same server. Uses DATABASE_URL's server when set (a scratch
 * database `ehcp_bench`), otherwise an embedded PGlite in a temporary directory.
 */
export const shape = { teams: 4, caseworkers: 200, cases: 20_000, messagesPerCase: 10 };
const ROUNDS = 40;

export type RouteTiming = { label: string; path: string; p50: number; p95: number; mean: number };
export type InboxReport = { database: 'postgres' | 'pglite'; seedSeconds: number; waitingThreads: number; timings: RouteTiming[] };

export async function benchInbox(): Promise<InboxReport> {
  const { databaseUrl, pgliteDir, dispose } = await scratchDatabase();
  const started = Date.now();
  const handle = await openDatabase({ databaseUrl, pgliteDataDir: pgliteDir ?? 'unused', maxConnections: 2 });
  let tokens: { caseworker: string; manager: string };
  let waitingThreads: number;
  try {
    await handle.migrate();
    ({ tokens, waitingThreads } = await seed(handle.db));
  } finally {
    await handle.close();
  }
  const seedSeconds = (Date.now() - started) / 1000;

  const port = 3900 + Math.floor(Math.random() * 90);
  const server = startServer(port, databaseUrl, pgliteDir);
  try {
    await waitForReady(`http://localhost:${port}/readyz`);
    const base = `http://localhost:${port}`;
    const routes = [
      { label: 'bare route (/healthz, no database)', path: '/healthz', token: null },
      { label: 'static page (/accessibility)', path: '/accessibility', token: tokens.caseworker },
      { label: 'inbox: a caseworker’s own cases', path: '/inbox', token: tokens.caseworker },
      { label: 'inbox: the caseworker’s area team', path: '/inbox?view=team', token: tokens.caseworker },
      { label: 'inbox: a manager, the whole LA', path: '/inbox', token: tokens.manager },
      { label: 'timeliness report: a manager, the whole LA', path: '/reports/timeliness', token: tokens.manager },
    ];
    const timings: RouteTiming[] = [];
    for (const route of routes) timings.push(await time(base, route));
    return { database: databaseUrl ? 'postgres' : 'pglite', seedSeconds, waitingThreads, timings };
  } finally {
    await stopServer(server);
    await dispose();
  }
}

async function scratchDatabase(): Promise<{ databaseUrl?: string; pgliteDir?: string; dispose: () => Promise<void> }> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'ehcp-bench-'));
    return { pgliteDir: dir, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = 'ehcp_bench';
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    databaseUrl: url.toString(),
    dispose: async () => {
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

type Db = Awaited<ReturnType<typeof openDatabase>>['db'];

/** Set-based inserts: the whole LA in a few statements. */
async function seed(db: Db) {
  const { teams, caseworkers, cases, messagesPerCase } = shape;
  await db.execute(sql`
    INSERT INTO local_authorities (name, code, contact_email, contact_phone) VALUES ('Bench Borough Council', 'BBC', 'send@bench.example', '01632 960001')`);
  await db.execute(sql`
    INSERT INTO area_teams (la_id, name) SELECT la.id, 'Team ' || t FROM local_authorities la, generate_series(1, ${teams}) t`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, la_id, team_id, email_verified_at)
    SELECT 'cw' || n || '@bench.example', 'Caseworker ' || n, 'caseworker', la.id,
           (SELECT id FROM area_teams ORDER BY name OFFSET (n % ${teams}) LIMIT 1), now()
    FROM local_authorities la, generate_series(1, ${caseworkers}) n`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, la_id, email_verified_at)
    SELECT 'manager@bench.example', 'Manager', 'manager', la.id, now() FROM local_authorities la`);
  await db.execute(sql`
    INSERT INTO users (email, name, role, email_verified_at)
    SELECT 'parent' || n || '@bench.example', 'Parent ' || n, 'parent', now() FROM generate_series(1, ${cases}) n`);
  await db.execute(sql`
    INSERT INTO children (la_id, first_name, last_name, date_of_birth)
    SELECT la.id, 'Child', 'Number ' || n, DATE '2015-01-01' + (n % 3000) FROM local_authorities la, generate_series(1, ${cases}) n`);
  await db.execute(sql`
    WITH numbered_children AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM children),
         numbered_parents AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE role = 'parent')
    INSERT INTO child_parents (child_id, user_id) SELECT c.id, p.id FROM numbered_children c JOIN numbered_parents p USING (n)`);
  await db.execute(sql`
    WITH numbered_children AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM children),
         numbered_caseworkers AS (SELECT id, team_id, row_number() OVER (ORDER BY id) - 1 AS k FROM users WHERE role = 'caseworker')
    INSERT INTO cases (reference, child_id, la_id, team_id, caseworker_id, stage, request_received)
    SELECT 'BBC-2026-' || lpad(c.n::text, 5, '0'), c.id, la.id, w.team_id, w.id, 'advice_gathering', CURRENT_DATE - (c.n % 140)::int
    FROM numbered_children c
    JOIN numbered_caseworkers w ON w.k = c.n % ${caseworkers}
    CROSS JOIN local_authorities la`);
  // Ten messages a thread, alternating family and council over the last 60 days; in one thread
  // in six the family wrote last, so it waits for the council.
  await db.execute(sql`
    WITH numbered_cases AS (SELECT cs.id, cs.caseworker_id, cp.user_id AS parent_id, row_number() OVER (ORDER BY cs.id) AS n
                            FROM cases cs JOIN child_parents cp ON cp.child_id = cs.child_id)
    INSERT INTO messages (case_id, sender_id, side, body, substantive, form_key, created_at)
    SELECT c.id,
           CASE WHEN (m + (c.n % 6 = 0)::int) % 2 = 1 THEN c.parent_id ELSE c.caseworker_id END,
           CASE WHEN (m + (c.n % 6 = 0)::int) % 2 = 1 THEN 'family' ELSE 'la' END,
           'Message ' || m || ' about case ' || c.n,
           (m + (c.n % 6 = 0)::int) % 2 = 0,
           gen_random_uuid()::text,
           now() - ((${messagesPerCase} - m) * interval '6 days') - (c.n % 1000) * interval '1 minute'
    FROM numbered_cases c, generate_series(1, ${messagesPerCase}) m`);
  await db.execute(sql`
    UPDATE cases SET awaiting_reply_since = w.since FROM (
      SELECT m.case_id, min(m.created_at) AS since FROM messages m
      WHERE m.side = 'family' AND m.created_at > coalesce(
        (SELECT max(r.created_at) FROM messages r WHERE r.case_id = m.case_id AND r.side = 'la' AND r.substantive), '-infinity')
      GROUP BY m.case_id) w
    WHERE cases.id = w.case_id`);
  // Every case has its decision to assess on record (day 30 after the request), for the
  // timeliness report, which runs each case's statutory clock.
  await db.execute(sql`
    INSERT INTO case_events (case_id, kind, actor_id, occurred_at, details)
    SELECT id, 'assessment_agreed', caseworker_id, request_received + 30,
           jsonb_build_object('outcome', 'agreed', 'decidedOn', to_char(request_received + 30, 'YYYY-MM-DD'))
    FROM cases WHERE request_received + 30 <= CURRENT_DATE`);
  await db.execute(sql`ANALYZE`);

  const [caseworker] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE email = 'cw1@bench.example'`));
  const [manager] = rowsOf<{ id: string }>(await db.execute(sql`SELECT id FROM users WHERE email = 'manager@bench.example'`));
  const tokens = { caseworker: generateToken(), manager: generateToken() };
  for (const [token, userId] of [
    [tokens.caseworker, caseworker.id],
    [tokens.manager, manager.id],
  ]) {
    await db.execute(sql`INSERT INTO sessions (id, user_id, expires_at) VALUES (${hashToken(token)}, ${userId}, now() + interval '12 hours')`);
  }
  const [{ waiting }] = rowsOf<{ waiting: number }>(await db.execute(sql`SELECT count(*)::int AS waiting FROM cases WHERE awaiting_reply_since IS NOT NULL`));
  return { tokens, waitingThreads: waiting };
}

/** postgres.js returns the rows; PGlite a result holding them. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

function startServer(port: number, databaseUrl: string | undefined, pgliteDir: string | undefined): ChildProcess {
  // A production server outside the demo needs its address and a word on virus scanning (nothing is uploaded here).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    RUN_JOB_WORKER: 'false',
    SECURE_COOKIES: 'false',
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    ALLOW_UNSCANNED_UPLOADS: 'true',
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else env.PGLITE_DATA_DIR = pgliteDir;
  return spawn('node_modules/.bin/tsx', ['server/index.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
}

async function waitForReady(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Server not ready at ${url}`);
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

async function time(base: string, route: { label: string; path: string; token: string | null }): Promise<RouteTiming> {
  const headers: Record<string, string> = route.token ? { Cookie: `${SESSION_COOKIE}=${route.token}` } : {};
  const once = async () => {
    const started = performance.now();
    const response = await fetch(base + route.path, { headers, redirect: 'manual' });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${route.path}: HTTP ${response.status}`);
    return performance.now() - started;
  };
  for (let i = 0; i < 5; i++) await once();
  const samples: number[] = [];
  for (let i = 0; i < ROUNDS; i++) samples.push(await once());
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  return { label: route.label, path: route.path, p50: at(0.5), p95: at(0.95), mean: samples.reduce((a, b) => a + b, 0) / samples.length };
}
