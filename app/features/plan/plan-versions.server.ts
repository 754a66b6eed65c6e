import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { cases, draftPlanComments, planVersions, users, type Case, type CommentResponse, type PlanVersion, type PlanVersionKind, type User } from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { emptyPlan, type PlanContent, type PlanSection, type PlanSectionContent } from '~/domain/plan-content';
import { diffPlans, type SectionDiff } from '~/domain/plan-diff';
import { parsePlanContent, readinessToIssue, validateSection, type MissingForIssue } from '~/domain/plan-validation';
import { todayInLondon } from '~/domain/timescales';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { wakeMailer } from '~/mail/outbox.server';
import { applyCaseCommand } from '../case-progress/index.server';

/**
 * The EHC plan as versions of structured content (app/domain/plan-content.ts): the caseworker
 * writes one version at a time, section by section, saved as they go; issuing it fixes it (the
 * database refuses any later change) and, for a draft or a final plan, moves the case in the
 * same transaction. Every version stays readable, and any two can be compared.
 */

export type PlanVersionSummary = { id: string; number: number; kind: PlanVersionKind; issuedOn: string | null; issuedBy: string | null };

const issuer = alias(users, 'issuer');

/** Every version of a case's plan, oldest first; the one being written (if any) last. */
export async function planVersionsOf(caseId: string): Promise<PlanVersionSummary[]> {
  const db = await getDb();
  return db
    .select({ id: planVersions.id, number: planVersions.number, kind: planVersions.kind, issuedOn: planVersions.issuedOn, issuedBy: issuer.name })
    .from(planVersions)
    .leftJoin(issuer, eq(issuer.id, planVersions.issuedBy))
    .where(eq(planVersions.caseId, caseId))
    .orderBy(asc(planVersions.number));
}

/** `writtenIn`: the language of whoever last saved the content (null: not known). */
export type PlanVersionView = PlanVersionSummary & { content: PlanContent; writtenIn: string | null };

/** One version by its number; the one being written is for the council's eyes only (`includeUnissued`). */
export async function planVersion(caseId: string, number: number, includeUnissued: boolean): Promise<PlanVersionView | null> {
  const db = await getDb();
  const [row] = await db
    .select({ version: planVersions, issuedBy: issuer.name })
    .from(planVersions)
    .leftJoin(issuer, eq(issuer.id, planVersions.issuedBy))
    .where(and(eq(planVersions.caseId, caseId), eq(planVersions.number, number)));
  if (!row || (!row.version.issuedOn && !includeUnissued)) return null;
  return viewOf(row.version, row.issuedBy);
}

/** The latest issued version (what is in force, or out for comments), if any. */
export async function latestIssuedPlan(caseId: string): Promise<PlanVersionView | null> {
  const db = await getDb();
  const [row] = await db
    .select({ version: planVersions, issuedBy: issuer.name })
    .from(planVersions)
    .leftJoin(issuer, eq(issuer.id, planVersions.issuedBy))
    .where(and(eq(planVersions.caseId, caseId), isNotNull(planVersions.issuedOn)))
    .orderBy(desc(planVersions.number))
    .limit(1);
  return row ? viewOf(row.version, row.issuedBy) : null;
}

function viewOf(version: PlanVersion, issuedBy: string | null): PlanVersionView {
  return { id: version.id, number: version.number, kind: version.kind, issuedOn: version.issuedOn, issuedBy, content: parsePlanContent(version.content), writtenIn: version.writtenIn };
}

/** Stages at which the council writes a plan: once it has decided to issue one. */
export const PLAN_WRITING_STAGES: readonly Case['stage'][] = ['plan_agreed', 'draft_plan_issued', 'final_plan_issued', 'plan_maintained'];

/**
 * What the next version will be: a draft first, then the final plan, then amendments. A plan
 * made elsewhere and uploaded counts through the case's stage (a draft already served, a final
 * already issued).
 */
export function nextKind(issued: readonly Pick<PlanVersionSummary, 'kind'>[], stage: Case['stage']): PlanVersionKind {
  const last = issued.at(-1);
  if (last?.kind === 'draft' || (!last && stage === 'draft_plan_issued')) return 'final';
  if (last || stage === 'final_plan_issued' || stage === 'plan_maintained') return 'amended';
  return 'draft';
}

/**
 * The version the caseworker is writing, started from the latest issued one (or empty) when there
 * is none; null before the council has decided to issue a plan. Safe to repeat: a second press
 * finds the version the first one started.
 */
export async function versionBeingWritten(actor: User, caseRecord: Pick<Case, 'id'>): Promise<PlanVersionView | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ stage: cases.stage }).from(cases).where(eq(cases.id, caseRecord.id)).for('update');
    const [writing] = await tx.select().from(planVersions).where(and(eq(planVersions.caseId, caseRecord.id), isNull(planVersions.issuedOn)));
    if (writing) return viewOf(writing, null);
    if (!current || !PLAN_WRITING_STAGES.includes(current.stage)) return null;
    const issued = await tx.select().from(planVersions).where(eq(planVersions.caseId, caseRecord.id)).orderBy(asc(planVersions.number));
    const [{ highest }] = await tx.select({ highest: max(planVersions.number) }).from(planVersions).where(eq(planVersions.caseId, caseRecord.id));
    const latest = issued.at(-1);
    const [created] = await tx
      .insert(planVersions)
      .values({
        caseId: caseRecord.id,
        number: (highest ?? 0) + 1,
        kind: nextKind(issued, current.stage),
        content: latest ? parsePlanContent(latest.content) : emptyPlan(),
        writtenIn: latest?.writtenIn ?? actor.locale,
        createdBy: actor.id,
      })
      .returning();
    await recordAudit({ userId: actor.id, action: 'start:plan-version', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { number: created.number } }, tx);
    return viewOf(created, null);
  });
}

export type SaveSectionOutcome = { ok: true } | { ok: false; errors: Record<string, string> };

/** Saves one section of the version being written; its errors are per field (app/domain/plan-validation.ts). */
export async function savePlanSection(actor: User, caseId: string, section: PlanSection, content: PlanSectionContent, now = new Date()): Promise<SaveSectionOutcome> {
  const errors = validateSection(section, content);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [writing] = await tx.select().from(planVersions).where(and(eq(planVersions.caseId, caseId), isNull(planVersions.issuedOn))).for('update');
    if (!writing) return { ok: false as const, errors: { form: 'errors.plan.notWriting' } };
    const next = { ...parsePlanContent(writing.content), [section]: content };
    await tx.update(planVersions).set({ content: next, writtenIn: actor.locale, updatedAt: now }).where(eq(planVersions.id, writing.id));
    await recordAudit({ userId: actor.id, action: 'write:plan', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { number: writing.number, section } }, tx);
    return { ok: true as const };
  });
}

export type IssueOutcome = { ok: true; number: number } | { ok: false; missing: MissingForIssue[] } | { ok: false; error: string };

/**
 * Issues the version being written: checks it holds what its kind needs, fixes it with today's
 * date and, for a draft or a final plan, records the step on the case (the family is told).
 */
export async function issuePlanVersion(actor: User, caseRecord: Pick<Case, 'id' | 'stage'>, now = new Date()): Promise<IssueOutcome> {
  const db = await getDb();
  const today = todayInLondon(now);
  const outcome = await db.transaction(async (tx): Promise<IssueOutcome> => {
    const [writing] = await tx.select().from(planVersions).where(and(eq(planVersions.caseId, caseRecord.id), isNull(planVersions.issuedOn))).for('update');
    if (!writing) return { ok: false, error: 'errors.plan.notWriting' };
    const content = parsePlanContent(writing.content);
    const readiness = readinessToIssue(content, writing.kind === 'draft' ? 'draft' : 'final');
    if (!readiness.ok) return { ok: false, missing: readiness.missing };
    await tx.update(planVersions).set({ issuedOn: today, issuedBy: actor.id, updatedAt: now }).where(eq(planVersions.id, writing.id));
    const moved = await moveCase(tx, actor, caseRecord, writing.kind, today, now);
    if (!moved.ok) {
      // The version stays unissued: the transaction rolls back.
      throw new IssueRefused(moved.error);
    }
    await recordAudit({ userId: actor.id, action: 'issue:plan-version', subjectType: 'case', subjectId: caseRecord.id, outcome: 'allowed', details: { number: writing.number, kind: writing.kind } }, tx);
    return { ok: true, number: writing.number };
  }).catch((error: unknown) => {
    if (error instanceof IssueRefused) return { ok: false as const, error: error.key };
    throw error;
  });
  if (outcome.ok) wakeMailer();
  return outcome;
}

class IssueRefused extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

async function moveCase(tx: Transaction, actor: User, caseRecord: Pick<Case, 'id' | 'stage'>, kind: PlanVersionKind, today: string, now: Date) {
  if (kind === 'draft') return applyCaseCommand(tx, actor, caseRecord.id, { type: 'issue_draft_plan', servedOn: today }, caseRecord.stage, {}, now);
  if (kind === 'final') return applyCaseCommand(tx, actor, caseRecord.id, { type: 'issue_final_plan', issuedOn: today }, caseRecord.stage, {}, now);
  return { ok: true as const, duplicate: false };
}

/** What changed from one issued version to another, section by section. */
export async function comparePlanVersions(caseId: string, from: number, to: number): Promise<{ from: PlanVersionView; to: PlanVersionView; changes: SectionDiff[] } | null> {
  const [before, after] = await Promise.all([planVersion(caseId, from, false), planVersion(caseId, to, false)]);
  if (!before || !after) return null;
  return { from: before, to: after, changes: diffPlans(before.content, after.content) };
}

export type SectionComment = { id: string; section: PlanSection; body: string; authorName: string; response: CommentResponse | null; responseReasons: string | null };

/**
 * The family's comments on the draft that a final plan answers, with what the council did about
 * each, to show beside the sections of that final plan. (None for a draft: its comments are on
 * the plan page while the window is open.)
 */
export async function commentsAnsweredBy(caseId: string, version: Pick<PlanVersionView, 'kind' | 'number'>): Promise<SectionComment[]> {
  if (version.kind !== 'final') return [];
  const db = await getDb();
  const author = alias(users, 'author');
  const drafts = db
    .select({ id: planVersions.id })
    .from(planVersions)
    .where(and(eq(planVersions.caseId, caseId), eq(planVersions.kind, 'draft'), isNotNull(planVersions.issuedOn)));
  const rows = await db
    .select({ comment: draftPlanComments, authorName: author.name })
    .from(draftPlanComments)
    .innerJoin(author, eq(author.id, draftPlanComments.authorId))
    .where(and(eq(draftPlanComments.caseId, caseId), inArray(draftPlanComments.planVersionId, drafts)))
    .orderBy(asc(draftPlanComments.createdAt));
  return rows.map(({ comment, authorName }) => ({
    id: comment.id,
    section: comment.section,
    body: comment.body,
    authorName,
    response: comment.response,
    responseReasons: comment.responseReasons,
  }));
}
