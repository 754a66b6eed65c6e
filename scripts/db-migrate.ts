import { openDatabase } from '../db/client';
import { getEnv } from '../app/env.server';

/** `npm run db:migrate`: applies committed migrations to the configured database. */
const env = getEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, maxConnections: 1 });
await handle.migrate();
await handle.close();
console.log(`Migrations applied (${handle.kind}).`);
