import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { addCaseNote, caseNotesOf } from '~/features/case-notes/index.server';
import { postMessage, threadOf } from '~/features/messaging/index.server';
import { caseNotes, messages, type User } from '../../db/schema';
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
});
