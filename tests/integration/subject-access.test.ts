import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { and, eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import {
  adviceRequests,
  advocateConsents,
  auditLog,
  capacityRecords,
  caseEvents,
  caseMeetings,
  caseNotes,
  consentEvents,
  draftPlanComments,
  draftPlanPreferences,
  emailTokens,
  familyViews,
  heldMessages,
  messageAttachments,
  messages,
  mfaRecoveryCodes,
  outboxEmails,
  planVersions,
  annualReviews,
  reviewRemindersSent,
  interpreterRequests,
  complaints,
  feedbackOffers,
  feedbackResponses,
  mediations,
  tribunalAppeals,
  tribunalOrders,
  rectificationRequests,
  retentionDue,
  retentionHolds,
  sen2CaseDetails,
  sen2Placements,
  serviceStandardBreaches,
  sessions,
  subjectAccessRequests,
  threadReads,
  adviceOrganisations,
  type User,
} from '../../db/schema';
import type { Database } from '../../db/client';
import { resetEnvCache } from '~/env.server';
import { subjectAccessDueOn } from '~/domain/subject-access';
import { addDays, todayInLondon } from '~/domain/timescales';
import { storeUpload } from '~/features/documents/index.server';
import { buildDataExport, COVERED_TABLES, REDACTED, TABLES_WITHOUT_REQUESTER_DATA } from '~/features/data-rights/index.server';
import { action as askAction, loader as askLoader } from '~/routes/account_.your-data';
import { loader as accountDownload } from '~/routes/account_.your-data_.account';
import { loader as familyDownload } from '~/routes/account_.your-data_.$sarId';
import { action as listAction, loader as listLoader } from '~/routes/subject-access';
import { action as releaseAction, loader as requestLoader } from '~/routes/subject-access_.$sarId';
import { loader as staffDownload } from '~/routes/subject-access_.$sarId_.export';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest } from '../support/request-factories';
import { received } from '../support/uploads';
import { useTestDatabase } from '../support/test-database';

const scratch = mkdtempSync(join(tmpdir(), 'ehcp-sar-'));
const previousUploadDir = process.env.UPLOAD_DIR;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');

let db: Database;
let caseworker: User, manager: User, otherManager: User, professional: User, advocate: User;
type Family = { parent: User; childId: string; caseId: string; ids: string[] };
let familyA: Family, familyB: Family;
let laId: string;

/** One family with a row in every table that can hold something of theirs. */
async function makeFamily(la: { id: string }, teamId: string, orgId: string, label: string): Promise<Family> {
  const parent = await makeUser(db, 'parent', { name: `Parent ${label}`, phone: `07700 90000${label === 'A' ? 1 : 2}` });
  const { child, caseRecord } = await makeChildWithCase(db, { laId: la.id, teamId, parentIds: [parent.id], caseworkerId: caseworker.id });
  const request = await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id, status: 'submitted', caseId: caseRecord.id });
  const stored = await storeUpload({ file: await received(PDF, `report ${label}.pdf`), uploadedBy: parent.id, kind: 'evidence', requestId: request.id, caseId: caseRecord.id });
  if (!stored.ok) throw new Error('upload refused');
  const [message] = await db.insert(messages).values({ caseId: caseRecord.id, senderId: parent.id, side: 'family', body: `Message from ${label}`, formKey: crypto.randomUUID() }).returning();
  await db.insert(messageAttachments).values({ messageId: message.id, documentId: stored.document.id });
  await db.insert(threadReads).values({ userId: parent.id, caseId: caseRecord.id, readAt: new Date() });
  await db.insert(heldMessages).values({ tokenHash: `hash-${label}-${crypto.randomUUID()}`, caseId: caseRecord.id, body: `Held ${label}` });
  await db.insert(serviceStandardBreaches).values({ caseId: caseRecord.id, standard: 'acknowledge', startedOn: '2026-10-01', dueBy: '2026-10-05' });
  await db.insert(caseEvents).values({ caseId: caseRecord.id, kind: 'request_received', actorId: parent.id });
  await db.insert(caseNotes).values({ caseId: caseRecord.id, laId: la.id, authorId: caseworker.id, body: `Note about ${label}`, formKey: crypto.randomUUID() });
  await db.insert(sessions).values({ id: `session-${label}-${crypto.randomUUID()}`, userId: parent.id, expiresAt: new Date(Date.now() + 3600_000) });
  await db.insert(emailTokens).values({ id: `token-${label}-${crypto.randomUUID()}`, userId: parent.id, purpose: 'verify_email', expiresAt: new Date(Date.now() + 3600_000) });
  await db.insert(mfaRecoveryCodes).values({ userId: parent.id, codeHash: `code-${label}` });
  await db.insert(outboxEmails).values({ recipientId: parent.id, toAddress: parent.email, laId: la.id, locale: 'en', template: 'verifyEmail', params: { name: parent.name, link: 'https://example.test/x' } });
  const [advice] = await db
    .insert(adviceRequests)
    .values({ caseId: caseRecord.id, laId: caseRecord.laId, professionalId: professional.id, kind: 'health', requestedBy: caseworker.id, requestedOn: '2026-10-02', dueBy: '2026-11-13', needs: `Needs ${label}`, withheldReason: 'Held back for a reason', formKey: crypto.randomUUID() })
    .returning();
  await db.insert(familyViews).values({ caseId: caseRecord.id, voice: 'parent', slot: `parent:${parent.id}`, writtenBy: parent.id, hopes: `Hopes ${label}` });
  const [version] = await db.insert(planVersions).values({ caseId: caseRecord.id, number: 1, kind: 'draft', content: {} as never, createdBy: caseworker.id }).returning();
  await db.insert(draftPlanComments).values({ caseId: caseRecord.id, authorId: parent.id, planVersionId: version.id, section: 'A', body: `Comment ${label}`, formKey: crypto.randomUUID() });
  await db.insert(draftPlanPreferences).values({ caseId: caseRecord.id, authorId: parent.id, preferredSetting: `School ${label}` });
  await db.insert(caseMeetings).values({ caseId: caseRecord.id, heldOn: '2026-10-10', attendees: 'Dr Other Person', minutes: `Minutes ${label}`, familyInvited: false, professionalsOnlyReason: 'Safeguarding', recordedBy: caseworker.id, formKey: crypto.randomUUID() });
  const [consent] = await db.insert(advocateConsents).values({ childId: child.id, grantedBy: parent.id, adviceOrgId: orgId, advocateUserId: advocate.id, scope: 'view', expiresOn: '2027-12-31', formKey: crypto.randomUUID() }).returning();
  await db.insert(consentEvents).values({ consentId: consent.id, kind: 'granted', actorId: parent.id });
  await db.insert(capacityRecords).values({ childId: child.id, recordedBy: parent.id, explanation: `Capacity ${label}` });
  await db.insert(auditLog).values({ userId: caseworker.id, action: 'read:case', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed' });
  await db.insert(rectificationRequests).values({ laId: la.id, childId: child.id, requesterId: parent.id, receivedOn: '2026-10-12', dueOn: '2026-11-12', changes: [{ field: 'lastName', from: 'Old', to: `Corrected ${label}` }], reason: `Spelling ${label}`, formKey: crypto.randomUUID() });
  const [review] = await db.insert(annualReviews).values({ laId: la.id, caseId: caseRecord.id, number: 1, cycleStart: '2025-11-02' }).returning();
  await db.insert(reviewRemindersSent).values({ reviewId: review.id, key: 'meeting:2026-11-01' });
  await db.insert(interpreterRequests).values({ caseId: caseRecord.id, laId: la.id, requestedBy: parent.id, purpose: 'meeting', language: `Language ${label}`, formKey: crypto.randomUUID() });
  await db.insert(complaints).values({ laId: la.id, caseId: caseRecord.id, reference: `C-${label}`, number: 1, channel: 'portal', madeBy: parent.id, about: `Complaint ${label}`, putRight: 'Sorry', receivedOn: '2026-10-12', acknowledgeBy: '2026-10-15', stage1DueBy: '2026-10-26', formKey: crypto.randomUUID() });
  await db.insert(feedbackOffers).values({ laId: la.id, caseId: caseRecord.id, step: 'decision', offeredOn: '2026-10-20' });
  await db.insert(feedbackResponses).values({ laId: la.id, caseId: caseRecord.id, step: 'decision', respondentId: parent.id, satisfaction: 4, comment: `Feedback from ${label}`, respondedOn: '2026-10-21' });
  await db.insert(mediations).values({ laId: la.id, caseId: caseRecord.id, decision: 'refuse_assessment', decisionSentOn: '2026-09-01', adviserContactedOn: '2026-09-10', certificateIssuedOn: '2026-09-14', certificateKind: 'not_pursued', appealDeadline: '2026-11-02', recordedBy: caseworker.id, formKey: crypto.randomUUID() });
  const [appeal] = await db.insert(tribunalAppeals).values({ laId: la.id, caseId: caseRecord.id, decision: 'refuse_assessment', tribunalReference: `EH-${crypto.randomUUID()}`, registeredOn: '2026-10-01', status: 'decided', decidedOn: '2026-10-20', outcome: 'conceded', recordedBy: caseworker.id }).returning();
  await db.insert(tribunalOrders).values({ laId: la.id, caseId: caseRecord.id, appealId: appeal.id, kind: 'assess', orderedOn: '2026-10-20', compliesBy: '2027-01-26', recordedBy: caseworker.id });
  await db.insert(retentionHolds).values({ laId: la.id, childId: child.id, reason: 'complaint', note: `Complaint about ${label}`, placedBy: caseworker.id, formKey: crypto.randomUUID() });
  await db.insert(retentionDue).values({ laId: la.id, childId: child.id, caseId: caseRecord.id, rule: 'no_plan_years', dueOn: '2026-01-01' });
  await db.insert(sen2CaseDetails).values({ caseId: caseRecord.id, laId: la.id, sex: 'F', primaryNeed: 'ASD' });
  await db.insert(sen2Placements).values({ caseId: caseRecord.id, laId: la.id, settingCode: 'EHE', entryDate: '2025-09-01', formKey: crypto.randomUUID() });
  return { parent, childId: child.id, caseId: caseRecord.id, ids: [parent.id, parent.email, child.id, caseRecord.id, request.id, stored.document.id, message.id, advice.id, consent.id, `Note about ${label}`, `Message from ${label}`, `Corrected ${label}`] };
}

beforeAll(async () => {
  process.env.UPLOAD_DIR = join(scratch, 'uploads');
  resetEnvCache();
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  const [org] = await db.insert(adviceOrganisations).values({ laId: la.id, name: `SENDIASS ${crypto.randomUUID()}` }).returning();
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Casey Worker' });
  manager = await makeUser(db, 'manager', { laId: la.id, name: 'Morgan Manager' });
  otherManager = await makeUser(db, 'manager', { laId: elsewhere.la.id });
  professional = await makeUser(db, 'professional', { laId: la.id, name: 'Dr Pat Professional' });
  advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id, name: 'Ada Adviser' });
  familyA = await makeFamily(la, team.id, org.id, 'A');
  familyB = await makeFamily(la, team.id, org.id, 'B');
});

afterAll(() => {
  if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = previousUploadDir;
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

/** The files of a ZIP, by name (stored or deflated entries, as the export writes them). */
function unzip(archive: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (archive.readUInt32LE(at) === 0x04034b50) {
    const method = archive.readUInt16LE(at + 8);
    const size = archive.readUInt32LE(at + 18);
    const nameLength = archive.readUInt16LE(at + 26);
    const extraLength = archive.readUInt16LE(at + 28);
    const name = archive.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const start = at + 30 + nameLength + extraLength;
    const body = archive.subarray(start, start + size);
    const content = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    // A reader checks the CRC-32 the header promises: a wrong one is a corrupt archive.
    expect(crc32(content), name).toBe(archive.readUInt32LE(at + 14));
    files.set(name, content);
    at = start + size;
  }
  return files;
}

const allTables = () =>
  Object.values(schema as Record<string, unknown>)
    .filter((value): value is PgTable => is(value, PgTable))
    .map((table) => getTableConfig(table).name);

describe('the subject access export', () => {
  it('covers every table of the schema, or says why a table holds nothing of the person', () => {
    const names = allTables();
    expect(names.length).toBeGreaterThan(25);
    // A new table must be added to the export's collectors or, with its reason, to the list without personal data.
    const accountedFor = new Set([...COVERED_TABLES, ...Object.keys(TABLES_WITHOUT_REQUESTER_DATA)]);
    expect(names.filter((name) => !accountedFor.has(name))).toEqual([]);
    expect([...accountedFor].filter((name) => !names.includes(name))).toEqual([]);
    expect(COVERED_TABLES.filter((name) => name in TABLES_WITHOUT_REQUESTER_DATA)).toEqual([]);
  });

  it("holds a row of every covered table for the family, and nothing of another family", async () => {
    await db.insert(subjectAccessRequests).values({ laId, requesterId: familyA.parent.id, childId: familyA.childId, receivedOn: '2026-11-02', dueOn: '2026-12-02', receivedVia: 'letter', recordedBy: manager.id, formKey: crypto.randomUUID() });
    const data = await buildDataExport({ user: familyA.parent, laId });
    const empty = Object.entries(data.tables).filter(([, rows]) => rows.length === 0).map(([name]) => name);
    expect(empty).toEqual([]);
    const text = JSON.stringify(data);
    for (const id of familyA.ids) expect(text).toContain(id);
    for (const id of familyB.ids) expect(text).not.toContain(id);
    // Security credentials are never released.
    expect(Object.keys(data.tables.users[0])).not.toContain('passwordHash');
    expect(text).not.toContain(familyA.parent.passwordHash);
    expect(text).not.toContain('code-A');
    // The staff-only note is in the copy, marked for review, as are the other people named.
    expect(data.review.map((item) => [item.table, item.reason])).toEqual(
      expect.arrayContaining([
        ['case_notes', 'staff_note'],
        ['advice_requests', 'withheld_advice'],
        ['case_meetings', 'professionals_only_meeting'],
        ['case_meetings', 'names_others'],
        ['advice_requests', 'third_party'],
        ['advocate_consents', 'third_party'],
      ]),
    );
    // Council staff acted in their job: not on the review list.
    expect(data.review.filter((item) => item.person === 'Casey Worker')).toEqual([]);
  });

  it('the account download holds the account, not the case', async () => {
    const data = await buildDataExport({ user: familyA.parent, laId: null });
    expect(data.tables.users).toHaveLength(1);
    expect(data.tables.cases).toEqual([]);
    expect(data.tables.case_notes).toEqual([]);
    const response = await settle(async () => accountDownload({ request: await requestAs(familyA.parent, '/account/your-data/account'), params: {}, context: {} }));
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/zip');
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    expect(files.get('index.html')?.toString()).toContain('<html lang="en">');
    expect(JSON.parse(files.get('data.json')!.toString()).person.id).toBe(familyA.parent.id);
  });
});

describe('asking, listing, releasing and downloading', () => {
  const ask = (user: User, form: Record<string, string>) => settle(async () => askAction({ request: await requestAs(user, '/account/your-data', { form }), params: {}, context: {} }));

  it('a parent asks; a double submit records one request, due one calendar month on', async () => {
    const formKey = crypto.randomUUID();
    const first = await ask(familyB.parent, { childId: familyB.childId, formKey });
    expect(first.status).toBe(302);
    await ask(familyB.parent, { childId: familyB.childId, formKey });
    const rows = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.requesterId, familyB.parent.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ laId, receivedVia: 'portal', status: 'received' });
    expect(rows[0].dueOn > rows[0].receivedOn).toBe(true);
    const page = await (await settle(async () => askLoader({ request: await requestAs(familyB.parent, '/account/your-data'), params: {}, context: {} }))).json();
    expect(page.requests).toHaveLength(1);
  });

  it('a missing choice is a field error; another family’s child is not found', async () => {
    const missing = await ask(familyB.parent, { formKey: crypto.randomUUID() });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual({ childId: 'errors.dataRights.child' });
    expect((await ask(familyB.parent, { childId: familyA.childId, formKey: crypto.randomUUID() })).status).toBe(404);
  });

  it('the manager lists the council’s requests; another council’s manager sees none and cannot open one', async () => {
    const list = await (await settle(async () => listLoader({ request: await requestAs(manager, '/subject-access'), params: {}, context: {} }))).json();
    expect(list.requests.map((r: { requesterName: string }) => r.requesterName)).toEqual(expect.arrayContaining(['Parent A', 'Parent B']));
    const elsewhere = await (await settle(async () => listLoader({ request: await requestAs(otherManager, '/subject-access'), params: {}, context: {} }))).json();
    expect(elsewhere.requests).toEqual([]);
    const [row] = await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.requesterId, familyB.parent.id));
    expect((await settle(async () => requestLoader({ request: await requestAs(otherManager, `/subject-access/${row.id}`), params: { sarId: row.id }, context: {} }))).status).toBe(404);
    expect((await settle(async () => requestLoader({ request: await requestAs(caseworker, `/subject-access/${row.id}`), params: { sarId: row.id }, context: {} }))).status).toBe(404);
  });

  it('records a request made by letter, with field errors kept and an unknown address refused', async () => {
    const post = (form: Record<string, string>) => settle(async () => listAction({ request: await requestAs(manager, '/subject-access', { form }), params: {}, context: {} }));
    const bad = await post({ email: 'nobody', formKey: crypto.randomUUID() });
    expect((await bad.json()).errors).toMatchObject({ email: 'errors.dataRights.email', receivedVia: 'errors.dataRights.receivedVia', receivedOn: 'errors.date.required' });
    const today = todayInLondon();
    const [year, month, day] = addDays(today, -3).split('-');
    const unknown = await post({ email: 'nobody@test.example', receivedVia: 'letter', 'receivedOn-day': day, 'receivedOn-month': month, 'receivedOn-year': year, formKey: crypto.randomUUID() });
    expect((await unknown.json()).errors).toEqual({ email: 'errors.dataRights.noFamilyAccount' });
    const formKey = crypto.randomUUID();
    // The latest 31 January that has passed: always within the last year, and a month too short for its date.
    const januaryYear = today >= `${today.slice(0, 4)}-01-31` ? today.slice(0, 4) : String(Number(today.slice(0, 4)) - 1);
    const form = { email: familyB.parent.email.toUpperCase(), receivedVia: 'letter', 'receivedOn-day': '31', 'receivedOn-month': '1', 'receivedOn-year': januaryYear, formKey };
    expect((await post(form)).status).toBe(302);
    expect((await post(form)).status).toBe(302);
    const letters = await db.select().from(subjectAccessRequests).where(and(eq(subjectAccessRequests.requesterId, familyB.parent.id), eq(subjectAccessRequests.receivedVia, 'letter')));
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ receivedOn: `${januaryYear}-01-31`, dueOn: subjectAccessDueOn(`${januaryYear}-01-31`) });
    // The rule itself is tested in tests/unit/domain/subject-access.test.ts: here, that it is the one applied.
    expect(letters[0].dueOn.slice(5, 7)).toMatch(/^0[23]$/);
  });

  it('the manager reviews and releases; the family is emailed, then downloads the copy with what was held back redacted', async () => {
    const [row] = await db.select().from(subjectAccessRequests).where(and(eq(subjectAccessRequests.requesterId, familyB.parent.id), eq(subjectAccessRequests.receivedVia, 'portal')));
    const params = { sarId: row.id };
    const download = async (user: User) => settle(async () => familyDownload({ request: await requestAs(user, `/account/your-data/${row.id}`), params, context: {} }));
    expect((await download(familyB.parent)).status).toBe(404);

    const page = await (await settle(async () => requestLoader({ request: await requestAs(manager, `/subject-access/${row.id}`), params, context: {} }))).json();
    const note = page.review.find((item: { reason: string }) => item.reason === 'staff_note');
    expect(note).toBeTruthy();
    const forReview = unzip(Buffer.from(await (await settle(async () => staffDownload({ request: await requestAs(manager, `/subject-access/${row.id}/export`), params, context: {} }))).arrayBuffer()));
    expect(forReview.get('index.html')?.toString()).toContain('Note about B');
    expect([...forReview.keys()].some((name) => name.startsWith('documents/') && name.endsWith('report B.pdf'))).toBe(true);

    const release = () => settle(async () => releaseAction({ request: await requestAs(manager, `/subject-access/${row.id}`, { form: { redact: note.key } }), params, context: {} }));
    expect((await release()).status).toBe(302);
    expect((await release()).status).toBe(302);
    const emails = await db.select().from(outboxEmails).where(and(eq(outboxEmails.recipientId, familyB.parent.id), eq(outboxEmails.template, 'subjectAccessReady')));
    expect(emails).toHaveLength(1);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'release:subject-access'), eq(auditLog.subjectId, row.id)));
    expect(audits).toHaveLength(1);

    expect((await download(familyA.parent)).status).toBe(404);
    // A message sent after release was never reviewed: it waits for a new request.
    await db.insert(messages).values({ caseId: familyB.caseId, senderId: familyB.parent.id, side: 'family', body: 'Sent after release', formKey: crypto.randomUUID() });
    const response = await download(familyB.parent);
    expect(response.status).toBe(200);
    const files = unzip(Buffer.from(await response.arrayBuffer()));
    const data = JSON.parse(files.get('data.json')!.toString());
    expect(data.tables.case_notes[0].body).toBe(REDACTED);
    expect(data.review).toEqual([]);
    expect(data.tables.messages.map((m: { body: string }) => m.body)).toEqual(['Message from B']);
    expect(files.get('index.html')?.toString()).not.toContain('Note about B');
    const downloads = await db.select().from(auditLog).where(and(eq(auditLog.action, 'download:subject-access'), eq(auditLog.subjectId, row.id), eq(auditLog.outcome, 'allowed')));
    expect(downloads).toHaveLength(1);
  });
});
