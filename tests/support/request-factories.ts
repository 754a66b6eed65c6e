import type { Database } from '../../db/client';
import { assessmentRequests, childParents, children } from '../../db/schema';

/**
 * Builders for requests for assessment (drafts and submitted ones) and for children without a
 * case yet, in the style of tests/support/factories.ts.
 */
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/** A child with no case yet: what a family has before it submits its first request. */
export async function makeChild(db: Database, options: { laId: string; parentIds: string[]; youngPersonUserId?: string }) {
  const [child] = await db
    .insert(children)
    .values({ laId: options.laId, firstName: 'Kit', lastName: `Child${unique()}`, dateOfBirth: '2017-02-03', youngPersonUserId: options.youngPersonUserId ?? null })
    .returning();
  for (const userId of options.parentIds) await db.insert(childParents).values({ childId: child.id, userId });
  return child;
}

/** A request for assessment: a draft, or submitted with the case it became. */
export async function makeAssessmentRequest(
  db: Database,
  options: { childId: string; createdBy: string } & ({ status?: 'draft' } | { status: 'submitted'; caseId: string }),
) {
  const submitted = options.status === 'submitted';
  const [row] = await db
    .insert(assessmentRequests)
    .values({
      childId: options.childId,
      createdBy: options.createdBy,
      status: submitted ? 'submitted' : 'draft',
      submittedAt: submitted ? new Date() : null,
      caseId: submitted ? options.caseId : null,
    })
    .returning();
  return row;
}
