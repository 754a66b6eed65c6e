import { SESSION_COOKIE } from '../app/auth/session.server';
import type { Page } from './pages';

/**
 * The SEN2 return's export for the whole large LA (issue 16, item 1; ADR 0053): not a page
 * people load under load but a file a manager downloads a few times a year, so it is timed
 * alone, three downloads one after another, after the pages' runs (their load gone). Prints the
 * median and slowest time, the file's size and the statements it ran.
 */
export async function timeSen2Export(base: string, pages: Page[], runs = 3): Promise<void> {
  const managerVisit = pages.find((p) => p.label.startsWith('timeliness report'))?.visits[0];
  if (!managerVisit?.token) return;
  const timings: number[] = [];
  let bytes = 0;
  let queries: string | null = null;
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    const response = await fetch(`${base}/reports/sen2.xml`, { headers: { cookie: `${SESSION_COOKIE}=${managerVisit.token}` }, redirect: 'manual' });
    const body = await response.arrayBuffer();
    if (response.status === 404) {
      console.log('  SEN2 export: not on this build (404), skipped.');
      return;
    }
    if (response.status !== 200) throw new Error(`SEN2 export: HTTP ${response.status}`);
    timings.push(performance.now() - started);
    bytes = body.byteLength;
    queries = response.headers.get('x-query-count');
  }
  timings.sort((a, b) => a - b);
  const median = timings[Math.floor(timings.length / 2)];
  console.log(
    `  SEN2 export (XML, whole council, manager alone): median ${median.toFixed(0)} ms, slowest ${timings.at(-1)!.toFixed(0)} ms over ${runs} downloads; ` +
      `${(bytes / 1024 / 1024).toFixed(1)} MB; ${queries ?? '?'} SQL statements.`,
  );
}
