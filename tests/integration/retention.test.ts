import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import {
  mediations,
  tribunalAppeals,
  tribunalOrders,
  adviceOrganisations,
  adviceRequests,
  advocateConsents,
  assessmentRequests,
  auditLog,
  capacityRecords,
  caseEvents,
  caseMeetings,
  caseNotes,
  cases,
  childParents,
  children,
  consentEvents,
  documents,
  draftPlanComments,
  draftPlanPreferences,
  familyViews,
  heldMessages,
  messageAttachments,
  messages,
  planVersions,
  retentionDeletions,
  retentionDue,
  retentionHolds,
  retentionSettings,
  serviceStandardBreaches,
  subjectAccessRequests,
  threadReads,
  users,
  type User,
} from '../../db/schema';
import type { Database } from '../../db/client';
import { resetEnvCache } from '~/env.server';
import { addDays, todayInLondon } from '~/domain/timescales';
import { storedPath, storeUpload, sweepOrphanUploads } from '~/features/documents/index.server';
import { approveDeletion, DELETED_TABLES, refreshDueList } from '~/features/retention/index.server';
import { action as listAction, loader as listLoader } from '~/routes/retention';
import { action as holdsAction, loader as holdsLoader } from '~/routes/retention_.holds';
import { action as settingsAction, loader as settingsLoader } from '~/routes/admin.retention';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { received } from '../support/uploads';
import { useTestDatabase } from '../support/test-database';

const scratch = mkdtempSync(join(tmpdir(), 'ehcp-retention-'));
const previousUploadDir = process.env.UPLOAD_DIR;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
const DAY = 86_400_000;
const yearsAgo = (years: number) => new Date(Date.now() - years * 366 * DAY);

let db: Database;
let laId: string, teamId: string, orgId: string;
let manager: User, otherManager: User, admin: User, caseworker: User, professional: User, advocate: User;

beforeAll(async () => {
  process.env.UPLOAD_DIR = join(scratch, 'uploads');
  resetEnvCache();
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  const [org] = await db.insert(adviceOrganisations).values({ laId, name: `SENDIASS ${crypto.randomUUID()}` }).returning();
  orgId = org.id;
  manager = await makeUser(db, 'manager', { laId });
  otherManager = await makeUser(db, 'manager', { laId: elsewhere.la.id });
  admin = await makeUser(db, 'la_admin', { laId });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
  professional = await makeUser(db, 'professional', { laId });
  advocate = await makeUser(db, 'advocate', { adviceOrgId: org.id });
});

afterAll(() => {
  if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = previousUploadDir;
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

/** A case closed years ago, with a row in every table that can hold something of the case or the child, and files on disk. */
async function closedFamily(options: { stage?: 'ceased' | 'withdrawn'; dateOfBirth?: string; closedYearsAgo?: number } = {}) {
  const parent = await makeUser(db, 'parent');
  const { child, caseRecord } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], caseworkerId: caseworker.id, stage: options.stage ?? 'withdrawn' });
  await db.update(children).set({ dateOfBirth: options.dateOfBirth ?? '2010-01-01' }).where(eq(children.id, child.id));
  const closedAt = yearsAgo(options.closedYearsAgo ?? 7);
  await db.insert(caseEvents).values({ caseId: caseRecord.id, kind: options.stage === 'ceased' ? 'plan_ceased' : 'request_withdrawn', actorId: caseworker.id, occurredAt: closedAt });
  if (options.stage === 'ceased') await db.insert(caseEvents).values({ caseId: caseRecord.id, kind: 'final_plan_issued', actorId: caseworker.id, occurredAt: new Date(closedAt.getTime() - 400 * DAY) });
  const request = await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id, status: 'submitted', caseId: caseRecord.id });
  const upload = async (name: string, owner: Record<string, string>) => {
    const stored = await storeUpload({ file: await received(PDF, name), uploadedBy: parent.id, kind: 'evidence', ...owner });
    if (!stored.ok) throw new Error('upload refused');
    return stored.document;
  };
  const evidence = await upload('evidence.pdf', { requestId: request.id, caseId: caseRecord.id });
  const [message] = await db.insert(messages).values({ caseId: caseRecord.id, senderId: parent.id, side: 'family', body: 'A message', formKey: crypto.randomUUID() }).returning();
  const attached = await upload('attached.pdf', { caseId: caseRecord.id });
  await db.insert(messageAttachments).values({ messageId: message.id, documentId: attached.id });
  await db.insert(threadReads).values({ userId: parent.id, caseId: caseRecord.id, readAt: new Date() });
  await db.insert(heldMessages).values({ tokenHash: `hash-${crypto.randomUUID()}`, caseId: caseRecord.id, body: 'Held' });
  await db.insert(serviceStandardBreaches).values({ caseId: caseRecord.id, standard: 'acknowledge', startedOn: '2019-10-01', dueBy: '2019-10-05' });
  await db.insert(caseNotes).values({ caseId: caseRecord.id, laId, authorId: caseworker.id, body: 'A note', formKey: crypto.randomUUID() });
  const [advice] = await db
    .insert(adviceRequests)
    .values({ caseId: caseRecord.id, laId: caseRecord.laId, professionalId: professional.id, kind: 'health', requestedBy: caseworker.id, requestedOn: '2019-10-02', dueBy: '2019-11-13', needs: 'Needs', formKey: crypto.randomUUID() })
    .returning();
  const report = await upload('report.pdf', { caseId: caseRecord.id, adviceRequestId: advice.id });
  const [views] = await db.insert(familyViews).values({ caseId: caseRecord.id, voice: 'parent', slot: `parent:${parent.id}`, writtenBy: parent.id, hopes: 'Hopes' }).returning();
  const picture = await upload('picture.pdf', { caseId: caseRecord.id, familyViewsId: views.id });
  // An issued plan version: fixed for good, except to retention.
  const [version] = await db.insert(planVersions).values({ caseId: caseRecord.id, number: 1, kind: 'final', content: {} as never, createdBy: caseworker.id, issuedOn: '2019-12-01', issuedBy: caseworker.id }).returning();
  await db.insert(draftPlanComments).values({ caseId: caseRecord.id, authorId: parent.id, planVersionId: version.id, section: 'A', body: 'Comment', formKey: crypto.randomUUID() });
  await db.insert(draftPlanPreferences).values({ caseId: caseRecord.id, authorId: parent.id, preferredSetting: 'School' });
  await db.insert(mediations).values({ laId, caseId: caseRecord.id, decision: 'refuse_assessment', decisionSentOn: '2019-09-01', adviserContactedOn: '2019-09-10', certificateIssuedOn: '2019-09-14', certificateKind: 'not_pursued', appealDeadline: '2019-11-01', recordedBy: caseworker.id, formKey: crypto.randomUUID() });
  const [appeal] = await db.insert(tribunalAppeals).values({ laId, caseId: caseRecord.id, decision: 'refuse_assessment', tribunalReference: `EH-${crypto.randomUUID()}`, registeredOn: '2019-10-01', status: 'decided', decidedOn: '2019-10-20', outcome: 'conceded', recordedBy: caseworker.id }).returning();
  await db.insert(tribunalOrders).values({ laId, caseId: caseRecord.id, appealId: appeal.id, kind: 'assess', orderedOn: '2019-10-20', compliesBy: '2020-01-26', recordedBy: caseworker.id });
  await db.insert(caseMeetings).values({ caseId: caseRecord.id, heldOn: '2019-10-10', attendees: 'People', minutes: 'Minutes', familyInvited: true, recordedBy: caseworker.id, formKey: crypto.randomUUID() });
  const [consent] = await db.insert(advocateConsents).values({ childId: child.id, grantedBy: parent.id, adviceOrgId: orgId, advocateUserId: advocate.id, scope: 'view', expiresOn: '2020-12-31', formKey: crypto.randomUUID() }).returning();
  await db.insert(consentEvents).values({ consentId: consent.id, kind: 'granted', actorId: parent.id });
  await db.insert(capacityRecords).values({ childId: child.id, recordedBy: parent.id, explanation: 'Capacity' });
  await db.insert(retentionHolds).values({ laId, childId: child.id, reason: 'complaint', note: 'An old complaint', placedBy: manager.id, formKey: crypto.randomUUID(), liftedAt: yearsAgo(6), liftedBy: manager.id });
  const [sar] = await db.insert(subjectAccessRequests).values({ laId, requesterId: parent.id, childId: child.id, receivedOn: '2019-01-02', dueOn: '2019-02-04', receivedVia: 'portal', status: 'released', recordedBy: parent.id, formKey: crypto.randomUUID() }).returning();
  await db.insert(auditLog).values({ userId: caseworker.id, action: 'read:case', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed' });
  await db.update(cases).set({ updatedAt: closedAt }).where(eq(cases.id, caseRecord.id));
  return { parent, child, caseRecord, sar, files: [evidence, attached, report, picture], consentId: consent.id, messageId: message.id };
}

/** A member of staff as the guards hand them over: with their council. */
const staff = (user: User) => ({ ...user, laId: user.laId ?? '' });

const dueItemOf = async (caseId: string) => (await db.select().from(retentionDue).where(eq(retentionDue.caseId, caseId)))[0];

/** Tables that reach a case or a child through their foreign keys, directly or through another such table. */
function tablesReachingCasesOrChildren(): string[] {
  const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
  const reached = new Set(['cases', 'children']);
  for (let grew = true; grew; ) {
    grew = false;
    for (const table of tables) {
      const config = getTableConfig(table);
      if (reached.has(config.name)) continue;
      if (config.foreignKeys.some((fk) => reached.has(getTableConfig(fk.reference().foreignTable).name))) {
        reached.add(config.name);
        grew = true;
      }
    }
  }
  return [...reached].sort();
}

describe('what retention deletes', () => {
  it('handles every table that holds a case’s or a child’s data (a new table fails here until it is)', () => {
    const reaching = tablesReachingCasesOrChildren();
    expect(reaching.length).toBeGreaterThan(20);
    expect(reaching.filter((name) => !(DELETED_TABLES as readonly string[]).includes(name))).toEqual([]);
    expect(DELETED_TABLES.filter((name) => !reaching.includes(name))).toEqual([]);
  });
});

describe('the nightly list', () => {
  it('lists closed cases and drafts whose time has come, never open ones, and is the same when run twice', async () => {
    const { caseRecord } = await closedFamily();
    const parent = await makeUser(db, 'parent');
    const { caseRecord: open } = await makeChildWithCase(db, { laId, teamId, parentIds: [parent.id], stage: 'plan_maintained' });
    await db.update(cases).set({ updatedAt: yearsAgo(20) }).where(eq(cases.id, open.id));
    const staleChild = await makeChild(db, { laId, parentIds: [parent.id] });
    const stale = await makeAssessmentRequest(db, { childId: staleChild.id, createdBy: parent.id });
    await db.update(assessmentRequests).set({ updatedAt: yearsAgo(2) }).where(eq(assessmentRequests.id, stale.id));
    const fresh = await makeAssessmentRequest(db, { childId: (await makeChild(db, { laId, parentIds: [parent.id] })).id, createdBy: parent.id });
    await refreshDueList(laId);
    const first = await db.select().from(retentionDue).where(eq(retentionDue.laId, laId));
    await refreshDueList(laId);
    const second = await db.select().from(retentionDue).where(eq(retentionDue.laId, laId));
    expect(second.map((r) => [r.caseId, r.requestId, r.rule, r.dueOn]).sort()).toEqual(first.map((r) => [r.caseId, r.requestId, r.rule, r.dueOn]).sort());
    expect(second.find((r) => r.caseId === caseRecord.id)).toMatchObject({ rule: 'no_plan_years' });
    expect(second.find((r) => r.requestId === stale.id)).toMatchObject({ rule: 'draft_untouched' });
    expect(second.find((r) => r.caseId === open.id)).toBeUndefined();
    expect(second.find((r) => r.requestId === fresh.id)).toBeUndefined();
    // The job only lists: nothing was deleted.
    expect(await db.select().from(cases).where(eq(cases.id, caseRecord.id))).toHaveLength(1);
  });
});

describe('approving a deletion', () => {
  const approve = (user: User, form: Record<string, string>, page = '') => settle(async () => listAction({ request: await requestAs(user, `/retention${page}`, { form }), params: {}, context: {} }));

  it('deletes every row of the case and the child together with their files, and keeps a minimal record', async () => {
    const family = await closedFamily({ stage: 'ceased', dateOfBirth: '1990-03-04' });
    for (const file of family.files) expect(existsSync(storedPath(file.storedName))).toBe(true);
    await refreshDueList(laId);
    const item = await dueItemOf(family.caseRecord.id);
    expect(item).toMatchObject({ rule: 'plan_age', dueOn: '2021-03-04' });
    const response = await approve(manager, { only: item.id });
    expect(response.status).toBe(302);
    expect(response.headers.get('Location')).toBe('/retention?deleted=1&held=0');

    // Every table with a foreign key to the case or the child holds nothing of them.
    const tables = Object.values(schema as Record<string, unknown>).filter((value): value is PgTable => is(value, PgTable));
    for (const table of tables) {
      const config = getTableConfig(table);
      for (const fk of config.foreignKeys) {
        const target = getTableConfig(fk.reference().foreignTable).name;
        const id = target === 'cases' ? family.caseRecord.id : target === 'children' ? family.child.id : null;
        if (!id) continue;
        const [{ n }] = await db.select({ n: count() }).from(table).where(eq(fk.reference().columns[0], id));
        expect(n, `${config.name}.${fk.reference().columns[0].name}`).toBe(0);
      }
    }
    expect(await db.select().from(cases).where(eq(cases.id, family.caseRecord.id))).toEqual([]);
    expect(await db.select().from(children).where(eq(children.id, family.child.id))).toEqual([]);
    expect(await db.select().from(messageAttachments).where(eq(messageAttachments.messageId, family.messageId))).toEqual([]);
    expect(await db.select().from(consentEvents).where(eq(consentEvents.consentId, family.consentId))).toEqual([]);
    for (const file of family.files) {
      expect(await db.select().from(documents).where(eq(documents.id, file.id))).toEqual([]);
      expect(existsSync(storedPath(file.storedName))).toBe(false);
    }
    // The parent's account is theirs, not the case's; their request for a copy stays, no longer pointing at the child.
    expect(await db.select().from(users).where(eq(users.id, family.parent.id))).toHaveLength(1);
    expect((await db.select().from(subjectAccessRequests).where(eq(subjectAccessRequests.id, family.sar.id)))[0].childId).toBeNull();
    // The minimal record: council, reference, rule, dates, who approved; no names, no date of birth.
    const [record] = await db.select().from(retentionDeletions).where(eq(retentionDeletions.caseReference, family.caseRecord.reference));
    expect(record).toMatchObject({ laId, rule: 'plan_age', dueOn: '2021-03-04', approvedBy: manager.id });
    expect(JSON.stringify(record)).not.toContain('1990-03-04');
    // The audit log is kept: ids, not names.
    expect(await db.select().from(auditLog).where(eq(auditLog.subjectId, family.caseRecord.id))).not.toEqual([]);
    const [entry] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'delete:retention'), eq(auditLog.subjectId, record.id)));
    expect(entry).toMatchObject({ userId: manager.id, outcome: 'allowed' });
  });

  it('a double submit deletes once and records one deletion', async () => {
    const family = await closedFamily();
    await refreshDueList(laId);
    const item = await dueItemOf(family.caseRecord.id);
    await Promise.all([approve(manager, { item: item.id }), approve(manager, { item: item.id })]);
    expect(await db.select().from(retentionDeletions).where(eq(retentionDeletions.caseReference, family.caseRecord.reference))).toHaveLength(1);
  });

  it('a file that cannot be removed at once is removed by the upload sweep, with no row left naming it', async () => {
    const family = await closedFamily();
    await refreshDueList(laId);
    const item = await dueItemOf(family.caseRecord.id);
    const outcome = await approveDeletion(staff(manager), item.id, {
      remove: () => Promise.reject(new Error('disk busy')),
    });
    expect(outcome).toBe('deleted');
    expect(await db.select().from(documents).where(eq(documents.id, family.files[0].id))).toEqual([]);
    for (const file of family.files) expect(existsSync(storedPath(file.storedName))).toBe(true);
    await sweepOrphanUploads(new Date(Date.now() + 2 * 3600_000));
    for (const file of family.files) expect(existsSync(storedPath(file.storedName))).toBe(false);
  });

  it('refuses nothing selected, and another council’s manager or a caseworker', async () => {
    const empty = await approve(manager, {});
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ item: 'errors.retention.item' });
    const family = await closedFamily();
    await refreshDueList(laId);
    const item = await dueItemOf(family.caseRecord.id);
    expect((await approve(otherManager, { only: item.id })).headers.get('Location')).toBe('/retention?deleted=0&held=0');
    expect((await approve(caseworker, { only: item.id })).status).toBe(403);
    expect(await db.select().from(cases).where(eq(cases.id, family.caseRecord.id))).toHaveLength(1);
    const list = await (await settle(async () => listLoader({ request: await requestAs(otherManager, '/retention'), params: {}, context: {} }))).json();
    expect(list.entries).toEqual([]);
  });
});

describe('legal holds stop deletion', () => {
  const placeHold = (form: Record<string, string>) => settle(async () => holdsAction({ request: await requestAs(manager, '/retention/holds', { form }), params: {}, context: {} }));

  it('a hold the manager records keeps everything (rows and files) until lifted, and shows on the list', async () => {
    const family = await closedFamily();
    await refreshDueList(laId);
    const formKey = crypto.randomUUID();
    const form = { reference: family.caseRecord.reference.toLowerCase(), reason: 'appeal', note: 'Tribunal appeal lodged', formKey };
    expect((await placeHold(form)).status).toBe(302);
    expect((await placeHold(form)).status).toBe(302);
    const holds = await db.select().from(retentionHolds).where(and(eq(retentionHolds.childId, family.child.id), eq(retentionHolds.reason, 'appeal')));
    expect(holds).toHaveLength(1);
    const item = await dueItemOf(family.caseRecord.id);
    const list = await (await settle(async () => listLoader({ request: await requestAs(manager, '/retention?page=1'), params: {}, context: {} }))).json();
    const pages = [list];
    for (let page = 2; page <= list.pages; page++) pages.push(await (await settle(async () => listLoader({ request: await requestAs(manager, `/retention?page=${page}`), params: {}, context: {} }))).json());
    const entry = pages.flatMap((p) => p.entries).find((e: { id: string }) => e.id === item.id);
    expect(entry.holds).toEqual([{ kind: 'recorded', reason: 'appeal', holdId: holds[0].id }]);

    expect(await approveDeletion(staff(manager), item.id)).toBe('held');
    expect(await db.select().from(cases).where(eq(cases.id, family.caseRecord.id))).toHaveLength(1);
    for (const file of family.files) expect(existsSync(storedPath(file.storedName))).toBe(true);

    const standing = await (await settle(async () => holdsLoader({ request: await requestAs(manager, '/retention/holds'), params: {}, context: {} }))).json();
    expect(standing.holds.map((h: { references: string[] }) => h.references)).toContainEqual([family.caseRecord.reference]);
    expect((await placeHold({ intent: 'lift', holdId: holds[0].id })).status).toBe(302);
    expect(await approveDeletion(staff(manager), item.id)).toBe('deleted');
    for (const file of family.files) expect(existsSync(storedPath(file.storedName))).toBe(false);
  });

  it('an unknown reference, a missing reason or note are field errors, and nothing typed is lost', async () => {
    const response = await placeHold({ reference: 'NOPE-1', note: '', formKey: crypto.randomUUID() });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ reason: 'errors.retention.reason', note: 'errors.retention.note' });
    expect(body.values.reference).toBe('NOPE-1');
    const unknown = await placeHold({ reference: 'NOPE-1', reason: 'other', note: 'Why', formKey: crypto.randomUUID() });
    expect((await unknown.json()).errors).toEqual({ reference: 'errors.retention.unknownReference' });
  });

  it('an open subject access request, or an open case of the same child, holds the records', async () => {
    const family = await closedFamily();
    await refreshDueList(laId);
    const item = await dueItemOf(family.caseRecord.id);
    const [sar] = await db.insert(subjectAccessRequests).values({ laId, requesterId: family.parent.id, childId: null, receivedOn: todayInLondon(), dueOn: addDays(todayInLondon(), 30), receivedVia: 'portal', recordedBy: family.parent.id, formKey: crypto.randomUUID() }).returning();
    expect(await approveDeletion(staff(manager), item.id)).toBe('held');
    await db.update(subjectAccessRequests).set({ status: 'released', releasedAt: new Date() }).where(eq(subjectAccessRequests.id, sar.id));
    const [reopened] = await db.insert(cases).values({ reference: `NEW-${crypto.randomUUID()}`, childId: family.child.id, laId, teamId, stage: 'request_received', requestReceived: todayInLondon() }).returning();
    expect(await approveDeletion(staff(manager), item.id)).toBe('held');
    await db.update(cases).set({ stage: 'withdrawn' }).where(eq(cases.id, reopened.id));
    expect(await approveDeletion(staff(manager), item.id)).toBe('deleted');
    // The child's other case remains, so the child's record does too.
    expect(await db.select().from(children).where(eq(children.id, family.child.id))).toHaveLength(1);
    expect(await db.select().from(childParents).where(eq(childParents.childId, family.child.id))).toHaveLength(1);
  });
});

describe('the list is paged past its first page', () => {
  it('shows 50 a page and approves a selection from a later page', async () => {
    const otherLa = await makeLa(db, 'Paged Council');
    const pagedManager = await makeUser(db, 'manager', { laId: otherLa.la.id });
    const parent = await makeUser(db, 'parent');
    const drafts: string[] = [];
    for (let i = 0; i < 63; i++) {
      const child = await makeChild(db, { laId: otherLa.la.id, parentIds: [parent.id] });
      drafts.push((await makeAssessmentRequest(db, { childId: child.id, createdBy: parent.id })).id);
    }
    await db.update(assessmentRequests).set({ updatedAt: yearsAgo(3) }).where(eq(assessmentRequests.createdBy, parent.id));
    await refreshDueList(otherLa.la.id);
    const read = async (page: number) => (await settle(async () => listLoader({ request: await requestAs(pagedManager, `/retention?page=${page}`), params: {}, context: {} }))).json();
    const first = await read(1);
    expect(first).toMatchObject({ total: 63, pages: 2, page: 1 });
    expect(first.entries).toHaveLength(50);
    const second = await read(2);
    expect(second.entries).toHaveLength(13);
    const chosen = second.entries.slice(0, 3).map((e: { id: string }) => e.id);
    const response = await settle(async () => listAction({ request: await requestAs(pagedManager, '/retention?page=2', { form: { item: chosen.join(',') } }), params: {}, context: {} }));
    expect(response.headers.get('Location')).toBe('/retention?deleted=3&held=0&page=2');
    expect((await read(2)).entries).toHaveLength(10);
    const [{ n }] = await db.select({ n: count() }).from(retentionDeletions).where(eq(retentionDeletions.laId, otherLa.la.id));
    expect(n).toBe(3);
  });
});

describe('the council’s schedule', () => {
  const save = (user: User, form: Record<string, string>) => settle(async () => settingsAction({ request: await requestAs(user, '/admin/retention', { form }), params: {}, context: {} }));
  const valid = { planBasis: 'years_after_plan', planAge: '31', yearsAfterPlan: '10', yearsAfterClosure: '8', draftMonths: '18' };

  it('shows the defaults until set; refuses bad numbers with field errors; saves and audits; only the LA admin', async () => {
    const page = await (await settle(async () => settingsLoader({ request: await requestAs(admin, '/admin/retention'), params: {}, context: {} }))).json();
    expect(page.settings).toMatchObject({ planBasis: 'age', planAge: 31, yearsAfterClosure: 6, draftMonths: 12, own: false });
    const bad = await save(admin, { planBasis: 'forever', planAge: '12', yearsAfterPlan: '', yearsAfterClosure: 'six', draftMonths: '1.5' });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.errors).toEqual({
      planBasis: 'errors.retention.planBasis',
      planAge: 'errors.retention.planAge',
      yearsAfterPlan: 'errors.retention.yearsAfterPlan',
      yearsAfterClosure: 'errors.retention.yearsAfterClosure',
      draftMonths: 'errors.retention.draftMonths',
    });
    expect(body.values.yearsAfterClosure).toBe('six');
    expect((await save(manager, valid)).status).toBe(403);
    expect((await save(admin, valid)).headers.get('Location')).toBe('/admin/retention?changed=1');
    const [row] = await db.select().from(retentionSettings).where(eq(retentionSettings.laId, laId));
    expect(row).toMatchObject({ planBasis: 'years_after_plan', yearsAfterPlan: 10, yearsAfterClosure: 8, draftMonths: 18, updatedBy: admin.id });
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:retention_settings'), eq(auditLog.subjectId, laId)));
    expect(audit.details).toMatchObject({ yearsAfterClosure: { from: 6, to: 8 } });

    // The next list follows the new schedule: a case closed 7 years ago is not yet due under 8.
    const family = await closedFamily({ closedYearsAgo: 7 });
    await refreshDueList(laId);
    expect(await dueItemOf(family.caseRecord.id)).toBeUndefined();
    await db.delete(retentionSettings).where(eq(retentionSettings.laId, laId));
  });
});
