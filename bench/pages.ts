import autocannon from 'autocannon';
import { SESSION_COOKIE } from '../app/auth/session.server';

/**
 * The page runner (issue 17, ADR 0049): each page in turn, driven by CONNECTIONS concurrent
 * users for SECONDS, every request signed in as that page's user. The static page runs first in
 * the same server and run, so the ratios compare like with like on a machine whose load varies.
 */
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

/** Who asks for a page: a signed-in session (or none) and the path that person asks for. */
export type Visit = { token: string | null; path: string };

export type Page = {
  label: string;
  /** One visit per simulated user, used round-robin across connections (one is enough). */
  visits: Visit[];
  /** The reference every ratio is to. */
  reference?: boolean;
  /** A page still being built (e.g. /reviews): skipped with a note when the server says 404. */
  optional?: boolean;
};

export type PageResult =
  | { label: string; path: string; skipped: string }
  | { label: string; path: string; p50: number; p95: number; perSecond: number; requests: number; failures: number; queries: number | null; slow: boolean; alone: number };

export async function runPages(base: string, pages: Page[]): Promise<PageResult[]> {
  const results: PageResult[] = [];
  for (const page of pages) results.push(await runPage(base, page));
  return results;
}

function cookieOf(visit: Visit): Record<string, string> {
  return visit.token ? { cookie: `${SESSION_COOKIE}=${visit.token}` } : {};
}

async function runPage(base: string, page: Page): Promise<PageResult> {
  const first = page.visits[0];
  // One request first: the page must answer 200 (a redirect would be measured as a fast page),
  // and it says how many statements it ran.
  const probeStarted = performance.now();
  const probe = await fetch(base + first.path, { headers: cookieOf(first), redirect: 'manual' });
  await probe.arrayBuffer();
  // One user alone, cold: for orientation beside the figures under load.
  const alone = performance.now() - probeStarted;
  if (probe.status === 404 && page.optional) return { label: page.label, path: first.path, skipped: 'not on this build (404)' };
  if (probe.status !== 200) throw new Error(`${page.label} (${first.path}): HTTP ${probe.status}`);
  const header = probe.headers.get('x-query-count');
  const queries = header === null ? null : Number(header);
  // A short warm-up (caches, JIT, the pool's connections), not measured.
  await drive(base, page, { seconds: Math.min(2, SECONDS) });
  let run = await drive(base, page, { seconds: SECONDS });
  // A page slower than the window under this load completes (almost) nothing in it: ask it a
  // fixed number of times instead, two rounds of every user, and wait for every answer.
  let slow = false;
  if (run.samples.length < CONNECTIONS) {
    slow = true;
    run = await drive(base, page, { amount: CONNECTIONS * 2 });
  }
  const { samples, failures, seconds } = run;
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { label: page.label, path: first.path, p50: at(0.5), p95: at(0.95), perSecond: samples.length / seconds, requests: samples.length, failures, queries, slow, alone };
}

/** autocannon with every response's time kept, for exact percentiles (its own summary has no p95). */
async function drive(base: string, page: Page, length: { seconds: number } | { amount: number }): Promise<{ samples: number[]; failures: number; seconds: number }> {
  const samples: number[] = [];
  let failures = 0;
  let next = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        ...('seconds' in length ? { duration: length.seconds } : { amount: length.amount, timeout: 300 }),
        // Each connection is one user asking for their own page, again and again.
        setupClient(client) {
          const visit = page.visits[next++ % page.visits.length];
          client.setRequest({ method: 'GET', path: visit.path, headers: cookieOf(visit) });
        },
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode === 200) samples.push(responseTime);
      else failures += 1;
    });
  });
  // Timeouts are among the errors.
  failures += result.errors;
  const elapsed = (performance.now() - started) / 1000;
  return { samples, failures, seconds: 'seconds' in length ? Math.max(length.seconds, elapsed) : elapsed };
}

/** The table: p50, p95, requests a second, p95 against the static page's, and statements per page. */
export function printPages(title: string, results: PageResult[], targetRatio: number) {
  const reference = results.find((r) => 'p95' in r && r.label.startsWith('static'));
  const staticP95 = reference && 'p95' in reference ? reference.p95 : NaN;
  console.log(`\n${title}`);
  console.log(`${CONNECTIONS} concurrent users, ${SECONDS} s a page; ms; ratio = p95 / static page's p95 (target <= ${targetRatio}x); queries = SQL statements per request (target <= 6); alone = one request, cold, before the load.`);
  console.log(`  ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'req/s'.padStart(7)} ${'ratio'.padStart(6)} ${'queries'.padStart(7)} ${'alone'.padStart(7)}  page`);
  for (const r of results) {
    if ('skipped' in r) {
      console.log(`  ${'-'.padStart(7)} ${'-'.padStart(7)} ${'-'.padStart(7)} ${'-'.padStart(6)} ${'-'.padStart(7)} ${'-'.padStart(7)}  ${r.label}: skipped, ${r.skipped}`);
      continue;
    }
    const ratio = r.p95 / staticP95;
    const flags = [ratio > targetRatio ? 'over ratio' : '', r.queries !== null && r.queries > 6 ? 'over 6 queries' : '', r.failures ? `${r.failures} failed` : '', r.slow ? `slower than the ${SECONDS} s window: ${r.requests} requests, all answered` : ''].filter(Boolean);
    console.log(
      `  ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.perSecond.toFixed(0).padStart(7)} ${(ratio.toFixed(1) + 'x').padStart(6)} ${String(r.queries ?? '?').padStart(7)} ${r.alone.toFixed(0).padStart(7)}  ${r.label}${flags.length ? `  [${flags.join(', ')}]` : ''}`,
    );
  }
}
