import { measureClientJs } from './client-js';

/**
 * `npm run bench`: measurements, not tests. Prints figures and exits non-zero only when a
 * budget is broken. Needs `npm run build` first.
 */
const js = measureClientJs();
console.log(`\nClient JS per page (gzipped, budget ${js.budgetKb} KB):`);
for (const r of js.routes) console.log(`  ${r.kb.toFixed(1).padStart(6)} KB  ${r.route}`);
const overBudget = js.routes.filter((r) => r.kb > js.budgetKb);
if (overBudget.length > 0) {
  console.error(`Over budget: ${overBudget.map((r) => r.route).join(', ')}`);
  process.exitCode = 1;
}
