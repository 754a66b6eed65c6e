import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as addAction } from '~/routes/admin.settings_.new';
import { loader as listLoader } from '~/routes/admin.settings';
import { action as editAction } from '~/routes/admin.settings_.$settingId_.edit';
import { action as inviteLeadAction, loader as adminSettingLoader } from '~/routes/admin.settings_.$settingId';
import { loader as homeLoader } from '~/routes/setting';
import { loader as indexLoader } from '~/routes/_index';
import { action as staffAction, loader as staffLoader } from '~/routes/setting_.staff';
import { action as roleAction, loader as memberLoader } from '~/routes/setting_.staff_.$userId';
import { action as removeAction, loader as removeLoader } from '~/routes/setting_.staff_.$userId_.remove';
import { action as requestAction, loader as requestLoader } from '~/routes/setting_.request';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { loader as caseOverviewLoader } from '~/routes/cases.$caseId._index';
import { loader as accessLoader } from '~/routes/cases.$caseId.access';
import { loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { loader as notesLoader } from '~/routes/cases.$caseId.notes';
import { loader as planLoader } from '~/routes/cases.$caseId.plan';
import { loader as requestPageLoader } from '~/routes/cases.$caseId.request';
import { createSession, validateSessionToken } from '~/auth/session.server';
import { acceptInvite, signIn } from '~/features/identity/index.server';
import { todayInLondon } from '~/domain/timescales';
import { assessmentRequests, auditLog, cases, childParents, children, educationSettings, outboxEmails, sessions, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle, TEST_PASSWORD } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 14, items 1 and 2: schools and settings as organisations, and the requests they make.
 * Everything through the routes, as Remix calls them, on a real database; emails through the
 * outbox and the job worker to a real SMTP receiver.
 */
let db: Database;
let mail: MailSink;
let laId: string, teamId: string, otherLaId: string, otherTeamId: string;
let admin: User, otherAdmin: User, caseworker: User;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  laId = la.id;
  teamId = team.id;
  const other = await makeLa(db, 'Elsewhere Council');
  otherLaId = other.la.id;
  otherTeamId = other.team.id;
  admin = await makeUser(db, 'la_admin', { laId });
  otherAdmin = await makeUser(db, 'la_admin', { laId: otherLaId });
  caseworker = await makeUser(db, 'caseworker', { laId, teamId });
});

type Fn = (args: never) => Promise<unknown>;
const call = (
  fn: Fn,
  user: User | null,
  path: string,
  options: {
    form?: Record<string, string>;
    params?: Record<string, string>;
    cookie?: string;
  } = {}
) =>
  settle(async () => {
    const request = await requestAs(user, path, {
      form: options.form,
      headers: options.cookie ? { Cookie: options.cookie } : {},
    });
    return fn({ request, params: options.params ?? {}, context: {} } as never);
  });

let counter = 0;
const unique = () => `${Date.now().toString(36)}${counter++}`;

async function makeSetting(la = laId, name = `Setting ${unique()}`) {
  const [setting] = await db
    .insert(educationSettings)
    .values({
      laId: la,
      name,
      urn: String(100000 + Math.floor(Math.random() * 899999)),
      type: 'school',
      phase: 'primary',
    })
    .returning();
  return setting;
}

const settingStaff = (settingId: string, settingRole: 'lead' | 'senco' | 'head' | 'staff', la = laId, extra: Partial<typeof users.$inferInsert> = {}) =>
  makeUser(db, 'setting_staff', { laId: la, settingId, settingRole, ...extra });

describe('the LA admin adds settings', () => {
  const form = {
    name: 'Oakfield Primary School',
    urn: ' 140 001 ',
    ukprn: '',
    type: 'school',
    phase: 'primary',
  };

  it('checks the name, URN and UKPRN next to each field and keeps what was typed', async () => {
    const response = await call(addAction, admin, '/admin/settings/new', {
      form: {
        name: '',
        urn: '1234',
        ukprn: '2000000',
        type: 'school',
        phase: '',
      },
    });
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({
      name: 'errors.setting.nameRequired',
      urn: 'errors.setting.urnFormat',
      ukprn: 'errors.setting.ukprnFormat',
      phase: 'errors.setting.phaseRequired',
    });
    expect(body.values).toMatchObject({
      urn: '1234',
      ukprn: '2000000',
      type: 'school',
    });
    const neither = await call(addAction, admin, '/admin/settings/new', {
      form: { ...form, urn: '', ukprn: '' },
    });
    expect((await neither.json()).errors).toEqual({
      urn: 'errors.setting.identifierRequired',
    });
  });

  it('adds one setting for a double submit, with the URN as the register writes it; early years and colleges too', async () => {
    const first = await call(addAction, admin, '/admin/settings/new', { form });
    expect(first.status).toBe(302);
    const second = await call(addAction, admin, '/admin/settings/new', {
      form,
    });
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const rows = await db
      .select()
      .from(educationSettings)
      .where(and(eq(educationSettings.laId, laId), eq(educationSettings.name, form.name)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      urn: '140001',
      ukprn: null,
      type: 'school',
      phase: 'primary',
    });
    expect(
      (
        await call(addAction, admin, '/admin/settings/new', {
          form: {
            name: 'Acorn Nursery',
            urn: 'ey 411 999',
            ukprn: '',
            type: 'early_years',
            phase: 'early_years',
          },
        })
      ).status
    ).toBe(302);
    expect(
      (
        await call(addAction, admin, '/admin/settings/new', {
          form: {
            name: 'Oakfield College',
            urn: '',
            ukprn: '10009999',
            type: 'college',
            phase: 'post16',
          },
        })
      ).status
    ).toBe(302);
    // Another setting with the same URN is refused next to the URN.
    const clash = await call(addAction, admin, '/admin/settings/new', {
      form: { ...form, name: 'Oakfield Juniors' },
    });
    expect((await clash.json()).errors).toEqual({
      urn: 'errors.setting.urnTaken',
    });
    const list = await (await call(listLoader, admin, '/admin/settings')).json();
    expect(list.settings.map((s: { name: string; urn: string | null }) => [s.name, s.urn])).toEqual(
      expect.arrayContaining([
        ['Acorn Nursery', 'EY411999'],
        ['Oakfield College', null],
        ['Oakfield Primary School', '140001'],
      ])
    );
  });

  it('changes a setting; another council’s admin cannot see or change it; staff cannot reach the pages', async () => {
    const [setting] = await db
      .select()
      .from(educationSettings)
      .where(and(eq(educationSettings.laId, laId), eq(educationSettings.name, form.name)));
    const changed = await call(editAction, admin, `/admin/settings/${setting.id}/edit`, {
      params: { settingId: setting.id },
      form: { ...form, phase: 'all_through' },
    });
    expect(changed.headers.get('Location')).toBe(`/admin/settings/${setting.id}?notice=changed`);
    expect((await db.select().from(educationSettings).where(eq(educationSettings.id, setting.id)))[0].phase).toBe('all_through');
    expect((await call(adminSettingLoader, otherAdmin, `/admin/settings/${setting.id}`, { params: { settingId: setting.id } })).status).toBe(404);
    expect((await call(editAction, otherAdmin, `/admin/settings/${setting.id}/edit`, { params: { settingId: setting.id }, form })).status).toBe(404);
    expect((await call(listLoader, caseworker, '/admin/settings')).status).toBe(403);
    expect((await call(listLoader, await settingStaff(setting.id, 'lead'), '/admin/settings')).status).toBe(403);
  });

  it('invites the setting’s lead: one account and one email for a double submit, linked to the setting', async () => {
    const setting = await makeSetting();
    const email = `lead-${unique()}@school.example`;
    for (let i = 0; i < 2; i++) {
      const done = await call(inviteLeadAction, admin, `/admin/settings/${setting.id}`, {
        params: { settingId: setting.id },
        form: { name: 'Lena Lead', email },
      });
      expect(done.headers.get('Location')).toBe(`/admin/settings/${setting.id}?invited=${encodeURIComponent(email)}`);
    }
    const [lead] = await db.select().from(users).where(eq(users.email, email));
    expect(lead).toMatchObject({
      role: 'setting_staff',
      settingId: setting.id,
      settingRole: 'lead',
      laId,
      passwordHash: null,
    });
    expect(
      await db
        .select()
        .from(outboxEmails)
        .where(and(eq(outboxEmails.recipientId, lead.id), eq(outboxEmails.template, 'staffInvite')))
    ).toHaveLength(1);
    const received = await mail.waitFor((m) => m.to.includes(email));
    expect(received.text).toContain(setting.name);
    const page = await (
      await call(adminSettingLoader, admin, `/admin/settings/${setting.id}`, {
        params: { settingId: setting.id },
      })
    ).json();
    expect(page.staff).toEqual([
      expect.objectContaining({
        email,
        settingRole: 'lead',
        status: 'invited',
      }),
    ]);
  });
});

describe('the setting’s lead manages its own staff', () => {
  it('invites a SENCO (once for a double submit), changes a role, never removes themself; others cannot manage', async () => {
    const setting = await makeSetting();
    const lead = await settingStaff(setting.id, 'lead', laId, {
      name: 'Lee Lead',
    });
    const email = `senco-${unique()}@school.example`;
    const form = { name: 'Sam Senco', email, settingRole: 'senco' };
    const missing = await call(staffAction, lead, '/setting/staff', {
      form: { ...form, settingRole: '' },
    });
    expect(await missing.json()).toMatchObject({
      errors: { settingRole: 'errors.setting.roleRequired' },
      values: { name: 'Sam Senco', email },
    });
    for (let i = 0; i < 2; i++) expect((await call(staffAction, lead, '/setting/staff', { form })).status).toBe(302);
    const [senco] = await db.select().from(users).where(eq(users.email, email));
    expect(senco).toMatchObject({
      role: 'setting_staff',
      settingId: setting.id,
      settingRole: 'senco',
      laId,
    });
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.recipientId, senco.id))).toHaveLength(1);
    const list = await (await call(staffLoader, lead, '/setting/staff')).json();
    expect(list.staff.map((m: { name: string }) => m.name)).toEqual(['Lee Lead', 'Sam Senco']);

    // A new role, once.
    const changed = await call(roleAction, lead, `/setting/staff/${senco.id}`, {
      params: { userId: senco.id },
      form: { settingRole: 'head' },
    });
    expect(changed.headers.get('Location')).toBe(`/setting/staff/${senco.id}?changed=1`);
    expect((await db.select().from(users).where(eq(users.id, senco.id)))[0].settingRole).toBe('head');
    await call(roleAction, lead, `/setting/staff/${senco.id}`, {
      params: { userId: senco.id },
      form: { settingRole: 'senco' },
    });

    // The lead never removes themself: the page says so (no link) and the action is refused.
    const own = await (
      await call(memberLoader, lead, `/setting/staff/${lead.id}`, {
        params: { userId: lead.id },
      })
    ).json();
    expect(own.mayRemove).toBe(false);
    expect(
      (
        await call(removeAction, lead, `/setting/staff/${lead.id}/remove`, {
          params: { userId: lead.id },
          form: {},
        })
      ).status
    ).toBe(403);
    // A SENCO manages no one; another setting's lead does not see this setting's staff.
    expect((await call(staffLoader, senco, '/setting/staff')).status).toBe(403);
    const otherLead = await settingStaff((await makeSetting()).id, 'lead');
    expect(
      (
        await call(memberLoader, otherLead, `/setting/staff/${senco.id}`, {
          params: { userId: senco.id },
        })
      ).status
    ).toBe(404);
    expect((await call(removeAction, otherLead, `/setting/staff/${senco.id}/remove`, { params: { userId: senco.id }, form: {} })).status).toBe(404);
    // Council staff have no setting pages.
    expect((await call(staffLoader, caseworker, '/setting/staff')).status).toBe(404);
  });

  it('a SENCO who leaves loses access at once: sign-in refused, their session ends, the child’s case is gone', async () => {
    const setting = await makeSetting();
    const lead = await settingStaff(setting.id, 'lead');
    const senco = await settingStaff(setting.id, 'senco', laId, {
      name: 'Leaving Senco',
    });
    const { caseRecord } = await makeChildWithCase(db, {
      laId,
      teamId,
      parentIds: [],
    });
    await db.update(cases).set({ namedSettingId: setting.id }).where(eq(cases.id, caseRecord.id));
    const token = await createSession(senco.id);
    const cookie = `ehcp_session=${token}`;
    expect(
      (
        await call(caseLoader, null, `/cases/${caseRecord.id}`, {
          params: { caseId: caseRecord.id },
          cookie,
        })
      ).status
    ).toBe(200);

    const confirm = await (
      await call(removeLoader, lead, `/setting/staff/${senco.id}/remove`, {
        params: { userId: senco.id },
      })
    ).json();
    expect(confirm).toMatchObject({ name: 'Leaving Senco' });
    for (let i = 0; i < 2; i++) {
      const done = await call(removeAction, lead, `/setting/staff/${senco.id}/remove`, { params: { userId: senco.id }, form: {} });
      expect(done.headers.get('Location')).toBe(`/setting/staff?removed=${encodeURIComponent('Leaving Senco')}`);
    }
    expect((await db.select().from(users).where(eq(users.id, senco.id)))[0].deactivatedAt).not.toBeNull();
    expect(await db.select().from(sessions).where(eq(sessions.userId, senco.id))).toHaveLength(0);
    expect(await validateSessionToken(token)).toBeNull();
    // The old cookie now leads to the sign-in page, not the case.
    const after = await call(caseLoader, null, `/cases/${caseRecord.id}`, {
      params: { caseId: caseRecord.id },
      cookie,
    });
    expect(after.status).toBe(302);
    expect(after.headers.get('Location')).toMatch(/^\/sign-in/);
    expect(
      await signIn(senco.email, TEST_PASSWORD, {
        address: '203.0.113.9',
        userAgent: 'test',
      })
    ).toEqual({ kind: 'invalid' });
    // Audited once, as the lead's act.
    const audited = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'deactivate_account'), eq(auditLog.subjectId, senco.id)));
    expect(audited).toHaveLength(1);
    expect(audited[0].userId).toBe(lead.id);
    const list = await (await call(staffLoader, lead, '/setting/staff')).json();
    expect(list.staff.at(-1)).toMatchObject({
      id: senco.id,
      status: 'deactivated',
    });
  });
});

describe('a setting sees only its roll', () => {
  it('two settings and another council: each sees the children its plan names or its request made, and nothing else', async () => {
    const settingA = await makeSetting();
    const settingB = await makeSetting();
    const settingC = await makeSetting(otherLaId);
    const sencoA = await settingStaff(settingA.id, 'senco');
    const sencoB = await settingStaff(settingB.id, 'senco');
    const leadC = await settingStaff(settingC.id, 'lead', otherLaId);
    const named = async (settingId: string | null, la = laId, team = teamId) => {
      const { caseRecord } = await makeChildWithCase(db, {
        laId: la,
        teamId: team,
        parentIds: [],
        stage: 'plan_maintained',
      });
      if (settingId) await db.update(cases).set({ namedSettingId: settingId }).where(eq(cases.id, caseRecord.id));
      return caseRecord;
    };
    const ofA = await named(settingA.id);
    const ofB = await named(settingB.id);
    const unnamed = await named(null);
    const elsewhere = await named(null, otherLaId, otherTeamId);
    // B asked for an assessment for a child whose plan later named A: both see it.
    const askedByB = await named(settingA.id);
    const [child] = await db.select({ id: cases.childId }).from(cases).where(eq(cases.id, askedByB.id));
    await db.insert(assessmentRequests).values({
      childId: child.id,
      createdBy: sencoB.id,
      status: 'submitted',
      submittedAt: new Date(),
      caseId: askedByB.id,
      requestedBySettingId: settingB.id,
      familyAgreedOn: '2026-09-01',
      familyAgreementNote: 'At a meeting',
    });

    const rollOf = async (user: User) => (await (await call(homeLoader, user, '/setting')).json()).roll.map((r: { caseId: string }) => r.caseId).sort();
    expect(await rollOf(sencoA)).toEqual([ofA.id, askedByB.id].sort());
    expect(await rollOf(sencoB)).toEqual([ofB.id, askedByB.id].sort());
    expect(await rollOf(leadC)).toEqual([]);
    // Seeing the roll is audited, with the cases it showed.
    const [audited] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'read:setting'), eq(auditLog.userId, sencoA.id)));
    expect(audited.details).toMatchObject({
      cases: expect.arrayContaining([ofA.id, askedByB.id]),
    });

    const open = (fn: Fn, user: User, caseId: string, page = '') => call(fn, user, `/cases/${caseId}${page}`, { params: { caseId } });
    // Each opens its own children's cases, and no one else's.
    expect((await open(caseLoader, sencoA, ofA.id)).status).toBe(200);
    expect((await open(caseLoader, sencoA, ofB.id)).status).toBe(404);
    expect((await open(caseLoader, sencoA, unnamed.id)).status).toBe(404);
    expect((await open(caseLoader, leadC, ofA.id)).status).toBe(404);
    expect((await open(caseLoader, leadC, elsewhere.id)).status).toBe(404);
    // On their own child's case: the summary, the plan and its reviews; nothing of the thread, notes or who can see it.
    const layout = await (await open(caseLoader, sencoA, ofA.id)).json();
    expect(layout.sections).toEqual(['', 'plan', 'reviews']);
    expect((await open(caseOverviewLoader, sencoA, ofA.id)).status).toBe(200);
    const plan = await open(planLoader, sencoA, ofA.id, '/plan');
    expect(plan.status).toBe(200);
    // The plan, not the family's comments and preferences on its draft.
    expect((await plan.json()).plan).toMatchObject({ comments: [], preferences: [] });
    expect((await open(messagesLoader, sencoA, ofA.id, '/messages')).status).toBe(403);
    expect((await open(notesLoader, sencoA, ofA.id, '/notes')).status).toBe(404);
    expect((await open(accessLoader, sencoA, ofA.id, '/access')).status).toBe(403);
    // The request: only the setting that made it reads it.
    expect((await open(requestPageLoader, sencoB, askedByB.id, '/request')).status).toBe(200);
    expect((await open(requestPageLoader, sencoA, askedByB.id, '/request')).status).toBe(403);
    // Every opening is in the audit log, allowed or not.
    const opened = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.userId, sencoA.id), eq(auditLog.subjectId, ofB.id)));
    expect(opened.map((row) => row.outcome)).toContain('denied');
    // '/' takes a setting's staff to their setting's page.
    const home = await call(indexLoader, sencoA, '/');
    expect(home.headers.get('Location')).toBe('/setting');
  });
});

describe('a setting asks for an assessment with the family’s agreement', () => {
  const childForm = (overrides: Record<string, string> = {}) => ({
    firstName: 'Maya',
    lastName: `Request${unique()}`,
    'dateOfBirth-day': '4',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '2018',
    parentName: 'Priya Parent',
    parentEmail: `family-${unique()}@home.example`,
    'agreedOn-day': '1',
    'agreedOn-month': '12',
    'agreedOn-year': '2026',
    agreementConfirmed: 'yes',
    agreementNote: 'Signed consent form at a meeting with the SENCO',
    difficulties: 'Maya finds reading and writing very hard and struggles to communicate.',
    supportSoFar: 'Two terms of SEN support; speech and language therapy report attached to our file.',
    ...overrides,
  });

  it('refuses what is missing, keeping what was typed; only its lead, SENCO or head may ask', async () => {
    const setting = await makeSetting();
    const senco = await settingStaff(setting.id, 'senco');
    const form = childForm({
      agreementConfirmed: '',
      agreementNote: '',
      'agreedOn-day': '',
    });
    const refused = await call(requestAction, senco, '/setting/request', {
      form,
    });
    expect(refused.status).toBe(400);
    const body = await refused.json();
    expect(body.errors).toMatchObject({
      agreementConfirmed: 'errors.settingRequest.agreementConfirmed',
      agreementNote: 'errors.settingRequest.agreementNote',
      agreedOn: 'errors.date.incomplete',
    });
    expect(body.values).toMatchObject({
      firstName: 'Maya',
      parentEmail: form.parentEmail,
      difficulties: form.difficulties,
    });
    const staff = await settingStaff(setting.id, 'staff');
    expect((await call(requestLoader, staff, '/setting/request')).status).toBe(403);
    expect(
      (
        await call(requestAction, staff, '/setting/request', {
          form: childForm(),
        })
      ).status
    ).toBe(403);
    expect((await call(requestLoader, caseworker, '/setting/request')).status).toBe(404);
    // Another kind of account cannot be the parent.
    const notParent = await call(requestAction, senco, '/setting/request', {
      form: childForm({ parentEmail: caseworker.email }),
    });
    expect((await notParent.json()).errors).toEqual({
      parentEmail: 'errors.settingRequest.parentEmailNotParent',
    });
  });

  it('makes one case for a double submit, received today by the school, allocated as any request; the parent is invited and sees it', async () => {
    const setting = await makeSetting();
    const senco = await settingStaff(setting.id, 'senco');
    const form = childForm();
    const first = await call(requestAction, senco, '/setting/request', {
      form,
    });
    expect(first.status).toBe(302);
    const second = await call(requestAction, senco, '/setting/request', {
      form,
    });
    expect(second.headers.get('Location')).toBe(first.headers.get('Location'));
    const caseId = first.headers.get('Location')!.match(/^\/cases\/([0-9a-f-]+)\?sent=setting$/)![1];

    const found = await db
      .select({ record: cases, request: assessmentRequests })
      .from(cases)
      .innerJoin(children, eq(children.id, cases.childId))
      .innerJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
      .where(eq(children.lastName, form.lastName));
    expect(found).toHaveLength(1);
    const [{ record, request }] = found;
    expect(record).toMatchObject({
      id: caseId,
      laId,
      teamId,
      receivedVia: 'school',
      requestReceived: todayInLondon(),
      stage: 'request_received',
      caseworkerId: null,
    });
    expect(request).toMatchObject({
      status: 'submitted',
      requestedBySettingId: setting.id,
      familyAgreedOn: '2026-12-01',
      familyAgreementNote: form.agreementNote,
      createdBy: senco.id,
    });

    // The parent had no account: one is made, linked to the child, and invited by email once.
    const [parent] = await db.select().from(users).where(eq(users.email, form.parentEmail));
    expect(parent).toMatchObject({
      role: 'parent',
      name: 'Priya Parent',
      passwordHash: null,
    });
    expect(
      await db
        .select()
        .from(childParents)
        .where(and(eq(childParents.userId, parent.id), eq(childParents.childId, record.childId)))
    ).toHaveLength(1);
    expect(await db.select().from(outboxEmails).where(eq(outboxEmails.recipientId, parent.id))).toHaveLength(1);
    const email = await mail.waitFor((m) => m.to.includes(form.parentEmail));
    expect(email.subject).toBe(`A request for an EHC needs assessment has been made: ${record.reference}`);
    expect(email.subject).not.toContain('Maya');
    expect(email.text).toContain(`${setting.name} has asked the council`);
    expect(email.text).toContain('1 December 2026');
    const token = email.text.match(/\/accept-invite\/([A-Za-z0-9_-]+)/)![1];

    // The setting sees the child on its roll; the parent opens the account and sees the request, who made it and the agreement.
    const roll = (await (await call(homeLoader, senco, '/setting')).json()).roll;
    expect(roll).toEqual([expect.objectContaining({ caseId, requestedHere: true, named: false })]);
    const accepted = await acceptInvite(token, 'a long new password 1', {
      address: '203.0.113.9',
      userAgent: 'test',
    });
    expect(accepted).toMatchObject({ secondFactor: false });
    const overview = await (
      await call(caseLoader, accepted!.user, `/cases/${caseId}`, {
        params: { caseId },
      })
    ).json();
    expect(overview.summary.requestedBySetting).toEqual({
      name: setting.name,
      familyAgreedOn: '2026-12-01',
      familyAgreementNote: form.agreementNote,
    });
    expect((await call(requestPageLoader, accepted!.user, `/cases/${caseId}/request`, { params: { caseId } })).status).toBe(200);
    const home = await (await call(indexLoader, accepted!.user, '/')).json();
    expect(home.children.map((c: { childId: string }) => c.childId)).toContain(record.childId);
  });

  it('links the child to a parent who already has an account and emails them a link to the case', async () => {
    const setting = await makeSetting();
    const head = await settingStaff(setting.id, 'head');
    const parent = await makeUser(db, 'parent', { name: 'Existing Parent' });
    const form = childForm({
      parentEmail: parent.email,
      parentName: 'Someone Else',
    });
    const done = await call(requestAction, head, '/setting/request', { form });
    const caseId = done.headers.get('Location')!.match(/^\/cases\/([0-9a-f-]+)/)![1];
    const [record] = await db.select().from(cases).where(eq(cases.id, caseId));
    expect(
      await db
        .select()
        .from(childParents)
        .where(and(eq(childParents.userId, parent.id), eq(childParents.childId, record.childId)))
    ).toHaveLength(1);
    expect((await db.select().from(users).where(eq(users.id, parent.id)))[0].name).toBe('Existing Parent');
    const email = await mail.waitFor((m) => m.to.includes(parent.email));
    expect(email.text).toContain(`/cases/${caseId}`);
    expect(email.text).not.toContain('accept-invite');
    const overview = await (
      await call(caseOverviewLoader, parent, `/cases/${caseId}`, {
        params: { caseId },
      })
    ).json();
    expect(overview.caseId).toBe(caseId);
  });
});
