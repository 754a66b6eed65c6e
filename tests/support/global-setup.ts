import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../db/client';

/**
 * Vitest global setup: migrates one template database per run, on the driver the environment
 * chose, and hands its whereabouts to the test files (`inject('testDatabaseTemplate')`, read by
 * `useTestDatabase()` in tests/support/test-database.ts).
 *
 * - `DATABASE_URL` set: database `ehcp_test_template` on that server (dropped first if a
 *   previous run left it), which each file copies with `CREATE DATABASE ... TEMPLATE`.
 * - unset: a PGlite data directory in the temp dir, which each file copies.
 */

export type TestDatabaseTemplate =
  | { kind: 'postgres'; adminUrl: string; templateName: string }
  | { kind: 'pglite'; templateDir: string };

declare module 'vitest' {
  export interface ProvidedContext {
    testDatabaseTemplate: TestDatabaseTemplate;
  }
}

/** Per-file databases are `ehcp_test_<pid>_<random>`, so a crashed run's leftovers can be found. */
export const perFileDatabasePrefix = 'ehcp_test_';
// Named for this run's process too: two checkouts testing on one server at once keep apart,
// and a crashed run's template is dropped with its other leftovers.
export const postgresTemplateName = `${perFileDatabasePrefix}${process.pid}_template`;

export default async function setup(project: TestProject) {
  const started = Date.now();
  const adminUrl = process.env.DATABASE_URL;

  if (adminUrl) {
    await withAdmin(adminUrl, async (sql) => {
      await dropLeftoversOfDeadRuns(sql, adminUrl);
      await sql.unsafe(`DROP DATABASE IF EXISTS "${postgresTemplateName}" WITH (FORCE)`);
      await sql.unsafe(`CREATE DATABASE "${postgresTemplateName}"`);
    });
    // Migrate, then close: a template with an open connection cannot be copied.
    const template = await openDatabase({
      databaseUrl: databaseUrlFor(adminUrl, postgresTemplateName),
      pgliteDataDir: 'unused',
      maxConnections: 1,
    });
    try {
      await template.migrate();
    } finally {
      await template.close();
    }
    project.provide('testDatabaseTemplate', { kind: 'postgres', adminUrl, templateName: postgresTemplateName });
    log(`PostgreSQL template ${postgresTemplateName} migrated in ${Date.now() - started} ms`);

    return async () => {
      await withAdmin(adminUrl, (sql) =>
        sql.unsafe(`DROP DATABASE IF EXISTS "${postgresTemplateName}" WITH (FORCE)`),
      );
    };
  }

  const templateDir = scratchDir('ehcp-test-template-');
  const template = await openDatabase({ pgliteDataDir: templateDir });
  try {
    await template.migrate();
  } finally {
    await template.close();
  }
  project.provide('testDatabaseTemplate', { kind: 'pglite', templateDir });
  log(`PGlite template migrated in ${Date.now() - started} ms`);

  return () => rmSync(templateDir, { recursive: true, force: true });
}

/**
 * A new temp directory, in memory (/dev/shm) where there is one: each file copies ~40 MB of
 * PGlite data, about 0.1 s in memory against ~1 s on a busy disk.
 */
export function scratchDir(prefix: string) {
  try {
    return mkdtempSync(join('/dev/shm', prefix));
  } catch {
    return mkdtempSync(join(tmpdir(), prefix));
  }
}

function log(message: string) {
  console.log(`[test database] ${message}`);
}

type Sql = import('postgres').Sql;

export async function withAdmin<T>(adminUrl: string, work: (sql: Sql) => Promise<T>): Promise<T> {
  const { default: postgres } = await import('postgres');
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await work(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export function databaseUrlFor(serverUrl: string, databaseName: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
}

/**
 * A run stopped with Ctrl-C never reaches its `afterAll`: drop per-file databases whose process
 * no longer exists. Only when the server is on this machine, where those pids mean something.
 */
async function dropLeftoversOfDeadRuns(sql: Sql, adminUrl: string) {
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(adminUrl).hostname)) return;
  const rows = await sql<{ datname: string }[]>`
    select datname from pg_database where datname like ${`${perFileDatabasePrefix}%`}`;
  for (const { datname } of rows) {
    const pid = Number(/^ehcp_test_(\d+)_/.exec(datname)?.[1]);
    if (pid && !processIsAlive(pid)) await sql.unsafe(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  }
}

function processIsAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
