import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { connect, createServer as createTcpServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterFile } from './per-file-cleanup';

/**
 * Two small proxies on the loopback for tests of faults the app must survive (issue 17):
 * - `startRoundRobinProxy`: a load balancer in front of several app servers. Each request goes to
 *   the next server; a server that refuses the connection is passed over from then on (as a load
 *   balancer's health check would), and the request that found it dead answers 502.
 * - `startTcpProxy`: sits between the app and PostgreSQL, so a test can cut every connection and
 *   refuse new ones for a while, as a database restart does, without touching the shared server.
 */

export interface RoundRobinProxy {
  url: string;
  port: number;
  /** Sets (or replaces) the servers behind it. */
  setBackends(urls: string[]): void;
  close(): Promise<void>;
}

export async function startRoundRobinProxy(): Promise<RoundRobinProxy> {
  let backends: URL[] = [];
  const down = new Set<string>();
  let next = 0;
  const server: Server = createHttpServer((req, res) => {
    const live = backends.filter((b) => !down.has(b.host));
    if (live.length === 0) {
      res.writeHead(503).end('no backend');
      return;
    }
    const target = live[next++ % live.length];
    const upstream = httpRequest(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') down.add(target.host);
      if (!res.headersSent) res.writeHead(502).end('bad gateway');
      else res.destroy();
    });
    req.pipe(upstream);
  });
  // Keep-alive connections from the test client would otherwise keep close() waiting.
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const proxy: RoundRobinProxy = {
    url: `http://localhost:${port}`,
    port,
    setBackends(urls) {
      backends = urls.map((u) => new URL(u));
      down.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  afterFile(() => proxy.close());
  return proxy;
}

export interface TcpProxy {
  port: number;
  /** Destroys every open connection and refuses new ones until `restore()`. */
  cut(): void;
  /**
   * The next time the app sends `text` (e.g. `insert into "cases"`: mid-transaction), cuts every
   * connection before it reaches the database and refuses new ones for `refuseMs`. Resolves then.
   */
  cutWhenSent(text: string, refuseMs: number): Promise<void>;
  restore(): void;
  /** Connections accepted since the start. */
  readonly accepted: number;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let refusing = false;
  let accepted = 0;
  let trigger: { text: string; fire: () => void } | undefined;
  const server = createTcpServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    accepted++;
    const upstream = connect(target.port, target.host);
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop);
    upstream.on('error', drop);
    client.on('close', drop);
    upstream.on('close', drop);
    client.on('data', (chunk: Buffer) => {
      if (trigger && chunk.toString('utf8').includes(trigger.text)) {
        const fire = trigger.fire;
        trigger = undefined;
        fire();
        return;
      }
      if (!upstream.destroyed) upstream.write(chunk);
    });
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: TcpProxy = {
    port: (server.address() as AddressInfo).port,
    cut() {
      refusing = true;
      for (const socket of open) socket.destroy();
      open.clear();
    },
    restore() {
      refusing = false;
    },
    cutWhenSent(text, refuseMs) {
      return new Promise<void>((resolve) => {
        trigger = {
          text,
          fire: () => {
            proxy.cut();
            setTimeout(() => {
              proxy.restore();
              resolve();
            }, refuseMs);
          },
        };
      });
    },
    get accepted() {
      return accepted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        proxy.cut();
        server.close(() => resolve());
      }),
  };
  afterFile(() => proxy.close());
  return proxy;
}
