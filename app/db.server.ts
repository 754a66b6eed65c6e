import { isFullyMigrated, openDatabase, type Database, type DatabaseHandle } from '../db/client';
import { getEnv } from './env.server';

/**
 * The app's database handle, opened on first use (never at import) from the environment.
 * Kept on globalThis so a development rebuild does not open a second PGlite on the same files.
 */
const globalForDb = globalThis as unknown as { __ehcpDb?: Promise<DatabaseHandle> };

function handle(): Promise<DatabaseHandle> {
  if (!globalForDb.__ehcpDb) {
    const env = getEnv();
    globalForDb.__ehcpDb = openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR });
  }
  return globalForDb.__ehcpDb;
}

export async function getDb(): Promise<Database> {
  return (await handle()).db;
}

/** How the job queue reaches this database (see DatabaseHandle.jobQueue). */
export async function jobQueueConnection(): Promise<DatabaseHandle['jobQueue']> {
  return (await handle()).jobQueue;
}

export async function closeDb() {
  const current = globalForDb.__ehcpDb;
  globalForDb.__ehcpDb = undefined;
  if (current) await (await current).close();
}

/** Readiness: the database answers and every committed migration has been applied. */
export async function databaseIsReady(): Promise<boolean> {
  try {
    return await isFullyMigrated(await getDb());
  } catch {
    return false;
  }
}
