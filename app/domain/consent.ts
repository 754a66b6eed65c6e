/**
 * Advocate consent rules. Pure: no clock (pass `today`), no I/O. A family gives an advice
 * organisation (SENDIASS), or one named advocate in it, consent to see a child's case ('view')
 * or also to draft and submit forms and send messages for them ('act'), until an expiry date.
 * See docs/decisions/0020-advocates-act-with-recorded-consent.md.
 */
import { compareDates, type IsoDate } from './timescales';
import type { ConsentScope } from './vocabulary';

export type { ConsentScope };

export type ConsentFacts = {
  expiresOn: IsoDate;
  revokedAt: Date | string | null;
  /** Given by someone other than the young person (a parent). */
  grantedByParent: boolean;
  confirmedByYoungPersonAt: Date | string | null;
};

/**
 * Whether the consent works today: not revoked, not past its last day and, once decisions are
 * the young person's, given or confirmed by them (a parent's consent waits for their say).
 */
export function isLive(consent: ConsentFacts, today: IsoDate, youngPersonDecides = false): boolean {
  if (consent.revokedAt) return false;
  if (compareDates(today, consent.expiresOn) > 0) return false;
  if (youngPersonDecides && consent.grantedByParent && !consent.confirmedByYoungPersonAt) return false;
  return true;
}

/** Whether a parent's consent is waiting for the young person to confirm it. */
export function awaitsYoungPerson(consent: ConsentFacts, today: IsoDate, youngPersonDecides: boolean): boolean {
  return youngPersonDecides && consent.grantedByParent && !consent.confirmedByYoungPersonAt && !consent.revokedAt && compareDates(today, consent.expiresOn) <= 0;
}

/** A live consent as the policy sees it. `advocateUserId` null: the whole organisation. */
export type LiveConsent = { consentId: string; adviceOrgId: string; advocateUserId: string | null; scope: ConsentScope; grantedBy: string; expiresOn: IsoDate };

export type Advocate = { id: string; role: string; adviceOrgId?: string | null };

/** The consent an advocate acts on, preferring one naming them and then the widest scope; null if none covers them. */
export function consentFor(advocate: Advocate, consents: readonly LiveConsent[] | undefined): LiveConsent | null {
  if (advocate.role !== 'advocate' || !consents) return null;
  const covering = consents.filter((c) => (c.advocateUserId ? c.advocateUserId === advocate.id : Boolean(advocate.adviceOrgId) && c.adviceOrgId === advocate.adviceOrgId));
  if (covering.length === 0) return null;
  return [...covering].sort((a, b) => rank(b) - rank(a))[0];
}

function rank(c: LiveConsent) {
  return (c.scope === 'act' ? 2 : 0) + (c.advocateUserId ? 1 : 0);
}

/** What a scope lets an advocate do to the family's case: 'view' reads; 'act' also contributes and messages. */
export function scopeAllows(scope: ConsentScope, action: string): boolean {
  if (action === 'read') return true;
  if (action === 'contribute' || action === 'message') return scope === 'act';
  return false;
}

/** An expiry date a family may choose: from today, and at most two years ahead. */
export function expiryProblem(expiresOn: IsoDate, today: IsoDate, latest: IsoDate): 'past' | 'tooFar' | null {
  if (compareDates(expiresOn, today) < 0) return 'past';
  if (compareDates(expiresOn, latest) > 0) return 'tooFar';
  return null;
}
