import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; see README "Database".
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './migrations',
});
