import { measureClientJs } from './client-js';

/**
 * `npm run bench`: measurements, not tests. Prints figures and exits non-zero only when a
 * budget is broken. Needs `npm run build` first.
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
