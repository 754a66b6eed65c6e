import { cpSync, rmSync } from 'node:fs';
import { inject } from 'vitest';
import { closeDb, getDb } from '../../app/db.server';
import { resetEnvCache } from '../../app/env.server';
import type { Database } from '../../db/client';
import { databaseUrlFor, perFileDatabasePrefix, scratchDir, withAdmin } from './global-setup';
import { afterFile } from './per-file-cleanup';

/**
 * A fresh, migrated database per test file, on the driver the environment chose
 * (`DATABASE_URL` set: the PostgreSQL server; unset: embedded PGlite).
 *
 *   import { useTestDatabase } from '../support/test-database';
 *   let db: Database;
 *   beforeAll(async () => {
 *     ({ db } = await useTestDatabase());
 *   });
 *
 * The app's own `getDb()` opens the same database. Clean-up (close, drop/remove) runs by itself
 * after the file's own `afterAll` hooks (tests/support/per-file-cleanup.ts).
 *
 * Global setup (tests/support/global-setup.ts) migrates a template once per run; each file gets
 * a copy: `CREATE DATABASE ... TEMPLATE` on the server, a copied data directory for PGlite.
 */

export interface TestDatabase {
  kind: 'postgres' | 'pglite';
  /** The database name (server) or data directory (PGlite). */
  location: string;
  db: Database;
}

let current: { location: string; dispose: () => Promise<void> } | undefined;

export async function useTestDatabase(): Promise<TestDatabase> {
  if (current) throw new Error('useTestDatabase() was called twice in one test file.');
  const template = inject('testDatabaseTemplate');
  const previousEnv = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };
  const restoreEnv = () => {
    for (const [key, value] of Object.entries(previousEnv)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
    resetEnvCache();
  };
  await closeDb();

  if (template.kind === 'postgres') {
    const name = `${perFileDatabasePrefix}${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    await withAdmin(template.adminUrl, (sql) => createFromTemplate(sql, name, template.templateName));
    process.env.DATABASE_URL = databaseUrlFor(template.adminUrl, name);
    delete process.env.PGLITE_DATA_DIR;
    current = {
      location: name,
      dispose: async () => {
        await closeDb();
        restoreEnv();
        await withAdmin(template.adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
      },
    };
  } else {
    const dir = scratchDir('ehcp-test-db-');
    cpSync(template.templateDir, dir, { recursive: true });
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = dir;
    current = {
      location: dir,
      dispose: async () => {
        await closeDb();
        restoreEnv();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }

  resetEnvCache();
  afterFile(disposeTestDatabase);
  return { kind: template.kind, location: current.location, db: await getDb() };
}

/** Closes the app's handle, drops/removes this file's database and restores the environment. */
async function disposeTestDatabase() {
  const done = current;
  current = undefined;
  if (done) await done.dispose();
}

type Sql = import('postgres').Sql;

/**
 * `CREATE DATABASE ... TEMPLATE` fails with "source database is being accessed by other users"
 * (55006) while anything is connected to the template, e.g. a straggling connection from global
 * setup or autovacuum: retry briefly.
 */
async function createFromTemplate(sql: Sql, name: string, templateName: string) {
  for (let attempt = 1; ; attempt++) {
    try {
      await sql.unsafe(`CREATE DATABASE "${name}" TEMPLATE "${templateName}"`);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006' || attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
    }
  }
}
