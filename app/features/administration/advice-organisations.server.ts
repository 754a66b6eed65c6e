import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import { adviceOrganisations, users, type User } from '../../../db/schema';
import { getDb } from '~/db.server';
import { recordAudit } from '~/audit/audit.server';

/** Advice organisations (SENDIASS) an LA lists for its families, and their advocates. Set up by the LA admin. */

export async function organisationsOf(laId: string) {
  const db = await getDb();
  return db
    .select({ id: adviceOrganisations.id, name: adviceOrganisations.name, advocates: count(users.id) })
    .from(adviceOrganisations)
    .leftJoin(users, and(eq(users.adviceOrgId, adviceOrganisations.id), eq(users.role, 'advocate')))
    .where(eq(adviceOrganisations.laId, laId))
    .groupBy(adviceOrganisations.id)
    .orderBy(asc(adviceOrganisations.name));
}

/** The LA's own organisation, or null: another LA's is treated as unknown. */
export async function organisationOf(laId: string, orgId: string) {
  if (!/^[0-9a-f-]{36}$/i.test(orgId)) return null;
  const db = await getDb();
  const [org] = await db.select().from(adviceOrganisations).where(and(eq(adviceOrganisations.id, orgId), eq(adviceOrganisations.laId, laId)));
  return org ?? null;
}

export async function advocatesOf(orgId: string) {
  const db = await getDb();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email, active: isNotNull(users.passwordHash) })
    .from(users)
    .where(and(eq(users.adviceOrgId, orgId), eq(users.role, 'advocate')))
    .orderBy(asc(users.name));
  return rows.map((r) => ({ ...r, active: Boolean(r.active) }));
}

/** Adds an organisation; the same name twice (a double submit) adds one. */
export async function createOrganisation(admin: User, name: string) {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [org] = await tx.insert(adviceOrganisations).values({ laId: admin.laId!, name }).onConflictDoNothing().returning();
    if (!org) return null;
    await recordAudit({ userId: admin.id, action: 'create:advice_organisation', subjectType: 'advice_organisation', subjectId: org.id, outcome: 'allowed', details: { name } }, tx);
    return org;
  });
}
