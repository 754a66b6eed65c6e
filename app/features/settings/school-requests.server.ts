import { and, eq, notInArray, sql } from 'drizzle-orm';
import { assessmentRequests, cases, childParents, children, users, type EducationSetting, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { assessmentDeadlines, todayInLondon } from '~/domain/timescales';
import { closedStages } from '~/domain/vocabulary';
import { linkTo } from '~/domain/council';
import { formatDate } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { councilContext } from '~/tenancy/council.server';
import { issueParentInvite } from '../identity/index.server';
import { submitRequestIn } from '../requests/index.server';
import type { SchoolRequestInput } from './school-request-form.server';

export type SchoolRequestOutcome = { ok: true; caseId: string; reference: string; fresh: boolean } | { ok: false; field: 'parentEmail'; error: string };

/**
 * A school, college or early-years setting asks for an EHC needs assessment, with the family's
 * agreement (issue 14, ADR 0046). In one transaction: the child's record (in the setting's
 * council), the parent linked to it (their account if they have one, else a new one they are
 * invited to open), the request as the setting wrote it, with the agreement it recorded, and its
 * submission as for any request: the case, received today by the school (the statutory clock
 * starts on receipt), allocated to a team as any other. The parent is emailed: what was asked,
 * by whom, and a link to see it (or to open their account). The same form sent twice makes one
 * case: the second finds the first (the setting's open request for the same child).
 */
export async function makeSchoolRequest(staff: User, setting: EducationSetting, input: SchoolRequestInput, now = new Date()): Promise<SchoolRequestOutcome> {
  const db = await getDb();
  const received = todayInLondon(now);
  const outcome = await db.transaction(async (tx): Promise<SchoolRequestOutcome> => {
    // One request at a time per setting, so a double submit finds the first one's case.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`school-request:${setting.id}`}))`);
    const [existing] = await tx
      .select({ caseId: cases.id, reference: cases.reference })
      .from(assessmentRequests)
      .innerJoin(children, eq(children.id, assessmentRequests.childId))
      .innerJoin(cases, eq(cases.id, assessmentRequests.caseId))
      .where(
        and(
          eq(assessmentRequests.requestedBySettingId, setting.id),
          sql`lower(${children.firstName}) = lower(${input.firstName})`,
          sql`lower(${children.lastName}) = lower(${input.lastName})`,
          eq(children.dateOfBirth, input.dateOfBirth),
          notInArray(cases.stage, [...closedStages])
        )
      );
    if (existing)
      return {
        ok: true,
        caseId: existing.caseId,
        reference: existing.reference,
        fresh: false,
      };

    const [known] = await tx.select().from(users).where(eq(users.email, input.parentEmail));
    // Only a parent's own account is linked to a child; any other kind of account cannot be.
    if (known && known.role !== 'parent')
      return {
        ok: false,
        field: 'parentEmail',
        error: 'errors.settingRequest.parentEmailNotParent',
      };
    const parent =
      known ??
      (
        await tx
          .insert(users)
          .values({
            email: input.parentEmail,
            name: input.parentName,
            role: 'parent',
            locale: staff.locale,
          })
          .returning()
      )[0];

    const [child] = await tx
      .insert(children)
      .values({
        laId: setting.laId,
        firstName: input.firstName,
        lastName: input.lastName,
        dateOfBirth: input.dateOfBirth,
        school: setting.name,
      })
      .returning();
    await tx.insert(childParents).values({ childId: child.id, userId: parent.id }).onConflictDoNothing();
    const [request] = await tx
      .insert(assessmentRequests)
      .values({
        childId: child.id,
        createdBy: staff.id,
        requestedBySettingId: setting.id,
        familyAgreedOn: input.agreedOn,
        familyAgreementNote: input.agreementNote,
        answers: {
          'about-the-child': {},
          needs: { difficulties: input.difficulties },
          education: {
            setting: setting.name,
            supportSoFar: input.supportSoFar,
            schoolKnows: 'yes',
          },
          'what-you-are-asking-for': { asking: input.difficulties },
        },
      })
      .returning();
    const submitted = await submitRequestIn(tx, staff, request.id, { receivedOn: received, receivedVia: 'school', requireComplete: false }, now);
    if (!submitted.ok) throw new Error('A setting’s request is submitted as written');
    await recordAudit(
      {
        userId: staff.id,
        action: 'request:assessment-as-setting',
        subjectType: 'case',
        subjectId: submitted.caseId,
        outcome: 'allowed',
        details: {
          settingId: setting.id,
          familyAgreedOn: input.agreedOn,
          parentLinked: known ? 'existing account' : 'invited',
        },
      },
      tx
    );

    // The family is told, in their own account's language (a new one: the setting's).
    const council = await councilContext(setting.laId, tx);
    const decisionDue = formatDate(assessmentDeadlines(received).decisionToAssess, parent.locale);
    const common = {
      name: parent.name,
      setting: setting.name,
      childName: child.firstName,
      reference: submitted.reference,
      agreedOn: formatDate(input.agreedOn, parent.locale),
      decisionDue,
    };
    if (parent.passwordHash) {
      await queueEmail(tx, council, 'settingRequestMade', parent, {
        ...common,
        link: linkTo(council, `/cases/${submitted.caseId}`),
      });
    } else {
      const token = await issueParentInvite(tx, parent.id, now);
      await queueEmail(tx, council, 'settingRequestInvite', parent, {
        ...common,
        link: linkTo(council, `/accept-invite/${token}`),
      });
    }
    return {
      ok: true,
      caseId: submitted.caseId,
      reference: submitted.reference,
      fresh: true,
    };
  });
  if (outcome.ok && outcome.fresh) wakeMailer();
  return outcome;
}
