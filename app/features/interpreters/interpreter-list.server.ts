import { and, asc, desc, eq } from 'drizzle-orm';
import { interpreters, type User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import type { InterpreterGender } from '~/domain/interpreters';
import type { InterpreterListEntry } from './list-form.server';

/** The council's list of interpreters, kept by its LA admin (issue 18). */

export type ListedInterpreter = { id: string; name: string; languages: string[]; gender: InterpreterGender | null; email: string | null; phone: string | null; active: boolean };

/** The council's list, active first, by name. */
export async function councilInterpreters(laId: string): Promise<ListedInterpreter[]> {
  const db = await getDb();
  return db
    .select({ id: interpreters.id, name: interpreters.name, languages: interpreters.languages, gender: interpreters.gender, email: interpreters.email, phone: interpreters.phone, active: interpreters.active })
    .from(interpreters)
    .where(eq(interpreters.laId, laId))
    .orderBy(desc(interpreters.active), asc(interpreters.name));
}

/** Adds an interpreter to the list; the same form sent twice adds one. */
export async function addInterpreter(admin: Pick<User, 'id'>, laId: string, entry: InterpreterListEntry, address?: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(interpreters)
      .values({ laId, name: entry.name, languages: entry.languages, gender: entry.gender, email: entry.email, phone: entry.phone, formKey: entry.formKey })
      .onConflictDoNothing()
      .returning({ id: interpreters.id });
    if (row) await recordAudit({ userId: admin.id, action: 'administer:interpreters', subjectType: 'la', subjectId: laId, outcome: 'allowed', address, details: { added: row.id } }, tx);
  });
}

/** Takes an interpreter off the list (or back on); past bookings keep their name. Only the council's own. */
export async function setInterpreterActive(admin: Pick<User, 'id'>, laId: string, interpreterId: string, active: boolean, address?: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const changed = await tx
      .update(interpreters)
      .set({ active })
      .where(and(eq(interpreters.id, interpreterId), eq(interpreters.laId, laId)))
      .returning({ id: interpreters.id });
    if (changed.length === 0) return false;
    await recordAudit({ userId: admin.id, action: 'administer:interpreters', subjectType: 'la', subjectId: laId, outcome: 'allowed', address, details: { [active ? 'restored' : 'removed']: interpreterId } }, tx);
    return true;
  });
}
