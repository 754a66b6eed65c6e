import '../server/test-clock';
import { openDatabase } from '../db/client';
import { seedDemoData } from '../app/demo/demo-data.server';
import { demoMode, getEnv } from '../app/env.server';

/**
 * Run by `npm start` before serving: applies migrations, then adds the demo data in demo mode
 * (the default on the embedded database, never on a database server: ADR 0018).
 */
const env = getEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, maxConnections: 1 });
await handle.migrate();
const result = demoMode(env) ? await seedDemoData(handle.db) : { seeded: false };
await handle.close();
console.log(`Database ready (${handle.kind}, migrations applied${result.seeded ? ', demo data added' : ''}).`);
