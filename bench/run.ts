import { measureClientJs } from './client-js';

/**
 * `npm run bench`: measurements, not tests. Prints figures and exits non-zero only when a
 * budget is broken. The npm script builds first, so the figures are for the code as it is.
 */
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

const { benchInbox, shape } = await import('./inbox');
const inbox = await benchInbox();
console.log(
  `\nCaseworker inbox on ${inbox.database}: ${shape.caseworkers} caseworkers in ${shape.teams} teams, ${shape.cases.toLocaleString('en-GB')} cases, ` +
    `${(shape.cases * shape.messagesPerCase).toLocaleString('en-GB')} messages (${inbox.waitingThreads.toLocaleString('en-GB')} threads waiting; seeded in ${inbox.seedSeconds.toFixed(1)} s). Sequential requests, ms:`,
);
console.log(`  ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'mean'.padStart(7)}  route`);
for (const r of inbox.timings) {
  console.log(`  ${r.p50.toFixed(1).padStart(7)} ${r.p95.toFixed(1).padStart(7)} ${r.mean.toFixed(1).padStart(7)}  ${r.label}`);
}
