/**
 * Who controls a child's case on a given day. Pure: pass `today`.
 *
 * Until compulsory school age ends (`youngPersonFrom`), the parents decide. From that day
 * (Children and Families Act 2014 s.83(2)) decisions are the young person's:
 * - once the young person has their own account, parents keep access only if the young person
 *   agreed to it;
 * - if a parent has recorded that the young person lacks capacity for these decisions, the
 *   parents act for them;
 * - until the young person has an account, parents may read the case (nothing is hidden while
 *   the invitation is pending) but may not act for them: they invite the young person, or
 *   record a lack of capacity.
 * See docs/decisions/0021-young-person-takes-over-the-case.md.
 */
import { isYoungPerson, youngPersonFrom, type IsoDate } from './timescales';

export type ParentAccess = 'full' | 'read' | 'none';

export type ControlFacts = {
  dateOfBirth: IsoDate;
  youngPersonHasAccount: boolean;
  parentAccessAgreed: boolean;
  lacksCapacityRecorded: boolean;
};

export type CaseControl = {
  controller: 'parent' | 'young_person';
  /** Why: before the date, the young person's own choice, awaiting their account, or a capacity record. */
  basis: 'child' | 'young_person' | 'awaiting_young_person' | 'lacks_capacity';
  parentAccess: ParentAccess;
  youngPersonFrom: IsoDate;
};

export function caseControl(facts: ControlFacts, today: IsoDate): CaseControl {
  const from = youngPersonFrom(facts.dateOfBirth);
  if (!isYoungPerson(facts.dateOfBirth, today)) return { controller: 'parent', basis: 'child', parentAccess: 'full', youngPersonFrom: from };
  if (facts.lacksCapacityRecorded) return { controller: 'parent', basis: 'lacks_capacity', parentAccess: 'full', youngPersonFrom: from };
  if (!facts.youngPersonHasAccount) return { controller: 'young_person', basis: 'awaiting_young_person', parentAccess: 'read', youngPersonFrom: from };
  return { controller: 'young_person', basis: 'young_person', parentAccess: facts.parentAccessAgreed ? 'full' : 'none', youngPersonFrom: from };
}

/** Whether consents a parent gave need the young person's confirmation to keep working. */
export function youngPersonDecides(control: CaseControl): boolean {
  return control.controller === 'young_person';
}
