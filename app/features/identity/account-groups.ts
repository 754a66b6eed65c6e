import type { Role } from '~/domain/vocabulary';

/**
 * The admin's accounts as their page lists them: the council's staff, its professionals, and
 * the advisers of its advice organisations. Browser-safe (used by the page as it renders).
 */
export function groupManagedAccounts<A extends { role: Role }>(accounts: readonly A[]) {
  const staffRoles: readonly Role[] = ['caseworker', 'manager', 'la_admin'];
  return {
    staff: accounts.filter((a) => staffRoles.includes(a.role)),
    professionals: accounts.filter((a) => a.role === 'professional'),
    advisers: accounts.filter((a) => a.role === 'advocate'),
  };
}
