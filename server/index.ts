// First: a test's pinned clock (never in production) must be in place before anything reads the time.
import './test-clock';
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { ServerBuild } from '@remix-run/node';
import compression from 'compression';
import express from 'express';
import { countQueries } from '../db/query-count';
import { inRequestScope } from '../app/request-scope.server';
import { CLIENT_ADDRESS_HEADER } from '../app/client-address.server';
import { closeDb, databaseIsReady } from '../app/db.server';
import { startWorker, stopWorker } from '../app/jobs/worker.server';
import { acceptableRequestId, logError, logEvent, REQUEST_ID_HEADER } from '../app/observability/log.server';
import { metricsText, queryMetrics, requestMetrics } from '../app/observability/metrics.server';
import { routeLabel, routeWords } from '../app/observability/route-label';
import { processRole } from '../app/env.server';
import { bootNotices, environmentOrExit, refuseDemoDataOutsideDemo } from './boot-checks';
import { remixHandler } from './remix-handler';
import { limitRequestBodies } from './request-body';
import { refuseCrossSiteRequests } from './same-site';

/**
 * The HTTP server: static files, security headers, the same-site and body-size guards, and the
 * Remix app. It refuses to start with unsafe settings (server/boot-checks.ts) and closes HTTP
 * and the database on SIGTERM/SIGINT, which remix-serve does not do with a pool open.
 *
 * PROCESS_ROLE (ADR 0043): `all` serves the pages and runs the job worker; `web` only the pages;
 * `worker` only the job worker, answering nothing but the health checks on PORT. Every process
 * keeps its state in the database, so any number of each can run behind any load balancer.
 */
const env = environmentOrExit();
const role = processRole(env);
await refuseDemoDataOutsideDemo(env);
for (const notice of bootNotices(env)) logEvent('boot.notice', { notice });
const build = role === 'worker' ? undefined : ((await import(new URL('../build/index.js', import.meta.url).href)) as ServerBuild);

const app = express();
app.disable('x-powered-by');
// Every request gets an id (the proxy's, when it sends a plain one), echoed in X-Request-Id and in
// every log line about it, and is timed by route: the path's words, never its ids or query.
const words = routeWords([...Object.values(build?.routes ?? {}).map((route) => route.path), 'healthz', 'readyz', 'metrics']);
app.use((req, res, next) => {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId = acceptableRequestId(typeof incoming === 'string' ? incoming : undefined) ? (incoming as string) : randomUUID();
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader('X-Request-Id', requestId);
  const started = process.hrtime.bigint();
  res.on('finish', () => {
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const route = routeLabel(req.originalUrl, words);
    requestMetrics.observe(req.method, route, res.statusCode, seconds);
    logEvent('request', { requestId, method: req.method, route, status: res.statusCode, ms: Math.round(seconds * 10_000) / 10 });
  });
  next();
});
// Every SQL statement the request runs is counted (db/query-count.ts) for the metrics, and, for the
// benchmark (QUERY_COUNT=1), sent back in X-Query-Count: the count when the headers go out, which
// is after the loaders have run (a streamed page's later statements are in the metrics only).
app.use((req, res, next) => {
  countQueries((counter) => {
    if (env.QUERY_COUNT) {
      const writeHead = res.writeHead;
      res.writeHead = function (this: typeof res, ...args: Parameters<typeof res.writeHead>) {
        if (!res.headersSent) res.setHeader('X-Query-Count', String(counter.queries));
        return writeHead.apply(this, args);
      } as typeof res.writeHead;
    }
    res.on('finish', () => queryMetrics.observe(req.method, routeLabel(req.originalUrl, words), counter.queries));
    // The session, the user's council and the like are read once for all the page's loaders.
    inRequestScope(req.method, next);
  });
});
// Behind a load balancer the client's address comes from X-Forwarded-For, from trusted hops only.
if (env.TRUST_PROXY !== undefined) app.set('trust proxy', env.TRUST_PROXY);
app.use(compression());
// The one place the client's address is decided; a header of that name from outside is replaced.
app.use((req, _res, next) => {
  req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
  next();
});
app.use((_req, res, next) => {
  // Inline scripts (Remix's hydration data, scroll restoration) run only with this request's nonce.
  const nonce = randomBytes(16).toString('base64');
  res.locals.cspNonce = nonce;
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  // Browsers honour this only over HTTPS (on plain-HTTP localhost it is ignored): a year, subdomains too.
  if (env.NODE_ENV === 'production') res.setHeader('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  res.setHeader(
    'Content-Security-Policy',
    `default-src 'self'; script-src 'self' 'nonce-${nonce}'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'`,
  );
  next();
});

// Before any body is read or any session looked at: only our own pages may change anything,
// and no body may be larger than a form or an upload needs (ADR 0014, server/request-body.ts).
app.use(refuseCrossSiteRequests);
app.use(limitRequestBodies);

// Liveness: answers without touching the database.
app.get('/healthz', (_req, res) => {
  res.status(200).type('text/plain').send('ok');
});

// Readiness: 200 only when the database answers and every committed migration has run.
app.get('/readyz', (_req, res, next) => {
  databaseIsReady().then((ready) => {
    res.status(ready ? 200 : 503).set('Cache-Control', 'no-store').type('text/plain').send(ready ? 'ready' : 'not ready');
  }, next);
});

// Metrics for the council's monitoring, only with the token (METRICS_TOKEN); without one, no such page.
app.get('/metrics', (req, res, next) => {
  if (!env.METRICS_TOKEN) return next();
  if (!bearerMatches(req.headers.authorization, env.METRICS_TOKEN)) {
    res.status(401).set('WWW-Authenticate', 'Bearer').type('text/plain').send('unauthorised');
    return;
  }
  metricsText().then((text) => {
    res.status(200).set('Cache-Control', 'no-store').set('Content-Type', 'text/plain; version=0.0.4; charset=utf-8').send(text);
  }, next);
});

if (build) {
  app.use('/build', express.static('public/build', { immutable: true, maxAge: '1y' }));
  app.use(express.static('public', { maxAge: '1h' }));
  app.all(
    '*',
    remixHandler(build, env.NODE_ENV, (res) => ({ cspNonce: res.locals.cspNonce as string })),
  );
} else {
  // A worker serves no pages: anything but the health checks (and /metrics) is not here.
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('not found: this process runs the job worker only (PROCESS_ROLE=worker)');
  });
}

const server = app.listen(env.PORT, () => {
  logEvent('server.listening', { port: env.PORT, role, url: `http://localhost:${env.PORT}` });
});

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// Email delivery and scheduled sweeps run beside the web server, or in a process of their own.
if (role !== 'web') {
  await startWorker();
  logEvent('worker.started');
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logEvent('server.closing', { signal });
  server.close();
  server.closeAllConnections();
  await stopWorker().catch((error: unknown) => logError('worker.stop-failed', error));
  await closeDb().catch((error: unknown) => logError('database.close-failed', error));
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
