import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { resetEnvCache } from '~/env.server';
import { storeUpload } from '~/features/documents/index.server';
import { makeLa, makeUser } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { send, startRealServer, type RawResponse, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';
import { received } from '../support/uploads';

/**
 * Issue 11, item 12, against the real server in production: HSTS for a year with subdomains;
 * `Cache-Control: no-store` on every answer from the app (pages, redirects, downloads, error
 * pages), since they show children's records and must not stay in a shared computer's cache
 * or a proxy; static assets keep their own caching; Referrer-Policy and the nonce CSP
 * (ADR 0012) stay.
 */
const uploadDir = mkdtempSync(join(tmpdir(), 'ehcp-security-headers-'));
const previousUploadDir = process.env.UPLOAD_DIR;
let server: RealServer;
let familyCookie: string;
let documentId: string;
let requestId: string;

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploadDir;
  resetEnvCache();
  const { db } = await useTestDatabase();
  const { la } = await makeLa(db);
  const parent = await makeUser(db, 'parent');
  const child = await makeChild(db, { laId: la.id, parentIds: [parent.id] });
  ({ id: requestId } = await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id }));
  const stored = await storeUpload({ file: await received(new TextEncoder().encode('%PDF-1.4\nA school report\n%%EOF\n'), 'report.pdf'), uploadedBy: parent.id, requestId, kind: 'evidence' });
  if (!stored.ok) throw new Error(`Could not store the test document: ${stored.error}`);
  documentId = stored.document.id;
  familyCookie = `${SESSION_COOKIE}=${await createSession(parent.id)}`;
  server = await startRealServer({ env: { ALLOW_UNSCANNED_UPLOADS: 'true', UPLOAD_DIR: uploadDir, RUN_JOB_WORKER: 'false' } });
});

afterAll(() => {
  if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = previousUploadDir;
  resetEnvCache();
  rmSync(uploadDir, { recursive: true, force: true });
});

const get = (path: string, cookie?: string) => send(`${server.url}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function expectNotStored(response: RawResponse) {
  expect(response.headers['cache-control']).toBe('no-store');
}

describe('security headers', () => {
  it('HSTS for at least a year, subdomains included, and the referrer kept on our own site', async () => {
    const response = await get('/');
    const hsts = /max-age=(\d+)/.exec(response.headers['strict-transport-security'] ?? '');
    expect(Number(hsts?.[1])).toBeGreaterThanOrEqual(365 * 24 * 60 * 60);
    expect(response.headers['strict-transport-security']).toContain('includeSubDomains');
    expect(response.headers['referrer-policy']).toBe('same-origin');
  });

  it('the CSP still allows only scripts with this response’s nonce', async () => {
    const response = await get('/sign-in');
    const csp = String(response.headers['content-security-policy']);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).not.toContain('unsafe-inline');
    expect(response.text).toContain(`nonce="${nonce}"`);
  });

  it('pages, signed in or not, are never stored', async () => {
    expectNotStored(await get('/'));
    expectNotStored(await get('/sign-in'));
    const draft = await get(`/requests/${requestId}/documents`, familyCookie);
    expect(draft.status).toBe(200);
    expectNotStored(draft);
  });

  it('downloads are never stored', async () => {
    const download = await get(`/documents/${documentId}`, familyCookie);
    expect(download.status).toBe(200);
    expect(download.text).toContain('A school report');
    expectNotStored(download);
  });

  it('redirects, data requests and error pages are never stored', async () => {
    const redirect = await get(`/requests/${requestId}/documents`);
    expect(redirect.status).toBe(302);
    expectNotStored(redirect);
    const data = await get(`/requests/${requestId}/documents?_data=routes%2Frequests.%24requestId_.documents`, familyCookie);
    expect(data.status).toBe(200);
    expectNotStored(data);
    const missing = await get('/no-such-page');
    expect(missing.status).toBe(404);
    expectNotStored(missing);
  });

  it('static assets keep their own caching', async () => {
    const script = readdirSync('public/build').find((name) => name.endsWith('.js'));
    const built = await get(`/build/${script}`);
    expect(built.status).toBe(200);
    expect(built.headers['cache-control']).toContain('immutable');
    const css = await get('/css/app.css');
    expect(css.status).toBe(200);
    expect(css.headers['cache-control']).toMatch(/max-age=\d+/);
  });
});
