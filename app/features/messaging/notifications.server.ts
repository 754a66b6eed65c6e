import { and, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import { advocateConsents, childParents, cases, children, localAuthorities, messages, users, type User } from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { getDb } from '~/db.server';
import { linkTo } from '~/domain/council';
import { dueDates, receivedOn } from '~/domain/service-standards';
import { todayInLondon } from '~/domain/timescales';
import { formatDate } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { familyAudience } from '../family/index.server';

/**
 * Who hears of a new message, and when. Emails say who wrote about which child and link to the
 * thread; the message itself stays in the portal.
 *
 * - From the council: everyone on the family side who may read the thread (the young person,
 *   parents unless the young person has not shared the case, advocates with live consent), in
 *   their own language; each as they chose — straight away, or in the morning digest
 *   (`sendFamilyMessageDigests`).
 * - From the family: the case's caseworker, or while they are away (or none is allocated) the
 *   area team's caseworkers who are in; each as they chose — straight away, or in the morning
 *   digest (`sendMessageDigests`).
 */

type NewMessage = { caseId: string; sender: Pick<User, 'id' | 'name' | 'role'>; side: 'family' | 'la'; sentAt?: Date };

/** How staff emails name who wrote on the family side (literal keys, for the translation test). */
const senderRoleKeys: Partial<Record<User['role'], string>> = {
  parent: 'mail.senderRoles.parent',
  young_person: 'mail.senderRoles.young_person',
  advocate: 'mail.senderRoles.advocate',
};

/** Queues the emails for a message, in the transaction that stores it: from the case's council, linking to its address. */
export async function queueMessageNotifications(tx: Transaction, message: NewMessage) {
  const [record] = await tx
    .select({
      laId: cases.laId,
      childId: cases.childId,
      childName: children.firstName,
      reference: cases.reference,
      teamId: cases.teamId,
      caseworkerId: cases.caseworkerId,
      acknowledgeWithin: localAuthorities.acknowledgeWithin,
      replyWithin: localAuthorities.replyWithin,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.laId))
    .where(eq(cases.id, message.caseId));
  if (!record) return;
  const council = await councilContext(record.laId, tx);
  const link = linkTo(council, `/cases/${message.caseId}/messages`);

  if (message.side === 'la') {
    for (const member of await familyAudience(tx, record.childId, 'read:thread')) {
      if (member.messageEmails === 'daily') continue; // told in the next morning's digest instead
      await queueEmail(tx, council, 'newMessageForFamily', member, { name: member.name, senderName: message.sender.name, childName: record.childName, reference: record.reference, link });
    }
    return;
  }

  // An adviser writing for the family: the family hears what was said in their name.
  if (message.sender.role === 'advocate') {
    const family = (await familyAudience(tx, record.childId, 'read:thread')).filter((member) => member.role !== 'advocate');
    for (const member of family) {
      await queueEmail(tx, council, 'adviserMessageForFamily', member, { name: member.name, adviserName: message.sender.name, childName: record.childName, council: council.name ?? '', link });
    }
  }

  // Staff are told by when the service standards want an acknowledgement and a reply.
  const due = dueDates(receivedOn(message.sentAt ?? new Date()), record);
  const staff = await staffToTell(tx, record.teamId, record.caseworkerId);
  for (const person of staff.filter((s) => s.messageEmails === 'immediate' && s.id !== message.sender.id)) {
    const roleKey = senderRoleKeys[message.sender.role];
    await queueEmail(tx, council, 'newMessageForStaff', person, {
      name: person.name,
      senderName: message.sender.name,
      senderRole: roleKey ? getFixedT(person.locale)(roleKey) : '',
      childName: record.childName,
      reference: record.reference,
      acknowledgeBy: formatDate(due.acknowledgeBy, person.locale),
      replyBy: formatDate(due.replyBy, person.locale),
      link,
    });
  }
}

async function staffToTell(tx: Transaction, teamId: string, caseworkerId: string | null): Promise<User[]> {
  if (caseworkerId) {
    const [caseworker] = await tx.select().from(users).where(eq(users.id, caseworkerId));
    if (caseworker && !caseworker.absent) return [caseworker];
  }
  return tx
    .select()
    .from(users)
    .where(and(eq(users.teamId, teamId), eq(users.role, 'caseworker'), eq(users.absent, false)));
}

/**
 * The morning email for staff who chose a daily digest: how many family messages arrived on
 * their cases (and on cases of absent teammates) since the last one. Each person's digest and
 * the mark of how far it reached are written in one transaction, so a rerun sends nothing twice.
 */
export async function sendMessageDigests(now = new Date()) {
  const db = await getDb();
  const readers = await db.select().from(users).where(and(eq(users.messageEmails, 'daily'), eq(users.role, 'caseworker'), eq(users.absent, false)));
  let queued = 0;
  for (const reader of readers) {
    const sent = await db.transaction(async (tx) => {
      const [locked] = await tx.select({ through: users.digestSentThrough }).from(users).where(eq(users.id, reader.id)).for('update');
      const since = locked?.through ?? new Date(now.getTime() - 24 * 60 * 60 * 1000);
      const rows = await tx
        .select({ reference: cases.reference, childName: children.firstName, count: sql<number>`count(*)::int` })
        .from(messages)
        .innerJoin(cases, eq(cases.id, messages.caseId))
        .innerJoin(children, eq(children.id, cases.childId))
        .leftJoin(users, eq(users.id, cases.caseworkerId))
        .where(
          and(
            eq(messages.side, 'family'),
            gt(messages.createdAt, since),
            lte(messages.createdAt, now),
            or(
              eq(cases.caseworkerId, reader.id),
              reader.teamId ? and(eq(cases.teamId, reader.teamId), or(isNull(cases.caseworkerId), and(ne(cases.caseworkerId, reader.id), eq(users.absent, true)))) : sql`false`,
            ),
          ),
        )
        .groupBy(cases.reference, children.firstName)
        .orderBy(cases.reference);
      await tx.update(users).set({ digestSentThrough: now }).where(eq(users.id, reader.id));
      if (rows.length === 0) return false;
      const total = rows.reduce((sum, r) => sum + r.count, 0);
      const council = await councilContext(reader.laId, tx);
      await queueEmail(tx, council, 'messageDigest', reader, {
        name: reader.name,
        count: String(total),
        cases: rows.map((r) => `- ${r.childName} (${r.reference}): ${r.count}`).join('\n'),
        link: linkTo(council, '/inbox'),
      });
      return true;
    });
    if (sent) queued++;
  }
  if (queued > 0) wakeMailer();
  return queued;
}

/** Who on the family side may choose a morning digest of the council's messages. */
const familySideRoles = ['parent', 'young_person', 'advocate'] as const;

/**
 * The morning email for parents, young people and advocates who chose a daily digest: for each
 * case, how many messages the council sent since the last one, from which council, about which
 * child; never the messages. The subject names no one (it shows in lock screens and shared
 * inboxes). Who may hear is decided at digest time by the same rule as the immediate emails
 * (`familyAudience`): a parent the young person has not shared the case with, or an advocate
 * whose consent has ended since the message was sent, is told nothing. One email per council
 * (each signs its own and links to its own address); the mark of how far the digest reached is
 * written in the same transaction, so a rerun sends nothing twice.
 */
export async function sendFamilyMessageDigests(now = new Date()) {
  const db = await getDb();
  const today = todayInLondon(now);
  const readers = await db
    .select()
    .from(users)
    .where(and(eq(users.messageEmails, 'daily'), inArray(users.role, familySideRoles), isNull(users.deactivatedAt)));
  let queued = 0;
  for (const reader of readers) {
    queued += await db.transaction(async (tx) => {
      const [locked] = await tx.select({ through: users.digestSentThrough }).from(users).where(eq(users.id, reader.id)).for('update');
      const since = locked?.through ?? new Date(now.getTime() - 24 * 60 * 60 * 1000);
      // Narrows to the children the reader is linked to at all; familyAudience below decides.
      const consentedChildren = tx
        .select({ childId: advocateConsents.childId })
        .from(advocateConsents)
        .where(
          and(
            isNull(advocateConsents.revokedAt),
            or(eq(advocateConsents.advocateUserId, reader.id), reader.adviceOrgId ? and(isNull(advocateConsents.advocateUserId), eq(advocateConsents.adviceOrgId, reader.adviceOrgId)) : sql`false`),
          ),
        );
      const parentOf = tx.select({ childId: childParents.childId }).from(childParents).where(eq(childParents.userId, reader.id));
      const rows = await tx
        .select({ caseId: cases.id, laId: cases.laId, childId: children.id, childName: children.firstName, count: sql<number>`count(*)::int` })
        .from(messages)
        .innerJoin(cases, eq(cases.id, messages.caseId))
        .innerJoin(children, eq(children.id, cases.childId))
        .where(
          and(
            eq(messages.side, 'la'),
            gt(messages.createdAt, since),
            lte(messages.createdAt, now),
            or(eq(children.youngPersonUserId, reader.id), inArray(children.id, parentOf), inArray(children.id, consentedChildren)),
          ),
        )
        .groupBy(cases.id, cases.laId, children.id, children.firstName)
        .orderBy(children.firstName, cases.createdAt);
      const audiences = new Map<string, boolean>();
      const heard: typeof rows = [];
      for (const row of rows) {
        if (!audiences.has(row.childId)) {
          audiences.set(row.childId, (await familyAudience(tx, row.childId, 'read:thread', today)).some((member) => member.id === reader.id));
        }
        if (audiences.get(row.childId)) heard.push(row);
      }
      await tx.update(users).set({ digestSentThrough: now }).where(eq(users.id, reader.id));
      const t = getFixedT(reader.locale);
      let sent = 0;
      for (const laId of new Set(heard.map((row) => row.laId))) {
        const ofCouncil = heard.filter((row) => row.laId === laId);
        const council = await councilContext(laId, tx);
        // One link: the thread when there is one case, otherwise the home page that lists them all.
        const path = ofCouncil.length === 1 ? `/cases/${ofCouncil[0].caseId}/messages` : '/';
        await queueEmail(tx, council, 'familyMessageDigest', reader, {
          name: reader.name,
          council: council.name ?? String(t('familyDigest.yourCouncil')),
          cases: ofCouncil.map((row) => `- ${String(t('familyDigest.caseLine', { childName: row.childName, count: row.count }))}`).join('\n'),
          link: linkTo(council, path),
        });
        sent++;
      }
      return sent;
    });
  }
  if (queued > 0) wakeMailer();
  return queued;
}
