import { asc, eq, isNotNull, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { adviceOrganisations, childParents, children, localAuthorities, serviceStandardHistory, type LocalAuthority, type User } from '../../db/schema';
import type { ServiceStandards } from '../domain/service-standards';
import type { Database, Transaction } from '../../db/client';
import { councilFrom, deploymentCouncil, isBareOrigin, parseMailbox, type Council, type DeploymentDefaults } from '../domain/council';
import { getDb } from '../db.server';
import { getEnv, publicOrigin } from '../env.server';
import { oncePerRequest, primeOncePerRequest } from '../request-scope.server';

/**
 * The council a request, an email or a job speaks for (ADR 0023), read from its
 * local_authorities row on each use (one primary-key read, so an admin's change applies at
 * once), falling back to the deployment's PUBLIC_BASE_URL and MAIL_FROM. Never anything from the
 * request: services take a Council, not an origin.
 */

export type { Council } from '../domain/council';

const DEFAULT_SENDER_NAME = 'EHCP portal';

export function deploymentDefaults(env = getEnv()): DeploymentDefaults {
  return { baseUrl: publicOrigin(env), sender: parseMailbox(env.MAIL_FROM, env.SERVICE_NAME || DEFAULT_SENDER_NAME) };
}

/** No council yet (a family that has just registered): the deployment's address and sender. */
export function defaultCouncil(): Council {
  return deploymentCouncil(deploymentDefaults());
}

type Executor = Database | Transaction;

/** The council with this id (null or unknown: the deployment's own context). */
export async function councilContext(laId: string | null | undefined, executor?: Executor): Promise<Council> {
  if (!laId) return defaultCouncil();
  // Inside a transaction, read afresh through it; otherwise once for all of a page's loaders.
  const read = async (db: Executor) => {
    const [record] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, laId));
    return councilFrom(record ?? null, deploymentDefaults());
  };
  return executor ? read(executor) : oncePerRequest(`council:${laId}`, async () => read(await getDb()));
}

/**
 * The council a person's own emails come from: staff's council; an adviser's, through the advice
 * service that employs them; a family's, through their oldest child's record (a parent or young
 * person with children known to two councils hears from the first). A family with no child yet
 * hears from the deployment.
 */
export async function councilOfUser(user: Pick<User, 'id' | 'laId' | 'adviceOrgId'>, executor?: Executor): Promise<Council> {
  const db = executor ?? (await getDb());
  const [first] = await councilIdsOfUser(user, db, executor);
  return councilContext(first, executor);
}

/**
 * Every council a person deals with, for the help page: staff's and an adviser's one; a family's,
 * one per council their children's records are with, oldest first. None: the deployment speaks.
 */
export async function councilsOfUser(user: Pick<User, 'id' | 'laId' | 'adviceOrgId'>, executor?: Executor): Promise<Council[]> {
  const db = executor ?? (await getDb());
  const ids = await councilIdsOfUser(user, db, executor);
  return Promise.all(ids.map((id) => councilContext(id, executor)));
}

function councilIdsOfUser(user: Pick<User, 'id' | 'laId' | 'adviceOrgId'>, db: Executor, executor?: Executor): Promise<string[]> {
  if (user.laId) return Promise.resolve([user.laId]);
  return executor ? readCouncilIdsOfUser(user, db) : oncePerRequest(`councils-of:${user.id}`, () => readCouncilIdsOfUser(user, db));
}

async function readCouncilIdsOfUser(user: Pick<User, 'id' | 'adviceOrgId'>, db: Executor): Promise<string[]> {
  if (user.adviceOrgId) {
    const [organisation] = await db.select({ laId: adviceOrganisations.laId }).from(adviceOrganisations).where(eq(adviceOrganisations.id, user.adviceOrgId));
    return organisation ? [organisation.laId] : [];
  }
  const rows = await db
    .selectDistinct({ laId: children.laId, createdAt: children.createdAt, id: children.id })
    .from(children)
    .leftJoin(childParents, eq(childParents.childId, children.id))
    .where(or(eq(childParents.userId, user.id), eq(children.youngPersonUserId, user.id)))
    .orderBy(asc(children.createdAt), asc(children.id));
  return [...new Set(rows.map((row) => row.laId))];
}

/**
 * The addresses councils have set for themselves (their public_base_url origins): forms posted
 * from them are our own (server/same-site.ts). Read at most every 30 seconds per process, and at
 * once after `forgetCouncilOrigins()` (an admin's change). Kept on globalThis: the HTTP server
 * and the Remix build are separate module instances.
 */
const ORIGINS_TTL_MS = 30_000;
const globalForCouncils = globalThis as unknown as { __ehcpCouncilOrigins?: { readAt: number; origins: Promise<Set<string>> } };

export function councilOrigins(now = Date.now()): Promise<Set<string>> {
  const cached = globalForCouncils.__ehcpCouncilOrigins;
  if (cached && now - cached.readAt < ORIGINS_TTL_MS) return cached.origins;
  const origins = readCouncilOrigins();
  globalForCouncils.__ehcpCouncilOrigins = { readAt: now, origins };
  // A failed read is not kept: the next request asks again.
  origins.catch(() => {
    if (globalForCouncils.__ehcpCouncilOrigins?.origins === origins) globalForCouncils.__ehcpCouncilOrigins = undefined;
  });
  return origins;
}

export function forgetCouncilOrigins() {
  globalForCouncils.__ehcpCouncilOrigins = undefined;
}

async function readCouncilOrigins(): Promise<Set<string>> {
  const db = await getDb();
  const rows = await db.select({ publicBaseUrl: localAuthorities.publicBaseUrl }).from(localAuthorities).where(isNotNull(localAuthorities.publicBaseUrl));
  return new Set(rows.flatMap((row) => (row.publicBaseUrl && isBareOrigin(row.publicBaseUrl) ? [new URL(row.publicBaseUrl).origin] : [])));
}

type EarlierStandards = { until: string; acknowledgeWithin: number; replyWithin: number }[];

/** A council's earlier service standards (those that still date older messages), as a column beside a row naming it. */
export function earlierStandardsSql(laId: SQL | AnyColumn | string) {
  return sql<EarlierStandards>`coalesce((
    select json_agg(json_build_object('until', h.until, 'acknowledgeWithin', h.acknowledge_within, 'replyWithin', h.reply_within))
    from ${serviceStandardHistory} h where h.la_id = ${laId}), '[]'::json)`;
}

function standardsFrom(la: Pick<LocalAuthority, 'acknowledgeWithin' | 'replyWithin'>, earlier: EarlierStandards): ServiceStandards {
  return { acknowledgeWithin: la.acknowledgeWithin, replyWithin: la.replyWithin, earlier: earlier.map((e) => ({ ...e, until: String(e.until).slice(0, 10) })) };
}

/** The LA's service standards now, with the earlier ones that still date older messages: one statement, read once for all of a page's loaders. */
export function standardsOf(laId: string): Promise<ServiceStandards> {
  return oncePerRequest(`standards:${laId}`, async () => {
    const db = await getDb();
    const [la] = await db
      .select({ acknowledgeWithin: localAuthorities.acknowledgeWithin, replyWithin: localAuthorities.replyWithin, earlier: earlierStandardsSql(laId) })
      .from(localAuthorities)
      .where(eq(localAuthorities.id, laId));
    return standardsFrom(la, la.earlier);
  });
}

/**
 * A council row read with something else (the staff member's session): its context and service
 * standards serve the rest of the request without reading them again.
 */
export function primeCouncilReads(record: LocalAuthority, earlier: EarlierStandards) {
  primeOncePerRequest(`council:${record.id}`, councilFrom(record, deploymentDefaults()));
  primeOncePerRequest(`standards:${record.id}`, standardsFrom(record, earlier));
}
