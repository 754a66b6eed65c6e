import { and, asc, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import { caseEvents, documents, draftPlanComments, draftPlanPreferences, planVersions, users, type Case, type CommentResponse, type PlanSection, type User } from '../../../db/schema';
import { draftCommentWindowOpen } from '~/domain/advice';
import { draftCommentsLastDay, todayInLondon } from '~/domain/timescales';
import { caseEvent, readCaseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { sizeInKb } from '~/domain/file-types';

/**
 * The draft EHC plan and the family's answer to it: comments section by section before the last
 * day, the school or setting they want named, a meeting if they ask for one; then, once the final
 * plan is issued, what the LA did about each comment.
 */

const FINAL_STAGES: readonly Case['stage'][] = ['final_plan_issued', 'plan_maintained'];

/** The day the draft was served, from its case event (the workflow records it), or null. */
export async function draftServedOn(caseId: string): Promise<string | null> {
  const db = await getDb();
  const [event] = await db
    .select({ kind: caseEvents.kind, details: caseEvents.details })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.kind, 'draft_plan_issued')))
    .orderBy(desc(caseEvents.occurredAt))
    .limit(1);
  const draft = event ? readCaseEvent(event) : null;
  return draft?.kind === 'draft_plan_issued' ? draft.details.servedOn : null;
}

export type PlanComment = {
  id: string;
  section: PlanSection;
  body: string;
  authorName: string;
  authorId: string;
  createdAt: string;
  response: CommentResponse | null;
  responseReasons: string | null;
};

export async function planOf(caseRecord: Case, today = todayInLondon()) {
  const db = await getDb();
  const [servedOn, plans, comments, preferences] = await Promise.all([
    draftServedOn(caseRecord.id),
    db
      .select()
      .from(documents)
      .where(and(eq(documents.caseId, caseRecord.id), inArray(documents.kind, ['draft_plan', 'final_plan'])))
      .orderBy(asc(documents.createdAt)),
    db
      .select({ comment: draftPlanComments, authorName: users.name })
      .from(draftPlanComments)
      .innerJoin(users, eq(users.id, draftPlanComments.authorId))
      .where(eq(draftPlanComments.caseId, caseRecord.id))
      .orderBy(asc(draftPlanComments.createdAt)),
    db
      .select({ preferences: draftPlanPreferences, authorName: users.name })
      .from(draftPlanPreferences)
      .innerJoin(users, eq(users.id, draftPlanPreferences.authorId))
      .where(eq(draftPlanPreferences.caseId, caseRecord.id)),
  ]);
  const draftIssued = servedOn !== null && (caseRecord.stage === 'draft_plan_issued' || FINAL_STAGES.includes(caseRecord.stage));
  return {
    servedOn,
    lastDay: servedOn ? draftCommentsLastDay(servedOn) : null,
    draftIssued,
    finalIssued: FINAL_STAGES.includes(caseRecord.stage),
    commentWindowOpen: draftIssued && caseRecord.stage === 'draft_plan_issued' && servedOn !== null && draftCommentWindowOpen(servedOn, today),
    documents: plans.map((d) => ({ id: d.id, kind: d.kind, name: d.originalName, sizeKb: sizeInKb(d.sizeBytes), uploadedAt: d.createdAt.toISOString() })),
    comments: comments.map(
      ({ comment, authorName }): PlanComment => ({
        id: comment.id,
        section: comment.section,
        body: comment.body,
        authorName,
        authorId: comment.authorId,
        createdAt: comment.createdAt.toISOString(),
        response: comment.response,
        responseReasons: comment.responseReasons,
      }),
    ),
    preferences: preferences.map((p) => ({ authorId: p.preferences.authorId, authorName: p.authorName, preferredSetting: p.preferences.preferredSetting, meetingRequested: p.preferences.meetingRequested })),
  };
}

export type PlanOutcome = { ok: true } | { ok: false; error: 'errors.plan.windowClosed' };

/** A family comment on one section; the same form sent twice stores one comment. */
export async function addComment(user: User, caseRecord: Case, comment: { section: PlanSection; body: string; formKey: string }, now = new Date()): Promise<PlanOutcome> {
  const servedOn = await draftServedOn(caseRecord.id);
  if (caseRecord.stage !== 'draft_plan_issued' || !servedOn || !draftCommentWindowOpen(servedOn, todayInLondon(now))) return { ok: false, error: 'errors.plan.windowClosed' };
  const db = await getDb();
  await db.transaction(async (tx) => {
    // On the structured draft that is out, if the plan was written in the portal.
    const [draft] = await tx
      .select({ id: planVersions.id })
      .from(planVersions)
      .where(and(eq(planVersions.caseId, caseRecord.id), eq(planVersions.kind, 'draft'), isNotNull(planVersions.issuedOn)))
      .orderBy(desc(planVersions.number))
      .limit(1);
    const [row] = await tx
      .insert(draftPlanComments)
      .values({ caseId: caseRecord.id, authorId: user.id, ...comment, planVersionId: draft?.id ?? null, createdAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) return;
    await tx.insert(caseEvents).values({ caseId: caseRecord.id, actorId: user.id, occurredAt: now, ...caseEvent('draft_plan_comment', { section: comment.section }) });
    await recordAudit({ userId: user.id, action: 'comment:draft_plan', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { commentId: row.id } }, tx);
  });
  return { ok: true };
}

/** The school or setting the family wants named, and whether they want a meeting; one answer per family member, changeable until the last day. */
export async function savePreferences(user: User, caseRecord: Case, preferences: { preferredSetting: string; meetingRequested: boolean }, now = new Date()): Promise<PlanOutcome> {
  const servedOn = await draftServedOn(caseRecord.id);
  if (caseRecord.stage !== 'draft_plan_issued' || !servedOn || !draftCommentWindowOpen(servedOn, todayInLondon(now))) return { ok: false, error: 'errors.plan.windowClosed' };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .insert(draftPlanPreferences)
      .values({ caseId: caseRecord.id, authorId: user.id, ...preferences, updatedAt: now })
      .onConflictDoUpdate({ target: [draftPlanPreferences.caseId, draftPlanPreferences.authorId], set: { ...preferences, updatedAt: now } });
    await recordAudit({ userId: user.id, action: 'preferences:draft_plan', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: preferences }, tx);
  });
  return { ok: true };
}

/** What the LA did about a comment; the family sees it with the final plan. */
export async function respondToComment(actor: User, caseId: string, commentId: string, response: { response: CommentResponse; reasons: string }, now = new Date()) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(draftPlanComments)
      .set({ response: response.response, responseReasons: response.reasons || null, respondedBy: actor.id, respondedAt: now })
      .where(and(eq(draftPlanComments.id, commentId), eq(draftPlanComments.caseId, caseId)))
      .returning();
    if (!row) return false;
    await tx.insert(caseEvents).values({ caseId, actorId: actor.id, occurredAt: now, ...caseEvent('comment_answered', { section: row.section, response: response.response }) });
    await recordAudit({ userId: actor.id, action: 'respond:draft_plan_comment', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { commentId } }, tx);
    return true;
  });
}
