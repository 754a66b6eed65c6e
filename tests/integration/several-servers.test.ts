import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count, eq, inArray, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { getDb } from '~/db.server';
import type { Database } from '../../db/client';
import { messages, outboxEmails, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, TEST_PASSWORD } from '../support/factories';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/proxies';
import { startRealServer, type RealServer } from '../support/real-server';
import { startSmtpReceiver, type ReceivedMail } from '../support/smtp-receiver';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 17, item 3: several app servers, one database. Three production servers (server/index.ts
 * over the build, as `npm run serve` runs it), each with its job worker, on one PostgreSQL
 * database, behind a round-robin proxy: families sign in and post messages, a caseworker
 * replies, while one server is killed (SIGKILL) mid-run. Requests that fail are retried by the
 * client with the same form; every accepted message is stored once and every email is received
 * by the SMTP server exactly once. Then PROCESS_ROLE: a web-only server sends no email, and a
 * worker-only process serves no pages but delivers it.
 *
 * Only on the PostgreSQL server (the embedded database opens in one process). Starting a server
 * closes this process's handle (startRealServer), so queries ask getDb() each time.
 */
const onServer = inject('testDatabaseTemplate').kind === 'postgres';
const FAMILIES = 8;
const MESSAGES_EACH = 4;

let db: Database;
let proxy: RoundRobinProxy;
let servers: RealServer[] = [];
const received: ReceivedMail[] = [];
let smtpUrl: string;
let caseworker: User;
const families: { parent: User; caseId: string }[] = [];
const uploadDir = mkdtempSync(join(tmpdir(), 'ehcp-several-'));

afterAll(() => rmSync(uploadDir, { recursive: true, force: true }));

beforeAll(async () => {
  if (!onServer) return;
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  for (let i = 0; i < FAMILIES; i++) {
    const parent = await makeUser(db, 'parent');
    const { caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id });
    families.push({ parent, caseId: caseRecord.id });
  }
  const smtp = await startSmtpReceiver({ onMail: (mail) => void received.push(mail) });
  smtpUrl = `smtp://127.0.0.1:${smtp.port}`;
  proxy = await startRoundRobinProxy();
  const env = { SMTP_URL: smtpUrl, PUBLIC_BASE_URL: proxy.url, ALLOW_UNSCANNED_UPLOADS: 'true', UPLOAD_DIR: uploadDir };
  servers = await Promise.all([1, 2, 3].map(() => startRealServer({ env })));
  proxy.setBackends(servers.map((s) => s.url));
  return () => smtp.close();
}, 120_000);

/** A request through the proxy, retried while it fails on the way (a server killed, a 502). */
async function throughProxy(path: string, init: RequestInit & { cookie?: string }, attempts = 10): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    try {
      const response = await fetch(`${proxy.url}${path}`, {
        ...init,
        redirect: 'manual',
        headers: { ...(init.cookie ? { Cookie: init.cookie } : {}), ...(init.headers as Record<string, string>) },
      });
      if (response.status < 500 || attempt >= attempts) return response;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
    await new Promise((r) => setTimeout(r, 100 * attempt));
  }
}

async function signIn(user: User): Promise<string> {
  const response = await throughProxy('/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: proxy.url },
    body: new URLSearchParams({ email: user.email, password: TEST_PASSWORD, returnTo: '/' }).toString(),
  });
  expect(response.status).toBe(302);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
  expect(cookie).toBeTruthy();
  return cookie!.split(';')[0];
}

/** Posts one message form (one form key, however many times it has to be sent). */
async function postMessage(cookie: string, caseId: string, body: string, formKey: string = randomUUID()) {
  const form = new FormData();
  form.set('body', body);
  form.set('formKey', formKey);
  const response = await throughProxy(`/cases/${caseId}/messages`, { method: 'POST', body: form, cookie, headers: { Origin: proxy.url } });
  expect(response.status, await response.clone().text()).toBe(302);
  return formKey;
}

function isRunning(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe.skipIf(!onServer)(`three servers, one PostgreSQL database${onServer ? '' : ' (skipped: needs a PostgreSQL server in DATABASE_URL; the embedded database is one process)'}`, () => {
  it('families and a caseworker message through any server while one is killed: each message stored once, each email received once', { timeout: 180_000 }, async () => {
    // Signed in through the proxy: each family's session, made on one server, is read by the others.
    const cookies = await Promise.all(families.map((f) => signIn(f.parent)));
    const caseworkerCookie = `${SESSION_COOKIE}=${await createSession(caseworker.id)}`;

    const formKeys: string[] = [];
    const posting = families.map(async (family, i) => {
      for (let n = 0; n < MESSAGES_EACH; n++) {
        formKeys.push(await postMessage(cookies[i], family.caseId, `Message ${n} from family ${i}`));
        // The same form sent twice (a double click, a retry after a lost answer) stores one message.
        if (n === 0) formKeys.push(await postMessage(cookies[i], family.caseId, `Message ${n} from family ${i}`, formKeys[formKeys.length - 1]));
      }
      formKeys.push(await postMessage(caseworkerCookie, family.caseId, `Reply to family ${i}`));
    });
    // Mid-run, one server dies without a chance to finish anything.
    const killing = (async () => {
      await until(async () => (await (await getDb()).select({ n: count() }).from(messages))[0].n >= (FAMILIES * MESSAGES_EACH) / 3, 60_000, 'a third of the messages');
      // All three started together (their job workers too: pg-boss's queues once deadlocked here) and are running.
      for (const server of servers) expect(isRunning(server.pid), server.output().slice(-2000)).toBe(true);
      process.kill(servers[1].pid, 'SIGKILL');
    })();
    await Promise.all([...posting, killing]);

    const distinctKeys = [...new Set(formKeys)];
    expect(distinctKeys).toHaveLength(FAMILIES * (MESSAGES_EACH + 1));
    const stored = await (await getDb()).select({ formKey: messages.formKey }).from(messages).where(inArray(messages.formKey, distinctKeys));
    expect(stored.map((m) => m.formKey).sort()).toEqual([...distinctKeys].sort());

    // Every email the messages queued leaves once, from whichever worker is still alive.
    await until(async () => (await (await getDb()).select({ n: count() }).from(outboxEmails).where(isNull(outboxEmails.sentAt)))[0].n === 0, 120_000, 'every email sent');
    const queued = await (await getDb()).select({ id: outboxEmails.id, attempts: outboxEmails.attempts }).from(outboxEmails);
    expect(queued.length).toBeGreaterThanOrEqual(FAMILIES * 2);
    // Give a stray second delivery time to arrive before counting.
    await new Promise((r) => setTimeout(r, 3_000));
    const byMessageId = new Map<string, number>();
    for (const mail of received) byMessageId.set(mail.parsed.messageId ?? '', (byMessageId.get(mail.parsed.messageId ?? '') ?? 0) + 1);
    expect([...byMessageId.keys()].sort()).toEqual(queued.map((q) => `<${q.id}@ehcp-portal>`).sort());
    expect([...byMessageId.values()].every((n) => n === 1)).toBe(true);
    // No email needed a second attempt: no job was run twice to send it.
    expect(queued.every((q) => q.attempts === 1)).toBe(true);

    // The survivors still serve, and the dead server's sessions still work through them.
    const home = await throughProxy('/', { cookie: cookies[0] });
    expect(home.status).toBe(200);
  });

  it('PROCESS_ROLE: a web server delivers no email; a worker serves no pages, answers its health checks and delivers it', { timeout: 120_000 }, async () => {
    for (const server of servers) await server.stop();
    received.length = 0;
    const common = { SMTP_URL: smtpUrl, PUBLIC_BASE_URL: proxy.url, ALLOW_UNSCANNED_UPLOADS: 'true', UPLOAD_DIR: uploadDir };
    const web = await startRealServer({ env: { ...common, PROCESS_ROLE: 'web' } });
    proxy.setBackends([web.url]);
    const cookie = await signIn(families[0].parent);
    const formKey = await postMessage(cookie, families[0].caseId, 'Sent while only a web server runs');
    const [message] = await (await getDb()).select({ id: messages.id, createdAt: messages.createdAt }).from(messages).where(eq(messages.formKey, formKey));
    const waiting = async () => (await getDb()).select({ id: outboxEmails.id }).from(outboxEmails).where(sql`${outboxEmails.sentAt} IS NULL AND ${outboxEmails.createdAt} >= ${message.createdAt.toISOString()}::timestamptz`);
    expect(await waiting()).not.toHaveLength(0);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await waiting()).not.toHaveLength(0);
    expect(received).toHaveLength(0);

    const worker = await startRealServer({ env: { ...common, PROCESS_ROLE: 'worker' } });
    expect((await fetch(`${worker.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/readyz`)).status).toBe(200);
    expect((await fetch(`${worker.url}/sign-in`)).status).toBe(404);
    await until(async () => (await waiting()).length === 0, 30_000, 'the worker sent the email');
    expect(received.length).toBeGreaterThan(0);
    expect(worker.output()).toContain('"role":"worker"');
  });
});
