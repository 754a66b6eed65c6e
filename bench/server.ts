import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';

/**
 * The benchmark's databases and server: a scratch database of its own on a PostgreSQL server
 * (`bench_large`, `bench_national`), or an embedded PGlite in a temporary directory, and the
 * production build served on it as `npm run serve` serves it, with QUERY_COUNT=1 so every answer
 * says how many SQL statements it ran.
 */
export const LOCAL_POSTGRES = 'postgres://postgres@127.0.0.1:5432/postgres';

export type ScratchDatabase = { kind: 'postgres' | 'pglite'; databaseUrl?: string; pgliteDir?: string; dispose: () => Promise<void> };

/** An empty database called `name` on the server at `serverUrl` (any database URL on it). */
export async function scratchPostgres(serverUrl: string, name: string): Promise<ScratchDatabase> {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    databaseUrl: url.toString(),
    dispose: async () => {
      // BENCH_KEEP=1 keeps the database to look at afterwards.
      if (process.env.BENCH_KEEP !== '1') await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export function scratchPglite(): ScratchDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'ehcp-bench-'));
  return { kind: 'pglite', pgliteDir: dir, dispose: async () => rmSync(dir, { recursive: true, force: true }) };
}

export type BenchServer = { base: string; stop: () => Promise<void> };

export async function startServer(database: ScratchDatabase, port: number): Promise<BenchServer> {
  // A production server outside the demo needs its address and a word on virus scanning (nothing is uploaded here).
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    RUN_JOB_WORKER: 'false',
    SECURE_COOKIES: 'false',
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    ALLOW_UNSCANNED_UPLOADS: 'true',
    QUERY_COUNT: '1',
  };
  delete env.DATABASE_URL;
  delete env.PGLITE_DATA_DIR;
  if (database.databaseUrl) env.DATABASE_URL = database.databaseUrl;
  else env.PGLITE_DATA_DIR = database.pgliteDir;
  // The JSON request log goes nowhere: writing it would be part of what is measured, and it is long.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  const base = `http://localhost:${port}`;
  await waitForReady(`${base}/readyz`, child);
  return { base, stop: () => stopServer(child) };
}

async function waitForReady(url: string, child: ChildProcess) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server stopped (exit ${child.exitCode}) before it was ready`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stopServer(child);
  throw new Error(`Server not ready at ${url}`);
}

async function stopServer(server: ChildProcess) {
  if (server.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once('exit', () => resolve());
    server.kill('SIGTERM');
  });
}

/** A port for the benchmark's server: BENCH_PORT, else one in 3900-3989. */
export function benchPort(): number {
  return process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : 3900 + Math.floor(Math.random() * 90);
}
