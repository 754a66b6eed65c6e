import { and, asc, count, eq, gt, gte, inArray, isNotNull, isNull, or } from 'drizzle-orm';
import { assessmentRequests, caseEvents, cases, children, documents, familyViews, messages, threadReads, type User } from '../../../db/schema';
import { decide, audienceOf, type CaseSubject, type Permission } from '~/auth/policy';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { viewsEditable } from '~/domain/advice';
import { statutoryClock } from '~/domain/case-clock';
import { clockInputOf, readCaseEvent } from '~/domain/case-events';
import { childAttention, type CaseFacts, type ChildAttention } from '~/domain/family-attention';
import { replyClock } from '~/domain/service-standards';
import { familySideOf } from '../family/index.server';
import { standardsOf } from '~/tenancy/council.server';
import { childrenOfFamilyMember, type FamilyChild } from './caseload.server';

export type FamilyHomeChild = FamilyChild & { attention: ChildAttention };

/**
 * The family home: each of the person's children with what needs their attention now. A fixed
 * number of queries for all the children together (events, unread counts, waiting threads, draft
 * requests, views, draft plans), plus the family side of each child that the policy needs; what
 * each person may see of a case is the policy's answer, as on the case's own pages.
 */
export async function familyHomeOf(user: User, today: string, now = new Date()): Promise<FamilyHomeChild[]> {
  const family = await childrenOfFamilyMember(user);
  if (family.length === 0) return [];
  const db = await getDb();
  const childIds = family.map((c) => c.childId);
  const caseIds = family.flatMap((c) => c.cases.map((k) => k.id));
  // `in ()` is not SQL: a family with no case yet asks about an id no case has.
  const someCases = caseIds.length > 0 ? caseIds : ['00000000-0000-0000-0000-000000000000'];
  const viewsSlot = audienceOf(user) === 'young_person' ? 'child' : `parent:${user.id}`;

  const [childRows, caseRows, events, unread, waiting, drafts, ownViews, draftPlans] = await Promise.all([
    db.select().from(children).where(inArray(children.id, childIds)),
    db.select().from(cases).where(inArray(cases.id, someCases)),
    db.select({ caseId: caseEvents.caseId, kind: caseEvents.kind, details: caseEvents.details }).from(caseEvents).where(inArray(caseEvents.caseId, someCases)).orderBy(asc(caseEvents.occurredAt)),
    // Council messages since this person last opened each thread (never opened: all of them).
    db
      .select({ caseId: messages.caseId, unread: count() })
      .from(messages)
      .leftJoin(threadReads, and(eq(threadReads.caseId, messages.caseId), eq(threadReads.userId, user.id)))
      .where(and(inArray(messages.caseId, someCases), eq(messages.side, 'la'), or(isNull(threadReads.readAt), gt(messages.createdAt, threadReads.readAt))))
      .groupBy(messages.caseId),
    // Of each thread where the family waits, only the messages since they started waiting (as the inbox reads it).
    db
      .select({ caseId: messages.caseId, side: messages.side, sentAt: messages.createdAt, substantive: messages.substantive })
      .from(messages)
      .innerJoin(cases, eq(cases.id, messages.caseId))
      .where(and(inArray(cases.id, someCases), isNotNull(cases.awaitingReplySince), gte(messages.createdAt, cases.awaitingReplySince)))
      .orderBy(asc(messages.createdAt)),
    db.select({ id: assessmentRequests.id, childId: assessmentRequests.childId, createdBy: assessmentRequests.createdBy }).from(assessmentRequests).where(and(inArray(assessmentRequests.childId, childIds), eq(assessmentRequests.status, 'draft'))).orderBy(asc(assessmentRequests.createdAt)),
    db.select({ caseId: familyViews.caseId }).from(familyViews).where(and(inArray(familyViews.caseId, someCases), eq(familyViews.slot, viewsSlot))),
    db.selectDistinct({ caseId: documents.caseId }).from(documents).where(and(inArray(documents.caseId, someCases), inArray(documents.kind, ['draft_plan', 'final_plan']))),
  ]);
  const laIds = [...new Set(caseRows.filter((c) => c.awaitingReplySince).map((c) => c.laId))];
  const standards = new Map(await Promise.all(laIds.map(async (laId) => [laId, await standardsOf(laId)] as const)));
  const sides = new Map(await Promise.all(childRows.map(async (child) => [child.id, { laId: child.laId, ...(await familySideOf(child, today, db)) }] as const)));

  const result: FamilyHomeChild[] = [];
  const audited: string[] = [];
  for (const child of family) {
    const side = sides.get(child.childId);
    if (!side) continue;
    const { control: _control, laId: childLaId, ...familySide } = side;
    const cards: CaseFacts[] = [];
    const visibleCases: FamilyChild['cases'] = [];
    for (const summary of child.cases) {
      const record = caseRows.find((c) => c.id === summary.id);
      if (!record) continue;
      const subject: CaseSubject = { type: 'case', laId: record.laId, teamId: record.teamId, caseworkerId: record.caseworkerId, ...familySide };
      const may = (permission: Permission) => decide(user, permission, subject) === 'allow';
      // A parent the young person has not shared the case with sees the child, not the case.
      if (!may('read:case')) continue;
      visibleCases.push(summary);
      audited.push(record.id);
      const own = events.filter((e) => e.caseId === record.id).map(readCaseEvent);
      const readsThread = may('read:thread');
      const thread = waiting.filter((m) => m.caseId === record.id);
      const replyStandards = standards.get(record.laId);
      const reply = readsThread && record.awaitingReplySince && replyStandards ? replyClock(thread, replyStandards, now) : null;
      const writesViews = may(audienceOf(user) === 'young_person' ? 'write:child-views' : 'write:parent-views');
      cards.push({
        caseId: record.id,
        clock: statutoryClock(clockInputOf(record, own, today)),
        unreadFromCouncil: readsThread ? (unread.find((u) => u.caseId === record.id)?.unread ?? 0) : null,
        awaitingReply: reply?.state === 'awaiting' ? { dueBy: reply.acknowledged ? reply.replyBy : reply.acknowledgeBy, overdue: reply.overdue } : null,
        viewsWanted:
          writesViews && viewsEditable(record.stage, draftPlans.some((d) => d.caseId === record.id)) && !ownViews.some((v) => v.caseId === record.id),
      });
    }
    const draft = drafts.find((d) => d.childId === child.childId && decide(user, 'edit:request', { type: 'draft_request', laId: childLaId, createdBy: d.createdBy, ...familySide }) === 'allow');
    result.push({ ...child, cases: visibleCases, attention: childAttention({ cases: cards, draftRequestId: draft?.id ?? null }) });
  }
  // The home page shows each case's dates and messages: access to the case, audited as opening it would be.
  if (audited.length > 0) {
    await Promise.all(audited.map((caseId) => recordAudit({ userId: user.id, action: 'read:case_summary', subjectType: 'case', subjectId: caseId, outcome: 'allowed', details: { path: '/' } })));
  }
  return result;
}
