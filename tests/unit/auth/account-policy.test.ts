import { describe, expect, it } from 'vitest';
import { decide, MANAGED_ACCOUNT_ROLES, PERMISSIONS, type AccountSubject, type Actor } from '~/auth/policy';
import { roles, type Role } from '../../../db/schema/people';

/** Who may see and switch off which account on the admin pages (ADR 0017), as a full matrix. */
const LA = 'la-1';
const OTHER_LA = 'la-2';
const admin: Actor = { id: 'admin-1', role: 'la_admin', laId: LA, teamId: null };
const account = (role: Role, laId: string | null = LA, userId = `${role}-1`): AccountSubject => ({ type: 'account', userId, role, laId });

describe('accounts an LA admin looks after', () => {
  it('their own LA’s staff, professionals and advisers: may see and switch off', () => {
    expect([...MANAGED_ACCOUNT_ROLES].sort()).toEqual(['advocate', 'caseworker', 'la_admin', 'manager', 'professional']);
    for (const role of MANAGED_ACCOUNT_ROLES) {
      expect(decide(admin, 'read:account', account(role)), role).toBe('allow');
      expect(decide(admin, 'administer:account', account(role)), role).toBe('allow');
    }
  });

  it('never their own account: they may see it, not switch it off', () => {
    expect(decide(admin, 'read:account', account('la_admin', LA, admin.id))).toBe('allow');
    expect(decide(admin, 'administer:account', account('la_admin', LA, admin.id))).toBe('forbidden');
  });

  it('another LA’s accounts and families’ accounts do not exist for them', () => {
    for (const role of roles) {
      expect(decide(admin, 'administer:account', account(role, OTHER_LA)), role).toBe('not_found');
      expect(decide(admin, 'read:account', account(role, OTHER_LA)), role).toBe('not_found');
    }
    expect(decide(admin, 'administer:account', account('parent', null))).toBe('not_found');
    expect(decide(admin, 'administer:account', account('young_person', LA))).toBe('not_found');
  });

  it('nobody else manages accounts, even in the same LA', () => {
    for (const role of roles.filter((r) => r !== 'la_admin')) {
      const actor: Actor = { id: `${role}-9`, role, laId: LA, teamId: null };
      expect(decide(actor, 'administer:account', account('caseworker')), role).toBe('not_found');
      expect(decide(actor, 'read:account', account('caseworker')), role).toBe('not_found');
    }
  });

  it('no other permission is about an account', () => {
    for (const permission of PERMISSIONS.filter((p) => p !== 'read:account' && p !== 'administer:account')) {
      expect(decide(admin, permission, account('caseworker')), permission).toBe('forbidden');
    }
  });
});
