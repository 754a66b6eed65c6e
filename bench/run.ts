import { measureClientJs } from './client-js';
import { printPages, runPages, type Page } from './pages';
import { timeSen2Export } from './sen2-export';
import { benchPort, LOCAL_POSTGRES, scratchPglite, scratchPostgres, startServer, type ScratchDatabase } from './server';

/**
 * `npm run bench`: measurements, not tests (ADR 0049). Prints figures and exits non-zero only
 * when a budget is broken. The npm script builds first, so the figures are for the code as it is.
 *
 * - Client JS per page against its budget.
 * - The large LA (bench/large-la.ts) on PostgreSQL (DATABASE_URL's server, else the local one,
 *   in a database of its own, bench_large) and on the embedded PGlite: each LA-wide page with 20
 *   concurrent users for 10 s beside the static page, and the SQL statements each page runs.
 * - `npm run bench:national` (BENCH_SCALE=national) instead: 150 councils, 720,000 plans with
 *   reviews, 10 million messages (bench/national.ts), PostgreSQL only; not in CI.
 *
 * BENCH_ON=postgres|pglite runs one database; BENCH_PAGES=word,word only some pages;
 * BENCH_SECONDS, BENCH_CONNECTIONS change the load; BENCH_KEEP=1 keeps the PostgreSQL database;
 * BENCH_DATABASE names it (default bench_large), so two checkouts on one server do not drop each other's.
 */
const scale = process.env.BENCH_SCALE === 'national' ? 'national' : 'large';
const on = process.env.BENCH_ON ?? (scale === 'national' ? 'postgres' : 'postgres,pglite');
const serverUrl = process.env.DATABASE_URL || LOCAL_POSTGRES;

if (scale === 'large') {
  const js = measureClientJs();
  console.log(`\nClient JS per page, gzipped: before the page is interactive (budget ${js.budgetKb} KB), and loaded afterwards for enhancements:`);
  for (const r of js.routes) {
    const later = r.lazyKb > 0 ? `  (+${r.lazyKb.toFixed(1)} KB after, total ${(r.kb + r.lazyKb).toFixed(1)} KB)` : '';
    console.log(`  ${r.kb.toFixed(1).padStart(6)} KB  ${r.route}${later}`);
  }
  const overBudget = js.routes.filter((r) => r.kb > js.budgetKb);
  if (overBudget.length > 0) {
    console.error(`Over budget: ${overBudget.map((r) => r.route).join(', ')}`);
    process.exitCode = 1;
  }
}

async function postgresOrNote(name: string): Promise<ScratchDatabase | null> {
  try {
    return await scratchPostgres(serverUrl, name);
  } catch (error) {
    console.log(`\nNo PostgreSQL server at ${new URL(serverUrl).host} (${(error as Error).message}): skipped.`);
    return null;
  }
}

async function benchOn(
  database: ScratchDatabase,
  prepare: (db: ScratchDatabase) => Promise<{ pages: Page[]; title: string }>,
  targetRatio: number,
  afterPages?: (base: string, pages: Page[]) => Promise<void>,
) {
  try {
    const { pages: all, title } = await prepare(database);
    // BENCH_PAGES=timeliness,caseload runs only the static page and the pages whose label has one of the words.
    const only = process.env.BENCH_PAGES?.split(',').filter(Boolean);
    const pages = only ? all.filter((p) => p.reference || only.some((word) => p.label.includes(word))) : all;
    const server = await startServer(database, benchPort());
    try {
      printPages(title, await runPages(server.base, pages), targetRatio);
      if (afterPages) await afterPages(server.base, all);
    } finally {
      await server.stop();
    }
  } finally {
    await database.dispose();
  }
}

if (scale === 'large') {
  const { prepareLargeLa, largeShape: s } = await import('./large-la');
  const prepare = async (database: ScratchDatabase) => {
    const { pages, seedSeconds, waitingThreads } = await prepareLargeLa(database);
    const name = database.kind === 'postgres' ? 'PostgreSQL' : 'embedded PGlite';
    const title =
      `Large LA on ${name}: ${s.caseworkers} caseworkers in ${s.teams} teams, ${s.cases.toLocaleString('en-GB')} cases, ` +
      `${(s.cases * s.messagesPerCase).toLocaleString('en-GB')} messages (${waitingThreads.toLocaleString('en-GB')} threads waiting; seeded in ${seedSeconds.toFixed(1)} s).`;
    return { pages, title };
  };
  if (on.includes('postgres')) {
    const database = await postgresOrNote(process.env.BENCH_DATABASE ?? 'bench_large');
    if (database) await benchOn(database, prepare, 1.5, timeSen2Export);
  }
  if (on.includes('pglite')) await benchOn(scratchPglite(), prepare, 1.5, timeSen2Export);
} else {
  const { prepareNational, nationalShape } = await import('./national');
  const database = await postgresOrNote('bench_national');
  if (database) {
    await benchOn(
      database,
      async (db) => {
        const { pages, seconds, shape } = await prepareNational(db, nationalShape());
        const title =
          `National on PostgreSQL: ${shape.councils} councils, ${shape.plans.toLocaleString('en-GB')} plans with reviews, ` +
          `${shape.messages.toLocaleString('en-GB')} messages (generated in ${seconds.generate.toFixed(0)} s, indexes and constraints ${seconds.index.toFixed(0)} s). Pages of one council.`;
        return { pages, title };
      },
      2,
    );
  }
}
