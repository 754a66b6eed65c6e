import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as registerAction } from '~/routes/register';
import { action as checkEmailAction, loader as checkEmailLoader } from '~/routes/register_.check-email';
import { action as accountAction, loader as accountLoader } from '~/routes/account';
import { action as nameAction } from '~/routes/account_.name';
import { action as changeEmailAction } from '~/routes/account_.email';
import { emailTokens, users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeUser, requestAs, settle, TEST_PASSWORD } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let mail: MailSink;

const post = (action: (args: never) => Promise<unknown>, path: string, form: Record<string, string>, user: User | null = null, headers: Record<string, string> = {}) =>
  settle(async () => action({ request: await requestAs(user, path, { form, headers }), params: {}, context: {} } as never));
const get = (loader: (args: never) => Promise<unknown>, path: string, user: User | null = null, headers: Record<string, string> = {}) =>
  settle(async () => loader({ request: await requestAs(user, path, { headers }), params: {}, context: {} } as never));

/** Waits until the outbox has delivered `count` messages to `to`, then a little longer to see no more come. */
async function deliveredTo(to: string, count: number) {
  await mail.waitFor(() => mail.messages.filter((m) => m.to.includes(to)).length >= count);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return mail.messages.filter((m) => m.to.includes(to));
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
});

describe('the check-your-email page after registering', () => {
  const email = 'resend.parent@test.example';
  let cookie = '';

  it('names the address the link went to', async () => {
    const password = 'a long enough password';
    const response = await post(registerAction, '/register', { name: 'Resend Parent', email, accountType: 'parent', password, confirmPassword: password });
    expect(response.headers.get('Location')).toBe('/register/check-email');
    cookie = response.headers.get('Set-Cookie')!.split(';')[0];
    expect(await (await get(checkEmailLoader, '/register/check-email', null, { Cookie: cookie })).json()).toEqual({ email });
    await deliveredTo(email, 1);
  });

  it('sends a new link once however often the button is pressed together, and says so', async () => {
    // The registration's own link is older than the gap that makes presses together count as one.
    await db.update(emailTokens).set({ createdAt: new Date(Date.now() - 60_000) });
    mail.clear();
    const [first, second] = await Promise.all([
      post(checkEmailAction, '/register/check-email', {}, null, { Cookie: cookie }),
      post(checkEmailAction, '/register/check-email', {}, null, { Cookie: cookie }),
    ]);
    expect([first.headers.get('Location'), second.headers.get('Location')]).toEqual(['/register/check-email?resent=1', '/register/check-email?resent=1']);
    const sent = await deliveredTo(email, 1);
    expect(sent).toHaveLength(1);
    expect(sent[0].subject).toBe('Confirm your email address for the EHCP portal');
  });

  it('without the cookie there is nothing to resend: back to registering', async () => {
    expect((await post(checkEmailAction, '/register/check-email', {})).headers.get('Location')).toBe('/register');
  });
});

describe('changing your own name, language and email', () => {
  let parent: User;
  beforeAll(async () => {
    parent = await makeUser(db, 'parent', { name: 'Old Name' });
  });

  it('a blank or too long name is refused beside the field; a good one is saved', async () => {
    expect((await (await post(nameAction, '/account/name', { name: '  ' }, parent)).json()).errors).toEqual({ name: 'errors.name.required' });
    const long = await post(nameAction, '/account/name', { name: 'x'.repeat(121) }, parent);
    expect(await long.json()).toMatchObject({ errors: { name: 'errors.name.tooLong' }, values: { name: 'x'.repeat(121) } });
    const saved = await post(nameAction, '/account/name', { name: ' Anna Kowalska ' }, parent);
    expect(saved.headers.get('Location')).toBe('/account?notice=nameChanged');
    expect((await db.select().from(users).where(eq(users.id, parent.id)))[0].name).toBe('Anna Kowalska');
  });

  it('the language is stored on the account and in the browser’s cookie', async () => {
    const response = await post(accountAction, '/account', { intent: 'language', locale: 'pl' }, parent);
    expect(response.headers.get('Location')).toBe('/account?notice=languageChanged');
    expect(response.headers.get('Set-Cookie')).toMatch(/^lng=pl;/);
    expect((await db.select().from(users).where(eq(users.id, parent.id)))[0].locale).toBe('pl');
    expect((await post(accountAction, '/account', { intent: 'language', locale: 'de' }, parent)).status).toBe(400);
  });

  it('a change of email waiting to be confirmed shows on the account page, and its link can be sent again', async () => {
    const newEmail = 'anna.new@test.example';
    await post(changeEmailAction, '/account/email', { email: newEmail, currentPassword: TEST_PASSWORD }, parent);
    await deliveredTo(newEmail, 1);
    expect(await (await get(accountLoader, '/account', parent)).json()).toMatchObject({ pendingEmail: newEmail, familyAccount: true, messageEmails: 'immediate', messagesFrom: 'council' });
    await db.update(emailTokens).set({ createdAt: new Date(Date.now() - 60_000) }).where(eq(emailTokens.userId, parent.id));
    mail.clear();
    const [first, second] = await Promise.all([
      post(accountAction, '/account', { intent: 'resend-email-change' }, parent),
      post(accountAction, '/account', { intent: 'resend-email-change' }, parent),
    ]);
    expect(first.headers.get('Location')).toBe('/account?notice=emailChangeResent');
    expect(second.headers.get('Location')).toBe('/account?notice=emailChangeResent');
    const sent = await deliveredTo(newEmail, 1);
    expect(sent).toHaveLength(1);
  });
});
