// Runs after `npm ci`/`npm install` (the "postinstall" script). Idempotent.
//
// postgres.js 3.4.9 (the newest release) crashes the whole process when a connection to the
// database closes while a small write is waiting for the next tick: `nextWrite` runs with
// `socket === null` and throws from a setImmediate callback, which no caller can catch
// (porsager/postgres issues 1066, 1154 and 1208; unreleased fixes in pull requests 1168, 1176,
// 1209). A database restart, a failover or a dropped connection then takes every app server down,
// and the connection object stays unable to write again. tests/integration/faults-database.test.ts
// cuts the database's connections mid-transaction and found exactly this.
//
// The patch, the same as those pull requests: a write after the socket has gone is dropped (the
// queries it carried were already rejected with CONNECTION_CLOSED by `closed()`), and the timer and
// buffer are reset when a connection closes or ends, so the reconnected connection writes again.
// Remove this script once a postgres release includes the fix (ADR 0043).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../node_modules/postgres/', import.meta.url));
const MARK = '/* ehcp-portal: guard against a closed socket */';
const files = ['src/connection.js', 'cjs/src/connection.js', 'cf/src/connection.js'];

const UNGUARDED = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const GUARDED = `  function nextWrite(fn) {
    ${MARK}
    if (socket === null) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      return false
    }
    const x = socket.write(chunk, fn)`;
const CLEARED = '    clearImmediate(nextWriteTimer)\n';
const CLEARED_AND_RESET = '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n';

let patched = 0;
for (const file of files) {
  const path = root + file;
  if (!existsSync(path)) continue;
  const source = readFileSync(path, 'utf8');
  if (source.includes(MARK)) continue;
  if (!source.includes(UNGUARDED)) {
    console.warn(`patch-postgres-driver: ${file} has changed (a new postgres release?); check whether it still needs the nextWrite guard.`);
    continue;
  }
  writeFileSync(path, source.replace(UNGUARDED, GUARDED).replaceAll(CLEARED, CLEARED_AND_RESET));
  patched++;
}
if (patched > 0) console.log(`patch-postgres-driver: guarded nextWrite in ${patched} file(s) of postgres.js`);
