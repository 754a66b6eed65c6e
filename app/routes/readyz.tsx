import { databaseIsReady } from '~/db.server';

/** Readiness: 200 only when the database answers and every migration has run. */
export async function loader() {
  const ready = await databaseIsReady();
  return new Response(ready ? 'ready' : 'not ready', {
    status: ready ? 200 : 503,
    headers: { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' },
  });
}
