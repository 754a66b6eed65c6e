import { desc, eq } from 'drizzle-orm';
import { caseNotes, users, type Case, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import type { CaseNoteInput } from './notes-form.server';

/**
 * The council's own working notes on a case: staff only (the policy's 'read:case-notes' and
 * 'write:case-notes'), never on the family's timeline. Reading them is audited by the guard
 * that lets the reader in (requireCaseAccess).
 */

export type CaseNoteEntry = { id: string; body: string; writtenIn: string | null; authorName: string; writtenAt: string };

/**
 * A case's notes, newest first, with who wrote each and when. Plain data, so it also serves a
 * subject access export of the case.
 */
export async function caseNotesOf(caseId: string): Promise<CaseNoteEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: caseNotes.id, body: caseNotes.body, writtenIn: caseNotes.writtenIn, authorName: users.name, writtenAt: caseNotes.createdAt })
    .from(caseNotes)
    .innerJoin(users, eq(users.id, caseNotes.authorId))
    .where(eq(caseNotes.caseId, caseId))
    .orderBy(desc(caseNotes.createdAt), desc(caseNotes.id));
  return rows.map((r) => ({ ...r, writtenAt: r.writtenAt.toISOString() }));
}

/** Adds a note. The same form sent twice (a double click, a resend) stores one note: the form's key is unique per author. */
export async function addCaseNote(author: Pick<User, 'id' | 'locale'>, caseRecord: Pick<Case, 'id' | 'laId'>, note: CaseNoteInput, now = new Date()) {
  const db = await getDb();
  await db.insert(caseNotes).values({ caseId: caseRecord.id, laId: caseRecord.laId, authorId: author.id, body: note.body, writtenIn: author.locale, formKey: note.formKey, createdAt: now }).onConflictDoNothing();
}
