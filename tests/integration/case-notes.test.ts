import { and, eq } from 'drizzle-orm';
import { CASE_NOTE_MAX_LENGTH } from '~/forms/text-limits';
import { beforeAll, describe, expect, it } from 'vitest';
import { action as notesAction, loader as notesLoader } from '~/routes/cases.$caseId.notes';
import { loader as layoutLoader } from '~/routes/cases.$caseId';
import { auditLog, caseNotes, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let parent: User, caseworker: User, manager: User, otherCouncilCaseworker: User, admin: User;
let caseId: string;

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  const elsewhere = await makeLa(db, 'Elsewhere Council');
  parent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Casey Worker' });
  manager = await makeUser(db, 'manager', { laId: la.id, name: 'Morgan Manager' });
  admin = await makeUser(db, 'la_admin', { laId: la.id });
  otherCouncilCaseworker = await makeUser(db, 'caseworker', { laId: elsewhere.la.id, teamId: elsewhere.team.id });
  ({ caseRecord: { id: caseId } } = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id }));
});

const read = (user: User) => settle(async () => notesLoader({ request: await requestAs(user, `/cases/${caseId}/notes`), params: { caseId }, context: {} }));
const write = (user: User, form: Record<string, string>) => settle(async () => notesAction({ request: await requestAs(user, `/cases/${caseId}/notes`, { form }), params: { caseId }, context: {} }));
const notesOnCase = () => db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId));

describe('staff-only case notes', () => {
  it('a caseworker adds a note; sending the same form twice stores one; a manager reads it, newest first', async () => {
    const formKey = crypto.randomUUID();
    const first = await write(caseworker, { body: 'Spoke to the school SENCo.', formKey });
    expect(first.status).toBe(302);
    expect(first.headers.get('Location')).toBe(`/cases/${caseId}/notes?added=1`);
    expect((await write(caseworker, { body: 'Spoke to the school SENCo.', formKey })).status).toBe(302);
    expect(await notesOnCase()).toHaveLength(1);
    await write(manager, { body: 'Agreed to fund an EP visit.', formKey: crypto.randomUUID() });
    const page = await (await read(manager)).json();
    expect(page.notes.map((n: { body: string; authorName: string }) => [n.authorName, n.body])).toEqual([
      ['Morgan Manager', 'Agreed to fund an EP visit.'],
      ['Casey Worker', 'Spoke to the school SENCo.'],
    ]);
  });

  it('an empty or too long note is a field error, and what was typed comes back', async () => {
    const empty = await write(caseworker, { body: '   ', formKey: crypto.randomUUID() });
    expect(empty.status).toBe(400);
    expect((await empty.json()).errors).toEqual({ body: 'errors.caseNote.required' });
    // One over the limit the page's character count shows.
    const long = 'x'.repeat(CASE_NOTE_MAX_LENGTH + 1);
    const tooLong = await write(caseworker, { body: long, formKey: crypto.randomUUID() });
    expect(await tooLong.json()).toMatchObject({ errors: { body: 'errors.caseNote.tooLong' }, values: { body: long } });
    expect(await notesOnCase()).toHaveLength(2);
  });

  it('do not exist for the family, another council or the council admin: 404, and nothing is written', async () => {
    for (const outsider of [parent, otherCouncilCaseworker, admin]) {
      expect((await read(outsider)).status).toBe(404);
      expect((await write(outsider, { body: 'Sneaky', formKey: crypto.randomUUID() })).status).toBe(404);
    }
    expect(await notesOnCase()).toHaveLength(2);
  });

  it('reading them is audited, allowed or refused', async () => {
    const entries = await db.select().from(auditLog).where(and(eq(auditLog.action, 'read:case-notes'), eq(auditLog.subjectId, caseId)));
    expect(entries.filter((e) => e.userId === manager.id && e.outcome === 'allowed').length).toBeGreaterThan(0);
    expect(entries.filter((e) => e.userId === parent.id && e.outcome === 'denied').length).toBeGreaterThan(0);
  });

  it('the case navigation links to them for staff only', async () => {
    const sections = async (user: User) => (await (await settle(async () => layoutLoader({ request: await requestAs(user, `/cases/${caseId}`), params: { caseId }, context: {} }))).json()).sections;
    expect(await sections(caseworker)).toContain('notes');
    expect(await sections(parent)).not.toContain('notes');
  });
});
