import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The e2e run's app server (a Playwright webServer): the production build in demo mode on a
 * fresh embedded database (PGlite in data/e2e) with the demo data, sending mail to the SMTP
 * sink. Always embedded, even when DATABASE_URL is set: the demo's published passwords are
 * refused on a database server (ADR 0018); the integration tests cover PostgreSQL.
 * On a port other than the default 3100 the directory gets a `-<port>` suffix, so a second
 * server (say, one started by hand to debug) never wipes the database of a run in progress.
 *
 * Then `npm run db:prepare` (migrations + demo seed) and `tsx server/index.ts`, which gets
 * SIGTERM when Playwright is done.
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const port = process.env.E2E_PORT ?? '3100';
const smtpPort = process.env.E2E_SMTP_PORT ?? '2525';
const suffix = port === '3100' ? '' : `-${port}`;

if (!existsSync(`${root}build/index.js`)) {
  console.error('[e2e server] build/index.js is missing: run `npm run build` before `playwright test`.');
  process.exit(1);
}

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: port,
  SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
  PUBLIC_BASE_URL: `http://localhost:${port}`,
  DEMO_MODE: 'true',
  // A browser with the cookie pseudo=1 sees pseudo-localised English (tests/e2e/pseudo.spec.ts,
  // ADR 0040); without the cookie nothing changes.
  PSEUDO_LOCALE: 'true',
  // Each test's browser says where it is from (X-Forwarded-For, tests/e2e/support/fixtures.ts),
  // as families behind a council's load balancer do: the per-address limits then count each
  // test's family apart, not the whole suite as one address.
  TRUST_PROXY: 'loopback',
};
// Secure cookies, as in production: browsers accept them from http://localhost.
delete env.SECURE_COOKIES;

/**
 * E2E_CLOCK ("2027-05-28T17:00:00Z"): the server and its seed run on the pinned test clock
 * (server/test-clock.ts), starting at that moment and running on; that setting is refused in
 * production, so these servers run with NODE_ENV=test on the same production build. Always on
 * PGlite then: a PostgreSQL server keeps its own clock, and the app and its database must agree
 * on what "now" is.
 */
const clock = process.env.E2E_CLOCK;
if (clock) {
  env.TEST_CLOCK_START = clock;
  env.NODE_ENV = 'test';
}

const dataDir = `${root}data/e2e${suffix}`;
rmSync(dataDir, { recursive: true, force: true });
env.PGLITE_DATA_DIR = dataDir;
delete env.DATABASE_URL;
console.log(`[e2e server] fresh PGlite in ${dataDir}`);

const prepared = spawnSync('npm', ['run', '--silent', 'db:prepare'], { cwd: root, env, stdio: 'inherit' });
if (prepared.status !== 0) {
  console.error(`[e2e server] npm run db:prepare failed (exit ${prepared.status ?? prepared.signal}).`);
  process.exit(1);
}

const server = spawn(`${root}node_modules/.bin/tsx`, ['server/index.ts'], { cwd: root, env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => {
  if (signal) console.log(`[e2e server] stopped (${signal}).`);
  process.exit(code ?? 0);
});
