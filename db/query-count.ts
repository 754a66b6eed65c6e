import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'drizzle-orm/logger';

/**
 * How many SQL statements a request ran (issue 17: at most 6 per page). Every statement drizzle
 * sends, on either driver, passes through `queryCountingLogger`, which adds one to the counter of
 * the request it runs for: the one `countQueries` set up around that request (server/index.ts).
 * Outside a counted request nothing is counted. Transaction control (BEGIN, COMMIT) is not a
 * drizzle statement and is not counted; pg-boss's own statements do not go through drizzle.
 *
 * The storage lives on globalThis under a registered symbol: the server (run by tsx) and the
 * Remix build each load their own copy of this module, and both must see the same request.
 */
export interface QueryCounter {
  queries: number;
}

const key = Symbol.for('ehcp.queryCount');
const globalStore = globalThis as unknown as { [key]?: AsyncLocalStorage<QueryCounter> };
const storage: AsyncLocalStorage<QueryCounter> = (globalStore[key] ??= new AsyncLocalStorage<QueryCounter>());

/** Runs `work` with a fresh counter; whatever it starts (promises, callbacks) counts into it. */
export function countQueries<T>(work: (counter: QueryCounter) => T): T {
  const counter: QueryCounter = { queries: 0 };
  return storage.run(counter, () => work(counter));
}

/** The counter of the request running now, if it is counted. */
export function currentQueryCounter(): QueryCounter | undefined {
  return storage.getStore();
}

/** drizzle's logger hook: counts, never logs (a statement's parameters may hold personal data). */
export const queryCountingLogger: Logger = {
  logQuery() {
    const counter = storage.getStore();
    if (counter) counter.queries += 1;
  },
};
