import '../server/test-clock';
import { openDatabase } from '../db/client';
import { seedDemoData } from '../app/services/demo-data.server';
import { getEnv, usesEmbeddedDatabase } from '../app/env.server';

/**
 * Run by `npm start` before serving: applies migrations, then adds demo data on the embedded
 * database (or wherever SEED_DEMO_DATA=true). A real server gets no demo data by default.
 */
const env = getEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, maxConnections: 1 });
await handle.migrate();
const seed = env.SEED_DEMO_DATA ?? usesEmbeddedDatabase(env);
const result = seed ? await seedDemoData(handle.db) : { seeded: false };
await handle.close();
console.log(`Database ready (${handle.kind}, migrations applied${result.seeded ? ', demo data added' : ''}).`);
