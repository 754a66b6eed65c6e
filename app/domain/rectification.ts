/**
 * Rectification (UK GDPR Article 16): a family asks for a detail of a child's record to be
 * corrected; the council's staff approve or refuse it within one calendar month (Article 12(3),
 * the same rule as subject access, so the same function). Pure.
 * Why it reads as it does: docs/decisions/0038-rectification.md.
 */
import { subjectAccessDueOn } from './subject-access';
import { compareDates, type IsoDate } from './timescales';

/**
 * The details of a child's record a family may ask to correct. A person's own name and email
 * address they change themselves on their account pages (the email through its confirmation
 * link), so they are not here.
 */
export const rectifiableFields = ['firstName', 'lastName', 'dateOfBirth', 'school'] as const;
export type RectifiableField = (typeof rectifiableFields)[number];

export const rectificationStatuses = ['pending', 'approved', 'refused'] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];

/** One detail to correct: the value held when asked (or replaced, once approved) and the one asked for. Null: nothing recorded. */
export type RectificationChange = { field: RectifiableField; from: string | null; to: string | null };

export type RectifiableDetails = Record<RectifiableField, string | null>;

/** The last day to answer: one calendar month from the day the request was received. */
export function rectificationDueOn(receivedOn: IsoDate): IsoDate {
  return subjectAccessDueOn(receivedOn);
}

/** Still undecided after its last day. A decided request is never overdue. */
export function isRectificationOverdue(request: { dueOn: IsoDate; status: RectificationStatus }, today: IsoDate): boolean {
  return request.status === 'pending' && compareDates(today, request.dueOn) > 0;
}

/** A detail as compared and stored: spaces trimmed and runs of spaces made one; empty is nothing recorded. */
export function normaliseDetail(value: string | null | undefined): string | null {
  const trimmed = (value ?? '').trim().replace(/\s+/g, ' ');
  return trimmed === '' ? null : trimmed;
}

/**
 * The corrections asked: each detail whose value differs from the one held, in the order of
 * `rectifiableFields`. Only what differs is a change; an empty list means nothing was asked.
 */
export function changesAsked(current: RectifiableDetails, asked: RectifiableDetails): RectificationChange[] {
  return rectifiableFields
    .map((field) => ({ field, from: normaliseDetail(current[field]), to: normaliseDetail(asked[field]) }))
    .filter((change) => change.from !== change.to);
}
