import { mkdirSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { pgSchema, serial, text, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import journal from '../migrations/meta/_journal.json';
import { queryCountingLogger } from './query-count';
import * as schema from './schema';

/**
 * The one place that chooses the database driver: a PostgreSQL server through postgres.js when
 * a connection string is given, otherwise an in-process PGlite persisted in a directory.
 * Both speak the same SQL and run the same migrations.
 */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

/** The rows of a raw `execute`: postgres.js returns them, PGlite a result holding them. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'pglite';
  /** Runs the committed migrations in ./migrations. */
  migrate(migrationsFolder?: string): Promise<void>;
  /**
   * How the job queue (pg-boss) reaches the same database: its own small pool on a server, or
   * the one in-process PGlite through pg-boss's `db.executeSql` hook (ADR 0011).
   */
  jobQueue: { connectionString: string } | { db: { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> } };
  close(): Promise<void>;
}

export interface DatabaseOptions {
  databaseUrl?: string;
  pgliteDataDir: string;
  /** Connection pool size for a PostgreSQL server. */
  maxConnections?: number;
}

const defaultMigrationsFolder = new URL('../migrations', import.meta.url).pathname;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const { default: postgres } = await import('postgres');
    const { drizzle } = await import('drizzle-orm/postgres-js');
    const { migrate } = await import('drizzle-orm/postgres-js/migrator');
    const sql = postgres(options.databaseUrl, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
    });
    // Every statement counts towards the request it runs for (db/query-count.ts).
    const db = drizzle(sql, { schema, logger: queryCountingLogger });
    return {
      db: db as unknown as Database,
      kind: 'postgres',
      migrate: (folder = defaultMigrationsFolder) => migrate(db, { migrationsFolder: folder }),
      jobQueue: { connectionString: options.databaseUrl },
      close: () => sql.end({ timeout: 5 }),
    };
  }

  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  if (options.pgliteDataDir !== 'memory://') mkdirSync(options.pgliteDataDir, { recursive: true });
  const client = await PGlite.create(options.pgliteDataDir);
  const db = drizzle(client, { schema, logger: queryCountingLogger });
  return {
    db: db as unknown as Database,
    kind: 'pglite',
    migrate: (folder = defaultMigrationsFolder) => migrate(db, { migrationsFolder: folder }),
    jobQueue: {
      db: {
        // pg-boss sends parameterised statements one at a time, and its own schema as one
        // parameterless script (several statements), which only `exec` accepts.
        async executeSql(text, values) {
          if (values && values.length > 0) return client.query(text, values);
          const results = await client.exec(text);
          return { rows: results.at(-1)?.rows ?? [] };
        },
      },
    },
    close: () => client.close(),
  };
}

/** drizzle-kit's bookkeeping table, read to tell whether every committed migration has run. */
const migrationsTable = pgSchema('drizzle').table('__drizzle_migrations', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull(),
});

export async function isFullyMigrated(db: Database): Promise<boolean> {
  const [row] = await db.select({ applied: count() }).from(migrationsTable);
  return (row?.applied ?? 0) >= journal.entries.length;
}
