import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loader as downloadLoader } from '~/routes/documents.$documentId';
import { loader as caseLoader } from '~/routes/cases.$caseId._index';
import { action as messagesAction, loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { resetEnvCache } from '~/env.server';
import { todayInLondon } from '~/domain/timescales';
import { prepareUpload, storedPath, storeUpload, sweepOrphanUploads } from '~/features/documents/index.server';
import { queues, startWorker } from '~/jobs/worker.server';
import type { Database } from '../../db/client';
import { adviceOrganisations, adviceRequests, advocateConsents, auditLog, documents, messageAttachments, messages, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest } from '../support/request-factories';
import { useMailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';
import { received } from '../support/uploads';

/**
 * Issue 11, item 5: a document is downloaded by whoever may read what it belongs to on its page,
 * and nothing is left behind when the thing it belongs to is not stored.
 */
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

const scratch = mkdtempSync(join(tmpdir(), 'ehcp-document-access-'));
const uploadDir = join(scratch, 'uploads');
const previous = { UPLOAD_DIR: process.env.UPLOAD_DIR, CLAMAV_HOST: process.env.CLAMAV_HOST };

let db: Database;
let parent: User, otherParent: User, caseworker: User, professional: User, otherProfessional: User, actingAdvocate: User, viewAdvocate: User;
let caseId: string, laId: string, adviceId: string, requestId: string;

beforeAll(async () => {
  process.env.UPLOAD_DIR = uploadDir;
  delete process.env.CLAMAV_HOST;
  resetEnvCache();
  ({ db } = await useTestDatabase());
  // The worker runs with its schedules, to check the sweep is among them; the sink catches the thread's emails.
  await useMailSink({ schedules: true });
  const { la, team } = await makeLa(db);
  laId = la.id;
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  professional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  otherProfessional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'health' });
  const [acting] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Acting SENDIASS' }).returning();
  const [viewing] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Viewing advice service' }).returning();
  actingAdvocate = await makeUser(db, 'advocate', { adviceOrgId: acting.id });
  viewAdvocate = await makeUser(db, 'advocate', { adviceOrgId: viewing.id });

  const made = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering' });
  caseId = made.caseRecord.id;
  requestId = (await makeAssessmentRequest(db, { childId: made.child.id, createdBy: parent.id, status: 'submitted', caseId })).id;
  const today = todayInLondon();
  await db.insert(advocateConsents).values([
    { childId: made.child.id, grantedBy: parent.id, adviceOrgId: acting.id, scope: 'act', expiresOn: '2099-12-31', formKey: crypto.randomUUID() },
    { childId: made.child.id, grantedBy: parent.id, adviceOrgId: viewing.id, advocateUserId: viewAdvocate.id, scope: 'view', expiresOn: '2099-12-31', formKey: crypto.randomUUID() },
  ]);
  // Both professionals are asked about the case, so both may read it.
  const ask = (who: User) => ({ caseId, laId, professionalId: who.id, kind: 'health' as const, requestedBy: caseworker.id, requestedOn: today, dueBy: '2099-12-31', formKey: crypto.randomUUID() });
  [{ id: adviceId }] = await db.insert(adviceRequests).values(ask(professional)).returning();
  await db.insert(adviceRequests).values(ask(otherProfessional));
});

afterAll(() => {
  for (const [key, value] of Object.entries(previous)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

const download = async (user: User, id: string) =>
  (await settle(async () => downloadLoader({ request: await requestAs(user, `/documents/${id}`), params: { documentId: id }, context: {} }))).status;

function sendMessage(user: User, body: string, options: { file?: Buffer; formKey?: string } = {}) {
  const form = new FormData();
  form.append('body', body);
  form.append('formKey', options.formKey ?? crypto.randomUUID());
  if (options.file) form.append('attachment', new Blob([new Uint8Array(options.file)], { type: 'application/pdf' }), 'school report.pdf');
  return settle(async () => messagesAction({ request: await requestAs(user, `/cases/${caseId}/messages`, { multipart: form }), params: { caseId }, context: {} }));
}

const files = () => readdirSync(uploadDir, { withFileTypes: true }).filter((f) => f.isFile()).map((f) => f.name);
const documentCount = async () => (await db.select({ n: sql<number>`count(*)::int` }).from(documents))[0].n;

async function attachmentOf(body: string) {
  const [row] = await db
    .select({ id: documents.id, storedName: documents.storedName })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .innerJoin(documents, eq(documents.id, messageAttachments.documentId))
    .where(and(eq(messages.caseId, caseId), eq(messages.body, body)));
  return row;
}

describe("a message's attachment follows the thread", () => {
  let attachmentId: string;

  beforeAll(async () => {
    expect((await sendMessage(parent, 'Here is the school report', { file: PDF })).status).toBe(302);
    attachmentId = (await attachmentOf('Here is the school report')).id;
  });

  it('the family, the caseworker and an adviser who may act can download it', async () => {
    expect(await download(parent, attachmentId)).toBe(200);
    expect(await download(caseworker, attachmentId)).toBe(200);
    expect(await download(actingAdvocate, attachmentId)).toBe(200);
  });

  it('a professional asked about the case, and an adviser with view-only consent, cannot open the thread, nor download its attachment', async () => {
    for (const outsider of [professional, viewAdvocate]) {
      const page = await settle(async () => messagesLoader({ request: await requestAs(outsider, `/cases/${caseId}/messages`), params: { caseId }, context: {} }));
      expect(page.status).toBe(403);
      expect(await download(outsider, attachmentId)).toBe(404);
    }
    expect(await download(otherParent, attachmentId)).toBe(404);
  });

  it('every refusal is audited against the case, naming what the document belongs to', async () => {
    const denied = await db.select().from(auditLog).where(and(eq(auditLog.userId, viewAdvocate.id), eq(auditLog.action, 'download:document'), eq(auditLog.outcome, 'denied')));
    expect(denied).toHaveLength(1);
    expect(denied[0]).toMatchObject({ subjectType: 'case', subjectId: caseId, details: { documentId: attachmentId, belongsTo: 'thread', scope: 'view' } });
  });

  it("is not listed on the case page: only the request's documents are, and not to professionals", async () => {
    const evidence = await storeUpload({ file: await received(PDF, 'evidence.pdf'), uploadedBy: parent.id, requestId, caseId, kind: 'evidence' });
    if (!evidence.ok) throw new Error(evidence.error);
    const listed = async (user: User) => {
      const response = await settle(async () => caseLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }));
      return ((await response.json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    };
    expect(await listed(parent)).toEqual([evidence.document.id]);
    expect(await listed(viewAdvocate)).toEqual([evidence.document.id]);
    expect(await listed(professional)).toEqual([]);
    expect(await download(viewAdvocate, evidence.document.id)).toBe(200);
    expect(await download(professional, evidence.document.id)).toBe(404);
  });
});

describe('a report follows its advice; the plan follows the plan page', () => {
  it("a report is the professional's until submitted, the council's once submitted, the family's once released", async () => {
    const report = await storeUpload({ file: await received(PDF, 'EP report.pdf'), uploadedBy: professional.id, caseId, adviceRequestId: adviceId, kind: 'advice_report' });
    if (!report.ok) throw new Error(report.error);
    const id = report.document.id;
    const readers = async () => Object.fromEntries(await Promise.all(Object.entries({ professional, otherProfessional, caseworker, parent, viewAdvocate }).map(async ([who, user]) => [who, await download(user, id)])));

    expect(await readers()).toEqual({ professional: 200, otherProfessional: 404, caseworker: 404, parent: 404, viewAdvocate: 404 });
    await db.update(adviceRequests).set({ state: 'submitted', submittedAt: new Date(), closedOn: todayInLondon(), withheldReason: 'Waiting for the health visitor', withheldBy: caseworker.id }).where(eq(adviceRequests.id, adviceId));
    expect(await readers()).toEqual({ professional: 200, otherProfessional: 404, caseworker: 200, parent: 404, viewAdvocate: 404 });
    await db.update(adviceRequests).set({ withheldReason: null, withheldBy: null }).where(eq(adviceRequests.id, adviceId));
    expect(await readers()).toEqual({ professional: 200, otherProfessional: 404, caseworker: 200, parent: 200, viewAdvocate: 200 });
  });

  it('the draft plan: the family, the council and their advisers, never a professional', async () => {
    const plan = await storeUpload({ file: await received(PDF, 'Draft plan.pdf'), uploadedBy: caseworker.id, caseId, kind: 'draft_plan' });
    if (!plan.ok) throw new Error(plan.error);
    expect(await download(parent, plan.document.id)).toBe(200);
    expect(await download(caseworker, plan.document.id)).toBe(200);
    expect(await download(viewAdvocate, plan.document.id)).toBe(200);
    expect(await download(professional, plan.document.id)).toBe(404);
  });

  it('a document that belongs to nothing (an attachment never linked to a message) is read by no one', async () => {
    const loose = await storeUpload({ file: await received(PDF, 'loose.pdf'), uploadedBy: parent.id, caseId, kind: 'message_attachment' });
    if (!loose.ok) throw new Error(loose.error);
    expect(await download(parent, loose.document.id)).toBe(404);
    expect(await download(caseworker, loose.document.id)).toBe(404);
  });
});

describe('a message that is not stored leaves no attachment behind', () => {
  it('a message refused by validation writes no file and no row', async () => {
    const before = { files: files().length, rows: await documentCount() };
    const refused = await sendMessage(parent, '   ', { file: PDF });
    expect(refused.status).toBe(400);
    expect({ files: files().length, rows: await documentCount() }).toEqual(before);
  });

  it('the same form sent twice stores one message and one attachment', async () => {
    const formKey = crypto.randomUUID();
    const before = { files: files().length, rows: await documentCount() };
    expect((await sendMessage(parent, 'Sent twice', { file: PDF, formKey })).status).toBe(302);
    expect((await sendMessage(parent, 'Sent twice', { file: PDF, formKey })).status).toBe(302);
    expect({ files: files().length, rows: await documentCount() }).toEqual({ files: before.files + 1, rows: before.rows + 1 });
    expect(files()).toContain((await attachmentOf('Sent twice')).storedName);
  });

  it("a transaction that rolls back after the attachment's row was written leaves neither the row nor the file", async () => {
    // The database refuses to link this one message's attachment: the message, the document row
    // and the link are rolled back together, after the file was written.
    await db.execute(
      sql.raw(`CREATE FUNCTION refuse_test_attachment() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF (SELECT body FROM messages WHERE id = NEW.message_id) = 'Roll me back' THEN RAISE EXCEPTION 'refused by the test'; END IF;
          RETURN NEW;
        END $$`),
    );
    await db.execute(sql.raw('CREATE TRIGGER refuse_test_attachment BEFORE INSERT ON message_attachments FOR EACH ROW EXECUTE FUNCTION refuse_test_attachment()'));
    const before = { files: files().length, rows: await documentCount() };
    await expect(sendMessage(parent, 'Roll me back', { file: PDF })).rejects.toMatchObject({ cause: { message: 'refused by the test' } });
    expect({ files: files().length, rows: await documentCount() }).toEqual(before);
    expect(await db.select().from(messages).where(eq(messages.body, 'Roll me back'))).toHaveLength(0);
    await db.execute(sql.raw('DROP TRIGGER refuse_test_attachment ON message_attachments'));
    await db.execute(sql.raw('DROP FUNCTION refuse_test_attachment()'));
  });
});

describe('files left by a crash between writing and recording are swept', () => {
  const hoursAgo = (hours: number) => new Date(Date.now() - hours * 60 * 60 * 1000);

  it('removes a file no row names once it is an hour old, and a received file never checked; keeps younger ones, recorded ones and names it did not make', async () => {
    const crashed = await prepareUpload({ file: await received(PDF, 'crashed.pdf'), uploadedBy: parent.id, caseId, kind: 'message_attachment' });
    const waiting = await prepareUpload({ file: await received(PDF, 'waiting.pdf'), uploadedBy: parent.id, caseId, kind: 'message_attachment' });
    const recorded = await storeUpload({ file: await received(PDF, 'kept.pdf'), uploadedBy: parent.id, caseId, kind: 'draft_plan' });
    if (!crashed.ok || !waiting.ok || !recorded.ok) throw new Error('upload refused');
    // Received while a form was read, then the server stopped before the request was done with it.
    const interrupted = await received(PDF, 'interrupted.pdf');
    const arriving = await received(PDF, 'arriving.pdf');
    const foreign = join(uploadDir, 'README.txt');
    writeFileSync(foreign, 'not ours');
    for (const path of [storedPath(crashed.upload.storedName), storedPath(recorded.document.storedName), join(uploadDir, interrupted.tempName), foreign]) utimesSync(path, hoursAgo(2), hoursAgo(2));

    expect((await sweepOrphanUploads()).sort()).toEqual([crashed.upload.storedName, interrupted.tempName].sort());
    expect(files()).not.toContain(crashed.upload.storedName);
    expect(files()).toEqual(expect.arrayContaining([waiting.upload.storedName, recorded.document.storedName, arriving.tempName, 'README.txt']));
    // An hour later the waiting ones, never recorded, go too.
    expect((await sweepOrphanUploads(new Date(Date.now() + 2 * 60 * 60 * 1000))).sort()).toEqual([waiting.upload.storedName, arriving.tempName].sort());
  });

  it('runs hourly in the job worker', async () => {
    // The sink's worker (started with its schedules); startWorker hands back the running one.
    const schedules = await (await startWorker()).boss.getSchedules();
    expect(schedules.map((s) => s.name)).toContain(queues.sweepUploads);
  });
});
