import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { councilPrivacyNotices, localAuthorities, type User } from '../../../db/schema';
import { recordAudit } from '~/audit/audit.server';
import { getDb } from '~/db.server';
import { changedFields, EMPTY_PRIVACY_NOTICE, PRIVACY_NOTICE_FIELDS, privacyNoticeOf, type PrivacyNotice, type PrivacyNoticeRecord } from '~/domain/privacy-notice';
import { PRIVACY_CONTROLLER_MAX_LENGTH, PRIVACY_POSTAL_ADDRESS_MAX_LENGTH, PRIVACY_SECTION_MAX_LENGTH } from '~/forms/text-limits';

/**
 * Each council's privacy notice (ADR 0036): written by its LA admin on /admin/privacy, shown on
 * /privacy to the people who deal with the council and, to anyone, on /privacy/<council code>.
 */

/** Every part may be left empty: stored as null, and the page shows the default wording. */
const text = (max: number, lengthKey: string) =>
  z.preprocess((value) => value ?? '', z.string().trim()).pipe(z.string().max(max, lengthKey).transform((value) => value || null));

export const privacyNoticeSchema = z.object({
  controllerName: text(PRIVACY_CONTROLLER_MAX_LENGTH, 'errors.privacyNotice.controllerNameLength'),
  dpoEmail: z
    .preprocess((value) => value ?? '', z.string().trim())
    .pipe(
      z
        .string()
        .max(320, 'errors.privacyNotice.dpoEmailFormat')
        .refine((email) => email === '' || z.email().safeParse(email).success, 'errors.privacyNotice.dpoEmailFormat')
        .transform((value) => value || null),
    ),
  dpoPostalAddress: text(PRIVACY_POSTAL_ADDRESS_MAX_LENGTH, 'errors.privacyNotice.dpoPostalAddressLength'),
  lawfulBases: text(PRIVACY_SECTION_MAX_LENGTH, 'errors.privacyNotice.lawfulBasesLength'),
  sharedWith: text(PRIVACY_SECTION_MAX_LENGTH, 'errors.privacyNotice.sharedWithLength'),
  retention: text(PRIVACY_SECTION_MAX_LENGTH, 'errors.privacyNotice.retentionLength'),
  extraRights: text(PRIVACY_SECTION_MAX_LENGTH, 'errors.privacyNotice.extraRightsLength'),
}) satisfies z.ZodType<PrivacyNoticeRecord, unknown>;

function recordOf(row: Partial<PrivacyNoticeRecord> | undefined): PrivacyNoticeRecord {
  return Object.fromEntries(PRIVACY_NOTICE_FIELDS.map((field) => [field, row?.[field] ?? null])) as PrivacyNoticeRecord;
}

/** What the council has written, field by field (null where it has not), for the admin's form. */
export async function storedPrivacyNotice(laId: string): Promise<PrivacyNoticeRecord> {
  const db = await getDb();
  const [row] = await db.select().from(councilPrivacyNotices).where(eq(councilPrivacyNotices.laId, laId));
  return recordOf(row);
}

/**
 * Saves the admin's notice, audited with each changed field's old and new text. Saving the same
 * words again (a double submit) changes nothing and writes nothing. Returns whether it changed.
 */
export async function savePrivacyNotice(admin: Pick<User, 'id'>, laId: string, notice: PrivacyNoticeRecord): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One writer at a time per council: the council's row is the lock, as the row may not exist yet.
    await tx.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(localAuthorities.id, laId)).for('update');
    const [row] = await tx.select().from(councilPrivacyNotices).where(eq(councilPrivacyNotices.laId, laId));
    const before = recordOf(row);
    const changed = changedFields(before, notice);
    if (changed.length === 0) return false;
    await tx
      .insert(councilPrivacyNotices)
      .values({ laId, ...notice })
      .onConflictDoUpdate({ target: councilPrivacyNotices.laId, set: { ...notice, updatedAt: sql`now()` } });
    const details = Object.fromEntries(changed.map((field) => [field, { from: before[field], to: notice[field] }]));
    await recordAudit({ userId: admin.id, action: 'change:privacy_notice', subjectType: 'la', subjectId: laId, outcome: 'allowed', details }, tx);
    return true;
  });
}

/** The notices of the councils given (in that order), defaults filled in where a part is not written. */
export async function privacyNoticesOf(laIds: readonly string[]): Promise<PrivacyNotice[]> {
  const db = await getDb();
  const notices: PrivacyNotice[] = [];
  for (const laId of laIds) {
    const [row] = await db
      .select({ council: localAuthorities, notice: councilPrivacyNotices })
      .from(localAuthorities)
      .leftJoin(councilPrivacyNotices, eq(councilPrivacyNotices.laId, localAuthorities.id))
      .where(eq(localAuthorities.id, laId));
    if (row) notices.push(privacyNoticeOf(row.council, row.notice ? recordOf(row.notice) : EMPTY_PRIVACY_NOTICE));
  }
  return notices;
}

/** One council's notice by its code (as in /privacy/NHB, any case); null: no such council. */
export async function privacyNoticeByCode(code: string): Promise<PrivacyNotice | null> {
  if (!/^[a-z0-9-]{1,20}$/i.test(code)) return null;
  const db = await getDb();
  const [council] = await db.select({ id: localAuthorities.id }).from(localAuthorities).where(eq(sql`upper(${localAuthorities.code})`, code.toUpperCase()));
  if (!council) return null;
  const [notice] = await privacyNoticesOf([council.id]);
  return notice ?? null;
}

/** Every council on the deployment, by name, for the signed-out privacy page's list. */
export async function councilsWithNotices(): Promise<{ name: string; code: string }[]> {
  const db = await getDb();
  return db.select({ name: localAuthorities.name, code: localAuthorities.code }).from(localAuthorities).orderBy(asc(localAuthorities.name));
}
