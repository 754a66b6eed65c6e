import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as askAction, loader as askLoader } from '~/routes/cases.$caseId.interpreters_.new';
import { action as bookAction, loader as bookLoader } from '~/routes/cases.$caseId.interpreters_.$interpreterRequestId';
import { loader as listLoader } from '~/routes/cases.$caseId.interpreters';
import { action as adminAction, loader as adminLoader } from '~/routes/admin.interpreters';
import { loader as caseloadLoader } from '~/routes/caseload';
import { loader as inboxLoader } from '~/routes/inbox';
import { postMessage } from '~/features/messaging/index.server';
import { loader as layoutLoader } from '~/routes/cases.$caseId';
import { auditLog, interpreterRequests, interpreters, outboxEmails, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 18, item 4: a family asks for an interpreter for a meeting or a call; staff book one from
 * the council's own list (never another council's, never one who does not speak the language);
 * the family sees the booking and is emailed; the need shows on the staff pages of the case.
 */
let db: Database;
let parent: User, otherParent: User, caseworker: User, manager: User, admin: User, otherCaseworker: User, otherAdmin: User;
let caseId: string;
let laId: string;
let urduSpeaker: string, arabicSpeaker: string, foreignUrduSpeaker: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  parent = await makeUser(db, 'parent', { name: 'Farah Ahmed' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  manager = await makeUser(db, 'manager', { laId: la.id });
  admin = await makeUser(db, 'la_admin', { laId: la.id });
  otherCaseworker = await makeUser(db, 'caseworker', { laId: elsewhere.la.id, teamId: elsewhere.team.id });
  otherAdmin = await makeUser(db, 'la_admin', { laId: elsewhere.la.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
  const add = (user: User, form: Record<string, string>) => settle(async () => adminAction({ request: await requestAs(user, '/admin/interpreters', { form: { intent: 'add', formKey: crypto.randomUUID(), ...form } }), params: {}, context: {} }));
  await add(admin, { name: 'Zainab Ali', languages: 'Urdu\nPunjabi (Pothwari)', gender: 'female', email: 'zainab@interpreting.example' });
  await add(admin, { name: 'Amira Haddad', languages: 'Arabic', gender: 'female', phone: '01632 960 001' });
  await add(otherAdmin, { name: 'Bilal Khan', languages: 'Urdu', gender: 'male', email: 'bilal@interpreting.example' });
  const all = await db.select().from(interpreters);
  urduSpeaker = all.find((i) => i.name === 'Zainab Ali')!.id;
  arabicSpeaker = all.find((i) => i.name === 'Amira Haddad')!.id;
  foreignUrduSpeaker = all.find((i) => i.name === 'Bilal Khan')!.id;
});

const ask = (user: User, form: Record<string, string>) =>
  settle(async () => askAction({ request: await requestAs(user, `/cases/${caseId}/interpreters/new`, { form }), params: { caseId }, context: {} }));
const book = (user: User, requestId: string, form: Record<string, string>) =>
  settle(async () => bookAction({ request: await requestAs(user, `/cases/${caseId}/interpreters/${requestId}`, { form }), params: { caseId, interpreterRequestId: requestId }, context: {} }));
const list = (user: User) => settle(async () => listLoader({ request: await requestAs(user, `/cases/${caseId}/interpreters`), params: { caseId }, context: {} }));
const nextYear = String(new Date().getFullYear() + 1);
const slot = { 'bookedOn-day': '12', 'bookedOn-month': '3', 'bookedOn-year': nextYear, time: '2:30pm', independent: 'yes' };

describe('the council keeps its own list', () => {
  it('each council sees only its own interpreters; languages are read one per line', async () => {
    const page = await (await settle(async () => adminLoader({ request: await requestAs(admin, '/admin/interpreters'), params: {}, context: {} }))).json();
    expect(page.interpreters.map((i: { name: string; languages: string[] }) => [i.name, i.languages])).toEqual([
      ['Amira Haddad', ['Arabic']],
      ['Zainab Ali', ['Urdu', 'Punjabi (Pothwari)']],
    ]);
  });

  it('an entry with no way to reach the interpreter is refused by the field, what was typed kept; caseworkers may not change the list', async () => {
    const response = await settle(async () => adminAction({ request: await requestAs(admin, '/admin/interpreters', { form: { intent: 'add', formKey: crypto.randomUUID(), name: 'No Contact', languages: 'Tigrinya' } }), params: {}, context: {} }));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { email: 'errors.interpreterList.contactRequired' }, values: { name: 'No Contact', languages: 'Tigrinya' } });
    expect((await settle(async () => adminLoader({ request: await requestAs(caseworker, '/admin/interpreters'), params: {}, context: {} }))).status).toBe(403);
  });
});

describe('a family asks and the council books', () => {
  let requestId: string;

  it('the parent asks once, however often the form is sent; the caseworker is emailed with no name in the subject', async () => {
    const formKey = crypto.randomUUID();
    const form = { purpose: 'meeting', language: 'Urdu', dialect: '', genderPreference: 'female', details: 'The planning meeting, mornings suit me', formKey };
    expect((await ask(parent, form)).headers.get('Location')).toBe(`/cases/${caseId}/interpreters?asked=1`);
    await ask(parent, form);
    const rows = await db.select().from(interpreterRequests).where(eq(interpreterRequests.caseId, caseId));
    expect(rows).toHaveLength(1);
    requestId = rows[0].id;
    const mail = await db.select().from(outboxEmails).where(and(eq(outboxEmails.template, 'interpreterRequested'), eq(outboxEmails.recipientId, caseworker.id)));
    expect(mail).toHaveLength(1);
    expect(mail[0].params).toMatchObject({ language: 'Urdu' });
  });

  it('bad answers are field errors with what was typed kept', async () => {
    const response = await ask(parent, { purpose: '', language: ' ', genderPreference: 'female', details: 'keep me', formKey: crypto.randomUUID() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { purpose: 'errors.interpreter.purposeRequired', language: 'errors.interpreter.languageRequired' }, values: { details: 'keep me' } });
  });

  it('staff, another family and another council cannot ask; another family and another council cannot see', async () => {
    expect((await ask(caseworker, { purpose: 'call', language: 'Urdu', genderPreference: 'none', formKey: crypto.randomUUID() })).status).toBe(403);
    expect((await ask(otherParent, { purpose: 'call', language: 'Urdu', genderPreference: 'none', formKey: crypto.randomUUID() })).status).toBe(404);
    expect((await list(otherParent)).status).toBe(404);
    expect((await list(otherCaseworker)).status).toBe(404);
    expect((await settle(async () => askLoader({ request: await requestAs(otherCaseworker, `/cases/${caseId}/interpreters/new`), params: { caseId }, context: {} }))).status).toBe(404);
  });

  it('the need shows on the staff pages of the case and in the caseload, not to the family as a flag', async () => {
    const staffLayout = await (await settle(async () => layoutLoader({ request: await requestAs(caseworker, `/cases/${caseId}`), params: { caseId }, context: {} }))).json();
    expect(staffLayout.interpreterLanguage).toBe('Urdu');
    expect(staffLayout.sections).toContain('interpreters');
    const familyLayout = await (await settle(async () => layoutLoader({ request: await requestAs(parent, `/cases/${caseId}`), params: { caseId }, context: {} }))).json();
    expect(familyLayout.interpreterLanguage).toBeNull();
    const caseload = await (await settle(async () => caseloadLoader({ request: await requestAs(manager, '/caseload?only=interpreter'), params: {}, context: {} }))).json();
    expect(caseload.caseload.rows.map((r: { id: string; interpreterLanguage: string }) => [r.id, r.interpreterLanguage])).toEqual([[caseId, 'Urdu']]);
    // And beside the family's waiting message in the inbox.
    await postMessage(parent, caseId, laId, { body: 'When is the meeting?', substantive: false, formKey: crypto.randomUUID() });
    const inbox = await (await settle(async () => inboxLoader({ request: await requestAs(caseworker, '/inbox'), params: {}, context: {} }))).json();
    expect(inbox.inbox.rows.map((r: { caseId: string; interpreterLanguage: string }) => [r.caseId, r.interpreterLanguage])).toEqual([[caseId, 'Urdu']]);
  });

  it('the booking form offers only the council’s interpreters who speak the language, the preferred first', async () => {
    const page = await (await settle(async () => bookLoader({ request: await requestAs(caseworker, `/cases/${caseId}/interpreters/${requestId}`), params: { caseId, interpreterRequestId: requestId }, context: {} }))).json();
    expect(page.choices.map((c: { name: string; matchesPreference: boolean }) => [c.name, c.matchesPreference])).toEqual([['Zainab Ali', true]]);
    expect((await settle(async () => bookLoader({ request: await requestAs(parent, `/cases/${caseId}/interpreters/${requestId}`), params: { caseId, interpreterRequestId: requestId }, context: {} }))).status).toBe(403);
  });

  it('refuses an interpreter who does not speak the language, another council’s, a time in the past, or no independence', async () => {
    expect(await (await book(caseworker, requestId, { ...slot, interpreterId: arabicSpeaker })).json()).toMatchObject({ errors: { interpreterId: 'errors.interpreter.notOnList' } });
    expect(await (await book(caseworker, requestId, { ...slot, interpreterId: foreignUrduSpeaker })).json()).toMatchObject({ errors: { interpreterId: 'errors.interpreter.notOnList' } });
    expect(await (await book(caseworker, requestId, { ...slot, 'bookedOn-year': '2020', interpreterId: urduSpeaker })).json()).toMatchObject({ errors: { bookedOn: 'errors.interpreter.inThePast' } });
    expect(await (await book(caseworker, requestId, { ...slot, time: '25:00', interpreterId: urduSpeaker })).json()).toMatchObject({ errors: { time: 'errors.interpreter.timeInvalid' } });
    expect(await (await book(caseworker, requestId, { ...slot, independent: '', interpreterId: urduSpeaker })).json()).toMatchObject({ errors: { independent: 'errors.interpreter.independentRequired' } });
    expect((await db.select().from(interpreterRequests).where(eq(interpreterRequests.id, requestId)))[0].status).toBe('requested');
  });

  it('books, audits and emails the family who and when (UK time); a second press changes nothing; the family sees it', async () => {
    const booked = await book(caseworker, requestId, { ...slot, interpreterId: urduSpeaker });
    expect(booked.headers.get('Location')).toBe(`/cases/${caseId}/interpreters?booked=1`);
    const [row] = await db.select().from(interpreterRequests).where(eq(interpreterRequests.id, requestId));
    expect(row).toMatchObject({ status: 'booked', interpreterId: urduSpeaker, bookedBy: caseworker.id });
    // 2:30pm in London on 12 March is 14:30 GMT (before the clocks change).
    expect(row.bookedFor?.toISOString()).toBe(`${nextYear}-03-12T14:30:00.000Z`);
    // A second press: the page for a booked request is gone, and nothing else is emailed.
    expect((await book(caseworker, requestId, { ...slot, interpreterId: urduSpeaker })).status).toBe(404);
    const familyMail = await db.select().from(outboxEmails).where(eq(outboxEmails.template, 'interpreterBooked'));
    expect(familyMail.map((m) => [m.recipientId, m.params.interpreter, m.params.language])).toEqual([[parent.id, 'Zainab Ali', 'Urdu']]);
    const audited = await db.select().from(auditLog).where(and(eq(auditLog.action, 'book:interpreter'), eq(auditLog.subjectId, caseId)));
    // Every attempt is audited by the guard; the booking itself once, naming who was booked.
    expect(audited.filter((a) => (a.details as { interpreterId?: string }).interpreterId === urduSpeaker)).toHaveLength(1);
    const page = await (await list(parent)).json();
    expect(page.requests[0]).toMatchObject({ status: 'booked', booking: { interpreterName: 'Zainab Ali' } });
    expect(page).toMatchObject({ mayAsk: true, mayBook: false });
  });
});
