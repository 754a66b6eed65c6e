import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { postMessage } from '~/features/messaging/index.server';
import { supportedLocales, type Locale } from '~/i18n/config';
import { getFixedT } from '~/i18n/i18n.server';
import { users, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useMailSink, type MailSink } from '../support/mail-sink';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 18: every email to a family member is in the language kept on their account, in each
 * of the six languages, read at the real SMTP receiver: subject and body in that language,
 * UTF-8, and labelled with the language (Content-Language). Emails are plain text, so there is
 * no HTML part to mark right to left; the text is sent as written.
 */
let db: Database;
let mail: MailSink;
let caseworker: User;
let laId: string, caseId: string, reference: string;
const council = 'Brookford Borough Council';
const parents = {} as Record<Locale, User>;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  mail = await useMailSink();
  const { la, team } = await makeLa(db, council);
  laId = la.id;
  caseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id, name: 'Tom Okafor' });
  for (const locale of supportedLocales) parents[locale] = await makeUser(db, 'parent', { name: `Parent ${locale}`, locale });
  const { caseRecord } = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: supportedLocales.map((locale) => parents[locale].id), caseworkerId: caseworker.id });
  caseId = caseRecord.id;
  reference = caseRecord.reference;
});

describe('emails in every language', () => {
  it("each family member gets the email in their account's language, UTF-8, labelled with it", async () => {
    await postMessage(caseworker, caseId, laId, { body: 'The EP visit is on Tuesday.', substantive: true, formKey: crypto.randomUUID() });
    for (const locale of supportedLocales) {
      const t = getFixedT(locale);
      const email = await mail.waitFor((m) => m.to.includes(parents[locale].email));
      expect(email.subject).toBe(String(t('mail.newMessageForFamily.subject', { reference })));
      expect(email.text).toContain(String(t('mail.signOffCouncil', { council })));
      expect(email.text).toContain(String(t('mail.newMessageForFamily.body', { name: `Parent ${locale}`, senderName: 'Tom Okafor', childName: '', reference, link: '' })).slice(0, 20));
      expect(email.parsed.headers.get('content-language')).toBe(locale);
      const contentType = email.parsed.headers.get('content-type') as { value: string; params: Record<string, string> };
      expect(contentType.value).toBe('text/plain');
      expect(contentType.params.charset?.toLowerCase()).toBe('utf-8');
      expect(email.html).toBeUndefined();
      // Non-ASCII words (Polish now; Romanian, Gurmukhi, Urdu and Arabic once translated) arrive as written.
      if (locale === 'pl') expect(email.subject).toMatch(/[ąćęłńóśźż]/);
    }
  });

  it('a change of language on the account is used for the next email', async () => {
    await db.update(users).set({ locale: 'ar' }).where(eq(users.id, parents.pl.id));
    await postMessage(caseworker, caseId, laId, { body: 'And the meeting is on Friday.', substantive: true, formKey: crypto.randomUUID() });
    const email = await mail.waitFor((m) => m.to.includes(parents.pl.email) && m.parsed.headers.get('content-language') === 'ar');
    expect(email.subject).toBe(String(getFixedT('ar')('mail.newMessageForFamily.subject', { reference })));
  });

});
