import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What one HTTP request has already read, shared by every loader that answers it (issue 17: at
 * most 6 statements a page). Remix gives each loader of a page (root, layouts, the page) its own
 * copy of the Request, so a cache keyed by the Request object is never shared; this scope is, as
 * it follows the request's async work from server/index.ts.
 *
 * Only for reading requests (GET, HEAD): a POST's action may change what was read (a name, a
 * session, a council's settings) before the loaders run again in the same request, so it always
 * reads afresh. Outside a scope (jobs, tests calling a loader directly) nothing is shared.
 *
 * The storage lives on globalThis under a registered symbol: the server (run by tsx) and the Remix
 * build each load their own copy of this module, and both must see the same request.
 */
type Scope = { reads: Map<string, unknown> | null; batches: Map<string, { items: unknown[]; done: Promise<void> }> };

const key = Symbol.for('ehcp.requestScope');
const globalStore = globalThis as unknown as { [key]?: AsyncLocalStorage<Scope> };
const storage: AsyncLocalStorage<Scope> = (globalStore[key] ??= new AsyncLocalStorage<Scope>());

/** Runs one HTTP request's work in its own scope; reads are shared only for GET and HEAD. */
export function inRequestScope<T>(method: string, work: () => T): T {
  const reading = method === 'GET' || method === 'HEAD';
  return storage.run({ reads: reading ? new Map() : null, batches: new Map() }, work);
}

/**
 * `read()` once per reading request for this key; every later caller in the same request gets the
 * same promise. A failed read is forgotten, so a later loader may try again.
 */
export function oncePerRequest<T>(key: string, read: () => Promise<T>): Promise<T> {
  const reads = storage.getStore()?.reads;
  if (!reads) return read();
  const known = reads.get(key) as Promise<T> | undefined;
  if (known) return known;
  const pending = read();
  reads.set(key, pending);
  pending.catch(() => reads.delete(key));
  return pending;
}

/**
 * Records what another statement already read for `key` (the session's read brings the staff
 * member's council with it), so the loaders asking for it later in the request do not read it again.
 */
export function primeOncePerRequest<T>(key: string, value: T): void {
  const reads = storage.getStore()?.reads;
  if (reads && !reads.has(key)) reads.set(key, Promise.resolve(value));
}

/**
 * Writes `item` with the others of the request that come for the same `key` before the event loop
 * turns (the loaders of a page guard their case in parallel): one statement for all of them, by
 * `write(items)`. Each caller waits for that write, so nothing is answered before it is stored.
 * Outside a request each item is written alone.
 */
export function batchPerRequest<T>(key: string, item: T, write: (items: T[]) => Promise<void>): Promise<void> {
  const scope = storage.getStore();
  if (!scope) return write([item]);
  let batch = scope.batches.get(key) as { items: T[]; done: Promise<void> } | undefined;
  if (!batch) {
    const items: T[] = [];
    const done = new Promise<void>((resolve, reject) => {
      setImmediate(() => {
        scope.batches.delete(key);
        write(items).then(resolve, reject);
      });
    });
    batch = { items, done };
    scope.batches.set(key, batch);
  }
  batch.items.push(item);
  return batch.done;
}
