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
type Scope = { reads: Map<string, unknown> | null };

const key = Symbol.for('ehcp.requestScope');
const globalStore = globalThis as unknown as { [key]?: AsyncLocalStorage<Scope> };
const storage: AsyncLocalStorage<Scope> = (globalStore[key] ??= new AsyncLocalStorage<Scope>());

/** Runs one HTTP request's work in its own scope; reads are shared only for GET and HEAD. */
export function inRequestScope<T>(method: string, work: () => T): T {
  const reading = method === 'GET' || method === 'HEAD';
  return storage.run({ reads: reading ? new Map() : null }, work);
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
