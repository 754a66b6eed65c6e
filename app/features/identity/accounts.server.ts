import { and, asc, desc, eq, gt, inArray, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { adviceOrganisations, areaTeams, children, emailTokens, localAuthorities, sessions, users, type Child, type User } from '../../../db/schema';
import type { Transaction } from '../../../db/client';
import { hashPassword, verifyDecoy, verifyPassword } from '~/auth/password.server';
import { needsSecondFactor } from '~/auth/second-factor.server';
import { createSession, IDLE_MS, invalidateAllSessions, type Client } from '~/auth/session.server';
import { clearEvents, firstThrottled, limits, recordEvent, throttledUntil, throttleKey, type Limit } from '~/auth/throttle.server';
import { generateToken, hashToken } from '~/auth/tokens.server';
import { todayInLondon } from '~/domain/timescales';
import { getDb } from '~/db.server';
import type { Locale } from '~/i18n/config';
import type { SettingRole } from '~/domain/vocabulary';
import { formatDateTime } from '~/i18n/format';
import { queueEmail, wakeMailer } from '~/mail/outbox.server';
import { recordAudit } from '~/audit/audit.server';
import { youngPersonLinkRefusal } from '../family/index.server';
import { personName } from '~/domain/names';
import { linkTo } from '~/domain/council';
import { councilContext, councilOfUser, defaultCouncil, type Council } from '~/tenancy/council.server';
import { logError } from '~/observability/log.server';

/** Families register themselves; staff are invited by their LA's admin. */

const HOUR = 60 * 60 * 1000;
const TOKEN_LIFETIME = { verify_email: 24 * HOUR, reset_password: 1 * HOUR, staff_invite: 7 * 24 * HOUR, young_person_invite: 14 * 24 * HOUR, professional_invite: 14 * 24 * HOUR, change_email: 24 * HOUR, parent_invite: 14 * 24 * HOUR } as const;

type TokenPurpose = keyof typeof TOKEN_LIFETIME;

/** `newEmail`: for 'change_email', the address the account moves to when the link is followed. */
async function issueEmailToken(tx: Transaction, userId: string, purpose: TokenPurpose, now = new Date(), newEmail: string | null = null) {
  const token = generateToken();
  await tx.insert(emailTokens).values({
    id: hashToken(token),
    userId,
    purpose,
    createdAt: now,
    expiresAt: new Date(now.getTime() + TOKEN_LIFETIME[purpose]),
    newEmail,
  });
  return token;
}

/** Marks a one-time link used and returns its user, or null if unknown, used or expired. */
async function consumeEmailToken(tx: Transaction, token: string, purpose: TokenPurpose | readonly TokenPurpose[], now = new Date()) {
  const purposes = typeof purpose === 'string' ? [purpose] : [...purpose];
  const [row] = await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(
      and(
        eq(emailTokens.id, hashToken(token)),
        inArray(emailTokens.purpose, purposes),
        isNull(emailTokens.usedAt),
        gt(emailTokens.expiresAt, now),
      ),
    )
    .returning({ userId: emailTokens.userId });
  if (!row) return null;
  const [user] = await tx.select().from(users).where(eq(users.id, row.userId));
  return user ?? null;
}

/** Whether a one-time link is still usable, without using it (to show the form it opens). */
export async function emailTokenIsLive(token: string, purpose: TokenPurpose | readonly TokenPurpose[], now = new Date()) {
  const purposes = typeof purpose === 'string' ? [purpose] : [...purpose];
  const db = await getDb();
  const [row] = await db
    .select({ userId: emailTokens.userId })
    .from(emailTokens)
    .where(and(eq(emailTokens.id, hashToken(token)), inArray(emailTokens.purpose, purposes), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)));
  return Boolean(row);
}

/**
 * Invitations that end in choosing a password: staff (and a setting's staff), young people
 * invited by a parent, professionals asked for advice, and parents told of a request their
 * child's school made (ADR 0046).
 */
export const INVITATIONS = ['staff_invite', 'young_person_invite', 'professional_invite', 'parent_invite'] as const;

/** A one-time link for a parent with no account yet, told of a request their child's setting made (app/features/settings). */
export function issueParentInvite(tx: Transaction, userId: string, now = new Date()) {
  return issueEmailToken(tx, userId, 'parent_invite', now);
}

/** A one-time link for a professional asked for advice who has no account yet (app/services/advice.server.ts). */
export function issueProfessionalInvite(tx: Transaction, userId: string, now = new Date()) {
  return issueEmailToken(tx, userId, 'professional_invite', now);
}

export async function findUserById(id: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function findUserByEmail(email: string) {
  const db = await getDb();
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user ?? null;
}

export type Registration = { name: string; email: string; accountType: 'parent' | 'young_person'; password: string };

/** A request refused by a per-address limit, with when it may be tried again. */
export type Throttled = { kind: 'throttled'; until: Date };

/**
 * Counts a request for an account email (registration, reset, verification) against the
 * sender's address; throttled when that address has asked too often.
 */
async function countEmailRequest(client: Client, now: Date): Promise<Throttled | null> {
  const key = throttleKey(client.address);
  const until = await throttledUntil(limits.accountEmailsAddress, key, now);
  if (until) return { kind: 'throttled', until };
  await recordEvent(limits.accountEmailsAddress, key, now);
  return null;
}

/**
 * Whether one more email of a kind may go to an address now (and counts it). Over the limit
 * nothing is sent and nothing different is said: the links already sent still work.
 */
async function mayEmail(kind: string, email: string, now: Date): Promise<boolean> {
  const key = throttleKey(kind, email);
  if (await throttledUntil(limits.emailsToRecipient, key, now)) return false;
  await recordEvent(limits.emailsToRecipient, key, now);
  return true;
}

/**
 * Work whose length would tell whether an email address has an account (a lookup, then a
 * transaction or nothing) runs after the answer is sent, so every answer takes the same time
 * (ADR 0016). The outbox still sends what it queues; a failure is logged, and the person asks
 * again, as they would for an email that never came.
 */
function afterAnswering(what: string, work: () => Promise<unknown>) {
  // A macrotask, not a microtask: the embedded database can run a whole query before the
  // caller's own continuation, which would put the work back inside the answer's time.
  setImmediate(() => {
    work().catch((error: unknown) => logError('accounts.after-answer-failed', error, { what }));
  });
}

/**
 * Registers a family account and emails a verification link. An address already in use gets an
 * email saying so instead, and the page says the same thing either way, so the form cannot be
 * used to find out who has an account; nor can the time it takes (the work is done after answering).
 */
export async function registerFamily(input: Registration, locale: Locale, client: Client, now = new Date()): Promise<Throttled | { kind: 'done' }> {
  const throttled = await countEmailRequest(client, now);
  if (throttled) return throttled;
  const emailing = await mayEmail('register', input.email, now);
  afterAnswering('registration', () => completeRegistration(input, locale, client, emailing, now));
  return { kind: 'done' };
}

async function completeRegistration(input: Registration, locale: Locale, client: Client, emailing: boolean, now: Date) {
  const existing = await findUserByEmail(input.email);
  const db = await getDb();
  if (existing) {
    if (emailing) {
      const council = await councilOfUser(existing, db);
      await queueEmail(db, council, 'alreadyRegistered', existing, {
        name: existing.name,
        signInLink: linkTo(council, '/sign-in'),
        resetLink: linkTo(council, '/forgot-password'),
      });
      wakeMailer();
    }
    return;
  }
  const passwordHash = await hashPassword(input.password);
  const registered = await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, role: input.accountType, passwordHash, locale })
      .onConflictDoNothing()
      .returning({ id: users.id, email: users.email });
    // A double-submitted form loses the race here and sends nothing twice.
    if (!user) return false;
    await recordAudit({ userId: user.id, action: 'register', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { address: client.address } }, tx);
    const token = await issueEmailToken(tx, user.id, 'verify_email', now);
    // A new family has no child yet, so no council: the deployment's address and sender.
    const council = defaultCouncil();
    await queueEmail(tx, council, 'verifyEmail', { id: user.id, email: user.email, locale }, { name: input.name, link: linkTo(council, `/verify-email/${token}`) });
    return true;
  });
  if (registered) wakeMailer();
}

export async function verifyEmail(token: string): Promise<User | null> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const user = await consumeEmailToken(tx, token, 'verify_email');
    if (!user) return null;
    const [verified] = await tx.update(users).set({ emailVerifiedAt: new Date() }).where(eq(users.id, user.id)).returning();
    return verified;
  });
}

/** "Resend verification": signing in with the right password to an unconfirmed account sends a fresh link, throttled quietly. */
async function sendVerificationAgain(user: User, client: Client, now: Date) {
  if (await countEmailRequest(client, now)) return;
  if (!(await mayEmail('verify', user.email, now))) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const token = await issueEmailToken(tx, user.id, 'verify_email', now);
    const council = await councilOfUser(user, tx);
    await queueEmail(tx, council, 'verifyEmail', user, { name: user.name, link: linkTo(council, `/verify-email/${token}`) });
  });
  wakeMailer();
}

export type SignInOutcome =
  /** `secondFactor`: the session only opens the two-factor pages until a code is given (ADR 0015). */
  | { kind: 'signed_in'; token: string; user: User; secondFactor: boolean }
  | { kind: 'invalid' }
  | Throttled
  | { kind: 'unverified' };

/**
 * Checks an email and password (ADR 0016). Failures are counted per account-and-address and per
 * address, never per account alone, so nobody can lock an account's owner out by failing on
 * purpose from somewhere else. An unknown address, a wrong password and a deactivated account
 * get the same answer after the same work (a password hash is always checked).
 */
export async function signIn(email: string, password: string, client: Client, now = new Date()): Promise<SignInOutcome> {
  const accountAddress = throttleKey(email, client.address);
  const address = throttleKey(client.address);
  const until = await firstThrottled(
    [
      [limits.signInAccountAddress, accountAddress],
      [limits.signInAddress, address],
    ],
    now,
  );
  const user = await findUserByEmail(email);
  const audit = (outcome: 'allowed' | 'denied', details: Record<string, unknown>) =>
    recordAudit({ userId: user?.id ?? null, action: 'sign_in', subjectType: 'user', subjectId: user?.id ?? null, outcome, details: { address: client.address, ...details } });
  if (until) {
    await audit('denied', { reason: 'throttled' });
    return { kind: 'throttled', until };
  }

  const passwordOk = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : (await verifyDecoy(password), false);
  if (!user || !passwordOk || user.deactivatedAt) {
    await recordEvent(limits.signInAccountAddress, accountAddress, now);
    await recordEvent(limits.signInAddress, address, now);
    await audit('denied', { reason: !user ? 'unknown_email' : !passwordOk ? 'password' : 'deactivated' });
    return { kind: 'invalid' };
  }
  if (!user.emailVerifiedAt) {
    await sendVerificationAgain(user, client, now);
    await audit('denied', { reason: 'unverified' });
    return { kind: 'unverified' };
  }
  await clearEvents(limits.signInAccountAddress, accountAddress);
  const secondFactor = needsSecondFactor(user);
  const token = await createSession(user.id, now, { mfaPending: secondFactor, ipAddress: client.address, userAgent: client.userAgent });
  await audit('allowed', { secondFactor: secondFactor ? 'pending' : 'not_used' });
  return { kind: 'signed_in', token, user, secondFactor };
}

/**
 * Always looks the same from outside, whether or not the address has an account (or the
 * account is deactivated, or has had its share of reset emails this hour).
 */
export async function requestPasswordReset(email: string, client: Client, now = new Date()): Promise<Throttled | { kind: 'done' }> {
  const throttled = await countEmailRequest(client, now);
  if (throttled) return throttled;
  if (await mayEmail('reset', email, now)) afterAnswering('password reset request', () => sendPasswordReset(email, now));
  return { kind: 'done' };
}

async function sendPasswordReset(email: string, now: Date) {
  const user = await findUserByEmail(email);
  if (!user || user.deactivatedAt) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const token = await issueEmailToken(tx, user.id, 'reset_password', now);
    const council = await councilOfUser(user, tx);
    await queueEmail(tx, council, 'resetPassword', user, { name: user.name, link: linkTo(council, `/reset-password/${token}`) });
  });
  wakeMailer();
}

/**
 * Sets a new password from an emailed link; every existing session ends, and so does a pending
 * change of email address (whoever asked for it may not be the owner, who now holds the inbox).
 */
export async function resetPassword(token: string, password: string, address: string, now = new Date()): Promise<User | null> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const owner = await consumeEmailToken(tx, token, 'reset_password', now);
    if (!owner) return null;
    await cancelEmailTokens(tx, owner.id, ['change_email'], now);
    // Receiving the link proves the inbox, so a reset also verifies the address.
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: owner.emailVerifiedAt ?? new Date() })
      .where(eq(users.id, owner.id))
      .returning();
    await recordAudit({ userId: owner.id, action: 'reset_password', subjectType: 'user', subjectId: owner.id, outcome: 'allowed', address }, tx);
    return updated;
  });
  if (user) await invalidateAllSessions(user.id);
  return user;
}

export type StaffInvite = { name: string; email: string; role: 'caseworker' | 'manager' | 'la_admin'; teamId?: string };

/**
 * An address that already has an account is not told apart from a new one, even to an admin
 * (ADR 0016): the admin sees "invited" either way, and the account's owner is emailed that
 * someone tried (unless it is itself an invitation still waiting, which its first email covers,
 * so a double-submitted form sends nothing twice).
 */
async function tellOwnerOfInvite(tx: Transaction, admin: User, email: string, organisation: string, council: Council, details: Record<string, unknown>) {
  const [existing] = await tx.select().from(users).where(eq(users.email, email));
  if (!existing) return;
  await recordAudit({ userId: admin.id, action: 'invite', subjectType: 'user', subjectId: existing.id, outcome: 'denied', details: { ...details, reason: 'email_in_use' } }, tx);
  if (!existing.passwordHash) return;
  await queueEmail(tx, council, 'inviteForExistingAccount', existing, { name: existing.name, inviter: admin.name, organisation, signInLink: linkTo(council, '/sign-in') });
}

export async function inviteStaff(admin: User, invite: StaffInvite): Promise<{ ok: true } | { ok: false; field: string; error: string }> {
  if (!admin.laId) return { ok: false, field: 'form', error: 'errors.generic' };
  const db = await getDb();
  // The admin's council: its name in the invitation, its address in the link, its sender.
  const council = await councilContext(admin.laId, db);
  const laName = council.name ?? '';
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email: invite.email,
        name: invite.name,
        role: invite.role,
        laId: admin.laId,
        teamId: invite.role === 'la_admin' ? null : invite.teamId || null,
        locale: admin.locale,
      })
      .onConflictDoNothing()
      .returning();
    if (!user) return tellOwnerOfInvite(tx, admin, invite.email, laName, council, { role: invite.role });
    await recordAudit(
      { userId: admin.id, action: 'invite_staff', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { role: invite.role } },
      tx,
    );
    const token = await issueEmailToken(tx, user.id, 'staff_invite');
    await queueEmail(tx, council, 'staffInvite', user, { name: user.name, link: linkTo(council, `/accept-invite/${token}`), laName, inviter: admin.name });
  });
  wakeMailer();
  return { ok: true };
}

/**
 * A new council and its first LA admin, from the command line (scripts/create-la-admin.ts): how
 * a real deployment starts, as there is no admin yet to invite one. The admin gets the staff
 * invitation an admin would send (the same one-time link, 7 days); the link is also returned
 * for the command to print. The council's code must be new, and so must the admin's email.
 */
export async function createCouncilWithAdmin(
  council: { name: string; code: string; contactEmail: string; contactPhone: string },
  admin: { name: string; email: string; locale: Locale },
): Promise<{ ok: true; link: string } | { ok: false; error: 'codeTaken' | 'emailTaken' }> {
  const db = await getDb();
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.email, admin.email));
  if (taken) return { ok: false, error: 'emailTaken' };
  const link = await db.transaction(async (tx) => {
    const [la] = await tx.insert(localAuthorities).values(council).onConflictDoNothing().returning();
    if (!la) return null;
    const [user] = await tx.insert(users).values({ email: admin.email, name: admin.name, role: 'la_admin', laId: la.id, locale: admin.locale }).returning();
    await recordAudit({ userId: null, action: 'create_la_admin', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { laId: la.id, via: 'command line' } }, tx);
    const token = await issueEmailToken(tx, user.id, 'staff_invite');
    const link = linkTo(await councilContext(la.id, tx), `/accept-invite/${token}`);
    await queueEmail(tx, { laId: la.id }, 'staffInvite', user, { name: user.name, link, laName: la.name, inviter: la.name });
    return link;
  });
  return link ? { ok: true, link } : { ok: false, error: 'codeTaken' };
}

/**
 * An LA admin invites an advocate of an advice organisation the LA lists. Advocates belong to
 * their organisation, not to the LA (they act for families, independently of the council).
 */
export async function inviteAdvocate(
  admin: User,
  organisation: { id: string; name: string },
  invite: { name: string; email: string },
): Promise<{ ok: true } | { ok: false; field: string; error: string }> {
  const db = await getDb();
  const council = await councilContext(admin.laId, db);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: invite.email, name: invite.name, role: 'advocate', adviceOrgId: organisation.id, locale: admin.locale })
      .onConflictDoNothing()
      .returning();
    if (!user) return tellOwnerOfInvite(tx, admin, invite.email, organisation.name, council, { adviceOrgId: organisation.id });
    await recordAudit(
      { userId: admin.id, action: 'invite_advocate', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { adviceOrgId: organisation.id } },
      tx,
    );
    const token = await issueEmailToken(tx, user.id, 'staff_invite');
    await queueEmail(tx, council, 'advocateInvite', user, { name: user.name, link: linkTo(council, `/accept-invite/${token}`), organisation: organisation.name, inviter: admin.name });
  });
  wakeMailer();
  return { ok: true };
}

/**
 * A school's, college's or early-years setting's staff member (issue 14), invited by the
 * council's admin (a setting's first lead) or by the setting's own lead: the staff invitation
 * and its one-time link, as for the council's staff; their second factor follows (ADR 0015).
 * An address already in use is treated as for staff (ADR 0016); a form sent twice invites once.
 */
export async function inviteSettingStaff(
  inviter: User,
  setting: { id: string; laId: string; name: string },
  invite: { name: string; email: string; settingRole: SettingRole },
): Promise<{ ok: true }> {
  const db = await getDb();
  const council = await councilContext(setting.laId, db);
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: invite.email, name: invite.name, role: 'setting_staff', laId: setting.laId, settingId: setting.id, settingRole: invite.settingRole, locale: inviter.locale })
      .onConflictDoNothing()
      .returning();
    if (!user) return tellOwnerOfInvite(tx, inviter, invite.email, setting.name, council, { settingId: setting.id, settingRole: invite.settingRole });
    await recordAudit(
      { userId: inviter.id, action: 'invite_setting_staff', subjectType: 'user', subjectId: user.id, outcome: 'allowed', details: { settingId: setting.id, settingRole: invite.settingRole } },
      tx,
    );
    const token = await issueEmailToken(tx, user.id, 'staff_invite');
    await queueEmail(tx, council, 'staffInvite', user, { name: user.name, link: linkTo(council, `/accept-invite/${token}`), laName: setting.name, inviter: inviter.name });
  });
  wakeMailer();
  return { ok: true };
}

/**
 * An invited person chooses a password and is signed in: straight in for a young person, to
 * setting up their second factor for staff and professionals (ADR 0015). A deactivated
 * account's invitation is dead.
 */
export async function acceptInvite(token: string, password: string, client: Client, now = new Date()): Promise<{ user: User; sessionToken: string; secondFactor: boolean } | null> {
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  const user = await db.transaction(async (tx) => {
    const invited = await consumeEmailToken(tx, token, INVITATIONS, now);
    if (!invited || invited.deactivatedAt) return null;
    const [updated] = await tx
      .update(users)
      .set({ passwordHash, emailVerifiedAt: now })
      .where(eq(users.id, invited.id))
      .returning();
    await recordAudit({ userId: updated.id, action: 'accept_invite', subjectType: 'user', subjectId: updated.id, outcome: 'allowed', details: { address: client.address } }, tx);
    return updated;
  });
  if (!user) return null;
  const secondFactor = needsSecondFactor(user);
  const sessionToken = await createSession(user.id, now, { mfaPending: secondFactor, ipAddress: client.address, userAgent: client.userAgent });
  return { user, sessionToken, secondFactor };
}

/**
 * How someone hears of new messages in their threads (staff: from families; families and
 * advocates: from the council): straight away, or in the morning digest. Moving to the digest
 * starts it from now, so it does not repeat messages already emailed one by one.
 */
export async function setMessageEmails(userId: string, choice: User['messageEmails']) {
  const db = await getDb();
  await db
    .update(users)
    .set({ messageEmails: choice, digestSentThrough: sql`case when ${users.messageEmails} = 'daily' then ${users.digestSentThrough} else now() end` })
    .where(eq(users.id, userId));
}

/** The name the portal and the council's emails call the person by. */
export async function changeName(user: User, name: string, address: string) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ name }).where(eq(users.id, user.id));
    await recordAudit({ userId: user.id, action: 'change_name', subjectType: 'user', subjectId: user.id, outcome: 'allowed', address, details: { from: user.name, to: name } }, tx);
  });
}

/** Two presses of "send it again" this close together are one press: the second sends nothing. */
const RESEND_GAP_MS = 10 * 1000;

/**
 * Whether a link of `purpose` went to the account within the resend gap. Run after locking the
 * account's row, so two resends at once are taken in turn and the second sees the first's link.
 */
async function sentJustNow(tx: Transaction, userId: string, purpose: TokenPurpose, now: Date) {
  await tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
  const [recent] = await tx
    .select({ id: emailTokens.id })
    .from(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, purpose), gt(emailTokens.createdAt, new Date(now.getTime() - RESEND_GAP_MS))))
    .limit(1);
  return Boolean(recent);
}

/**
 * "Send the email again" on the page after registering: a fresh confirmation link to an account
 * that is not confirmed yet. Counted like every account email; the page says the same whatever
 * the address (an unknown or confirmed one gets nothing), and the work is done after answering.
 */
export async function resendVerification(email: string, client: Client, now = new Date()): Promise<Throttled | { kind: 'done' }> {
  const throttled = await countEmailRequest(client, now);
  if (throttled) return throttled;
  afterAnswering('verification resend', async () => {
    const user = await findUserByEmail(email);
    if (!user || user.emailVerifiedAt || user.deactivatedAt || !user.passwordHash) return;
    if (!(await mayEmail('verify', user.email, now))) return;
    const db = await getDb();
    const sent = await db.transaction(async (tx) => {
      if (await sentJustNow(tx, user.id, 'verify_email', now)) return false;
      const token = await issueEmailToken(tx, user.id, 'verify_email', now);
      const council = await councilOfUser(user, tx);
      await queueEmail(tx, council, 'verifyEmail', user, { name: user.name, link: linkTo(council, `/verify-email/${token}`) });
      return true;
    });
    if (sent) wakeMailer();
  });
  return { kind: 'done' };
}

/**
 * Sends the link that confirms a new email address again, to the address already asked for (the
 * password was checked then). The earlier link stops working. False: no change is waiting, or
 * the recipient limit is reached; a second press within the gap sends nothing more.
 */
export async function resendEmailChange(user: User, now = new Date()): Promise<boolean> {
  const newEmail = await pendingEmailChangeOf(user.id, now);
  if (!newEmail) return false;
  if (!(await mayEmail('change_email', newEmail, now))) return false;
  const db = await getDb();
  const sent = await db.transaction(async (tx) => {
    if (await sentJustNow(tx, user.id, 'change_email', now)) return false;
    await cancelEmailTokens(tx, user.id, ['change_email'], now);
    const token = await issueEmailToken(tx, user.id, 'change_email', now, newEmail);
    const council = await councilOfUser(user, tx);
    await queueEmail(tx, council, 'confirmNewEmail', { id: user.id, email: newEmail, locale: user.locale }, { name: user.name, link: linkTo(council, `/confirm-email/${token}`) });
    return true;
  });
  if (sent) wakeMailer();
  return true;
}

/** The address the account is waiting to move to (a live change-of-email link), or null. */
export async function pendingEmailChangeOf(userId: string, now = new Date()): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ newEmail: emailTokens.newEmail })
    .from(emailTokens)
    .where(and(eq(emailTokens.userId, userId), eq(emailTokens.purpose, 'change_email'), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
    .orderBy(desc(emailTokens.createdAt))
    .limit(1);
  return row?.newEmail ?? null;
}

export async function setLocale(userId: string, locale: Locale) {
  const db = await getDb();
  await db.update(users).set({ locale }).where(eq(users.id, userId));
}

/**
 * From the day after compulsory school age ends, decisions are the young person's: a parent
 * invites them to their own account, which is linked to their record at once and becomes usable
 * when they choose a password from the emailed link.
 */
export async function inviteYoungPerson(parent: User, child: Child, email: string): Promise<{ ok: true } | { ok: false; error: string }> {
  const db = await getDb();
  const existing = await findUserByEmail(email);
  // The child's age, its record and the account's role: the one check for linking a young person.
  const refused = await youngPersonLinkRefusal(child, existing, todayInLondon());
  if (refused) return { ok: false, error: refused };
  const council = await councilContext(child.laId, db);
  await db.transaction(async (tx) => {
    const youngPerson =
      existing ??
      (await tx.insert(users).values({ email, name: personName(child), role: 'young_person', locale: parent.locale }).returning())[0];
    await tx.update(children).set({ youngPersonUserId: youngPerson.id }).where(eq(children.id, child.id));
    await recordAudit(
      { userId: parent.id, action: 'invite:young_person', subjectType: 'child', subjectId: child.id, outcome: 'allowed', details: { youngPersonId: youngPerson.id } },
      tx,
    );
    const token = existing ? null : await issueEmailToken(tx, youngPerson.id, 'young_person_invite');
    // In the parent's language: the young person has not chosen one yet.
    await queueEmail(tx, council, 'youngPersonInvite', { id: youngPerson.id, email, locale: parent.locale }, {
      name: child.firstName,
      parentName: parent.name,
      link: linkTo(council, token ? `/accept-invite/${token}` : '/sign-in'),
    });
  });
  wakeMailer();
  return { ok: true };
}

// ---- Your account: sessions, password and email; leavers switched off (ADR 0017) ------------

/**
 * What the request tells about where it came from: the audit log's address. Never the links'
 * base, which is the account's council's (ADR 0023).
 */
export type RequestContext = { address: string };

/**
 * Wrong current passwords on "change your password" or "change your email", per account. Only
 * someone signed in as the account gets this far, so a limit on the account alone cannot be
 * turned against its owner by a stranger; it stops a stolen session from guessing the password.
 */
const currentPasswordLimit: Limit = { bucket: 'current_password:account', free: 5, windowMs: 24 * HOUR, baseDelayMs: 60 * 1000, maxDelayMs: HOUR };

type CurrentPasswordCheck = { ok: true } | { ok: false; field: 'currentPassword'; error: string };

/** Checks the password someone typed to prove it is them; failures are counted and audited. */
async function checkCurrentPassword(user: User, password: string, purpose: string, context: RequestContext, now: Date): Promise<CurrentPasswordCheck> {
  const key = throttleKey(user.id);
  if (await throttledUntil(currentPasswordLimit, key, now)) return { ok: false, field: 'currentPassword', error: 'errors.currentPassword.throttled' };
  if (user.passwordHash && (await verifyPassword(user.passwordHash, password))) return { ok: true };
  await recordEvent(currentPasswordLimit, key, now);
  await recordAudit({ userId: user.id, action: purpose, subjectType: 'user', subjectId: user.id, outcome: 'denied', address: context.address, details: { reason: 'wrong current password' } });
  return { ok: false, field: 'currentPassword', error: 'errors.currentPassword.incorrect' };
}

/** Unused one-time links of these kinds stop working (marked used, so the record stays). */
async function cancelEmailTokens(tx: Transaction, userId: string, purposes: readonly TokenPurpose[], now: Date) {
  await tx
    .update(emailTokens)
    .set({ usedAt: now })
    .where(and(eq(emailTokens.userId, userId), inArray(emailTokens.purpose, [...purposes]), isNull(emailTokens.usedAt)));
}

export type ActiveSession = { current: boolean; createdAt: Date; lastSeenAt: Date; ipAddress: string | null; userAgent: string | null };

/** The account's sessions that still work, this device's first, then the most recently used. */
export async function activeSessionsOf(userId: string, currentToken: string | null, now = new Date()): Promise<ActiveSession[]> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, new Date(now.getTime() - IDLE_MS))))
    .orderBy(desc(sessions.lastSeenAt));
  const currentId = currentToken ? hashToken(currentToken) : null;
  return rows
    .map((row) => ({ current: row.id === currentId, createdAt: row.createdAt, lastSeenAt: row.lastSeenAt, ipAddress: row.ipAddress, userAgent: row.userAgent }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** Ends the account's other sessions (this device's stays), or all of them; audited with how many ended. */
export async function signOutSessions(user: User, which: 'others' | 'all', currentToken: string | null, address: string): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const keep = which === 'others' && currentToken ? ne(sessions.id, hashToken(currentToken)) : undefined;
    const ended = await tx.delete(sessions).where(and(eq(sessions.userId, user.id), keep)).returning({ id: sessions.id });
    await recordAudit(
      { userId: user.id, action: which === 'all' ? 'sign_out_everywhere' : 'sign_out_other_sessions', subjectType: 'user', subjectId: user.id, outcome: 'allowed', address, details: { sessionsEnded: ended.length } },
      tx,
    );
    return ended.length;
  });
}

export type AccountChangeOutcome = { ok: true } | { ok: false; field: string; error: string };

/**
 * Changes the password after checking the current one. Every other session ends, unused reset
 * links and a pending change of email address are cancelled, and the owner is emailed.
 */
export async function changePassword(
  user: User,
  input: { currentPassword: string; password: string },
  currentToken: string | null,
  context: RequestContext,
  now = new Date(),
): Promise<AccountChangeOutcome> {
  const checked = await checkCurrentPassword(user, input.currentPassword, 'change_password', context, now);
  if (!checked.ok) return checked;
  const passwordHash = await hashPassword(input.password);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
    const keep = currentToken ? ne(sessions.id, hashToken(currentToken)) : undefined;
    const ended = await tx.delete(sessions).where(and(eq(sessions.userId, user.id), keep)).returning({ id: sessions.id });
    await cancelEmailTokens(tx, user.id, ['reset_password', 'change_email'], now);
    await recordAudit(
      { userId: user.id, action: 'change_password', subjectType: 'user', subjectId: user.id, outcome: 'allowed', address: context.address, details: { sessionsEnded: ended.length } },
      tx,
    );
    const council = await councilOfUser(user, tx);
    await queueEmail(tx, council, 'passwordChanged', user, { name: user.name, when: formatDateTime(now, user.locale), resetLink: linkTo(council, '/forgot-password') });
  });
  wakeMailer();
  return { ok: true };
}

/**
 * Asks to move the account to a new email address, after checking the current password. The
 * new address gets a link (`change_email`, 24 hours) and the address changes only when it is
 * followed; the current address is told at once. An address that already has an account gets
 * an email saying so instead of a link, and the page says the same either way, so the form
 * cannot be used to find out who has an account.
 */
export async function requestEmailChange(user: User, input: { email: string; currentPassword: string }, context: RequestContext, now = new Date()): Promise<AccountChangeOutcome> {
  if (input.email === user.email) return { ok: false, field: 'email', error: 'errors.newEmail.same' };
  const checked = await checkCurrentPassword(user, input.currentPassword, 'request_email_change', context, now);
  if (!checked.ok) return checked;
  const owner = await findUserByEmail(input.email);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // Only the latest link works: an earlier request's link stops working.
    await cancelEmailTokens(tx, user.id, ['change_email'], now);
    const council = await councilOfUser(user, tx);
    if (owner) {
      const ownersCouncil = await councilOfUser(owner, tx);
      await queueEmail(tx, ownersCouncil, 'emailAlreadyInUse', owner, { name: owner.name, signInLink: linkTo(ownersCouncil, '/sign-in') });
    } else {
      const token = await issueEmailToken(tx, user.id, 'change_email', now, input.email);
      await queueEmail(tx, council, 'confirmNewEmail', { id: user.id, email: input.email, locale: user.locale }, { name: user.name, link: linkTo(council, `/confirm-email/${token}`) });
    }
    await queueEmail(tx, council, 'emailChangeRequested', user, { name: user.name, accountLink: linkTo(council, '/account/password') });
    await recordAudit(
      { userId: user.id, action: 'request_email_change', subjectType: 'user', subjectId: user.id, outcome: 'allowed', address: context.address, details: { newEmail: input.email, inUse: Boolean(owner) } },
      tx,
    );
  });
  wakeMailer();
  return { ok: true };
}

/** The address a live change-of-email link would move its account to (to show before confirming), or null. */
export async function pendingEmailChange(token: string, now = new Date()): Promise<string | null> {
  const db = await getDb();
  const [row] = await db
    .select({ newEmail: emailTokens.newEmail })
    .from(emailTokens)
    .where(and(eq(emailTokens.id, hashToken(token)), eq(emailTokens.purpose, 'change_email'), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)));
  return row?.newEmail ?? null;
}

/** PostgreSQL's unique_violation, however the driver wraps it. */
function isUniqueViolation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) if (e.code === '23505') return true;
  return false;
}

/**
 * Follows a change-of-email link: the account moves to the new address (now verified). 'gone':
 * the link is unknown, used, expired or superseded, or someone took the address meanwhile.
 */
export async function confirmEmailChange(token: string, address: string, now = new Date()): Promise<'changed' | 'gone'> {
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [link] = await tx
        .update(emailTokens)
        .set({ usedAt: now })
        .where(and(eq(emailTokens.id, hashToken(token)), eq(emailTokens.purpose, 'change_email'), isNull(emailTokens.usedAt), gt(emailTokens.expiresAt, now)))
        .returning({ userId: emailTokens.userId, newEmail: emailTokens.newEmail });
      if (!link?.newEmail) return 'gone';
      const [before] = await tx.select({ email: users.email }).from(users).where(eq(users.id, link.userId));
      await tx.update(users).set({ email: link.newEmail, emailVerifiedAt: now }).where(eq(users.id, link.userId));
      await recordAudit(
        { userId: link.userId, action: 'change_email', subjectType: 'user', subjectId: link.userId, outcome: 'allowed', address, details: { from: before?.email, to: link.newEmail } },
        tx,
      );
      return 'changed';
    });
  } catch (error) {
    if (isUniqueViolation(error)) return 'gone';
    throw error;
  }
}

export type AccountStatus = 'invited' | 'active' | 'deactivated';

const statusOf = (account: Pick<User, 'passwordHash' | 'deactivatedAt'>): AccountStatus =>
  account.deactivatedAt ? 'deactivated' : account.passwordHash ? 'active' : 'invited';

export type ManagedAccount = { id: string; name: string; email: string; role: User['role']; teamName: string | null; organisationName: string | null; status: AccountStatus };

/** Every account an LA admin looks after: its staff and professionals, and the advisers of its advice organisations. */
export async function managedAccountsOf(laId: string): Promise<ManagedAccount[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      teamName: areaTeams.name,
      organisationName: adviceOrganisations.name,
      passwordHash: users.passwordHash,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .leftJoin(areaTeams, eq(areaTeams.id, users.teamId))
    .leftJoin(adviceOrganisations, eq(adviceOrganisations.id, users.adviceOrgId))
    .where(
      or(
        and(eq(users.laId, laId), inArray(users.role, ['caseworker', 'manager', 'la_admin', 'professional'])),
        and(eq(users.role, 'advocate'), eq(adviceOrganisations.laId, laId)),
      ),
    )
    .orderBy(asc(users.name));
  return rows.map(({ passwordHash, deactivatedAt, ...account }) => ({ ...account, status: statusOf({ passwordHash, deactivatedAt }) }));
}

export type AccountDetails = ManagedAccount & { deactivatedAt: Date | null };

/** One account for the admin's page about it (the route has already asked the policy). */
export async function accountDetails(account: User): Promise<AccountDetails> {
  const db = await getDb();
  const [team] = account.teamId ? await db.select({ name: areaTeams.name }).from(areaTeams).where(eq(areaTeams.id, account.teamId)) : [];
  const [organisation] = account.adviceOrgId
    ? await db.select({ name: adviceOrganisations.name }).from(adviceOrganisations).where(eq(adviceOrganisations.id, account.adviceOrgId))
    : [];
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    teamName: team?.name ?? null,
    organisationName: organisation?.name ?? null,
    status: statusOf(account),
    deactivatedAt: account.deactivatedAt,
  };
}

/**
 * Switches a leaver's account off: it cannot sign in, every session ends and unused links
 * (invitation, reset, change of email) stop working, all in one transaction with its audit
 * row. Sending it twice changes nothing the second time. False: it was already off.
 */
export async function deactivateAccount(admin: User, accountId: string, address: string, now = new Date()): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [switchedOff] = await tx
      .update(users)
      .set({ deactivatedAt: now })
      .where(and(eq(users.id, accountId), isNull(users.deactivatedAt)))
      .returning({ id: users.id });
    if (!switchedOff) return false;
    const ended = await tx.delete(sessions).where(eq(sessions.userId, accountId)).returning({ id: sessions.id });
    await cancelEmailTokens(tx, accountId, Object.keys(TOKEN_LIFETIME) as TokenPurpose[], now);
    await recordAudit(
      { userId: admin.id, action: 'deactivate_account', subjectType: 'user', subjectId: accountId, outcome: 'allowed', address, details: { sessionsEnded: ended.length } },
      tx,
    );
    return true;
  });
}

/** Lets a returning member of staff or adviser sign in again (with the password they had). False: it was not off. */
export async function reactivateAccount(admin: User, accountId: string, address: string): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [switchedOn] = await tx
      .update(users)
      .set({ deactivatedAt: null })
      .where(and(eq(users.id, accountId), isNotNull(users.deactivatedAt)))
      .returning({ id: users.id });
    if (!switchedOn) return false;
    await recordAudit({ userId: admin.id, action: 'reactivate_account', subjectType: 'user', subjectId: accountId, outcome: 'allowed', address }, tx);
    return true;
  });
}
