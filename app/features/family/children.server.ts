import { and, asc, eq } from 'drizzle-orm';
import { assessmentRequests, cases, childParents, children, localAuthorities, type Child, type User } from '../../../db/schema';
import { isYoungPerson, youngPersonFrom } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';

/** A family adds a child (or a young person adds themselves) before asking for an assessment. */

export type NewChild = { firstName: string; lastName: string; dateOfBirth: string; school: string; otherParentalResponsibility: string; laId: string };

export async function localAuthorityChoices() {
  const db = await getDb();
  return db.select({ id: localAuthorities.id, name: localAuthorities.name }).from(localAuthorities).orderBy(asc(localAuthorities.name));
}

export async function addChild(user: User, input: NewChild): Promise<Child> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [child] = await tx
      .insert(children)
      .values({
        laId: input.laId,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        school: input.school || null,
        otherParentalResponsibility: input.otherParentalResponsibility || null,
        youngPersonUserId: user.role === 'young_person' ? user.id : null,
      })
      .returning();
    if (user.role === 'parent') await tx.insert(childParents).values({ childId: child.id, userId: user.id });
    await recordAudit({ userId: user.id, action: 'add:child', subjectType: 'child', subjectId: child.id, outcome: 'allowed' }, tx);
    return child;
  });
}

/**
 * Who makes decisions about the child's case today: the parent, or (from the day after
 * compulsory school age ends) the young person themselves.
 */
export function whoDecides(child: Pick<Child, 'dateOfBirth'>, today: string): { decider: 'parent' | 'young_person'; youngPersonFrom: string } {
  return { decider: isYoungPerson(child.dateOfBirth, today) ? 'young_person' : 'parent', youngPersonFrom: youngPersonFrom(child.dateOfBirth) };
}

export async function childById(childId: string) {
  const db = await getDb();
  const [child] = await db.select().from(children).where(eq(children.id, childId));
  return child ?? null;
}

/** The child's cases, and whether a request is waiting as a draft. */
export async function casesAndDraftOf(childId: string) {
  const db = await getDb();
  const [childCases, drafts] = await Promise.all([
    db.select({ id: cases.id, reference: cases.reference, stage: cases.stage }).from(cases).where(eq(cases.childId, childId)),
    db.select({ id: assessmentRequests.id }).from(assessmentRequests).where(and(eq(assessmentRequests.childId, childId), eq(assessmentRequests.status, 'draft'))),
  ]);
  return { cases: childCases, hasDraft: drafts.length > 0 };
}
