import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { closeDb } from '../../app/db.server';
import { afterFile } from './per-file-cleanup';

/**
 * The real HTTP server (server/index.ts over the production build), started by a test as
 * `npm run serve` starts it, on this file's test database and a free port: for what only the
 * whole server does (headers, the same-site and body-size guards, boot checks).
 *
 *   await useTestDatabase();            // then seed what the test needs
 *   const server = await startRealServer({ env: { ALLOW_UNSCANNED_UPLOADS: 'true' } });
 *   await fetch(`${server.url}/`);
 *
 * `npm run build` must have run (`npm test` builds before vitest). The embedded database
 * allows one process at a time, so the test's own handle is closed first (getDb() reopens it
 * after `stop()`). Node runs tsx as a loader, so the pid is the server's own, for /proc figures.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RealServer {
  url: string;
  pid: number;
  /** Everything the server printed so far. */
  output(): string;
  /** Resident memory now and its peak since the last `resetPeakMemory()` (or start), in KiB. */
  memory(): { rssKib: number; peakKib: number };
  resetPeakMemory(): void;
  stop(): Promise<void>;
}

type ServerEnv = Record<string, string | undefined>;

/** The environment of a production server on this file's database: only what is named, nothing inherited by chance. */
function serverEnv(port: number, env: ServerEnv): NodeJS.ProcessEnv {
  const base: ServerEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TZ: process.env.TZ,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: process.env.DATABASE_URL,
    PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR,
    PUBLIC_BASE_URL: `http://localhost:${port}`,
    // The e2e ports' servers are never touched: this one has its own port and database.
    DEMO_MODE: 'false',
  };
  const merged = { ...base, ...env };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined)) as NodeJS.ProcessEnv;
}

function spawnServer(port: number, env: ServerEnv): { child: ChildProcess; output: () => string } {
  if (!existsSync(`${root}build/index.js`)) throw new Error('build/index.js is missing: run `npm run build` first (npm test does).');
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { cwd: root, env: serverEnv(port, env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startRealServer(options: { env?: ServerEnv } = {}): Promise<RealServer> {
  await closeDb();
  const port = await freePort();
  const { child, output } = spawnServer(port, options.env ?? {});
  const url = `http://localhost:${port}`;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The server exited (${child.exitCode}) before it was ready:\n${output()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The server was not ready within 60 s:\n${output()}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const pid = child.pid!;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  afterFile(stop);
  return {
    url,
    pid,
    output,
    memory: () => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1]);
      return { rssKib: kib('VmRSS'), peakKib: kib('VmHWM') };
    },
    // Writing 5 to clear_refs resets the peak (VmHWM) to the current RSS (proc(5)).
    resetPeakMemory: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    stop,
  };
}

/** Starts the server with settings it must refuse: resolves with its exit code and what it said. */
export async function serverRefusal(env: ServerEnv): Promise<{ code: number | null; output: string }> {
  await closeDb();
  const { child, output } = spawnServer(await freePort(), env);
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  clearTimeout(timer);
  return { code, output: output() };
}

/** Runs a script (`scripts/*.ts`) on this file's database, as `npm run <script>` would. */
export async function runScript(script: string, args: string[], env: ServerEnv = {}): Promise<{ code: number | null; output: string }> {
  await closeDb();
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd: root, env: serverEnv(0, { NODE_ENV: undefined, PORT: undefined, PUBLIC_BASE_URL: undefined, ...env }), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
  return { code, output };
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Bytes of a chunked body handed to the connection before the answer came (0 for other bodies). */
  sentBeforeAnswer: number;
}

/**
 * One HTTP request with exactly the headers given (fetch would add its own Sec-Fetch-Mode and
 * refuses to set Host). A body given as chunks is sent chunked, without Content-Length; a
 * connection the server closes while the body is still going out resolves as `status: 0`.
 */
export function send(
  url: string,
  init: { method?: string; headers?: Record<string, string | number>; body?: string | Buffer | Iterable<Buffer> } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers: init.headers });
    let sent = 0;
    let sentBeforeAnswer = 0;
    req.on('response', (res) => {
      sentBeforeAnswer = sent;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8'), sentBeforeAnswer });
        // A body still being sent when the answer came is abandoned with its connection.
        req.destroy();
      });
      res.on('error', reject);
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve({ status: 0, headers: {}, text: '', sentBeforeAnswer: sent });
      else reject(error);
    });
    const body = init.body;
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      req.end(body);
      return;
    }
    // Chunked: written as the socket takes it, stopped once the server has answered.
    const chunks = body[Symbol.iterator]();
    let answered = false;
    req.once('response', () => (answered = true));
    const pump = () => {
      for (;;) {
        if (answered || req.destroyed) return;
        const next = chunks.next();
        if (next.done) {
          req.end();
          return;
        }
        sent += next.value.byteLength;
        if (!req.write(next.value)) {
          req.once('drain', pump);
          return;
        }
      }
    };
    pump();
  });
}

/** `count` chunks of `size` zero bytes, made lazily (a 150 MB body is never held by the test). */
export function* zeroChunks(count: number, size = 1024 * 1024): Generator<Buffer> {
  const chunk = Buffer.alloc(size);
  for (let i = 0; i < count; i++) yield chunk;
}
