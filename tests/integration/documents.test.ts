import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition, loader as downloadLoader } from '~/routes/documents.$documentId';
import { getEnv, resetEnvCache } from '~/env.server';
import { deleteDocument, documentsOfRequest, getDocument, readDocument, receiveUpload, storedPath, storeUpload, uploadDirectory, type DocumentKind } from '~/features/documents/index.server';
import type { Database } from '../../db/client';
import { auditLog, documents, type StoredDocument, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { useTestDatabase } from '../support/test-database';
import { received } from '../support/uploads';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);

// Not created yet: storeUpload makes it (0o700).
const scratch = mkdtempSync(join(tmpdir(), 'ehcp-uploads-'));
const uploadDir = join(scratch, 'uploads');
const previous = { UPLOAD_DIR: process.env.UPLOAD_DIR, CLAMAV_HOST: process.env.CLAMAV_HOST };

let db: Database;
let parent: User, secondParent: User, youngPerson: User, otherParent: User, caseworker: User, colleague: User, otherLaCaseworker: User;
let draftId: string, submittedRequestId: string, caseId: string, recordedDraftId: string;

const download = (user: User | null, id: string) =>
  settle(async () => downloadLoader({ request: await requestAs(user, `/documents/${id}`), params: { documentId: id }, context: {} }));

async function store(bytes: Buffer, filename: string, where: { requestId?: string; caseId?: string; kind?: DocumentKind }, by = parent) {
  const result = await storeUpload({ file: await received(bytes, filename), uploadedBy: by.id, kind: 'evidence', ...where });
  if (!result.ok) throw new Error(`upload refused: ${result.error}`);
  return result.document;
}

beforeAll(async () => {
  // Uploads go to a scratch directory; scanning is covered by virus-scan.test.ts.
  process.env.UPLOAD_DIR = uploadDir;
  delete process.env.CLAMAV_HOST;
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const other = await makeLa(db, 'Other Council');
  parent = await makeUser(db, 'parent');
  secondParent = await makeUser(db, 'parent');
  youngPerson = await makeUser(db, 'young_person');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  colleague = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  otherLaCaseworker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });

  const child = await makeChild(db, { laId: la.id, parentIds: [parent.id, secondParent.id], youngPersonUserId: youngPerson.id });
  draftId = (await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id })).id;

  const withCase = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id });
  caseId = withCase.caseRecord.id;
  submittedRequestId = (await makeAssessmentRequest(db, { childId: withCase.child.id, createdBy: parent.id, status: 'submitted', caseId })).id;

  // Another family, with its own draft, in the same LA.
  const otherChild = await makeChild(db, { laId: la.id, parentIds: [otherParent.id] });
  await makeAssessmentRequest(db, { childId: otherChild.id, createdBy: otherParent.id });

  // A request that arrived by letter, being recorded by a caseworker.
  const byLetter = await makeChild(db, { laId: la.id, parentIds: [secondParent.id] });
  recordedDraftId = (await makeAssessmentRequest(db, { childId: byLetter.id, createdBy: caseworker.id })).id;
});

afterAll(() => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

describe('storing an upload', () => {
  let stored: StoredDocument;

  it('keeps the bytes and records them; reading back gives the same bytes', async () => {
    const result = await storeUpload({ file: await received(PDF, 'EP report.pdf'), uploadedBy: parent.id, requestId: draftId, kind: 'evidence' });
    expect(result).toMatchObject({ ok: true, scan: 'not_scanned' });
    if (!result.ok) return;
    stored = result.document;
    expect(stored).toMatchObject({
      requestId: draftId,
      caseId: null,
      kind: 'evidence',
      uploadedBy: parent.id,
      originalName: 'EP report.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256: createHash('sha256').update(PDF).digest('hex'),
    });
    const back = await readDocument(stored.id);
    expect(back?.row.id).toBe(stored.id);
    expect(Buffer.compare(back!.bytes, PDF)).toBe(0);
  });

  it('stores it under a name the server made up (uuid + detected extension), never the name it was sent with', async () => {
    expect(stored.storedName).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\.pdf$/);
    expect(stored.storedName).not.toContain('EP report');
    expect(readdirSync(uploadDir)).toContain(stored.storedName);
    expect(readdirSync(uploadDir).some((f) => f.includes('report'))).toBe(false);

    // A name that tries to leave the directory changes nothing: the file is still ours, in the directory.
    const sneaky = await store(PDF, '../../../../tmp/escape.pdf', { requestId: draftId });
    expect(sneaky.originalName).toBe('escape.pdf');
    expect(readdirSync(uploadDir)).toContain(sneaky.storedName);
  });

  it('keeps files outside public/, readable only by the portal', async () => {
    const publicDir = resolve('public');
    const path = storedPath(stored.storedName);
    const outside = (p: string) => relative(publicDir, p).startsWith('..');
    expect(outside(path)).toBe(true);
    expect(path.startsWith(uploadDirectory() + sep)).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(uploadDirectory()).mode & 0o777).toBe(0o700);
    // The default location is outside public/ too, and a public/ location is refused at boot.
    expect(outside(resolve('./data/uploads'))).toBe(true);
    process.env.UPLOAD_DIR = './public/uploads';
    resetEnvCache();
    expect(() => getEnv()).toThrow(/UPLOAD_DIR: must not be inside public/);
    process.env.UPLOAD_DIR = uploadDir;
    resetEnvCache();
  });

  it('names a PNG sent as .pdf for what it is, and serves it as a PNG', async () => {
    const png = await store(PNG, 'scan.pdf', { requestId: draftId });
    expect(png).toMatchObject({ originalName: 'scan.png', mimeType: 'image/png' });
    expect(png.storedName).toMatch(/\.png$/);
  });

  it('refuses an .exe renamed .pdf and a file over the limit, deleting the received file at once', async () => {
    const before = { rows: (await documentsOfRequest(draftId)).length, files: readdirSync(uploadDir).length };
    const refuse = async (bytes: Buffer, filename: string, maxBytes?: number) => {
      const file = await received(bytes, filename);
      expect(readdirSync(uploadDir)).toContain(file.tempName);
      return storeUpload({ file, uploadedBy: parent.id, requestId: draftId, maxBytes });
    };
    expect(await refuse(EXE, 'report.pdf')).toEqual({ ok: false, error: 'errors.upload.type' });
    expect(await refuse(PDF, 'big.pdf', 10)).toEqual({ ok: false, error: 'errors.upload.tooBig' });
    expect((await documentsOfRequest(draftId)).length).toBe(before.rows);
    expect(readdirSync(uploadDir).length).toBe(before.files);
  });

  it('moves the received file to its stored name: the same file, not a copy', async () => {
    const file = await received(PDF, 'moved.pdf');
    const inode = statSync(join(uploadDir, file.tempName)).ino;
    const result = await storeUpload({ file, uploadedBy: parent.id, requestId: draftId });
    if (!result.ok) throw new Error(result.error);
    expect(readdirSync(uploadDir)).not.toContain(file.tempName);
    const kept = statSync(storedPath(result.document.storedName));
    expect(kept.ino).toBe(inode);
    expect(kept.mode & 0o777).toBe(0o600);
  });

  it("lists a request's documents, oldest first", async () => {
    const listed = await documentsOfRequest(draftId);
    expect(listed[0].id).toBe(stored.id);
    expect(listed.every((d) => d.requestId === draftId)).toBe(true);
    expect(await documentsOfRequest('not-a-uuid')).toEqual([]);
  });

  it('notices a stored file that no longer matches its record', async () => {
    const doc = await store(PDF, 'tamper.pdf', { requestId: draftId });
    writeFileSync(storedPath(doc.storedName), Buffer.from('%PDF-1.4 something else'));
    await expect(readDocument(doc.id)).rejects.toThrow(/does not match/);
  });
});

describe('receiving an upload (as the form is read)', () => {
  const MiB = 1024 * 1024;
  async function* chunks(count: number, size = MiB, fail = false) {
    for (let i = 0; i < count; i++) yield Buffer.alloc(size, 0x20);
    if (fail) throw new Error('the client went away');
  }
  const leftovers = () => readdirSync(uploadDir).filter((f) => f.startsWith('upload-'));

  it('writes the file to UPLOAD_DIR as it arrives, under a temporary name only the portal can read', async () => {
    const result = await receiveUpload(chunks(3), 'scan.pdf', 20 * MiB);
    if (!result.ok) throw new Error(result.reason);
    expect(result.file).toEqual({ tempName: expect.stringMatching(/^upload-[0-9a-f-]{36}\.part$/), filename: 'scan.pdf' });
    const info = statSync(join(uploadDir, result.file.tempName));
    expect(info.size).toBe(3 * MiB);
    expect(info.mode & 0o777).toBe(0o600);
    // Never a stored name: it cannot be downloaded or recorded as it is.
    expect(() => storedPath(result.file.tempName)).toThrow();
    rmSync(join(uploadDir, result.file.tempName));
  });

  it('past the limit stops writing and deletes what it wrote, reading the rest; an empty file writes nothing', async () => {
    expect(await receiveUpload(chunks(5), 'big.pdf', 4 * MiB)).toEqual({ ok: false, reason: 'tooBig' });
    expect(await receiveUpload(chunks(4), 'exactly.pdf', 4 * MiB)).toMatchObject({ ok: true });
    expect(await receiveUpload(chunks(0), '', 4 * MiB)).toEqual({ ok: false, reason: 'empty' });
    expect(leftovers()).toHaveLength(1);
    for (const name of leftovers()) rmSync(join(uploadDir, name));
  });

  it('a body that breaks off mid-file leaves nothing behind', async () => {
    await expect(receiveUpload(chunks(2, MiB, true), 'cut.pdf', 20 * MiB)).rejects.toThrow(/went away/);
    expect(leftovers()).toEqual([]);
  });
});

describe('downloading: GET /documents/:id', () => {
  let draftDoc: StoredDocument, submittedDoc: StoredDocument, caseDoc: StoredDocument;

  beforeAll(async () => {
    draftDoc = await store(PDF, 'Opinia – Zażółć (1).pdf', { requestId: draftId });
    submittedDoc = await store(PNG, 'drawing.png', { requestId: submittedRequestId });
    caseDoc = await store(PDF, 'plan.pdf', { caseId, kind: 'draft_plan' }, caseworker);
  });

  it('the parent who started the draft gets the bytes, as a download with safe headers', async () => {
    const response = await download(parent, draftDoc.id);
    expect(response.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await response.arrayBuffer()), PDF)).toBe(0);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(PDF.length),
      'content-disposition': `attachment; filename="Opinia _ Zazo_c (1).pdf"; filename*=UTF-8''Opinia%20%E2%80%93%20Za%C5%BC%C3%B3%C5%82%C4%87%20%281%29.pdf`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, no-store',
    });
  });

  it("the child's other parent and the young person may download a draft's document too", async () => {
    expect((await download(secondParent, draftDoc.id)).status).toBe(200);
    expect((await download(youngPerson, draftDoc.id)).status).toBe(200);
  });

  it("another family gets a 404 for a draft's document, and the attempt is audited", async () => {
    const response = await download(otherParent, draftDoc.id);
    expect(response.status).toBe(404);
    const denied = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, otherParent.id), eq(auditLog.subjectId, draftId), eq(auditLog.outcome, 'denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ action: 'download:document', subjectType: 'assessment_request' });
    expect(denied[0].details).toMatchObject({ documentId: draftDoc.id, path: `/documents/${draftDoc.id}` });
  });

  it("staff do not see a family's draft before it is submitted (404)", async () => {
    expect((await download(caseworker, draftDoc.id)).status).toBe(404);
  });

  it("a draft a caseworker is recording (a request by letter) is the LA's: its staff and the family, not another LA", async () => {
    const letter = await store(PDF, 'letter.pdf', { requestId: recordedDraftId }, caseworker);
    expect((await download(caseworker, letter.id)).status).toBe(200);
    expect((await download(colleague, letter.id)).status).toBe(200);
    expect((await download(secondParent, letter.id)).status).toBe(200);
    expect((await download(otherLaCaseworker, letter.id)).status).toBe(404);
    expect((await download(otherParent, letter.id)).status).toBe(404);
  });

  it("a submitted request's document is part of the case: the family and the LA's caseworker, no one else", async () => {
    expect((await download(parent, submittedDoc.id)).status).toBe(200);
    const staff = await download(caseworker, submittedDoc.id);
    expect(staff.status).toBe(200);
    expect(staff.headers.get('Content-Type')).toBe('image/png');
    expect((await download(otherParent, submittedDoc.id)).status).toBe(404);
    expect((await download(otherLaCaseworker, submittedDoc.id)).status).toBe(404);
    // Through requireCaseAccess: audited as access to the case.
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.userId, otherLaCaseworker.id), eq(auditLog.subjectId, caseId)));
    expect(audited.map((a) => a.outcome)).toEqual(['denied']);
  });

  it("a case's plan: the family and the council (every kind of document: document-access.test.ts)", async () => {
    expect((await download(parent, caseDoc.id)).status).toBe(200);
    expect((await download(caseworker, caseDoc.id)).status).toBe(200);
    expect((await download(otherParent, caseDoc.id)).status).toBe(404);
    expect((await download(youngPerson, caseDoc.id)).status).toBe(404);
  });

  it('an unknown or malformed id is a 404, never a 500', async () => {
    for (const id of ['00000000-0000-0000-0000-000000000000', 'not-a-uuid', '..%2F..%2Fetc%2Fpasswd', "1' or '1'='1"]) {
      expect((await download(parent, id)).status).toBe(404);
    }
  });

  it('someone signed out is sent to sign in', async () => {
    const response = await download(null, draftDoc.id);
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe(`/sign-in?returnTo=${encodeURIComponent(`/documents/${draftDoc.id}`)}`);
  });

  it('Content-Disposition never lets a name break out of the header', () => {
    expect(contentDisposition('a"b\\c;d\r\ne.pdf')).toBe(`attachment; filename="a_b_c;d__e.pdf"; filename*=UTF-8''a%22b%5Cc%3Bd%0D%0Ae.pdf`);
  });
});

describe('deleting', () => {
  it("removes a draft's document, row and file", async () => {
    const doc = await store(PDF, 'mistake.pdf', { requestId: draftId });
    expect(await deleteDocument(doc.id, parent.id)).toEqual({ ok: true });
    expect(await getDocument(doc.id)).toBeNull();
    expect(readdirSync(uploadDir)).not.toContain(doc.storedName);
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'delete:document'), eq(auditLog.subjectId, draftId)));
    expect(audit).toMatchObject({ userId: parent.id, outcome: 'allowed', details: { documentId: doc.id } });
  });

  it("never deletes a submitted request's or a case's document", async () => {
    const submitted = await store(PDF, 'kept.pdf', { requestId: submittedRequestId });
    const onCase = await store(PDF, 'kept.pdf', { caseId }, caseworker);
    expect(await deleteDocument(submitted.id, parent.id)).toEqual({ ok: false, reason: 'not_draft' });
    expect(await deleteDocument(onCase.id, caseworker.id)).toEqual({ ok: false, reason: 'not_draft' });
    expect(await db.select({ id: documents.id }).from(documents).where(eq(documents.id, submitted.id))).toHaveLength(1);
    expect(readdirSync(uploadDir)).toEqual(expect.arrayContaining([submitted.storedName, onCase.storedName]));
  });

  it('an unknown id is not_found', async () => {
    expect(await deleteDocument('00000000-0000-0000-0000-000000000000', parent.id)).toEqual({ ok: false, reason: 'not_found' });
    expect(await deleteDocument('nope', parent.id)).toEqual({ ok: false, reason: 'not_found' });
  });
});
