import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postMessage } from '~/features/messaging/index.server';
import { registerFamily, requestPasswordReset } from '~/features/identity/index.server';
import { getEnv, publicOrigin } from '~/env.server';
import { parseMailbox } from '~/domain/council';
import { action as councilAction, loader as councilLoader } from '~/routes/admin.council';
import { auditLog, localAuthorities, outboxEmails, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 12 item 6 (ADR 0023): many councils share one deployment. An email about a case comes
 * from that case's council (its address in the links, its sender, its name at the foot); a
 * council that has set nothing of its own falls back to PUBLIC_BASE_URL and MAIL_FROM; a family
 * with no council yet hears from the deployment.
 */
let db: Database;
let mail: MailSink;
const southbay = { publicBaseUrl: 'https://ehcp.southbay.example', emailFromName: 'Southbay SEND team', emailFromAddress: 'send@southbay.example' };
let southbayId: string, plainId: string;
let southbayParent: User, southbayCaseworker: User, plainParent: User, plainCaseworker: User;
let southbayCase: string, plainCase: string;

const client = { address: '203.0.113.9', userAgent: 'test' };
const fromOf = (m: { parsed: { from?: { value: { name: string; address?: string }[] } } }) => m.parsed.from?.value[0];

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const b = await makeLa(db, 'Southbay City Council');
  southbayId = b.la.id;
  await db.update(localAuthorities).set(southbay).where(eq(localAuthorities.id, southbayId));
  const a = await makeLa(db, 'Plainfield District Council');
  plainId = a.la.id;
  southbayParent = await makeUser(db, 'parent');
  plainParent = await makeUser(db, 'parent');
  southbayCaseworker = await makeUser(db, 'caseworker', { laId: southbayId, teamId: b.team.id });
  plainCaseworker = await makeUser(db, 'caseworker', { laId: plainId, teamId: a.team.id });
  ({ caseRecord: { id: southbayCase } } = await makeChildWithCase(db, { laId: southbayId, teamId: b.team.id, parentIds: [southbayParent.id], caseworkerId: southbayCaseworker.id }));
  ({ caseRecord: { id: plainCase } } = await makeChildWithCase(db, { laId: plainId, teamId: a.team.id, parentIds: [plainParent.id], caseworkerId: plainCaseworker.id }));
});

const message = (body: string) => ({ body, substantive: true, formKey: crypto.randomUUID() });

describe('two councils in one deployment', () => {
  it("an email about a case in council B links to B's address, comes from B's sender and is signed with B's name", async () => {
    mail.clear();
    await postMessage(southbayCaseworker, southbayCase, southbayId, message('Hello from Southbay'));
    const received = await mail.waitFor((m) => m.to.includes(southbayParent.email));
    expect(received.text).toContain(`${southbay.publicBaseUrl}/cases/${southbayCase}/messages`);
    expect(received.text).not.toContain(publicOrigin());
    expect(fromOf(received)).toEqual({ name: southbay.emailFromName, address: southbay.emailFromAddress });
    expect(received.from).toBe(southbay.emailFromAddress);
    expect(received.text).toContain('Southbay City Council');
    const [row] = await db.select({ laId: outboxEmails.laId }).from(outboxEmails).where(and(eq(outboxEmails.toAddress, southbayParent.email), eq(outboxEmails.template, 'newMessageForFamily')));
    expect(row.laId).toBe(southbayId);
  });

  it('a council without its own settings falls back to PUBLIC_BASE_URL and the default sender, still under its own name', async () => {
    mail.clear();
    await postMessage(plainCaseworker, plainCase, plainId, message('Hello from Plainfield'));
    const received = await mail.waitFor((m) => m.to.includes(plainParent.email));
    expect(received.text).toContain(`${publicOrigin()}/cases/${plainCase}/messages`);
    expect(received.text).not.toContain(southbay.publicBaseUrl);
    const fallback = parseMailbox(getEnv().MAIL_FROM, 'EHCP portal');
    expect(fromOf(received)).toEqual(fallback);
    expect(received.text).toContain('Plainfield District Council');
  });

  it("a family's own account emails come from their child's council", async () => {
    mail.clear();
    await requestPasswordReset(southbayParent.email, client);
    const received = await mail.waitFor((m) => m.to.includes(southbayParent.email) && m.text.includes('/reset-password/'));
    expect(received.text).toContain(`${southbay.publicBaseUrl}/reset-password/`);
    expect(fromOf(received)?.address).toBe(southbay.emailFromAddress);
  });

  it('a family with no council yet hears from the deployment', async () => {
    mail.clear();
    const email = `new-family-${crypto.randomUUID()}@test.example`;
    await registerFamily({ name: 'New Family', email, password: 'Correct-horse-battery-9', accountType: 'parent' }, 'en', client);
    const received = await mail.waitFor((m) => m.to.includes(email));
    expect(received.text).toContain(`${publicOrigin()}/verify-email/`);
    expect(fromOf(received)).toEqual(parseMailbox(getEnv().MAIL_FROM, 'EHCP portal'));
    const [row] = await db.select({ laId: outboxEmails.laId }).from(outboxEmails).where(eq(outboxEmails.toAddress, email));
    expect(row.laId).toBeNull();
  });

  it("an admin's change to the council's settings applies to the next email at once", async () => {
    await db.update(localAuthorities).set({ publicBaseUrl: 'https://send.southbay.example', emailFromAddress: null, emailFromName: null }).where(eq(localAuthorities.id, southbayId));
    mail.clear();
    await postMessage(southbayCaseworker, southbayCase, southbayId, message('Moved'));
    const received = await mail.waitFor((m) => m.to.includes(southbayParent.email));
    expect(received.text).toContain(`https://send.southbay.example/cases/${southbayCase}/messages`);
    expect(fromOf(received)).toEqual(parseMailbox(getEnv().MAIL_FROM, 'EHCP portal'));
    await db.update(localAuthorities).set(southbay).where(eq(localAuthorities.id, southbayId));
  });
});

describe("the LA admin's council settings", () => {
  const show = (user: User) => settle(async () => councilLoader({ request: await requestAs(user, '/admin/council'), params: {}, context: {} }));
  const change = (user: User, form: Record<string, string>) =>
    settle(async () => councilAction({ request: await requestAs(user, '/admin/council', { form }), params: {}, context: {} }));

  it('only an LA admin sees them: the address and sender their emails use', async () => {
    expect((await show(southbayCaseworker)).status).toBe(403);
    const admin = await makeUser(db, 'la_admin', { laId: southbayId });
    const page = await show(admin);
    expect(page.status).toBe(200);
    expect((await page.json()).settings).toMatchObject({ name: 'Southbay City Council', baseUrl: southbay.publicBaseUrl, ownAddress: true, sender: { name: southbay.emailFromName, address: southbay.emailFromAddress } });
  });

  it('the admin sets the name emails are sent under, audited; the next email uses it; a bad name is refused', async () => {
    const admin = await makeUser(db, 'la_admin', { laId: plainId });
    expect((await change(southbayCaseworker, { emailFromName: 'Hijacked' })).status).toBe(403);
    const refused = await change(admin, { emailFromName: 'Evil <evil@evil.example>' });
    expect(refused.status).toBe(400);
    const saved = await change(admin, { emailFromName: 'Plainfield SEND team' });
    expect(saved.headers.get('Location')).toBe('/admin/council?changed=1');
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'change:council_sender_name'), eq(auditLog.subjectId, plainId)));
    expect(audit.details).toMatchObject({ from: null, to: 'Plainfield SEND team' });
    mail.clear();
    await postMessage(plainCaseworker, plainCase, plainId, message('Renamed'));
    const received = await mail.waitFor((m) => m.to.includes(plainParent.email));
    expect(fromOf(received)).toEqual({ name: 'Plainfield SEND team', address: parseMailbox(getEnv().MAIL_FROM, 'EHCP portal').address });
    expect((await change(admin, { emailFromName: '' })).headers.get('Location')).toBe('/admin/council?changed=1');
    const [row] = await db.select({ emailFromName: localAuthorities.emailFromName }).from(localAuthorities).where(eq(localAuthorities.id, plainId));
    expect(row.emailFromName).toBeNull();
  });
});
