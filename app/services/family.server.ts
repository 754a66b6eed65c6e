import { eq, inArray, or } from 'drizzle-orm';
import { childParents, children, users, type User } from '../../db/schema';
import type { Database, Transaction } from '../../db/client';

/** The people on the family side of a child's case: parents with parental responsibility and the young person. */
export async function familyMembersOf(db: Database | Transaction, childId: string): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(
      or(
        inArray(users.id, db.select({ id: childParents.userId }).from(childParents).where(eq(childParents.childId, childId))),
        inArray(users.id, db.select({ id: children.youngPersonUserId }).from(children).where(eq(children.id, childId))),
      ),
    );
}
