import { describe, expect, it } from 'vitest';
import { caseControl, youngPersonDecides } from '~/domain/young-person';

// Born 1 December 2010: 16 on 1 December 2026, in the school year ending 31 August 2027, whose
// last Friday in June is 25 June 2027. So the young person decides from Saturday 26 June 2027.
const facts = { dateOfBirth: '2010-12-01', youngPersonHasAccount: false, parentAccessAgreed: false, lacksCapacityRecorded: false };

describe('caseControl: who controls the case on a given day', () => {
  it('the parents, up to and including the last Friday in June of the 16th-birthday school year', () => {
    const control = caseControl(facts, '2027-06-25');
    expect(control).toEqual({ controller: 'parent', basis: 'child', parentAccess: 'full', youngPersonFrom: '2027-06-26' });
    expect(youngPersonDecides(control)).toBe(false);
  });

  it('the young person from the next day; parents read only until the young person has an account', () => {
    const control = caseControl(facts, '2027-06-26');
    expect(control).toMatchObject({ controller: 'young_person', basis: 'awaiting_young_person', parentAccess: 'read' });
    expect(youngPersonDecides(control)).toBe(true);
  });

  it("with the young person's account, parents keep access only if the young person agreed", () => {
    expect(caseControl({ ...facts, youngPersonHasAccount: true }, '2027-06-26').parentAccess).toBe('none');
    expect(caseControl({ ...facts, youngPersonHasAccount: true, parentAccessAgreed: true }, '2027-06-26').parentAccess).toBe('full');
  });

  it('a recorded lack of capacity leaves the parents acting for the young person', () => {
    expect(caseControl({ ...facts, lacksCapacityRecorded: true }, '2028-01-10')).toMatchObject({ controller: 'parent', basis: 'lacks_capacity', parentAccess: 'full' });
  });

  it('before the date, an agreement or an account changes nothing', () => {
    expect(caseControl({ ...facts, youngPersonHasAccount: true }, '2026-12-01')).toMatchObject({ controller: 'parent', parentAccess: 'full' });
  });
});
