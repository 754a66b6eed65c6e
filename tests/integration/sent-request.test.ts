import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvCache } from '~/env.server';
import { action as sentAction, loader as sentLoader } from '~/routes/cases.$caseId.request';
import { loader as downloadLoader } from '~/routes/documents.$documentId';
import { loader as layoutLoader } from '~/routes/cases.$caseId';
import { caseloadPage, DEFAULT_QUERY } from '~/features/caseload/index.server';
import type { Database } from '../../db/client';
import { adviceRequests, advocateConsents, adviceOrganisations, assessmentRequests, auditLog, documents, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest } from '../support/request-factories';
import { readPdf } from '../support/pdf';
import { useTestDatabase } from '../support/test-database';
import { loader as pdfLoader } from '~/routes/cases.$caseId.request_.pdf';

/**
 * Issue 13, item 1: the request stays readable once sent. The family (and an adviser within
 * consent) re-read exactly what was sent; the council reads every answer and adds evidence the
 * family sends later; nobody else sees it.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
const answers = {
  'about-the-child': { strengths: 'Loves trains and drawing', homeLanguage: 'English' },
  communication: { contactLanguage: 'Polish', interpreter: 'yes', interpreterLanguage: 'Polish', formats: '' },
};

const scratch = mkdtempSync(join(tmpdir(), 'ehcp-sent-request-'));
const previous = { UPLOAD_DIR: process.env.UPLOAD_DIR, CLAMAV_HOST: process.env.CLAMAV_HOST };
let db: Database;
let parent: User, otherParent: User, caseworker: User, otherLaCaseworker: User, professional: User, viewAdvocate: User;
let caseId: string, requestId: string, draftCaseId: string;

beforeAll(async () => {
  process.env.UPLOAD_DIR = join(scratch, 'uploads');
  delete process.env.CLAMAV_HOST;
  resetEnvCache();
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const other = await makeLa(db);
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  otherLaCaseworker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  professional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  const [viewing] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Viewing advice service' }).returning();
  viewAdvocate = await makeUser(db, 'advocate', { adviceOrgId: viewing.id });
  const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering' });
  caseId = made.caseRecord.id;
  requestId = (await makeAssessmentRequest(db, { childId: made.child.id, createdBy: parent.id, status: 'submitted', caseId })).id;
  await db.update(assessmentRequests).set({ answers, submittedBy: parent.id, submittedAt: new Date('2026-11-02T10:00:00Z') }).where(eq(assessmentRequests.id, requestId));
  await db.insert(documents).values({ requestId, caseId, uploadedBy: parent.id, originalName: 'school report.pdf', storedName: `stored-${crypto.randomUUID()}`, mimeType: 'application/pdf', sizeBytes: 2048, sha256: 'x', createdAt: new Date('2026-11-01T09:00:00Z') });
  await db.insert(advocateConsents).values({ childId: made.child.id, grantedBy: parent.id, adviceOrgId: viewing.id, advocateUserId: viewAdvocate.id, scope: 'view', expiresOn: '2099-12-31', formKey: crypto.randomUUID() });
  await db.insert(adviceRequests).values({ caseId, laId: la.id, professionalId: professional.id, kind: 'educational_psychologist', requestedBy: caseworker.id, requestedOn: '2026-11-10', dueBy: '2099-12-31', formKey: crypto.randomUUID() });
  // A case opened without a request sent through the portal has nothing to show here.
  draftCaseId = (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], stage: 'request_received' })).caseRecord.id;
});

afterAll(() => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

const open = (user: User, id = caseId) => settle(async () => sentLoader({ request: await requestAs(user, `/cases/${id}/request`), params: { caseId: id }, context: {} }));

function addEvidence(user: User, file: { bytes: Buffer; name: string } | null) {
  const form = new FormData();
  form.append('file', file ? new Blob([new Uint8Array(file.bytes)], { type: 'application/pdf' }) : new Blob([]), file?.name ?? '');
  return settle(async () => sentAction({ request: await requestAs(user, `/cases/${caseId}/request`, { multipart: form }), params: { caseId }, context: {} }));
}

describe('the request, once sent', () => {
  it('the family, the caseworker and an adviser with view consent read every answer as sent, with the date and who sent it', async () => {
    for (const reader of [parent, caseworker, viewAdvocate]) {
      const page = await open(reader);
      expect(page.status).toBe(200);
      const { sent } = await page.json();
      expect(sent).toMatchObject({ requestId, sentAt: '2026-11-02T10:00:00.000Z', sentBy: 'Pat Parent', answers });
      expect(sent.sentWith.map((f: { name: string }) => f.name)).toEqual(['school report.pdf']);
    }
  });

  it('a professional asked for advice, another family and another council cannot open it', async () => {
    // The policy answers as if the request were not there (read:request: a professional is not a reader of it).
    expect((await open(professional)).status).toBe(404);
    expect((await open(otherParent)).status).toBe(404);
    expect((await open(otherLaCaseworker)).status).toBe(404);
  });

  it('downloads as a tagged PDF with every answer as sent, for the same readers', async () => {
    const download = async (user: User) => settle(async () => pdfLoader({ request: await requestAs(user, `/cases/${caseId}/request/pdf`), params: { caseId }, context: {} }));
    const response = await download(viewAdvocate);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe('attachment; filename="request-for-assessment.pdf"');
    const pdf = await readPdf(new Uint8Array(await response.arrayBuffer()));
    expect(pdf.text).toContain('The request for an EHC needs assessment');
    expect(pdf.text).toContain('Loves trains and drawing');
    expect(pdf.text).toContain('Polish');
    expect(pdf.text).toContain('school report.pdf');
    expect(pdf.roles).toEqual(expect.arrayContaining(['H1', 'H2', 'LI']));
    expect((await download(professional)).status).toBe(404);
    expect((await download(otherParent)).status).toBe(404);
  });

  it('a case with no sent request has no request page', async () => {
    expect((await open(parent, draftCaseId)).status).toBe(404);
  });

  it('only the council adds evidence: the family can then see and download it; the answers stay as sent', async () => {
    expect((await addEvidence(parent, { bytes: PDF, name: 'letter.pdf' })).status).toBe(403);
    const added = await addEvidence(caseworker, { bytes: PDF, name: 'paediatrician letter.pdf' });
    expect(added.status).toBe(302);
    const { sent } = await (await open(parent)).json();
    expect(sent.addedLater).toHaveLength(1);
    expect(sent.addedLater[0]).toMatchObject({ name: 'paediatrician letter.pdf', addedBy: caseworker.name });
    expect(sent.sentWith).toHaveLength(1);
    expect(sent.answers).toEqual(answers);
    const download = await settle(async () =>
      downloadLoader({ request: await requestAs(parent, `/documents/${sent.addedLater[0].id}`), params: { documentId: sent.addedLater[0].id }, context: {} }),
    );
    expect(download.status).toBe(200);
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.userId, caseworker.id), eq(auditLog.action, 'add:evidence')));
    expect(audited).toHaveLength(1);
  });

  it('no file chosen is "Select a file"; a chosen empty file is "The selected file is empty"', async () => {
    const none = await addEvidence(caseworker, null);
    expect(none.status).toBe(400);
    expect((await none.json()).errors).toEqual({ file: 'errors.upload.noFile' });
    const empty = await addEvidence(caseworker, { bytes: Buffer.alloc(0), name: 'blank.pdf' });
    expect((await empty.json()).errors).toEqual({ file: 'errors.upload.empty' });
  });
});

describe("the family's need for an interpreter", () => {
  const layout = async (user: User) => (await settle(async () => layoutLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }))).json();

  it('is on every page of the case for the council, from the request, and in the caseworker\'s caseload', async () => {
    expect((await layout(caseworker)).interpreterLanguage).toBe('Polish');
    const entry = (await caseloadPage({ laId: caseworker.laId!, caseworkerId: caseworker.id }, DEFAULT_QUERY)).rows.find((c) => c.id === caseId);
    expect(entry?.interpreterLanguage).toBe('Polish');
  });

  it('is not shown in the family\'s own header, and no request means no interpreter noted', async () => {
    expect((await layout(parent)).interpreterLanguage).toBeNull();
    await db.update(assessmentRequests).set({ answers: { communication: { interpreter: 'no', interpreterLanguage: 'Polish' } } }).where(eq(assessmentRequests.id, requestId));
    expect((await layout(caseworker)).interpreterLanguage).toBeNull();
    await db.update(assessmentRequests).set({ answers }).where(eq(assessmentRequests.id, requestId));
  });
});
