import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { annualReviews, cases, children, educationSettings, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';
import { upcomingTransfer, type UpcomingTransfer } from '~/domain/annual-review';
import { isUuid } from '~/domain/ids';
import { phaseTransferLastDay, todayInLondon, type IsoDate, type PhaseTransferKind } from '~/domain/timescales';
import { validateForm, type FormValues } from '~/forms/form.server';
import { storeReviewDue } from './review-due.server';

/**
 * A phase transfer on a child's review (issue 14, item 4): the move the child's date of birth
 * implies this school year (`upcomingTransfer`), its last day (reg 18, `phaseTransferLastDay`),
 * the setting consulted about a place and the setting the amended plan names, chosen from the
 * council's settings. Recording them also stores the review's dates again (`storeReviewDue`):
 * a transfer can bring the meeting's date forward to 14 February or 30 March.
 */

export type TransferScreen = {
  reviewId: string;
  reviewNumber: number;
  /** As recorded on the review, else as the date of birth implies now; null when the child is not moving phase. */
  transfer: { kind: PhaseTransferKind; transferDate: IsoDate; lastDay: IsoDate; from: UpcomingTransfer['from'] | null; to: UpcomingTransfer['to'] | null } | null;
  consultedSettingId: string | null;
  namedSettingId: string | null;
  settings: { id: string; name: string }[];
};

async function openReviewOf(laId: string, caseId: string) {
  const db = await getDb();
  const [row] = await db
    .select({ review: annualReviews, dateOfBirth: children.dateOfBirth })
    .from(annualReviews)
    .innerJoin(cases, eq(cases.id, annualReviews.caseId))
    .innerJoin(children, eq(children.id, cases.childId))
    .where(and(eq(annualReviews.caseId, caseId), eq(annualReviews.laId, laId), isNull(annualReviews.completedOn)))
    .orderBy(desc(annualReviews.number))
    .limit(1);
  return row ?? null;
}

async function settingsOf(laId: string) {
  const db = await getDb();
  return db.select({ id: educationSettings.id, name: educationSettings.name }).from(educationSettings).where(eq(educationSettings.laId, laId)).orderBy(asc(educationSettings.name));
}

/** What the transfer page shows; null when the case has no review under way. */
export async function transferScreen(laId: string, caseId: string, now = new Date()): Promise<TransferScreen | null> {
  const found = await openReviewOf(laId, caseId);
  if (!found) return null;
  const { review, dateOfBirth } = found;
  const implied = upcomingTransfer(dateOfBirth, todayInLondon(now));
  const transfer =
    review.transferKind && review.transferDate
      ? {
          kind: review.transferKind,
          transferDate: review.transferDate,
          lastDay: phaseTransferLastDay(review.transferDate, review.transferKind),
          from: implied?.transferDate === review.transferDate ? implied.from : null,
          to: implied?.transferDate === review.transferDate ? implied.to : null,
        }
      : implied
        ? { kind: implied.kind, transferDate: implied.transferDate, lastDay: implied.lastDay, from: implied.from, to: implied.to }
        : null;
  return { reviewId: review.id, reviewNumber: review.number, transfer, consultedSettingId: review.consultedSettingId, namedSettingId: review.namedSettingId, settings: await settingsOf(laId) };
}

const transferForm = z.object({
  consultedSettingId: z.string().refine(isUuid, 'errors.reviewTransfer.consulted'),
  namedSettingId: z
    .string()
    .optional()
    .transform((value) => value || null)
    .refine((value) => value === null || isUuid(value), 'errors.reviewTransfer.named'),
});

export type TransferResult = { ok: true } | { ok: false; errors: Record<string, string>; values: FormValues };

/**
 * Records the transfer on the case's review under way: its kind and date (kept once recorded),
 * the setting consulted and the setting named. Saving the same choices twice changes nothing.
 */
export async function recordTransfer(staff: User & { laId: string }, caseId: string, values: FormValues, options: { address?: string; now?: Date } = {}): Promise<TransferResult> {
  const parsed = validateForm(transferForm, values);
  if (!parsed.ok) return { ok: false, errors: parsed.errors, values };
  const now = options.now ?? new Date();
  const today = todayInLondon(now);
  const found = await openReviewOf(staff.laId, caseId);
  if (!found) return { ok: false, errors: { consultedSettingId: 'errors.reviewTransfer.noReview' }, values };
  const settingIds = new Set((await settingsOf(staff.laId)).map((s) => s.id));
  const errors: Record<string, string> = {};
  if (!settingIds.has(parsed.data.consultedSettingId)) errors.consultedSettingId = 'errors.reviewTransfer.consulted';
  if (parsed.data.namedSettingId && !settingIds.has(parsed.data.namedSettingId)) errors.namedSettingId = 'errors.reviewTransfer.named';
  const implied = upcomingTransfer(found.dateOfBirth, today);
  if (!found.review.transferKind && !implied) errors.consultedSettingId = 'errors.reviewTransfer.notMoving';
  if (Object.keys(errors).length > 0) return { ok: false, errors, values };
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(annualReviews)
      .set({
        transferKind: found.review.transferKind ?? implied!.kind,
        transferDate: found.review.transferDate ?? implied!.transferDate,
        consultedSettingId: parsed.data.consultedSettingId,
        namedSettingId: parsed.data.namedSettingId,
      })
      .where(eq(annualReviews.id, found.review.id));
    await storeReviewDue(tx, found.review.id, today);
    await recordAudit(
      { userId: staff.id, action: 'decide:review', subjectType: 'case', subjectId: caseId, outcome: 'allowed', address: options.address, details: { reviewId: found.review.id, transfer: true } },
      tx,
    );
  });
  return { ok: true };
}
