import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { getDb } from '~/db.server';
import { localAuthorities, messages, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, TEST_PASSWORD } from '../support/factories';
import { send, startRealServer, type RawResponse, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 4 (ADR 0014), against the real server in production: a state-changing request
 * from another site is refused before any route sees it, whatever the route and however it is
 * sent (a form post, a Remix `?_data=` fetch, another method). Our own pages, and clients that
 * are not browsers (no Origin, no Sec-Fetch-Site), get through to the app as before.
 * The attacks this closes: a message posted in a victim's name from another site, and a victim
 * signed into the attacker's account (login CSRF).
 */
let server: RealServer;
let parent: User;
let attacker: User;
let victimCookie: string;
let caseId: string;
const councilAddress = 'https://ehcp.southbay.example';

beforeAll(async () => {
  const { db } = await useTestDatabase();
  const { la, team } = await makeLa(db);
  parent = await makeUser(db, 'parent');
  attacker = await makeUser(db, 'parent');
  ({
    caseRecord: { id: caseId },
  } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id] }));
  victimCookie = `${SESSION_COOKIE}=${await createSession(parent.id)}`;
  // Another council in the deployment, reached at its own address (ADR 0023).
  const other = await makeLa(db, 'Southbay City Council');
  await db.update(localAuthorities).set({ publicBaseUrl: councilAddress }).where(eq(localAuthorities.id, other.la.id));
  server = await startRealServer({ env: { ALLOW_UNSCANNED_UPLOADS: 'true' } });
});

const form = (values: Record<string, string>) => new URLSearchParams(values).toString();
const formHeaders = { 'Content-Type': 'application/x-www-form-urlencoded' };
const ownPage = () => ({ Origin: server.url, 'Sec-Fetch-Site': 'same-origin' });

const postMessage = (body: string, headers: Record<string, string>, path = `/cases/${caseId}/messages`) =>
  send(`${server.url}${path}`, { method: 'POST', headers: { ...formHeaders, Cookie: victimCookie, ...headers }, body: form({ body, formKey: randomUUID() }) });

function expectRefused(response: RawResponse) {
  expect(response.status).toBe(403);
  expect(response.headers['content-type']).toMatch(/^text\/html/);
  expect(response.text).toContain('This form was sent from another website');
  // A short page: no stack trace, no file names.
  expect(response.text).not.toMatch(/\.tsx?:\d+|node_modules|Error:/);
  expect(response.headers['set-cookie']).toBeUndefined();
}

describe('requests from another site', () => {
  it('a message posted from another site in the victim’s name is refused', async () => {
    expectRefused(await postMessage('Posted from evil.example', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }));
  });

  it('refused on the Origin alone (older browsers send no Sec-Fetch-Site)', async () => {
    expectRefused(await postMessage('Origin only', { Origin: 'https://evil.example' }));
    expectRefused(await postMessage('Opaque origin', { Origin: 'null' }));
  });

  it('refused on Sec-Fetch-Site alone, including a sibling subdomain (same-site is not same-origin)', async () => {
    expectRefused(await postMessage('Cross-site, no Origin', { 'Sec-Fetch-Site': 'cross-site' }));
    expectRefused(await postMessage('From a sibling subdomain', { 'Sec-Fetch-Site': 'same-site' }));
  });

  it('in production, only the configured origin counts as ours, not the address the request arrived at', async () => {
    const arrivedAt = server.url.replace('localhost', '127.0.0.1');
    expectRefused(await postMessage('Other address', { Origin: arrivedAt, Host: new URL(arrivedAt).host }));
  });

  it('a Remix fetch (?_data=) from another site is refused like a form post', async () => {
    expectRefused(await postMessage('Via _data', { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' }, `/cases/${caseId}/messages?_data=routes%2Fcases.%24caseId_.messages`));
  });

  it('other methods are refused too', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      const response = await send(`${server.url}/cases/${caseId}/messages`, { method, headers: { Cookie: victimCookie, Origin: 'https://evil.example' }, body: '' });
      expectRefused(response);
    }
  });

  it('signing the victim into the attacker’s account from another site is refused (login CSRF)', async () => {
    const response = await send(`${server.url}/sign-in`, {
      method: 'POST',
      headers: { ...formHeaders, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' },
      body: form({ email: attacker.email, password: TEST_PASSWORD }),
    });
    expectRefused(response);
  });

  it('pages can still be opened from a link on another site', async () => {
    const response = await send(`${server.url}/sign-in`, { headers: { 'Sec-Fetch-Site': 'cross-site' } });
    expect(response.status).toBe(200);
  });

  it('our own pages, and clients that are not browsers, reach the app', async () => {
    expect((await postMessage('From our own page', ownPage())).status).toBe(302);
    expect((await postMessage('From a script', {})).status).toBe(302);
    const signIn = await send(`${server.url}/sign-in`, { method: 'POST', headers: { ...formHeaders, ...ownPage() }, body: form({ email: attacker.email, password: TEST_PASSWORD }) });
    expect(signIn.status).toBe(302);
    expect(String(signIn.headers['set-cookie'])).toContain(`${SESSION_COOKIE}=`);
  });

  it('a page at an address a council has set for itself is ours too; a lookalike is not', async () => {
    // A browser there sends that address as its Host too.
    const fromCouncil = { Origin: councilAddress, Host: new URL(councilAddress).host, 'Sec-Fetch-Site': 'same-origin' };
    expect((await postMessage('From a council address', fromCouncil)).status).toBe(302);
    expectRefused(await postMessage('From a lookalike', { Origin: 'https://ehcp.southbay.example.evil.example' }));
  });

  it('stored only the messages sent from our own page and the script', async () => {
    await server.stop();
    const db = await getDb();
    const stored = await db.select({ body: messages.body }).from(messages).where(eq(messages.caseId, caseId));
    expect(stored.map((m) => m.body).sort()).toEqual(['From a council address', 'From a script', 'From our own page']);
  });
});
