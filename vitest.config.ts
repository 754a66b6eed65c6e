import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Tests run in the time zone the portal serves; clocks are pinned per test where dates matter.
process.env.TZ = 'Europe/London';

export default defineConfig({
  resolve: { alias: { '~': fileURLToPath(new URL('./app', import.meta.url)) } },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/integration/**/*.test.{ts,tsx}'],
    // Migrates one template database per run; each file copies it with useTestDatabase().
    globalSetup: ['tests/support/global-setup.ts'],
    // Closes each file's database and mail sink after the file's own afterAll hooks.
    setupFiles: ['tests/support/per-file-cleanup.ts'],
    sequence: { hooks: 'stack' },
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report feeds .ci/run's summary line; kept outside Playwright's output dir,
    // which Playwright empties at the start of its run.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
