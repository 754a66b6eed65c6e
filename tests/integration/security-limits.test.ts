import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession, SESSION_COOKIE } from '~/auth/session.server';
import { MAX_UPLOAD_BYTES } from '~/domain/file-types';
import { FORM_BODY_LIMIT, SIGNED_OUT_BODY_LIMIT } from '../../server/request-body';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { send, startRealServer, type RawResponse, type RealServer } from '../support/real-server';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 6, against the real server in production: request bodies are bounded before
 * anything reads them and before sign-in is checked. A 150 MB body is refused with 413 whether
 * it declares its length or streams it chunked, alone or four at once, and the server's
 * resident memory (its peak, read from /proc) grows by no more than a few MB meanwhile. A
 * signed-in family's 20 MB upload still goes through, written to disk as it arrives (four at
 * once grow the server by no more than a few MB either); a file over the limit is deleted as
 * soon as it passes it, and the text typed beside it comes back.
 */
const MiB = 1024 * 1024;
/** "A few MB": what the server may grow by while refusing 150 MB bodies. */
const MEMORY_GROWTH_BOUND_MIB = 8;
const uploadDir = mkdtempSync(join(tmpdir(), 'ehcp-security-limits-'));
let server: RealServer;
let familyCookie: string;
let caseId: string;
let requestId: string;

beforeAll(async () => {
  const { db } = await useTestDatabase();
  const { la, team } = await makeLa(db);
  const parent = await makeUser(db, 'parent');
  ({
    caseRecord: { id: caseId },
  } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id] }));
  const child = await makeChild(db, { laId: la.id, parentIds: [parent.id] });
  ({ id: requestId } = await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id }));
  familyCookie = `${SESSION_COOKIE}=${await createSession(parent.id)}`;
  server = await startRealServer({ env: { ALLOW_UNSCANNED_UPLOADS: 'true', UPLOAD_DIR: uploadDir, RUN_JOB_WORKER: 'false' } });
  // Warm-up: the first bursts of traffic grow Node's young heap to its working size once (seen
  // here as a single step of ~40 MB, then flat), whatever the bodies; measure after that.
  for (let round = 0; round < 2; round++) {
    await Promise.all([1, 2, 3, 4].map(() => post(`/cases/${caseId}/messages`, { fileMiB: 150, chunked: true })));
  }
}, 120_000);

afterAll(() => {
  rmSync(uploadDir, { recursive: true, force: true });
});

const figures: string[] = [];
afterAll(() => {
  console.log(`[security-limits] server peak memory growth, refusing 150 MB bodies and reading uploads (three runs each):\n  ${figures.join('\n  ')}`);
});

const BOUNDARY = 'ehcp-security-limits';

/** The document upload form's fields; other forms name theirs. */
type UploadForm = { fields: Record<string, string>; fileField: string };
const DOCUMENTS_FORM: UploadForm = { fields: { kind: 'evidence' }, fileField: 'file' };
/** A PDF's first bytes: the rest of the file is spaces. */
const PDF_START = '%PDF-1.4\n';

/** A multipart upload of `fileMiB` MiB (a PDF by its first bytes), made lazily chunk by chunk. */
function* multipartUpload(fileMiB: number, form = DOCUMENTS_FORM): Generator<Buffer> {
  const fields = Object.entries(form.fields).map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  yield Buffer.from(
    fields.join('') +
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${form.fileField}"; filename="report.pdf"\r\nContent-Type: application/pdf\r\n\r\n${PDF_START}`,
  );
  const chunk = Buffer.alloc(MiB, 0x20);
  for (let i = 0; i < fileMiB; i++) yield chunk;
  yield Buffer.from(`\r\n--${BOUNDARY}--\r\n`);
}
const multipartLength = (fileMiB: number, form = DOCUMENTS_FORM) => [...multipartUpload(0, form)].reduce((n, b) => n + b.byteLength, 0) + fileMiB * MiB;

function post(path: string, options: { fileMiB: number; chunked: boolean; cookie?: string; form?: UploadForm }): Promise<RawResponse> {
  const headers: Record<string, string | number> = { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}` };
  if (!options.chunked) headers['Content-Length'] = multipartLength(options.fileMiB, options.form);
  if (options.cookie) headers.Cookie = options.cookie;
  return send(`${server.url}${path}`, { method: 'POST', headers, body: multipartUpload(options.fileMiB, options.form) });
}

/** An upload sent a part at a time, so that a test can look at the server between parts. */
function uploadInParts(path: string, fileMiB: number, form = DOCUMENTS_FORM) {
  const body = [...multipartUpload(fileMiB, form)];
  const request = httpRequest(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': `multipart/form-data; boundary=${BOUNDARY}`, 'Content-Length': multipartLength(fileMiB, form), Cookie: familyCookie },
  });
  const answer = new Promise<{ status: number | undefined; text: string }>((resolve, reject) => {
    request.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode, text: Buffer.concat(chunks).toString('utf8') }));
    });
    request.on('error', reject);
  });
  let sent = 0;
  return {
    /** Sends the form up to `mib` MiB into the file. */
    sendUpTo(mib: number) {
      for (; sent < 1 + mib; sent++) request.write(body[sent]);
    },
    /** Sends the rest and waits for the answer. */
    finish() {
      for (; sent < body.length; sent++) request.write(body[sent]);
      request.end();
      return answer;
    },
  };
}

/** Bytes of files being received (under their temporary names) in the upload directory. */
const receivingBytes = () =>
  readdirSync(uploadDir)
    .filter((name) => name.endsWith('.part'))
    .reduce((bytes, name) => bytes + statSync(join(uploadDir, name)).size, 0);

async function eventually(condition: () => boolean, what: string) {
  const deadline = Date.now() + 20_000;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
  expect(condition(), what).toBe(true);
}

/**
 * How far the server's peak resident memory (VmHWM) rose above its resident memory before
 * `work`, in MiB: the least of three runs, each figure kept for the report. Node and the
 * embedded database still grow their heaps in steps now and then (a few MB, whatever the
 * request), so a single run can show a step that says nothing about the body; a body the server
 * kept would cost its size on every run.
 */
async function peakGrowthMiB(label: string, work: () => Promise<void>): Promise<number> {
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    server.resetPeakMemory();
    const before = server.memory().rssKib;
    await work();
    runs.push((server.memory().peakKib - before) / 1024);
  }
  figures.push(`${label}: ${runs.map((r) => r.toFixed(1)).join(', ')} MiB (least ${Math.min(...runs).toFixed(1)})`);
  return Math.min(...runs);
}

/**
 * How far the server's peak resident memory rose, in MiB, from before the first of three runs
 * of `work` to the end of the last. For bodies the server reads: one it held in memory would be
 * freed after its request and its memory reused by the next, so only a first run shows it, and
 * the least of three runs would hide it.
 */
async function peakGrowthAcrossRunsMiB(label: string, work: () => Promise<void>): Promise<number> {
  server.resetPeakMemory();
  const before = server.memory().rssKib;
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    await work();
    runs.push((server.memory().peakKib - before) / 1024);
  }
  figures.push(`${label}: ${runs.map((r) => r.toFixed(1)).join(', ')} MiB after each run, from before the first`);
  return runs[runs.length - 1];
}

/** 413, or (only for a body still streaming) a connection cut after the limit: either way refused. */
function expectRefused(response: RawResponse) {
  expect([413, 0]).toContain(response.status);
  if (response.status === 413) expect(response.text).toContain('What you sent is too large');
}

/**
 * A chunked body does not say how long it is, so it reaches the route, which may refuse a
 * signed-out post before reading it (a redirect to sign in); otherwise it is cut off. Either
 * way the answer comes long before the client has sent it all: the server stopped reading.
 */
function expectRefusedOrSentToSignIn(response: RawResponse) {
  if (response.status === 302) expect(response.headers.location).toMatch(/^\/sign-in\?/);
  else expectRefused(response);
  // The signed-out limit, plus what the two ends' socket buffers hold.
  expect(response.sentBeforeAnswer).toBeLessThan(32 * MiB);
}


describe('bounded request bodies', () => {
  // The messages route reads a signed-out post (to keep the message for after sign-in), so it is
  // the worst case for an anonymous body; the documents route is an upload route.
  const anonymousTargets = () => [`/cases/${caseId}/messages`, `/requests/${requestId}/documents`];

  it('an anonymous 150 MB post with its length declared is refused unread, alone and four at once', { timeout: 120_000 }, async () => {
    for (const path of anonymousTargets()) {
      const alone = await peakGrowthMiB(`declared length, ${path}, alone`, async () => expectRefused(await post(path, { fileMiB: 150, chunked: false })));
      const four = await peakGrowthMiB(`declared length, ${path}, 4 at once`, async () => {
        for (const response of await Promise.all([1, 2, 3, 4].map(() => post(path, { fileMiB: 150, chunked: false })))) expectRefused(response);
      });
      expect(alone).toBeLessThan(MEMORY_GROWTH_BOUND_MIB);
      expect(four).toBeLessThan(MEMORY_GROWTH_BOUND_MIB);
    }
  });

  it('an anonymous 150 MB chunked post is cut off once past the limit, alone and four at once', { timeout: 120_000 }, async () => {
    for (const path of anonymousTargets()) {
      const alone = await peakGrowthMiB(`chunked, ${path}, alone`, async () => expectRefusedOrSentToSignIn(await post(path, { fileMiB: 150, chunked: true })));
      const four = await peakGrowthMiB(`chunked, ${path}, 4 at once`, async () => {
        for (const response of await Promise.all([1, 2, 3, 4].map(() => post(path, { fileMiB: 150, chunked: true })))) expectRefusedOrSentToSignIn(response);
      });
      expect(alone).toBeLessThan(MEMORY_GROWTH_BOUND_MIB);
      expect(four).toBeLessThan(MEMORY_GROWTH_BOUND_MIB);
    }
  });

  it('signed out: any body over the signed-out limit is refused (no one signed out uploads)', async () => {
    expectRefused(await post(`/requests/${requestId}/documents`, { fileMiB: 1, chunked: false }));
    const form = await send(`${server.url}/sign-in`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: `email=${'a'.repeat(SIGNED_OUT_BODY_LIMIT)}` });
    expectRefused(form);
  });

  it('signed in: a body over one upload is refused, declared or chunked', { timeout: 60_000 }, async () => {
    const over = MAX_UPLOAD_BYTES / MiB + 3;
    expectRefused(await post(`/requests/${requestId}/documents`, { fileMiB: over, chunked: false, cookie: familyCookie }));
    expectRefused(await post(`/requests/${requestId}/documents`, { fileMiB: over, chunked: true, cookie: familyCookie }));
  });

  it('signed in: a 20 MB upload still goes through', { timeout: 60_000 }, async () => {
    const fileMiB = MAX_UPLOAD_BYTES / MiB - 1;
    const response = await post(`/requests/${requestId}/documents`, { fileMiB, chunked: false, cookie: familyCookie });
    expect(response.status).toBe(302);
    expect(response.headers.location).toBe(`/requests/${requestId}/documents`);
  });

  it('signed in: four 19 MB uploads at once are streamed to disk, growing the server by no more than a few MB', { timeout: 300_000 }, async () => {
    const fileMiB = MAX_UPLOAD_BYTES / MiB - 1;
    const uploadFour = async () => {
      const responses = await Promise.all([1, 2, 3, 4].map(() => post(`/requests/${requestId}/documents`, { fileMiB, chunked: false, cookie: familyCookie })));
      for (const response of responses) expect(response.status).toBe(302);
    };
    // Warm-up: one upload runs the upload path's code once.
    expect((await post(`/requests/${requestId}/documents`, { fileMiB, chunked: false, cookie: familyCookie })).status).toBe(302);
    const four = await peakGrowthAcrossRunsMiB('signed in, four 19 MB uploads at once', uploadFour);
    expect(four).toBeLessThan(MEMORY_GROWTH_BOUND_MIB);
    // Each was stored whole, under its own name, and nothing was left half-received.
    const names = readdirSync(uploadDir);
    expect(names.filter((name) => name.endsWith('.pdf')).map((name) => statSync(join(uploadDir, name)).size)).toEqual(
      expect.arrayContaining(Array.from({ length: 13 }, () => fileMiB * MiB + PDF_START.length)),
    );
    expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
  });

  it('signed in: an upload is written to disk as it arrives, before the rest of it has been sent', { timeout: 60_000 }, async () => {
    const upload = uploadInParts(`/requests/${requestId}/documents`, 12);
    upload.sendUpTo(6);
    await eventually(() => receivingBytes() >= 5 * MiB, 'the first half of the file on disk');
    const answer = await upload.finish();
    expect(answer.status).toBe(302);
    expect(receivingBytes()).toBe(0);
  });

  it('signed in: a file over the limit is written up to it, then deleted at once while the rest is read; the message typed beside it comes back', { timeout: 60_000 }, async () => {
    const before = readdirSync(uploadDir).length;
    const message: UploadForm = { fields: { body: 'Here is the school report', formKey: crypto.randomUUID() }, fileField: 'attachment' };
    // 21 MB: over the file limit, within the body limit (one upload and the text beside it).
    const fileMiB = MAX_UPLOAD_BYTES / MiB + 1;
    const upload = uploadInParts(`/cases/${caseId}/messages`, fileMiB, message);
    upload.sendUpTo(10);
    await eventually(() => receivingBytes() >= 9 * MiB, 'the file so far on disk');
    // Past the limit, with the end of the form still to come: nothing of the file is kept.
    upload.sendUpTo(fileMiB);
    await eventually(() => receivingBytes() === 0, 'the file deleted once over the limit');
    const answer = await upload.finish();
    expect(answer.status).toBe(400);
    expect(answer.text).toContain('The selected file must be smaller than 20MB');
    expect(answer.text).toContain('Here is the school report');
    expect(readdirSync(uploadDir)).toHaveLength(before);
  });

  it('a form without a file over the form limit is refused; a long one within it is read', async () => {
    const tooLong = `body=${'a'.repeat(FORM_BODY_LIMIT)}`;
    const refused = await send(`${server.url}/cases/${caseId}/messages`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: familyCookie }, body: tooLong });
    expectRefused(refused);
    const long = await send(`${server.url}/cases/${caseId}/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: familyCookie },
      body: `body=${'a'.repeat(FORM_BODY_LIMIT / 2)}`,
    });
    // Read and answered by the route: the message is too long, said beside the field.
    expect(long.status).toBe(400);
  });
});
