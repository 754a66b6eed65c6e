import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { action as childAction } from '~/routes/children.$childId';
import { action as sectionAction, loader as sectionLoader } from '~/routes/requests.$requestId_.$section';
import { action as checkAction } from '~/routes/requests.$requestId_.check';
import { loader as documentLoader } from '~/routes/documents.$documentId';
import { requestSections } from '~/features/requests';
import { storeUpload } from '~/features/documents/index.server';
import { assessmentRequests, cases, childParents, children, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';
import { received } from '../support/uploads';

let db: Database;
let mail: MailSink;
let laId: string;
let parent: User, otherParent: User, youngPerson: User;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  ({
    la: { id: laId },
  } = await makeLa(db));
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  youngPerson = await makeUser(db, 'young_person');
});

afterEach(() => vi.useRealTimers());

async function childOf(user: User, dateOfBirth: string) {
  const [child] = await db
    .insert(children)
    .values({ laId, firstName: 'Kim', lastName: 'Test', dateOfBirth, youngPersonUserId: user.role === 'young_person' ? user.id : null })
    .returning();
  if (user.role === 'parent') await db.insert(childParents).values({ childId: child.id, userId: user.id });
  return child;
}

const start = (user: User, childId: string) =>
  settle(async () => childAction({ request: await requestAs(user, `/children/${childId}`, { form: {} }), params: { childId }, context: {} }));

const completeAnswers: Record<string, Record<string, string>> = {
  'about-the-child': { strengths: 'Kind and funny.', homeLanguage: 'English' },
  needs: { difficulties: 'Reading.', whatHelps: 'Quiet spaces.', diagnoses: '' },
  education: { setting: 'Hillside', supportSoFar: 'SEN support plan.', schoolKnows: 'yes' },
  'health-and-social-care': { health: '', socialCare: '' },
  'what-you-are-asking-for': { asking: '<script>alert(1)</script> An assessment, please.' },
  'child-views': { views: '' },
  communication: { contactLanguage: 'English', interpreter: 'no', interpreterLanguage: '', formats: '' },
  consent: { shareWith: 'school', consent: 'yes' },
};

async function saveAll(user: User, requestId: string) {
  for (const section of requestSections) {
    const response = await settle(async () =>
      sectionAction({ request: await requestAs(user, `/requests/${requestId}/${section.slug}`, { form: completeAnswers[section.slug] }), params: { requestId, section: section.slug }, context: {} }),
    );
    expect(response.status, section.slug).toBe(302);
  }
}

describe('who may ask', () => {
  it('a parent of a 10-year-old can start a request', async () => {
    const child = await childOf(parent, '2016-05-04');
    const response = await start(parent, child.id);
    expect(response.headers.get('Location')).toMatch(/^\/requests\//);
  });

  it('a young person of 17 asks for themselves, and their parent cannot ask for them', async () => {
    // The clock keeps running from the chosen moment: the embedded database (and the email worker's queue) takes its time from it.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const self = await childOf(youngPerson, '2009-03-01');
    expect((await start(youngPerson, self.id)).headers.get('Location')).toMatch(/^\/requests\//);

    const teenager = await childOf(parent, '2009-03-01');
    const refused = await start(parent, teenager.id);
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ form: 'errors.request.youngPersonDecides' });
  });
});

describe('a draft is private to the family', () => {
  it('another family cannot read, change, download from or submit it', async () => {
    const child = await childOf(parent, '2016-05-04');
    const requestId = (await start(parent, child.id)).headers.get('Location')!.split('/')[2];
    const stored = await storeUpload({ file: await received(new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'report.pdf'), uploadedBy: parent.id, requestId });
    expect(stored.ok).toBe(true);
    const documentId = stored.ok ? stored.document.id : '';

    const read = await settle(async () => sectionLoader({ request: await requestAs(otherParent, `/requests/${requestId}/needs`), params: { requestId, section: 'needs' }, context: {} }));
    expect(read.status).toBe(404);
    const write = await settle(async () =>
      sectionAction({ request: await requestAs(otherParent, `/requests/${requestId}/needs`, { form: { difficulties: 'x' } }), params: { requestId, section: 'needs' }, context: {} }),
    );
    expect(write.status).toBe(404);
    const download = await settle(async () => documentLoader({ request: await requestAs(otherParent, `/documents/${documentId}`), params: { documentId }, context: {} }));
    expect(download.status).toBe(404);
    const submit = await settle(async () => checkAction({ request: await requestAs(otherParent, `/requests/${requestId}/check`, { form: {} }), params: { requestId }, context: {} }));
    expect(submit.status).toBe(404);

    const own = await settle(async () => documentLoader({ request: await requestAs(parent, `/documents/${documentId}`), params: { documentId }, context: {} }));
    expect(own.status).toBe(200);
  });
});

describe('submitting', () => {
  it('an incomplete request is refused; a complete one creates exactly one case, even when sent twice', async () => {
    const child = await childOf(parent, '2016-05-04');
    const requestId = (await start(parent, child.id)).headers.get('Location')!.split('/')[2];
    const early = await settle(async () => checkAction({ request: await requestAs(parent, `/requests/${requestId}/check`, { form: {} }), params: { requestId }, context: {} }));
    expect((await early.json()).errors).toEqual({ form: 'errors.request.incomplete' });

    await saveAll(parent, requestId);
    mail.clear();
    const submit = () => settle(async () => checkAction({ request: await requestAs(parent, `/requests/${requestId}/check`, { form: {} }), params: { requestId }, context: {} }));
    const [first, second] = await Promise.all([submit(), submit()]);
    expect([first.status, second.status]).toEqual([302, 302]);
    const made = await db.select().from(cases).where(eq(cases.childId, child.id));
    expect(made).toHaveLength(1);
    const [request] = await db.select().from(assessmentRequests).where(eq(assessmentRequests.id, requestId));
    expect(request).toMatchObject({ status: 'submitted', caseId: made[0].id });
    // Free text is kept exactly as typed: shown as text, never run.
    expect(request.answers['what-you-are-asking-for'].asking).toBe('<script>alert(1)</script> An assessment, please.');

    const receipt = await mail.waitFor((m) => m.to.includes(parent.email));
    expect(receipt.text).toContain(made[0].reference);
    await new Promise((r) => setTimeout(r, 200));
    expect(mail.messages.filter((m) => m.to.includes(parent.email))).toHaveLength(1);
  });
});

describe('uploads through the request page', () => {
  it('a 30 MB file is refused beside the field, and nothing is stored', async () => {
    const { action: documentsAction } = await import('~/routes/requests.$requestId_.documents');
    const child = await childOf(parent, '2016-05-04');
    const requestId = (await start(parent, child.id)).headers.get('Location')!.split('/')[2];
    const form = new FormData();
    form.append('kind', 'evidence');
    form.append('file', new File([new Uint8Array(30 * 1024 * 1024)], 'huge.pdf', { type: 'application/pdf' }));
    const request = await requestAs(parent, `/requests/${requestId}/documents`);
    const upload = new Request(request.url, { method: 'POST', headers: { Cookie: request.headers.get('Cookie')! }, body: form });
    const response = await settle(() => documentsAction({ request: upload, params: { requestId }, context: {} }));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({ file: 'errors.upload.tooBig' });
    const { documentsOfRequest } = await import('~/features/documents/index.server');
    expect(await documentsOfRequest(requestId)).toHaveLength(0);
  });
});

describe("a young person's own account", () => {
  it('a parent invites the young person, who sets a password from the email and can then ask for themselves', async () => {
    // The clock keeps running from the chosen moment: the embedded database (and the email worker's queue) takes its time from it.
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-11-22T12:00:00Z'));
    const teenager = await childOf(parent, '2009-01-10');
    const { action: childPageAction } = await import('~/routes/children.$childId');
    const { action: acceptAction } = await import('~/routes/accept-invite.$token');
    mail.clear();
    const invited = await settle(async () =>
      childPageAction({ request: await requestAs(parent, `/children/${teenager.id}`, { form: { intent: 'invite-young-person', email: 'Kim.Test@Young.example' } }), params: { childId: teenager.id }, context: {} }),
    );
    expect(invited.headers.get('Location')).toBe(`/children/${teenager.id}?invited=1`);
    const email = await mail.waitFor((m) => m.to.includes('kim.test@young.example'));
    const token = email.text.match(/\/accept-invite\/([a-z2-7]+)/)![1];
    const accepted = await settle(async () =>
      acceptAction({ request: await requestAs(null, `/accept-invite/${token}`, { form: { password: 'my own password', confirmPassword: 'my own password' } }), params: { token }, context: {} }),
    );
    // Accepted on the pinned clock, within the link's 14 days (on the real clock it would have lapsed).
    vi.useRealTimers();
    expect(accepted.headers.get('Location')).toBe('/');
    const [linked] = await db.select().from(children).where(eq(children.id, teenager.id));
    const { users } = await import('../../db/schema');
    const [youngPersonAccount] = await db.select().from(users).where(eq(users.id, linked.youngPersonUserId!));
    expect(youngPersonAccount).toMatchObject({ role: 'young_person', email: 'kim.test@young.example' });
    expect((await start(youngPersonAccount, teenager.id)).headers.get('Location')).toMatch(/^\/requests\//);
  });
});
