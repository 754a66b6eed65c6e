import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCaseNote, caseNotesOf } from '~/features/case-notes/index.server';
import { recordCaseCommand, recordException, sendApology } from '~/features/case-progress/index.server';
import { readCaseEvent } from '~/domain/case-events';
import { postMessage, threadOf } from '~/features/messaging/index.server';
import { WrittenIn } from '~/ui/WrittenIn';
import { caseEvents, caseNotes, messages, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 18 item 5: what staff and families write is kept as written, with the language its
 * author wrote in (their account's language at the time), never translated.
 */
let db: Database;
let polishCaseworker: User, urduParent: User;
let laId: string, caseId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  laId = la.id;
  polishCaseworker = await makeUser(db, 'caseworker', { laId, teamId: team.id, locale: 'pl' });
  urduParent = await makeUser(db, 'parent', { locale: 'ur' });
  const made = await makeChildWithCase(db, { laId, teamId: team.id, parentIds: [urduParent.id], caseworkerId: polishCaseworker.id });
  caseId = made.caseRecord.id;
});

describe('the language something was written in', () => {
  it("is the author's account language when they wrote it, kept with a message as written", async () => {
    await postMessage(polishCaseworker, caseId, laId, { body: 'Spotkanie jest we wtorek.', substantive: true, formKey: crypto.randomUUID() });
    await postMessage(urduParent, caseId, laId, { body: 'شکریہ، ہم آئیں گے۔', substantive: false, formKey: crypto.randomUUID() });
    const thread = await threadOf(caseId);
    expect(thread.map((m) => [m.body, m.writtenIn])).toEqual([
      ['Spotkanie jest we wtorek.', 'pl'],
      ['شکریہ، ہم آئیں گے۔', 'ur'],
    ]);
    const stored = await db.select({ body: messages.body }).from(messages).where(eq(messages.caseId, caseId));
    expect(stored.map((m) => m.body)).toContain('Spotkanie jest we wtorek.');
  });

  it('is kept with a case note', async () => {
    await addCaseNote(polishCaseworker, { id: caseId, laId }, { body: 'Notatka', formKey: crypto.randomUUID() });
    expect((await caseNotesOf(caseId)).map((note) => note.writtenIn)).toEqual(['pl']);
    const [row] = await db.select({ writtenIn: caseNotes.writtenIn }).from(caseNotes).where(eq(caseNotes.caseId, caseId));
    expect(row.writtenIn).toBe('pl');
  });

  it("is kept with a decision's reasons, an apology and a legal exception, and read back with the event", async () => {
    const today = new Date().toISOString().slice(0, 10);
    const outcome = await recordCaseCommand(polishCaseworker, caseId, { type: 'decide_to_assess', outcome: 'refused', reasons: 'Potrzeby są zaspokajane w szkole.', decidedOn: today }, 'request_received');
    expect(outcome.ok).toBe(true);
    await sendApology(polishCaseworker, caseId, { step: 'decisionToAssess', reason: 'Przepraszamy za opóźnienie.', newExpectedDate: today });
    await recordException(polishCaseworker, caseId, { step: 'finalPlan', kind: 'school_closed', explanation: 'Szkoła zamknięta.' });
    const events = (await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map(readCaseEvent);
    const written = events.flatMap((e) => (e.kind !== 'unrecognised' && 'writtenIn' in e.details ? [[e.kind, e.details.writtenIn]] : []));
    expect(written).toEqual([
      ['assessment_refused', 'pl'],
      ['apology_sent', 'pl'],
      ['exception_recorded', 'pl'],
    ]);
  });
});

describe('shown as written, labelled with its language', () => {
  const render = (reader: string, language: string | null, text: string) => {
    const i18n = createInstance();
    void i18n.init({
      lng: reader,
      initImmediate: false,
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      resources: { [reader]: { common: JSON.parse(readFileSync(`public/locales/${reader}/common.json`, 'utf8')) } },
    });
    return renderToStaticMarkup(createElement(I18nextProvider, { i18n }, createElement(WrittenIn, { language, children: createElement('p', null, text) })));
  };

  it('for a Polish reader, English text is marked English and said to be written in English, untranslated', () => {
    const html = render('pl', 'en', 'The meeting is on Tuesday.');
    expect(html).toContain('<div lang="en" dir="ltr">');
    expect(html).toContain('<p class="govuk-body-s govuk-!-margin-bottom-1" lang="pl" dir="ltr">Napisane w języku: angielski</p>');
    expect(html).toContain('<p>The meeting is on Tuesday.</p>');
  });

  it('Urdu text is marked right to left; an English reader is told it is Urdu', () => {
    const html = render('en', 'ur', 'شکریہ');
    expect(html).toContain('<div lang="ur" dir="rtl">');
    expect(html).toContain('Written in Urdu');
  });

  it('no label in the reader’s own language, and nothing claimed when the language is not known', () => {
    expect(render('en', 'en', 'Hello')).not.toContain('Written in');
    expect(render('en', null, 'Hello')).toBe('<p>Hello</p>');
  });
});
