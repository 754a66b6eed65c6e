import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the production build (`npm run build` first; `npm test` does),
 * in Debian Chromium, twice: with JavaScript (`js`) and without (`no-js`), so every journey is
 * proved to work without JavaScript. A spec may leave one project out only with a visible
 * reason: `test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'why')`.
 *
 * Web servers: an SMTP sink writing each email to test-results/mail (tests/e2e/support/mail.ts
 * reads them) and the app on a fresh database with the demo data.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
// The no-JS project gets its own server and fresh demo data, so journeys that change seeded
// cases run the same way in both projects.
const noJsPort = port + 1;
const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
// Journeys that depend on the day and time run against servers whose clock is pinned (by
// TEST_CLOCK_START, see server/test-clock.ts) to a Friday evening before a bank holiday: 28 May 2027, 6pm in London, with the
// Spring bank holiday on Monday 31 May. Each project again has its own server.
const pinnedClock = '2027-05-28T17:00:00Z';
const pinnedPort = port + 2;
const pinnedNoJsPort = port + 3;
const pinnedSpecs = /messages\.spec\.ts/;
// localhost, not 127.0.0.1: the session cookie is Secure in production, and browsers accept
// Secure cookies over plain http only from localhost.
const baseURL = `http://localhost:${port}`;
const noJsBaseURL = `http://localhost:${noJsPort}`;
const ci = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'tests/e2e',
  // Playwright empties its output dir at the start: keep it away from test-results/mail and
  // the vitest report, which live beside it.
  outputDir: 'test-results/e2e',
  // One server, two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: ci,
  retries: ci ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [
    ['list'],
    ['html', { open: 'never', outputFolder: 'playwright-report' }],
    // Read by .ci/run for its summary line.
    ['json', { outputFile: 'test-results/playwright.json' }],
  ],
  use: {
    baseURL,
    trace: 'on-first-retry',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'js', testIgnore: pinnedSpecs, use: { ...devices['Desktop Chrome'], javaScriptEnabled: true } },
    { name: 'no-js', testIgnore: pinnedSpecs, use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, baseURL: noJsBaseURL } },
    { name: 'friday-js', testMatch: pinnedSpecs, use: { ...devices['Desktop Chrome'], javaScriptEnabled: true, baseURL: `http://localhost:${pinnedPort}` } },
    {
      name: 'friday-no-js',
      testMatch: pinnedSpecs,
      use: { ...devices['Desktop Chrome'], javaScriptEnabled: false, baseURL: `http://localhost:${pinnedNoJsPort}` },
    },
  ],
  webServer: [
    {
      name: 'smtp-sink',
      command: 'npx tsx tests/e2e/support/smtp-sink.ts',
      port: smtpPort,
      env: { E2E_SMTP_PORT: String(smtpPort) },
      reuseExistingServer: !ci,
      stdout: 'pipe',
      gracefulShutdown: { signal: 'SIGTERM', timeout: 2_000 },
    },
    {
      name: 'app',
      command: 'npx tsx tests/e2e/support/start-server.ts',
      url: `${baseURL}/readyz`,
      env: { E2E_PORT: String(port), E2E_SMTP_PORT: String(smtpPort) },
      reuseExistingServer: !ci,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    {
      name: 'app-no-js',
      command: 'npx tsx tests/e2e/support/start-server.ts',
      url: `${noJsBaseURL}/readyz`,
      env: { E2E_PORT: String(noJsPort), E2E_SMTP_PORT: String(smtpPort) },
      reuseExistingServer: !ci,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    },
    ...[pinnedPort, pinnedNoJsPort].map((pinned) => ({
      name: `app-friday-${pinned}`,
      command: 'npx tsx tests/e2e/support/start-server.ts',
      url: `http://localhost:${pinned}/readyz`,
      env: { E2E_PORT: String(pinned), E2E_SMTP_PORT: String(smtpPort), E2E_CLOCK: pinnedClock },
      reuseExistingServer: !ci,
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
    })),
  ],
});
