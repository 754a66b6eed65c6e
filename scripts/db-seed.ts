import { openDatabase } from '../db/client';
import { seedDemoData } from '../app/demo/demo-data.server';
import { demoMode, getEnv } from '../app/env.server';

/**
 * `npm run db:seed`: adds the demo council, people and cases unless they are already there.
 * Only in demo mode: the demo accounts share a published password (ADR 0018).
 */
const env = getEnv();
if (!demoMode(env)) {
  console.error('Refusing to add the demo data outside demo mode: its accounts share a published password. The demo runs only on the embedded database (DATABASE_URL unset).');
  process.exit(1);
}
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, maxConnections: 1 });
const { seeded } = await seedDemoData(handle.db);
await handle.close();
console.log(seeded ? 'Demo data added.' : 'Demo data was already there.');
