import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { caseEvents, documents, familyViews, users, type Case, type User, type ViewVoice } from '../../../db/schema';
import { viewsEditable } from '~/domain/advice';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { sizeInKb } from '~/domain/file-types';

/**
 * "All about me" (Section A): the parent's views and, separately, the child's or young person's
 * own. Each is clearly attributed to who wrote it; they can change until the draft plan starts.
 */

export type ViewsText = { likeAndAdmire: string; importantNow: string; importantFuture: string; howToSupport: string; hopes: string };

export type ViewsEntry = ViewsText & {
  id: string;
  voice: ViewVoice;
  writerId: string;
  writerName: string;
  writerRole: User['role'];
  updatedAt: string;
  pictures: { id: string; name: string; sizeKb: number }[];
};

/** Whether the caseworker has started the draft plan (uploaded it): the views are then closed. */
export async function draftPlanStarted(caseId: string): Promise<boolean> {
  const db = await getDb();
  const [row] = await db
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.caseId, caseId), inArray(documents.kind, ['draft_plan', 'final_plan'])))
    .limit(1);
  return Boolean(row);
}

export async function viewsAreOpen(caseRecord: Pick<Case, 'id' | 'stage'>) {
  return viewsEditable(caseRecord.stage, await draftPlanStarted(caseRecord.id));
}

/** The child's views first, then each parent's, with their pictures. */
export async function viewsOfCase(caseId: string): Promise<ViewsEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({ views: familyViews, writerName: users.name, writerRole: users.role })
    .from(familyViews)
    .innerJoin(users, eq(users.id, familyViews.writtenBy))
    // The assessment's views; a review's own views are on its page (app/features/reviews).
    .where(and(eq(familyViews.caseId, caseId), isNull(familyViews.reviewId)))
    .orderBy(asc(familyViews.createdAt));
  const ids = rows.map((r) => r.views.id);
  const pictures = ids.length ? await db.select().from(documents).where(inArray(documents.familyViewsId, ids)).orderBy(asc(documents.createdAt)) : [];
  return rows
    .map(({ views, writerName, writerRole }) => ({
      id: views.id,
      voice: views.voice,
      writerId: views.writtenBy,
      writerName,
      writerRole,
      updatedAt: views.updatedAt.toISOString(),
      likeAndAdmire: views.likeAndAdmire,
      importantNow: views.importantNow,
      importantFuture: views.importantFuture,
      howToSupport: views.howToSupport,
      hopes: views.hopes,
      pictures: pictures.filter((p) => p.familyViewsId === views.id).map((p) => ({ id: p.id, name: p.originalName, sizeKb: sizeInKb(p.sizeBytes) })),
    }))
    .sort((a, b) => (a.voice === b.voice ? 0 : a.voice === 'child' ? -1 : 1));
}

/** Which contribution a family member writes for a voice: one for the child, one per parent. */
export function slotFor(user: Pick<User, 'id' | 'role'>, voice: ViewVoice): string | null {
  if (voice === 'child') return 'child';
  return user.role === 'parent' ? `parent:${user.id}` : null;
}

export type SaveViewsOutcome = { ok: true; id: string } | { ok: false; error: 'errors.views.closed' | 'errors.views.notYours' };

/** Saves (creates or replaces) one contribution; a resend updates the same row. */
export async function saveViews(user: User, caseRecord: Case, voice: ViewVoice, text: ViewsText, now = new Date()): Promise<SaveViewsOutcome> {
  const slot = slotFor(user, voice);
  if (!slot) return { ok: false, error: 'errors.views.notYours' };
  if (!(await viewsAreOpen(caseRecord))) return { ok: false, error: 'errors.views.closed' };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(familyViews)
      .values({ caseId: caseRecord.id, voice, slot, writtenBy: user.id, ...text, createdAt: now, updatedAt: now })
      .onConflictDoUpdate({ target: [familyViews.caseId, familyViews.slot], set: { ...text, writtenBy: user.id, updatedAt: now } })
      .returning();
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: user.id, occurredAt: now, ...caseEvent('views_saved', { voice }) });
    await recordAudit({ userId: user.id, action: 'save:views', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { voice } }, tx);
    return { ok: true as const, id: row.id };
  });
}
