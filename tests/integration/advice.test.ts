import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayInLondon } from '~/domain/timescales';
import { action as acceptAction } from '~/routes/accept-invite.$token';
import { loader as myRequestsLoader } from '~/routes/advice._index';
import { action as writeAction, loader as writeLoader } from '~/routes/advice.$adviceId';
import { loader as caseLoader } from '~/routes/cases.$caseId';
import { loader as adviceListLoader } from '~/routes/cases.$caseId.advice';
import { action as readAction, loader as readLoader } from '~/routes/cases.$caseId.advice_.$adviceId';
import { action as requestAction } from '~/routes/cases.$caseId.advice_.request';
import { loader as messagesLoader } from '~/routes/cases.$caseId.messages';
import { sendAdviceReminders } from '~/features/advice/index.server';
import { adviceRequests, caseEvents, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;
let parent: User, otherParent: User, caseworker: User, ep: User, health: User, otherEp: User;
let caseId: string, otherCaseId: string, laId: string;
const today = todayInLondon();

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db);
  laId = la.id;
  parent = await makeUser(db, 'parent');
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  ep = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  health = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'health' });
  otherEp = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  const requestReceived = addDays(today, -70);
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering', requestReceived }));
  ({ caseRecord: { id: otherCaseId } } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [otherParent.id], caseworkerId: caseworker.id, stage: 'advice_gathering', requestReceived }));
});

const call = (fn: (args: never) => Promise<unknown>, user: User | null, path: string, params: Record<string, string>, form?: Record<string, string>) =>
  settle(async () => fn({ request: await requestAs(user, path, form ? { form } : {}), params, context: {} } as never));

const dateFields = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return { 'requestedOn-day': day, 'requestedOn-month': month, 'requestedOn-year': year };
};

async function askFor(professional: User, kind: string, requestedOn = today, targetCase = caseId) {
  const formKey = crypto.randomUUID();
  const response = await call(requestAction, caseworker, `/cases/${targetCase}/advice/request`, { caseId: targetCase }, { kind, who: 'existing', professionalId: professional.id, formKey, ...dateFields(requestedOn) });
  expect(response.status).toBe(302);
  const [row] = await db.select().from(adviceRequests).where(and(eq(adviceRequests.requestedBy, caseworker.id), eq(adviceRequests.formKey, formKey)));
  return row;
}

const writeAs = (user: User, adviceId: string, form: Record<string, string>) => call(writeAction, user, `/advice/${adviceId}`, { adviceId }, form);
const openAs = (user: User, adviceId: string) => call(writeLoader, user, `/advice/${adviceId}`, { adviceId });
const readAs = (user: User, adviceId: string) => call(readLoader, user, `/cases/${caseId}/advice/${adviceId}`, { caseId, adviceId });

const fullAdvice = { needs: 'Ruby finds it hard to ...', provision: 'Daily speech and language work ...', outcomes: 'By the end of Year 1 ...', consulted: 'Ruby, her mother, her teacher ...' };

describe('asking for advice', () => {
  it('records the request with its 6-week deadline, emails the professional a link, and stores one request per form', async () => {
    const formKey = crypto.randomUUID();
    const form = { kind: 'educational_psychologist', who: 'existing', professionalId: ep.id, formKey, ...dateFields(today) };
    const [a, b] = await Promise.all([
      call(requestAction, caseworker, `/cases/${caseId}/advice/request`, { caseId }, form),
      call(requestAction, caseworker, `/cases/${caseId}/advice/request`, { caseId }, form),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    const rows = await db.select().from(adviceRequests).where(eq(adviceRequests.formKey, formKey));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ state: 'open', requestedOn: today, professionalId: ep.id });
    expect(rows[0].dueBy > today).toBe(true);
    const email = await mail.waitFor((m) => m.to.includes(ep.email));
    expect(email.text).toContain(`/advice/${rows[0].id}`);
    expect(await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'advice_requested')))).toHaveLength(1);
  });

  it('invites someone new with a one-time link that makes a professional account seeing only their requests', async () => {
    const email = `new.ot-${Date.now()}@nhs.example`;
    const response = await call(requestAction, caseworker, `/cases/${caseId}/advice/request`, { caseId }, { kind: 'other', who: 'new', name: 'Pat Therapist', email, formKey: crypto.randomUUID(), ...dateFields(today) });
    expect(response.status).toBe(302);
    const [created] = await db.select().from(users).where(eq(users.email, email));
    expect(created).toMatchObject({ role: 'professional', laId, passwordHash: null });
    const text = (await mail.waitFor((m) => m.to.includes(email))).text;
    const token = text.match(/accept-invite\/([a-z2-7]+)/)?.[1] ?? '';
    const accepted = await call(acceptAction, null, `/accept-invite/${token}`, { token }, { password: 'a long password', confirmPassword: 'a long password' });
    expect(accepted.status).toBe(302);
    const [account] = await db.select().from(users).where(eq(users.email, email));
    const { requests } = await (await call(myRequestsLoader, account, '/advice', {})).json();
    expect(requests).toHaveLength(1);
    expect((await call(caseLoader, account, `/cases/${otherCaseId}`, { caseId: otherCaseId })).status).toBe(404);
  });

  it('refuses a date in the future, or before the request was received, beside the field', async () => {
    const tomorrow = await call(requestAction, caseworker, `/cases/${caseId}/advice/request`, { caseId }, { kind: 'health', who: 'existing', professionalId: health.id, formKey: crypto.randomUUID(), ...dateFields(addDays(today, 1)) });
    expect((await tomorrow.json()).errors).toEqual({ requestedOn: 'errors.advice.requestedInFuture' });
    const early = await call(requestAction, caseworker, `/cases/${caseId}/advice/request`, { caseId }, { kind: 'health', who: 'existing', professionalId: health.id, formKey: crypto.randomUUID(), ...dateFields(addDays(today, -100)) });
    expect((await early.json()).errors).toEqual({ requestedOn: 'errors.advice.requestedBeforeRequest' });
  });

  it('is for staff only', async () => {
    const response = await call(requestAction, parent, `/cases/${caseId}/advice/request`, { caseId }, { kind: 'health', who: 'existing', professionalId: health.id, formKey: crypto.randomUUID(), ...dateFields(today) });
    expect(response.status).toBe(403);
  });
});

describe('what a professional can see', () => {
  it('their own request and the case summary; not another case, another professional’s request, the advice list or the thread', async () => {
    const mine = await askFor(ep, 'educational_psychologist');
    const theirs = await askFor(health, 'health');
    await askFor(otherEp, 'educational_psychologist', today, otherCaseId);
    expect((await openAs(ep, mine.id)).status).toBe(200);
    expect((await call(caseLoader, ep, `/cases/${caseId}`, { caseId })).status).toBe(200);
    expect((await openAs(ep, theirs.id)).status).toBe(404);
    expect((await call(caseLoader, ep, `/cases/${otherCaseId}`, { caseId: otherCaseId })).status).toBe(404);
    expect((await call(messagesLoader, ep, `/cases/${caseId}/messages`, { caseId })).status).toBe(403);
    expect((await call(adviceListLoader, ep, `/cases/${caseId}/advice`, { caseId })).status).toBe(403);
    expect((await readAs(ep, theirs.id)).status).toBe(403);
    // Another professional who was never asked about this case does not know it exists.
    expect((await call(caseLoader, otherEp, `/cases/${caseId}`, { caseId })).status).toBe(404);
    expect((await openAs(otherEp, mine.id)).status).toBe(404);
  });

  it('access ends 14 days after the request closes', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: (await db.query.areaTeams.findFirst())!.id, parentIds: [otherParent.id], stage: 'advice_gathering', requestReceived: addDays(today, -80) });
    const request = await askFor(otherEp, 'educational_psychologist', addDays(today, -40), caseRecord.id);
    expect((await call(caseLoader, otherEp, `/cases/${caseRecord.id}`, { caseId: caseRecord.id })).status).toBe(200);
    // Closed 14 days ago: still inside the grace period.
    await db.update(adviceRequests).set({ state: 'submitted', closedOn: addDays(today, -14), ...fullAdvice, submittedAt: new Date() }).where(eq(adviceRequests.id, request.id));
    expect((await openAs(otherEp, request.id)).status).toBe(200);
    // Closed 15 days ago: gone.
    await db.update(adviceRequests).set({ closedOn: addDays(today, -15) }).where(eq(adviceRequests.id, request.id));
    expect((await openAs(otherEp, request.id)).status).toBe(404);
    expect((await call(caseLoader, otherEp, `/cases/${caseRecord.id}`, { caseId: caseRecord.id })).status).toBe(404);
    const { requests } = await (await call(myRequestsLoader, otherEp, '/advice', {})).json();
    expect(requests.map((r: { id: string }) => r.id)).not.toContain(request.id);
  });

  it('a cancelled request closes today: access lasts through the grace period only', async () => {
    const request = await askFor(health, 'health');
    const cancel = await call(readAction, caseworker, `/cases/${caseId}/advice/${request.id}`, { caseId, adviceId: request.id }, { intent: 'cancel' });
    expect(cancel.status).toBe(302);
    const [row] = await db.select().from(adviceRequests).where(eq(adviceRequests.id, request.id));
    expect(row).toMatchObject({ state: 'cancelled', closedOn: today });
    // Closed: no more writing.
    expect((await (await writeAs(health, request.id, { intent: 'save', ...fullAdvice })).json()).errors).toEqual({ form: 'errors.advice.closed' });
  });
});

describe('writing, sending and releasing advice', () => {
  it('a draft stays the professional’s; once sent, the family is emailed and reads it; the LA may hold it back with a reason', async () => {
    const request = await askFor(ep, 'educational_psychologist');
    const saved = await writeAs(ep, request.id, { intent: 'save', needs: 'First thoughts', provision: '', outcomes: '', consulted: '' });
    expect(saved.status).toBe(302);
    expect((await readAs(parent, request.id)).status).toBe(404);
    const staffView = await (await readAs(caseworker, request.id)).json();
    expect(staffView.sections).toBeNull();

    const incomplete = await writeAs(ep, request.id, { intent: 'submit', needs: 'First thoughts', provision: '', outcomes: 'x', consulted: 'y' });
    expect((await incomplete.json()).errors).toEqual({ provision: 'errors.advice.provisionRequired' });

    mail.clear();
    expect((await writeAs(ep, request.id, { intent: 'submit', ...fullAdvice })).status).toBe(302);
    const familyMail = await mail.waitFor((m) => m.to.includes(parent.email));
    expect(familyMail.text).toContain(`/cases/${caseId}/advice/${request.id}`);
    expect(familyMail.text).not.toContain(fullAdvice.needs);
    const page = await (await readAs(parent, request.id)).json();
    expect(page.sections).toEqual(fullAdvice);
    expect(page.staff).toBeNull();
    // Sending again changes nothing.
    expect((await writeAs(ep, request.id, { intent: 'submit', ...fullAdvice, needs: 'changed' })).status).toBe(302);
    expect((await (await readAs(parent, request.id)).json()).sections.needs).toBe(fullAdvice.needs);

    const noReason = await call(readAction, caseworker, `/cases/${caseId}/advice/${request.id}`, { caseId, adviceId: request.id }, { intent: 'withhold', reason: '' });
    expect((await noReason.json()).errors).toEqual({ reason: 'errors.advice.withholdReasonRequired' });
    await call(readAction, caseworker, `/cases/${caseId}/advice/${request.id}`, { caseId, adviceId: request.id }, { intent: 'withhold', reason: 'Safeguarding: to be discussed with the family first' });
    expect((await readAs(parent, request.id)).status).toBe(404);
    const list = await (await call(adviceListLoader, parent, `/cases/${caseId}/advice`, { caseId })).json();
    expect(list.requests.find((r: { id: string }) => r.id === request.id)).toMatchObject({ withheld: true, withheldReason: null });
    await call(readAction, caseworker, `/cases/${caseId}/advice/${request.id}`, { caseId, adviceId: request.id }, { intent: 'release' });
    expect((await readAs(parent, request.id)).status).toBe(200);
    // A parent cannot hold advice back.
    expect((await call(readAction, parent, `/cases/${caseId}/advice/${request.id}`, { caseId, adviceId: request.id }, { intent: 'withhold', reason: 'I would rather not' })).status).toBe(403);
  });
});

describe('reminders and overdue notices', () => {
  it('sends each once: a reminder before the deadline, an overdue notice to the professional and the caseworker after', async () => {
    const { caseRecord } = await makeChildWithCase(db, { laId, teamId: (await db.query.areaTeams.findFirst())!.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'advice_gathering', requestReceived: addDays(today, -90) });
    const soon = await askFor(ep, 'educational_psychologist', addDays(today, -40), caseRecord.id);
    const late = await askFor(health, 'health', addDays(today, -50), caseRecord.id);
    // Other tests' requests are due far off or closed; only these two are in play.
    mail.clear();
    const first = await sendAdviceReminders(new Date());
    expect(first.overdue).toBeGreaterThanOrEqual(1);
    expect(first.reminders).toBeGreaterThanOrEqual(1);
    await mail.waitFor((m) => m.to.includes(ep.email) && m.subject.startsWith('Reminder') && m.text.includes(`/advice/${soon.id}`));
    await mail.waitFor((m) => m.to.includes(health.email) && m.subject.includes('overdue') && m.text.includes(`/advice/${late.id}`));
    await mail.waitFor((m) => m.to.includes(caseworker.email) && m.subject.includes('overdue'));
    const [row] = await db.select().from(adviceRequests).where(eq(adviceRequests.id, late.id));
    expect(row.overdueNoticeSentAt).not.toBeNull();
    await mail.drained();
    const count = mail.messages.length;
    expect(await sendAdviceReminders(new Date())).toEqual({ reminders: 0, overdue: 0 });
    await mail.drained();
    expect(mail.messages.length).toBe(count);
    const { requests } = await (await call(adviceListLoader, caseworker, `/cases/${caseRecord.id}/advice`, { caseId: caseRecord.id })).json();
    expect(requests.find((r: { id: string }) => r.id === late.id).status).toBe('overdue');

    // Days later the reminded request is overdue too: its notice goes once, even from two runs at the same moment.
    const later = new Date(Date.now() + 10 * 24 * 60 * 60 * 1000);
    mail.clear();
    const runs = await Promise.all([sendAdviceReminders(later), sendAdviceReminders(later)]);
    expect(runs.reduce((n, r) => n + r.overdue, 0)).toBeGreaterThanOrEqual(1);
    await mail.waitFor((m) => m.to.includes(ep.email) && m.subject.includes('overdue') && m.text.includes(`/advice/${soon.id}`));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mail.messages.filter((m) => m.to.includes(ep.email) && m.text.includes(`/advice/${soon.id}`))).toHaveLength(1);
  });
});
