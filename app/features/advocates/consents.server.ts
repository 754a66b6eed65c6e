import { and, asc, desc, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import {
  adviceOrganisations,
  advocateConsents,
  assessmentRequests,
  cases,
  children,
  consentEvents,
  consentScopes,
  users,
  type CaseStage,
  type Child,
  type ConsentScope,
  type User,
} from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { awaitsYoungPerson, isLive } from '~/domain/consent';
import { linkTo } from '~/domain/council';
import { councilContext } from '~/tenancy/council.server';
import { isValidIsoDate } from '~/domain/timescales';
import type { ClockStep } from '~/domain/case-clock';
import { youngPersonDecides, type CaseControl } from '~/domain/young-person';
import { getDb } from '~/db.server';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { recordAudit } from '~/audit/audit.server';
import { caseProgress } from '../case-progress/index.server';
import { threadClock, threadOf } from '../messaging/index.server';
import { standardsOf } from '~/tenancy/council.server';
import { consentFacts, controlOf } from '../family/index.server';
import { personName } from '~/domain/names';
import { isUuid } from '~/domain/ids';

/**
 * Advocate consents: a family gives an advice organisation, or one named advocate, access to a
 * child's case; every grant, confirmation and revocation is written with its history and to the
 * audit log, in one transaction. The rules are app/domain/consent.ts.
 */


/** The advice organisations a family may choose from: those listed by the child's LA. */
export async function adviceOrganisationsFor(laId: string) {
  const db = await getDb();
  return db.select({ id: adviceOrganisations.id, name: adviceOrganisations.name }).from(adviceOrganisations).where(eq(adviceOrganisations.laId, laId)).orderBy(asc(adviceOrganisations.name));
}

export type NewConsent = { adviceOrgId: string; /** Empty: the whole organisation. */ advocateEmail: string; scope: ConsentScope; expiresOn: string; formKey: string };

export type GrantOutcome = { ok: true } | { ok: false; field: 'adviceOrgId' | 'advocateEmail'; error: string };

/**
 * Gives consent. A named advocate must have an account with an organisation the child's LA
 * lists. The same form sent twice stores one consent. The advocates are told by email.
 */
export async function grantConsent(granter: User, child: Child, input: NewConsent, now = new Date()): Promise<GrantOutcome> {
  const db = await getDb();
  const council = await councilContext(child.laId, db);
  const organisations = await adviceOrganisationsFor(child.laId);
  const adviceOrgId = input.adviceOrgId;
  if (!organisations.some((o) => o.id === adviceOrgId)) return { ok: false, field: 'adviceOrgId', error: 'errors.consent.organisationRequired' };
  let advocate: User | null = null;
  if (input.advocateEmail) {
    const [found] = await db.select().from(users).where(and(eq(users.email, input.advocateEmail), eq(users.role, 'advocate'), eq(users.adviceOrgId, adviceOrgId)));
    if (!found) return { ok: false, field: 'advocateEmail', error: 'errors.consent.noSuchAdvocate' };
    advocate = found;
  }
  const stored = await db.transaction(async (tx) => {
    const [consent] = await tx
      .insert(advocateConsents)
      .values({
        childId: child.id,
        grantedBy: granter.id,
        adviceOrgId,
        advocateUserId: advocate?.id ?? null,
        scope: input.scope,
        expiresOn: input.expiresOn,
        formKey: input.formKey,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning();
    if (!consent) return null;
    const details = { scope: consent.scope, expiresOn: consent.expiresOn, adviceOrgId, advocateUserId: consent.advocateUserId };
    await tx.insert(consentEvents).values({ consentId: consent.id, kind: 'granted', actorId: granter.id, occurredAt: now, details });
    await recordAudit({ userId: granter.id, action: 'grant:consent', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { consentId: consent.id, ...details } }, tx);
    for (const recipient of await advocatesOf(tx, consent)) {
      await queueEmail(tx, council, 'consentGiven', recipient, { name: recipient.name, familyName: granter.name, childName: child.firstName, link: linkTo(council, '/') });
    }
    return consent;
  });
  if (stored) wakeMailer();
  return { ok: true };
}

/** Who a consent names: its advocate, or every advocate of the organisation it was given to. */
async function advocatesOf(tx: Transaction, consent: { adviceOrgId: string; advocateUserId: string | null }): Promise<User[]> {
  return consent.advocateUserId
    ? tx.select().from(users).where(eq(users.id, consent.advocateUserId))
    : tx.select().from(users).where(and(eq(users.adviceOrgId, consent.adviceOrgId), eq(users.role, 'advocate')));
}

/**
 * Ends a consent at once. Revoking one already revoked changes nothing. The advocates are told,
 * so that nobody goes on working for a family who has stopped them.
 */
export async function revokeConsent(actor: User, child: Child, consentId: string, now = new Date()) {
  // From a form: anything but an id names no consent (and the database would refuse it).
  if (!isUuid(consentId)) return false;
  const db = await getDb();
  const council = await councilContext(child.laId, db);
  const revoked = await db.transaction(async (tx) => {
    const [consent] = await tx
      .update(advocateConsents)
      .set({ revokedAt: now, revokedBy: actor.id })
      .where(and(eq(advocateConsents.id, consentId), eq(advocateConsents.childId, child.id), isNull(advocateConsents.revokedAt)))
      .returning();
    if (!consent) return false;
    await tx.insert(consentEvents).values({ consentId, kind: 'revoked', actorId: actor.id, occurredAt: now, details: {} });
    await recordAudit({ userId: actor.id, action: 'revoke:consent', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { consentId } }, tx);
    for (const recipient of await advocatesOf(tx, consent)) {
      await queueEmail(tx, council, 'consentEnded', recipient, { name: recipient.name, familyName: actor.name, childName: child.firstName });
    }
    return true;
  });
  if (revoked) wakeMailer();
  return revoked;
}

/** The consent to change, if it is this child's and still open. */
export async function openConsentOf(childId: string, consentId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(consentId)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ consent: advocateConsents, organisation: adviceOrganisations.name })
    .from(advocateConsents)
    .innerJoin(adviceOrganisations, eq(adviceOrganisations.id, advocateConsents.adviceOrgId))
    .where(and(eq(advocateConsents.id, consentId), eq(advocateConsents.childId, childId), isNull(advocateConsents.revokedAt)));
  return row ?? null;
}

/** Changes what the adviser may do or until when; the history keeps what it was. Effective at once. */
export async function changeConsent(
  actor: User,
  child: Child,
  consentId: string,
  change: { scope: ConsentScope; expiresOn: string },
  now = new Date(),
) {
  const db = await getDb();
  const council = await councilContext(child.laId, db);
  const changed = await db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(advocateConsents)
      .where(and(eq(advocateConsents.id, consentId), eq(advocateConsents.childId, child.id), isNull(advocateConsents.revokedAt)))
      .for('update');
    if (!before) return false;
    if (before.scope === change.scope && before.expiresOn === change.expiresOn) return false;
    await tx.update(advocateConsents).set(change).where(eq(advocateConsents.id, consentId));
    const details = { from: { scope: before.scope, expiresOn: before.expiresOn }, to: change };
    await tx.insert(consentEvents).values({ consentId, kind: 'changed', actorId: actor.id, occurredAt: now, details });
    await recordAudit({ userId: actor.id, action: 'change:consent', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { consentId, ...details } }, tx);
    for (const recipient of await advocatesOf(tx, before)) {
      const t = getFixedT(recipient.locale);
      await queueEmail(tx, council, 'consentChanged', recipient, {
        name: recipient.name,
        familyName: actor.name,
        childName: child.firstName,
        scope: t(change.scope === 'act' ? 'advocates.mail.scope.act' : 'advocates.mail.scope.view'),
        expiresOn: formatDate(change.expiresOn, recipient.locale),
        link: linkTo(council, '/'),
      });
    }
    return true;
  });
  if (changed) wakeMailer();
}

/** The young person confirms a consent their parent gave, so it carries on. */
export async function confirmConsent(youngPerson: User, child: Child, consentId: string, now = new Date()) {
  if (child.youngPersonUserId !== youngPerson.id || !isUuid(consentId)) return false;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [confirmed] = await tx
      .update(advocateConsents)
      .set({ confirmedByYoungPersonAt: now })
      .where(and(eq(advocateConsents.id, consentId), eq(advocateConsents.childId, child.id), isNull(advocateConsents.revokedAt), isNull(advocateConsents.confirmedByYoungPersonAt)))
      .returning();
    if (!confirmed) return false;
    await tx.insert(consentEvents).values({ consentId, kind: 'confirmed', actorId: youngPerson.id, occurredAt: now, details: {} });
    await recordAudit({ userId: youngPerson.id, action: 'confirm:consent', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { consentId } }, tx);
    return true;
  });
}

/**
 * What a 'changed' consent event changed the consent to, read from its stored details (written by
 * changeConsent); null when they do not say, so an odd row shows no values rather than failing.
 */
function changedTo(details: Record<string, unknown>): { scope: ConsentScope; expiresOn: string } | null {
  const to = details.to;
  if (typeof to !== 'object' || to === null || !('scope' in to) || !('expiresOn' in to)) return null;
  const { scope, expiresOn } = to;
  return isConsentScope(scope) && isValidIsoDate(expiresOn) ? { scope, expiresOn } : null;
}

function isConsentScope(value: unknown): value is ConsentScope {
  return consentScopes.some((scope) => scope === value);
}

export type ConsentView = {
  id: string;
  organisation: string;
  advocateName: string | null;
  scope: ConsentScope;
  expiresOn: string;
  grantedByName: string;
  grantedAt: string;
  revokedAt: string | null;
  status: 'live' | 'expired' | 'revoked' | 'awaiting_young_person';
  history: { kind: string; actorName: string | null; occurredAt: string; changedTo: { scope: ConsentScope; expiresOn: string } | null }[];
};

/** A child's consents, newest first, each with its status today and its history. */
export async function consentsOfChild(child: Child, control: CaseControl, today: string): Promise<ConsentView[]> {
  const db = await getDb();
  const advocate = alias(users, 'advocate');
  const granter = alias(users, 'granter');
  const rows = await db
    .select({ consent: advocateConsents, organisation: adviceOrganisations.name, advocateName: advocate.name, grantedByName: granter.name })
    .from(advocateConsents)
    .innerJoin(adviceOrganisations, eq(adviceOrganisations.id, advocateConsents.adviceOrgId))
    .innerJoin(granter, eq(granter.id, advocateConsents.grantedBy))
    .leftJoin(advocate, eq(advocate.id, advocateConsents.advocateUserId))
    .where(eq(advocateConsents.childId, child.id))
    .orderBy(desc(advocateConsents.createdAt));
  const ids = rows.map((r) => r.consent.id);
  const events = ids.length
    ? await db
        .select({ consentId: consentEvents.consentId, kind: consentEvents.kind, actorName: users.name, occurredAt: consentEvents.occurredAt, details: consentEvents.details })
        .from(consentEvents)
        .leftJoin(users, eq(users.id, consentEvents.actorId))
        .where(inArray(consentEvents.consentId, ids))
        .orderBy(asc(consentEvents.occurredAt))
    : [];
  const decides = youngPersonDecides(control);
  return rows.map(({ consent, organisation, advocateName, grantedByName }) => {
    const f = consentFacts(consent, child);
    const status = consent.revokedAt ? 'revoked' : isLive(f, today, decides) ? 'live' : awaitsYoungPerson(f, today, decides) ? 'awaiting_young_person' : 'expired';
    return {
      id: consent.id,
      organisation,
      advocateName,
      scope: consent.scope,
      expiresOn: consent.expiresOn,
      grantedByName,
      grantedAt: consent.createdAt.toISOString(),
      revokedAt: consent.revokedAt?.toISOString() ?? null,
      status,
      history: events
        .filter((e) => e.consentId === consent.id)
        .map((e) => ({
          kind: e.kind,
          actorName: e.actorName,
          occurredAt: e.occurredAt.toISOString(),
          changedTo: e.kind === 'changed' ? changedTo(e.details) : null,
        })),
    };
  });
}

export type WorkspaceFamily = {
  consentId: string;
  grantedBy: string;
  childId: string;
  childName: string;
  familyName: string;
  scope: ConsentScope;
  expiresOn: string;
  draftRequestId: string | null;
  case: { id: string; reference: string; stage: CaseStage; nextDate: { step: ClockStep; dueBy: string } | null; awaitingReplyBy: string | null } | null;
};

/**
 * The advocate's home: every family whose live consent covers them, with each case's stage, its
 * next statutory date and whether the family is waiting for the council's reply.
 */
export async function advocateWorkspace(advocate: User, today: string): Promise<WorkspaceFamily[]> {
  const db = await getDb();
  const covering = or(eq(advocateConsents.advocateUserId, advocate.id), advocate.adviceOrgId ? and(isNull(advocateConsents.advocateUserId), eq(advocateConsents.adviceOrgId, advocate.adviceOrgId)) : undefined);
  const rows = await db
    .select({ consent: advocateConsents, child: children, familyName: users.name })
    .from(advocateConsents)
    .innerJoin(children, eq(children.id, advocateConsents.childId))
    .innerJoin(users, eq(users.id, advocateConsents.grantedBy))
    .where(and(covering, isNull(advocateConsents.revokedAt)))
    .orderBy(asc(children.firstName), asc(children.lastName));
  const families = new Map<string, WorkspaceFamily>();
  for (const { consent, child, familyName } of rows) {
    const control = await controlOf(child, today, db);
    if (!isLive(consentFacts(consent, child), today, youngPersonDecides(control))) continue;
    const known = families.get(child.id);
    if (known && (known.scope === 'act' || consent.scope === 'view')) continue;
    families.set(child.id, { consentId: consent.id, grantedBy: consent.grantedBy, childId: child.id, childName: personName(child), familyName, scope: consent.scope, expiresOn: consent.expiresOn, draftRequestId: null, case: null });
  }
  for (const family of families.values()) {
    const [draft] = await db
      .select({ id: assessmentRequests.id })
      .from(assessmentRequests)
      .where(and(eq(assessmentRequests.childId, family.childId), eq(assessmentRequests.status, 'draft')))
      .limit(1);
    family.draftRequestId = draft?.id ?? null;
    const [latest] = await db.select().from(cases).where(eq(cases.childId, family.childId)).orderBy(desc(cases.requestReceived)).limit(1);
    if (!latest) continue;
    const [progress, thread, standards] = await Promise.all([caseProgress(latest, today), threadOf(latest.id), standardsOf(latest.laId)]);
    const next = progress.clock.find((entry) => entry.status === 'due');
    const clock = threadClock(thread, standards);
    // The workspace shows each case's stage, dates and messages: that is access to the case, so it is audited like opening it.
    await recordAudit({
      userId: advocate.id,
      action: 'read:case_summary',
      subjectType: 'case',
      subjectId: latest.id,
      outcome: 'allowed',
      details: { path: '/', consentId: family.consentId, onBehalfOf: family.grantedBy, scope: family.scope },
    });
    family.case = {
      id: latest.id,
      reference: latest.reference,
      stage: latest.stage,
      nextDate: next ? { step: next.step, dueBy: next.dueBy } : null,
      awaitingReplyBy: clock.state === 'awaiting' ? clock.replyBy : null,
    };
  }
  return [...families.values()];
}
