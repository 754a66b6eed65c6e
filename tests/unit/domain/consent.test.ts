import { describe, expect, it } from 'vitest';
import { awaitsYoungPerson, consentFor, expiryProblem, isLive, scopeAllows, type LiveConsent } from '~/domain/consent';

const given = { expiresOn: '2026-12-31', revokedAt: null, grantedByParent: true, confirmedByYoungPersonAt: null };

describe('isLive: a consent works until revoked, through its last day', () => {
  it('works on its last day and not the day after', () => {
    expect(isLive(given, '2026-12-31')).toBe(true);
    expect(isLive(given, '2027-01-01')).toBe(false);
  });

  it('stops at once when revoked, whatever its expiry', () => {
    expect(isLive({ ...given, revokedAt: new Date('2026-11-22T10:00:00Z') }, '2026-11-22')).toBe(false);
  });

  it("a parent's consent waits for the young person once decisions are theirs; the young person's own does not", () => {
    expect(isLive(given, '2026-11-22', true)).toBe(false);
    expect(awaitsYoungPerson(given, '2026-11-22', true)).toBe(true);
    expect(isLive({ ...given, confirmedByYoungPersonAt: '2026-11-20T09:00:00Z' }, '2026-11-22', true)).toBe(true);
    expect(isLive({ ...given, grantedByParent: false }, '2026-11-22', true)).toBe(true);
  });

  it('an expired or revoked consent is not waiting for anyone', () => {
    expect(awaitsYoungPerson(given, '2027-01-01', true)).toBe(false);
    expect(awaitsYoungPerson({ ...given, revokedAt: '2026-11-01T00:00:00Z' }, '2026-11-22', true)).toBe(false);
    expect(awaitsYoungPerson(given, '2026-11-22', false)).toBe(false);
  });
});

describe('consentFor: which consent an advocate acts on', () => {
  const org: LiveConsent = { consentId: 'org', adviceOrgId: 'o1', advocateUserId: null, scope: 'view', grantedBy: 'p', expiresOn: '2027-01-01' };
  const named: LiveConsent = { ...org, consentId: 'named', advocateUserId: 'a1', scope: 'act' };
  const advocate = { id: 'a1', role: 'advocate', adviceOrgId: 'o1' };

  it('prefers the widest scope, then the consent naming them', () => {
    expect(consentFor(advocate, [org, named])?.consentId).toBe('named');
    expect(consentFor(advocate, [org, { ...named, scope: 'view' }])?.consentId).toBe('named');
    expect(consentFor(advocate, [{ ...org, scope: 'act' }, { ...named, scope: 'view' }])?.consentId).toBe('org');
  });

  it('finds nothing for other people, other organisations or other named advocates', () => {
    expect(consentFor({ ...advocate, role: 'parent' }, [org])).toBeNull();
    expect(consentFor({ ...advocate, adviceOrgId: 'o2' }, [org])).toBeNull();
    expect(consentFor({ ...advocate, id: 'a2' }, [named])).toBeNull();
    expect(consentFor(advocate, undefined)).toBeNull();
  });
});

describe('scopes', () => {
  it.each([
    ['view', 'read', true],
    ['view', 'contribute', false],
    ['view', 'message', false],
    ['act', 'read', true],
    ['act', 'contribute', true],
    ['act', 'message', true],
    ['act', 'decide', false],
    ['act', 'share', false],
    ['act', 'administer', false],
  ] as const)('%s allows %s: %s', (scope, action, expected) => {
    expect(scopeAllows(scope, action)).toBe(expected);
  });
});

describe('expiryProblem', () => {
  it('accepts today up to the latest date, refuses the past and beyond', () => {
    expect(expiryProblem('2026-11-22', '2026-11-22', '2028-11-22')).toBeNull();
    expect(expiryProblem('2028-11-22', '2026-11-22', '2028-11-22')).toBeNull();
    expect(expiryProblem('2026-11-21', '2026-11-22', '2028-11-22')).toBe('past');
    expect(expiryProblem('2028-11-23', '2026-11-22', '2028-11-22')).toBe('tooFar');
  });
});
