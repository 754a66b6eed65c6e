import { and, asc, eq, isNull, ne, notInArray, or } from 'drizzle-orm';
import { assessmentRequests, cases, children, educationSettings, users, type EducationSetting, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { closedStages, type SettingRole } from '~/domain/vocabulary';
import { isUuid } from '~/domain/ids';
import { personName } from '~/domain/names';
import { deactivateAccount, inviteSettingStaff } from '../identity/index.server';
import type { SettingInput } from './setting-forms.server';

/**
 * Schools, colleges and early-years settings as organisations (issue 14, ADR 0046): the council's
 * admin adds them; each has its own staff, invited and managed by its lead; each sees the
 * children on its roll with a plan or a request. Callers have asked the policy first.
 */

export async function settingsOf(laId: string) {
  const db = await getDb();
  const rows = await db
    .select({
      id: educationSettings.id,
      name: educationSettings.name,
      urn: educationSettings.urn,
      ukprn: educationSettings.ukprn,
      type: educationSettings.type,
      phase: educationSettings.phase,
    })
    .from(educationSettings)
    .where(eq(educationSettings.laId, laId))
    .orderBy(asc(educationSettings.name));
  return rows;
}

/** The council's own setting, or null: another council's (or a malformed id) is unknown. */
export async function settingOf(laId: string, settingId: string): Promise<EducationSetting | null> {
  if (!isUuid(settingId)) return null;
  const db = await getDb();
  const [setting] = await db
    .select()
    .from(educationSettings)
    .where(and(eq(educationSettings.id, settingId), eq(educationSettings.laId, laId)));
  return setting ?? null;
}

/** The setting a member of its staff belongs to. */
export async function settingOfStaff(user: Pick<User, 'settingId' | 'laId'>): Promise<EducationSetting | null> {
  return user.settingId && user.laId ? settingOf(user.laId, user.settingId) : null;
}

type Clash = {
  ok: false;
  errors: Partial<Record<'name' | 'urn' | 'ukprn', string>>;
};

/** Which of a setting's unique details another setting of the council already has. */
async function clashes(laId: string, input: SettingInput, exceptId: string | null): Promise<Clash | null> {
  const db = await getDb();
  const others = await db
    .select({
      name: educationSettings.name,
      urn: educationSettings.urn,
      ukprn: educationSettings.ukprn,
    })
    .from(educationSettings)
    .where(and(eq(educationSettings.laId, laId), exceptId ? ne(educationSettings.id, exceptId) : undefined));
  const errors: Clash['errors'] = {};
  if (others.some((o) => o.name.toLowerCase() === input.name.toLowerCase())) errors.name = 'errors.setting.nameTaken';
  if (input.urn && others.some((o) => o.urn === input.urn)) errors.urn = 'errors.setting.urnTaken';
  if (input.ukprn && others.some((o) => o.ukprn === input.ukprn)) errors.ukprn = 'errors.setting.ukprnTaken';
  return Object.keys(errors).length > 0 ? { ok: false, errors } : null;
}

/**
 * Adds a setting. The same form sent twice (a double click, a resend) adds one: the second finds
 * the first with the same name, URN and UKPRN and answers with it.
 */
export async function createSetting(admin: User & { laId: string }, input: SettingInput): Promise<{ ok: true; setting: EducationSetting } | Clash> {
  const db = await getDb();
  const [same] = await db
    .select()
    .from(educationSettings)
    .where(and(eq(educationSettings.laId, admin.laId), eq(educationSettings.name, input.name)));
  if (same && same.urn === input.urn && same.ukprn === input.ukprn && same.type === input.type && same.phase === input.phase) return { ok: true, setting: same };
  const clash = await clashes(admin.laId, input, null);
  if (clash) return clash;
  const created = await db.transaction(async (tx) => {
    const [setting] = await tx
      .insert(educationSettings)
      .values({ laId: admin.laId, ...input })
      .onConflictDoNothing()
      .returning();
    if (!setting) return null;
    await recordAudit(
      {
        userId: admin.id,
        action: 'create:setting',
        subjectType: 'setting',
        subjectId: setting.id,
        outcome: 'allowed',
        details: { name: input.name },
      },
      tx
    );
    return setting;
  });
  if (created) return { ok: true, setting: created };
  // Two sends raced: the other one added it.
  const [raced] = await db
    .select()
    .from(educationSettings)
    .where(and(eq(educationSettings.laId, admin.laId), eq(educationSettings.name, input.name)));
  return raced ? { ok: true, setting: raced } : { ok: false, errors: { name: 'errors.setting.nameTaken' } };
}

export async function updateSetting(admin: User & { laId: string }, setting: EducationSetting, input: SettingInput): Promise<{ ok: true } | Clash> {
  const clash = await clashes(admin.laId, input, setting.id);
  if (clash) return clash;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(educationSettings)
      .set(input)
      .where(and(eq(educationSettings.id, setting.id), eq(educationSettings.laId, admin.laId)));
    await recordAudit(
      {
        userId: admin.id,
        action: 'update:setting',
        subjectType: 'setting',
        subjectId: setting.id,
        outcome: 'allowed',
        details: { name: input.name },
      },
      tx
    );
  });
  return { ok: true };
}

export type SettingStaffMember = {
  id: string;
  name: string;
  email: string;
  settingRole: SettingRole | null;
  status: 'invited' | 'active' | 'deactivated';
};

/** The setting's staff, leavers last. */
export async function staffOf(settingId: string): Promise<SettingStaffMember[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      settingRole: users.settingRole,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(and(eq(users.settingId, settingId), eq(users.role, 'setting_staff')))
    .orderBy(asc(users.name));
  const members = rows.map(({ passwordHash, deactivatedAt, ...member }) => ({
    ...member,
    status: deactivatedAt ? ('deactivated' as const) : passwordHash ? ('active' as const) : ('invited' as const),
  }));
  return [...members.filter((m) => m.status !== 'deactivated'), ...members.filter((m) => m.status === 'deactivated')];
}

/** Invites someone to the setting: by its lead (any role), or the council's admin (the setting's lead). */
export function inviteToSetting(inviter: User, setting: EducationSetting, invite: { name: string; email: string; settingRole: SettingRole }) {
  return inviteSettingStaff(inviter, setting, invite);
}

/** The lead gives a colleague another role at the setting (the policy has checked the account is theirs to manage). */
export async function changeSettingRole(lead: User, settingId: string, accountId: string, settingRole: SettingRole, address: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({ settingRole })
      .where(and(eq(users.id, accountId), eq(users.settingId, settingId), eq(users.role, 'setting_staff'), or(isNull(users.settingRole), ne(users.settingRole, settingRole))))
      .returning({ id: users.id });
    if (!changed) return;
    await recordAudit(
      {
        userId: lead.id,
        action: 'change:setting_role',
        subjectType: 'user',
        subjectId: accountId,
        outcome: 'allowed',
        address,
        details: { settingId, settingRole },
      },
      tx
    );
  });
}

/**
 * A leaver, removed by the setting's lead (never the council): the LA admin's leaver switch (ADR
 * 0017): no more sign-in, every session ended at once, unused links dead. Twice changes nothing.
 */
export function removeFromSetting(lead: User, accountId: string, address: string) {
  return deactivateAccount(lead, accountId, address);
}

export type RollEntry = {
  caseId: string;
  reference: string;
  childName: string;
  stage: (typeof cases.$inferSelect)['stage'];
  requestedHere: boolean;
  named: boolean;
};

/**
 * The setting's roll as the portal knows it: the children with a plan or a request whose case
 * names the setting, or whose request the setting made, in its own council; open cases only,
 * by child's name. Seeing the list is audited, as opening a case is.
 */
export async function settingRoll(viewer: User, setting: EducationSetting): Promise<RollEntry[]> {
  const db = await getDb();
  const rows = await db
    .select({
      caseId: cases.id,
      reference: cases.reference,
      stage: cases.stage,
      child: { firstName: children.firstName, lastName: children.lastName },
      namedSettingId: cases.namedSettingId,
      requestedBySettingId: assessmentRequests.requestedBySettingId,
    })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(assessmentRequests, eq(assessmentRequests.caseId, cases.id))
    .where(and(eq(cases.laId, setting.laId), notInArray(cases.stage, [...closedStages]), or(eq(cases.namedSettingId, setting.id), eq(assessmentRequests.requestedBySettingId, setting.id))))
    .orderBy(asc(children.lastName), asc(children.firstName), asc(cases.reference));
  await recordAudit({
    userId: viewer.id,
    action: 'read:setting',
    subjectType: 'setting',
    subjectId: setting.id,
    outcome: 'allowed',
    details: { cases: rows.map((r) => r.caseId) },
  });
  return rows.map((r) => ({
    caseId: r.caseId,
    reference: r.reference,
    childName: personName(r.child),
    stage: r.stage,
    requestedHere: r.requestedBySettingId === setting.id,
    named: r.namedSettingId === setting.id,
  }));
}
