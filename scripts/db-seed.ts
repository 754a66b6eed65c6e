import { openDatabase } from '../db/client';
import { seedDemoData } from '../app/services/demo-data.server';
import { getEnv } from '../app/env.server';

/** `npm run db:seed`: adds the demo council, people and cases unless they are already there. */
const env = getEnv();
const handle = await openDatabase({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, maxConnections: 1 });
const { seeded } = await seedDemoData(handle.db);
await handle.close();
console.log(seeded ? 'Demo data added.' : 'Demo data was already there.');
