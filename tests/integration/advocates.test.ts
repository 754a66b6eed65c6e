import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loader as downloadLoader } from '~/routes/documents.$documentId';
import { resetEnvCache } from '~/env.server';
import { storeUpload } from '~/features/documents/index.server';
import { action as consentAction, loader as consentLoader } from '~/routes/children.$childId_.advocates';
import { action as changeAction } from '~/routes/children.$childId_.advocates_.$consentId';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { loader as accessLoader } from '~/routes/cases.$caseId.access';
import { action as messagesAction, loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { action as sectionAction } from '~/routes/requests.$requestId_.$section';
import { action as checkAction } from '~/routes/requests.$requestId_.check';
import { loader as homeLoader } from '~/routes/_index';
import { requestSections } from '~/features/requests';
import { adviceOrganisations, advocateConsents, assessmentRequests, auditLog, caseEvents, consentEvents, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { makeAssessmentRequest, makeChild } from '../support/request-factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';
import { received } from '../support/uploads';

let db: Database;
let mail: MailSink;
let parent: User, actingAdvocate: User, colleague: User, viewAdvocate: User, otherOrgAdvocate: User, caseworker: User;
let childId: string, caseId: string, draftChildId: string, draftId: string, orgId: string, otherOrgId: string;

const nextYear = () => {
  const d = new Date();
  return { 'expiresOn-day': '1', 'expiresOn-month': String(d.getUTCMonth() + 1), 'expiresOn-year': String(d.getUTCFullYear() + 1) };
};

const scratch = mkdtempSync(join(tmpdir(), 'ehcp-advocates-'));
const previousUploadDir = process.env.UPLOAD_DIR;

beforeAll(async () => {
  process.env.UPLOAD_DIR = join(scratch, 'uploads');
  resetEnvCache();
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  [{ id: orgId }] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Test SENDIASS' }).returning();
  [{ id: otherOrgId }] = await db.insert(adviceOrganisations).values({ laId: la.id, name: 'Other advice' }).returning();
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  actingAdvocate = await makeUser(db, 'advocate', { name: 'Ada Advocate', adviceOrgId: orgId });
  colleague = await makeUser(db, 'advocate', { name: 'Cole League', adviceOrgId: orgId });
  viewAdvocate = await makeUser(db, 'advocate', { name: 'Vic Viewer', adviceOrgId: otherOrgId });
  otherOrgAdvocate = await makeUser(db, 'advocate', { adviceOrgId: otherOrgId });
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id });
  ({ id: childId } = made.child);
  caseId = made.caseRecord.id;
  draftChildId = (await makeChild(db, { laId: la.id, parentIds: [parent.id] })).id;
  draftId = (await makeAssessmentRequest(db, { childId: draftChildId, createdBy: parent.id })).id;
});

afterAll(() => {
  if (previousUploadDir === undefined) delete process.env.UPLOAD_DIR;
  else process.env.UPLOAD_DIR = previousUploadDir;
  resetEnvCache();
  rmSync(scratch, { recursive: true, force: true });
});

const grant = (user: User, child: string, form: Record<string, string>) =>
  settle(async () => consentAction({ request: await requestAs(user, `/children/${child}/advocates`, { form }), params: { childId: child }, context: {} }));
const openCase = (user: User) => settle(async () => caseLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }));
const sendMessage = (user: User, body: string) =>
  settle(async () => messagesAction({ request: await requestAs(user, `/cases/${caseId}/messages`, { form: { body, formKey: crypto.randomUUID() } }), params: { caseId }, context: {} }));

describe('a family gives an advice organisation permission to act', () => {
  it('records the consent once for a double submit, with its history, an audit row and an email to each advocate', async () => {
    const form = { adviceOrgId: orgId, advocateEmail: '', scope: 'act', formKey: crypto.randomUUID(), ...nextYear() };
    const [a, b] = await Promise.all([grant(parent, childId, form), grant(parent, childId, form)]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const stored = await db.select().from(advocateConsents).where(eq(advocateConsents.childId, childId));
    expect(stored).toHaveLength(1);
    expect(await db.select().from(consentEvents).where(eq(consentEvents.consentId, stored[0].id))).toMatchObject([{ kind: 'granted', actorId: parent.id }]);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'grant:consent'), eq(auditLog.subjectId, childId)))).toHaveLength(1);
    await mail.waitFor((m) => m.to.includes(actingAdvocate.email));
    await mail.waitFor((m) => m.to.includes(colleague.email));
  });

  it('refuses a past expiry, a missing scope and an advocate of another organisation, keeping what was typed', async () => {
    const response = await grant(parent, childId, { adviceOrgId: orgId, advocateEmail: viewAdvocate.email, formKey: crypto.randomUUID(), 'expiresOn-day': '1', 'expiresOn-month': '1', 'expiresOn-year': '2020' });
    expect(response.status).toBe(400);
    const { errors, values } = await response.json();
    expect(errors).toMatchObject({ scope: 'errors.consent.scopeRequired', expiresOn: 'errors.consent.expiryPast' });
    expect(values.advocateEmail).toBe(viewAdvocate.email);
    const wrongOrg = await grant(parent, childId, { adviceOrgId: orgId, advocateEmail: viewAdvocate.email, scope: 'view', formKey: crypto.randomUUID(), ...nextYear() });
    expect((await wrongOrg.json()).errors).toEqual({ advocateEmail: 'errors.consent.noSuchAdvocate' });
  });

  it('only the family manages consents: the advocate and the caseworker cannot', async () => {
    const form = { adviceOrgId: orgId, advocateEmail: '', scope: 'act', formKey: crypto.randomUUID(), ...nextYear() };
    expect((await grant(actingAdvocate, childId, form)).status).toBe(403);
    expect((await grant(caseworker, childId, form)).status).toBe(403);
    expect((await grant(otherOrgAdvocate, childId, form)).status).toBe(404);
  });
});

describe('the advocate acts on behalf of the family', () => {
  it("sees the family in their workspace and opens the case; the access is audited with the consent it rests on", async () => {
    const home = await (await settle(async () => homeLoader({ request: await requestAs(actingAdvocate, '/'), params: {}, context: {} }))).json();
    expect(home.view).toBe('advocate');
    expect(home.families.map((f: { childId: string }) => f.childId)).toContain(childId);
    const listed = await db.select().from(auditLog).where(and(eq(auditLog.userId, actingAdvocate.id), eq(auditLog.subjectId, caseId), eq(auditLog.action, 'read:case_summary')));
    expect(listed).toHaveLength(1);
    expect((await openCase(actingAdvocate)).status).toBe(200);
    const [audited] = await db.select().from(auditLog).where(and(eq(auditLog.userId, actingAdvocate.id), eq(auditLog.subjectId, caseId), eq(auditLog.action, 'read:case')));
    expect(audited.details).toMatchObject({ onBehalfOf: parent.id, scope: 'act' });
  });

  it('sends a message shown as "by the advocate on behalf of the family"', async () => {
    expect((await sendMessage(actingAdvocate, 'Could we meet about the plan?')).status).toBe(302);
    const { thread } = await (await settle(async () => messagesLoader({ request: await requestAs(caseworker, `/cases/${caseId}/messages`), params: { caseId }, context: {} }))).json();
    expect(thread.at(-1)).toMatchObject({ side: 'family', senderName: 'Ada Advocate', onBehalfOfName: 'Pat Parent' });
  });

  it("finishes the family's draft and submits it on their behalf; the receipt goes to the family", async () => {
    await grant(parent, draftChildId, { adviceOrgId: orgId, advocateEmail: actingAdvocate.email, scope: 'act', formKey: crypto.randomUUID(), ...nextYear() });
    const answers: Record<string, Record<string, string>> = {
      'about-the-child': { strengths: 'Kind.', homeLanguage: 'English' },
      needs: { difficulties: 'Reading.', whatHelps: 'Quiet.', diagnoses: '' },
      education: { setting: 'Hillside', supportSoFar: 'SEN support.', schoolKnows: 'yes' },
      'health-and-social-care': { health: '', socialCare: '' },
      'what-you-are-asking-for': { asking: 'An assessment.' },
      'child-views': { views: '' },
      communication: { contactLanguage: 'English', interpreter: 'no', interpreterLanguage: '', formats: '' },
      consent: { shareWith: 'school', consent: 'yes' },
    };
    for (const section of requestSections) {
      const saved = await settle(async () =>
        sectionAction({ request: await requestAs(actingAdvocate, `/requests/${draftId}/${section.slug}`, { form: answers[section.slug] }), params: { requestId: draftId, section: section.slug }, context: {} }),
      );
      expect(saved.status, section.slug).toBe(302);
    }
    const sent = await settle(async () => checkAction({ request: await requestAs(actingAdvocate, `/requests/${draftId}/check`, { form: {} }), params: { requestId: draftId }, context: {} }));
    expect(sent.status).toBe(302);
    const [request] = await db.select().from(assessmentRequests).where(eq(assessmentRequests.id, draftId));
    expect(request).toMatchObject({ status: 'submitted', submittedBy: actingAdvocate.id, submittedOnBehalfOf: parent.id });
    const [event] = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, request.caseId!), eq(caseEvents.kind, 'request_received')));
    expect(event).toMatchObject({ actorId: actingAdvocate.id, details: { onBehalfOfName: 'Pat Parent' } });
    await mail.waitFor((m) => m.to.includes(parent.email) && m.text.includes(`/cases/${request.caseId}`));
  });

  it("reads a document of the family's draft; a colleague not named in the consent cannot", async () => {
    const child = (await makeChild(db, { laId: (await db.select().from(adviceOrganisations).where(eq(adviceOrganisations.id, orgId)))[0].laId, parentIds: [parent.id] })).id;
    const draft = (await makeAssessmentRequest(db, { childId: child, createdBy: parent.id })).id;
    const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n', 'latin1');
    const stored = await storeUpload({ file: await received(PDF, 'school report.pdf'), uploadedBy: parent.id, requestId: draft, kind: 'evidence' });
    if (!stored.ok) throw new Error(stored.error);
    await grant(parent, child, { adviceOrgId: orgId, advocateEmail: actingAdvocate.email, scope: 'view', formKey: crypto.randomUUID(), ...nextYear() });
    const download = (user: User) =>
      settle(async () => downloadLoader({ request: await requestAs(user, `/documents/${stored.document.id}`), params: { documentId: stored.document.id }, context: {} }));
    expect((await download(actingAdvocate)).status).toBe(200);
    expect((await download(colleague)).status).toBe(404);
  });

  it('a named consent does not reach a colleague', async () => {
    const [draftConsent] = await db.select().from(advocateConsents).where(eq(advocateConsents.childId, draftChildId));
    expect(draftConsent.advocateUserId).toBe(actingAdvocate.id);
    const response = await settle(async () => consentLoader({ request: await requestAs(colleague, `/children/${draftChildId}/advocates`), params: { childId: draftChildId }, context: {} }));
    expect(response.status).toBe(404);
  });
});

describe('a view-only advocate', () => {
  it('reads the case but cannot message or submit anything', async () => {
    await grant(parent, childId, { adviceOrgId: otherOrgId, advocateEmail: viewAdvocate.email, scope: 'view', formKey: crypto.randomUUID(), ...nextYear() });
    const opened = await openCase(viewAdvocate);
    expect(opened.status).toBe(200);
    expect((await opened.json()).sections).not.toContain('messages');
    expect((await sendMessage(viewAdvocate, 'Hello')).status).toBe(403);
    expect((await openCase(otherOrgAdvocate)).status).toBe(404);
  });
});

describe('changing a consent', () => {
  const change = (user: User, consentId: string, form: Record<string, string>) =>
    settle(async () =>
      changeAction({ request: await requestAs(user, `/children/${childId}/advocates/${consentId}`, { form }), params: { childId, consentId }, context: {} }),
    );

  it('takes effect at once and keeps what it was in the history and the audit log; bad dates are refused; only the family may', async () => {
    const [consent] = await db.select().from(advocateConsents).where(and(eq(advocateConsents.childId, childId), eq(advocateConsents.advocateUserId, viewAdvocate.id)));
    const refused = await change(parent, consent.id, { scope: 'act', 'expiresOn-day': '31', 'expiresOn-month': '2', 'expiresOn-year': '2027' });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ expiresOn: 'errors.date.invalid' });
    expect((await change(viewAdvocate, consent.id, { scope: 'act', ...nextYear() })).status).toBe(403);

    expect((await change(parent, consent.id, { scope: 'act', ...nextYear() })).status).toBe(302);
    expect((await sendMessage(viewAdvocate, 'Now I can write')).status).toBe(302);
    const events = await db.select().from(consentEvents).where(eq(consentEvents.consentId, consent.id));
    expect(events.map((e) => e.kind)).toEqual(['granted', 'changed']);
    expect(events[1].details).toMatchObject({ from: { scope: 'view' }, to: { scope: 'act' } });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:consent'), eq(auditLog.subjectId, childId)))).toHaveLength(1);

    const told = await mail.waitFor((m) => m.to.includes(viewAdvocate.email) && m.subject.includes('changed'));
    expect(told.text).toContain('Pat Parent has changed what you may do');
    expect(told.text).toContain('on the family’s behalf');

    expect((await change(parent, consent.id, { scope: 'view', ...nextYear() })).status).toBe(302);
    expect((await sendMessage(viewAdvocate, 'And now I cannot')).status).toBe(403);
    await mail.waitFor((m) => m.to.includes(viewAdvocate.email) && /From now on you may read the case, until/.test(m.text));
  });

  it('the history shows what each change was to; a stored change it cannot read shows no values rather than failing', async () => {
    const [consent] = await db.select().from(advocateConsents).where(and(eq(advocateConsents.childId, childId), eq(advocateConsents.advocateUserId, viewAdvocate.id)));
    await db.insert(consentEvents).values({ consentId: consent.id, kind: 'changed', actorId: parent.id, details: { to: { scope: 'everything', expiresOn: 'soon' } } });
    const page = await settle(async () => consentLoader({ request: await requestAs(parent, `/children/${childId}/advocates`), params: { childId }, context: {} }));
    expect(page.status).toBe(200);
    const { consents } = await page.json();
    const history = consents.find((c: { id: string }) => c.id === consent.id).history as { kind: string; changedTo: unknown }[];
    expect(history.filter((h) => h.kind === 'changed').map((h) => h.changedTo)).toEqual([
      { scope: 'act', expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      { scope: 'view', expiresOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      null,
    ]);
  });
});

describe('revoking', () => {
  it('takes effect at once: the next request is a 404; the revocation is in the history and the audit log', async () => {
    const [consent] = await db.select().from(advocateConsents).where(and(eq(advocateConsents.childId, childId), eq(advocateConsents.adviceOrgId, orgId)));
    const response = await grant(parent, childId, { intent: 'revoke', consentId: consent.id });
    expect(response.status).toBe(302);
    expect((await openCase(actingAdvocate)).status).toBe(404);
    expect((await sendMessage(actingAdvocate, 'Still there?')).status).toBe(404);
    expect((await db.select().from(consentEvents).where(eq(consentEvents.consentId, consent.id))).map((e) => e.kind)).toEqual(['granted', 'revoked']);
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'revoke:consent'), eq(auditLog.subjectId, childId)))).toHaveLength(1);
    const denied = await db.select().from(auditLog).where(and(eq(auditLog.userId, actingAdvocate.id), eq(auditLog.subjectId, caseId), eq(auditLog.outcome, 'denied')));
    expect(denied.length).toBeGreaterThan(0);
  });

  it('tells every advocate the consent named that it has ended, once, however often the family presses the button', async () => {
    const [consent] = await db.select().from(advocateConsents).where(and(eq(advocateConsents.childId, childId), eq(advocateConsents.adviceOrgId, orgId)));
    await grant(parent, childId, { intent: 'revoke', consentId: consent.id });
    await mail.drained();
    for (const advocate of [actingAdvocate, colleague]) {
      const ended = mail.messages.filter((m) => m.to.includes(advocate.email) && m.subject.includes('ended'));
      expect(ended).toHaveLength(1);
      expect(ended[0].text).toContain('Pat Parent has ended your permission');
    }
    expect(mail.messages.some((m) => m.to.includes(viewAdvocate.email) && m.subject.includes('ended'))).toBe(false);
  });

  it('an expired consent works no more', async () => {
    await db.update(advocateConsents).set({ expiresOn: '2020-01-01' }).where(and(eq(advocateConsents.childId, childId), eq(advocateConsents.advocateUserId, viewAdvocate.id)));
    expect((await openCase(viewAdvocate)).status).toBe(404);
  });
});

describe('who can see this case', () => {
  it('lists the family, the caseworker, the team and the advocates with their end dates', async () => {
    await grant(parent, childId, { adviceOrgId: otherOrgId, advocateEmail: '', scope: 'view', formKey: crypto.randomUUID(), ...nextYear() });
    const response = await settle(async () => accessLoader({ request: await requestAs(parent, `/cases/${caseId}/access`), params: { caseId }, context: {} }));
    expect(response.status).toBe(200);
    const { access, canShare } = await response.json();
    expect(canShare).toBe(true);
    expect(access.family).toMatchObject([{ name: 'Pat Parent', kind: 'parent', access: 'full' }]);
    expect(access.caseworker).toEqual({ name: caseworker.name });
    expect(access.advocates).toEqual([{ organisation: 'Other advice', advocateName: null, scope: 'view', expiresOn: expect.any(String) }]);
    expect(access.professionals).toEqual([]);
  });
});
