import { and, asc, count, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import {
  areaTeams,
  assessmentRequests,
  caseEvents,
  caseReferenceSeq,
  cases,
  children,
  documents,
  localAuthorities,
  type AssessmentRequest,
  type Child,
  type User,
} from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { assessmentDeadlines, todayInLondon } from '~/domain/timescales';
import { closedStages } from '~/domain/vocabulary';
import { caseEvent } from '~/domain/case-events';
import { getDb } from '~/db.server';
import { sectionIsComplete } from './request-form.server';
import { requestSections, type SectionSpec } from './request-sections';
import { formatDate } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { linkTo } from '~/domain/council';
import { councilContext } from '~/tenancy/council.server';
import { recordAudit } from '~/audit/audit.server';
import { controlOf } from '../family/index.server';
import { offerFeedbackFor } from '../feedback/index.server';
import { storeCaseDates } from '../statutory-dates/index.server';

/**
 * A request for an EHC needs assessment: a draft saved section by section, then submitted once,
 * which creates the case and starts the statutory clock.
 */

export type StartOutcome = { ok: true; request: AssessmentRequest } | { ok: false; error: 'errors.request.youngPersonDecides' | 'errors.request.caseOpen' };

/** Resumes the child's draft, or starts one while the child has no open case. A parent cannot ask for a young person. */
export async function startOrResumeRequest(user: User, child: Child, now = new Date(), onBehalfOf: User | null = null): Promise<StartOutcome> {
  // An advocate starts the draft in the name of the family member they act for: it is the family's draft.
  const owner = onBehalfOf ?? user;
  // From the young person's date the request is theirs, unless a parent has recorded that they lack capacity.
  if (owner.role === 'parent' && (await controlOf(child, todayInLondon(now))).controller === 'young_person') {
    return { ok: false, error: 'errors.request.youngPersonDecides' };
  }
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locks the child row so two tabs starting at once make one draft.
    await tx.select({ id: children.id }).from(children).where(eq(children.id, child.id)).for('update');
    const [draft] = await tx
      .select()
      .from(assessmentRequests)
      .where(and(eq(assessmentRequests.childId, child.id), eq(assessmentRequests.status, 'draft')))
      .orderBy(desc(assessmentRequests.updatedAt))
      .limit(1);
    if (draft) return { ok: true as const, request: draft };
    // One open case per child: a second request while one is being dealt with would be a duplicate.
    const [open] = await tx
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.childId, child.id), notInArray(cases.stage, [...closedStages])))
      .limit(1);
    if (open) return { ok: false as const, error: 'errors.request.caseOpen' as const };
    const [created] = await tx
      .insert(assessmentRequests)
      .values({ childId: child.id, createdBy: owner.id, answers: { 'about-the-child': {}, education: { setting: child.school ?? '' } } })
      .returning();
    return { ok: true as const, request: created };
  });
}

export async function saveSection(requestId: string, slug: string, answers: Record<string, string>, now = new Date()) {
  const db = await getDb();
  const [saved] = await db
    .update(assessmentRequests)
    .set({ answers: sql`${assessmentRequests.answers} || ${JSON.stringify({ [slug]: answers })}::jsonb`, updatedAt: now })
    .where(and(eq(assessmentRequests.id, requestId), eq(assessmentRequests.status, 'draft')))
    .returning({ id: assessmentRequests.id });
  return Boolean(saved);
}

export type SectionStatus = { section: SectionSpec; status: 'completed' | 'in_progress' | 'not_started' };

export function sectionStatuses(request: Pick<AssessmentRequest, 'answers'>): SectionStatus[] {
  return requestSections.map((section) => {
    const saved = request.answers[section.slug];
    const started = saved !== undefined && Object.values(saved).some((v) => v !== '');
    return { section, status: sectionIsComplete(section, saved) ? 'completed' : started ? 'in_progress' : 'not_started' };
  });
}

/** The area team with the fewest open cases takes a new request. */
async function teamForNewCase(tx: Transaction, laId: string) {
  const [team] = await tx
    .select({ id: areaTeams.id, open: count(cases.id) })
    .from(areaTeams)
    .leftJoin(cases, and(eq(cases.teamId, areaTeams.id), notInArray(cases.stage, ['withdrawn', 'ceased'])))
    .where(eq(areaTeams.laId, laId))
    .groupBy(areaTeams.id)
    .orderBy(asc(count(cases.id)), asc(areaTeams.id))
    .limit(1);
  if (!team) throw new Error(`Local authority ${laId} has no area team to take requests`);
  return team.id;
}

export type SubmitOutcome =
  | { ok: true; caseId: string; reference: string; decisionDue: string }
  | { ok: false; error: 'errors.request.incomplete'; incomplete: string[] };

/**
 * Submits the request: creates the case with today's date (the statutory clock starts), its
 * reference and first event, and moves the request's documents onto it. Submitting twice
 * (double click, browser retry) returns the same case.
 */
export async function submitRequest(
  user: User,
  requestId: string,
  options: SubmitOptions = {},
  now = new Date(),
): Promise<SubmitOutcome> {
  const db = await getDb();
  const outcome = await db.transaction((tx) => submitRequestIn(tx, user, requestId, options, now));
  if (!outcome.ok) return outcome;
  if (outcome.fresh) wakeMailer();
  return { ok: true, caseId: outcome.caseId, reference: outcome.reference, decisionDue: outcome.decisionDue };
}

export type SubmitOptions = {
  receivedOn?: string;
  receivedVia?: 'online' | 'phone' | 'letter' | 'email' | 'school';
  requireComplete?: boolean;
  /** An advocate submitting with consent: the family member they act for. */
  onBehalfOf?: User | null;
};

/**
 * `submitRequest` inside a caller's transaction (a setting's request creates its child, family
 * and request and submits them at once: app/features/settings). `fresh`: this call made the
 * case; the caller wakes the mailer after committing.
 */
export async function submitRequestIn(tx: Transaction, user: User, requestId: string, options: SubmitOptions = {}, now = new Date()) {
  const [request] = await tx.select().from(assessmentRequests).where(eq(assessmentRequests.id, requestId)).for('update');
  if (!request) throw new Error(`No request ${requestId}`);
  if (request.status === 'submitted' && request.caseId) {
    const [existing] = await tx.select().from(cases).where(eq(cases.id, request.caseId));
    return { ok: true as const, caseId: existing.id, reference: existing.reference, decisionDue: assessmentDeadlines(existing.requestReceived).decisionToAssess, fresh: false };
  }
  const incomplete = sectionStatuses(request)
    .filter((s) => s.status !== 'completed')
    .map((s) => s.section.slug);
  if (incomplete.length > 0 && options.requireComplete !== false) return { ok: false as const, error: 'errors.request.incomplete' as const, incomplete };

  const [{ laId }] = await tx.select({ laId: children.laId }).from(children).where(eq(children.id, request.childId));
  const [la] = await tx.select({ code: localAuthorities.code }).from(localAuthorities).where(eq(localAuthorities.id, laId));
  const received = options.receivedOn ?? todayInLondon(now);
  const [{ next }] = await tx.select({ next: sql<string>`nextval(${caseReferenceSeq.seqName})` }).from(sql`(select 1) as one`);
  const reference = `${la.code}-${received.slice(0, 4)}-${String(next).padStart(5, '0')}`;
  const [created] = await tx
    .insert(cases)
    .values({ reference, childId: request.childId, laId, teamId: await teamForNewCase(tx, laId), requestReceived: received, receivedVia: options.receivedVia ?? 'online' })
    .returning();
  const onBehalfOf = options.onBehalfOf ?? null;
  await tx.insert(caseEvents).values({
    caseId: created.id,
    actorId: user.id,
    occurredAt: now,
    ...caseEvent('request_received', {
      receivedVia: created.receivedVia,
      receivedOn: received,
      ...(onBehalfOf ? { onBehalfOfId: onBehalfOf.id, onBehalfOfName: onBehalfOf.name } : {}),
    }),
  });
  // The clock starts: its first date goes into the lists in the same transaction (ADR 0056).
  await storeCaseDates(tx, [created.id], todayInLondon(now));
  // Sending the request is a key step: the family is asked how it went (ADR 0052).
  await offerFeedbackFor(tx, { laId, caseId: created.id }, 'request_received', todayInLondon(now));
  await tx
    .update(assessmentRequests)
    .set({ status: 'submitted', submittedAt: now, submittedBy: user.id, submittedOnBehalfOf: onBehalfOf?.id ?? null, caseId: created.id, updatedAt: now })
    .where(eq(assessmentRequests.id, requestId));
  await tx.update(documents).set({ caseId: created.id }).where(and(eq(documents.requestId, requestId), isNull(documents.caseId)));
  await recordAudit(
    { userId: user.id, action: 'submit:request', subjectType: 'case', subjectId: created.id, outcome: 'allowed', details: onBehalfOf ? { onBehalfOf: onBehalfOf.id } : {} },
    tx,
  );
  const decisionDue = assessmentDeadlines(received).decisionToAssess;
  // The receipt goes to the family member who made the request online, or for whom an advocate
  // made it; an assisted request's family hears when it is allocated.
  const familyMember = onBehalfOf ?? (user.role === 'parent' || user.role === 'young_person' ? user : null);
  if (familyMember) {
    const council = await councilContext(laId, tx);
    await queueEmail(tx, council, 'requestReceipt', familyMember, {
      name: familyMember.name,
      reference,
      decisionDue: formatDate(decisionDue, familyMember.locale),
      link: linkTo(council, `/cases/${created.id}`),
    });
  }
  return { ok: true as const, caseId: created.id, reference, decisionDue, fresh: true };
}
