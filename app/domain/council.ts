/**
 * The council a page or an email speaks for (ADR 0023). Many councils share one deployment: the
 * links, sender, name and contact details of an email come from the council it is about, never
 * from the request that caused it. A council that has not set its own address or sender uses
 * the deployment's (PUBLIC_BASE_URL, MAIL_FROM). Pure: the database read is in
 * app/tenancy/council.server.ts.
 */

export type Sender = { name: string; address: string };

export type Council = {
  /** Null: no council yet (a family that has just registered): the deployment speaks. */
  laId: string | null;
  /** Null with laId: the deployment's own name is the service's (shown from the locale files). */
  name: string | null;
  /** An origin (no path): every link in an email about this council starts with it. */
  baseUrl: string;
  sender: Sender;
  contact: { email: string; phone: string } | null;
};

/** What a council row holds that the context needs; its own settings may be null. */
export type CouncilRecord = {
  id: string;
  name: string;
  contactEmail: string;
  contactPhone: string;
  publicBaseUrl: string | null;
  emailFromName: string | null;
  emailFromAddress: string | null;
};

export type DeploymentDefaults = { baseUrl: string; sender: Sender };

/** The deployment speaking for itself: no council yet. */
export function deploymentCouncil(defaults: DeploymentDefaults): Council {
  return { laId: null, name: null, baseUrl: defaults.baseUrl, sender: defaults.sender, contact: null };
}

/**
 * A council's context: its own address and sender where it has set them, else the
 * deployment's. Sending from the council's own address, the display name is the council's
 * (or the name it chose); from the deployment's address, the deployment's name unless the
 * council chose one.
 */
export function councilFrom(record: CouncilRecord | null, defaults: DeploymentDefaults): Council {
  if (!record) return deploymentCouncil(defaults);
  const baseUrl = record.publicBaseUrl && isBareOrigin(record.publicBaseUrl) ? new URL(record.publicBaseUrl).origin : defaults.baseUrl;
  return {
    laId: record.id,
    name: record.name,
    baseUrl,
    sender: senderOf(record, defaults.sender),
    contact: { email: record.contactEmail, phone: record.contactPhone },
  };
}

export function senderOf(record: Pick<CouncilRecord, 'name' | 'emailFromName' | 'emailFromAddress'>, fallback: Sender): Sender {
  const address = record.emailFromAddress?.trim() || null;
  const name = record.emailFromName?.trim() || (address ? record.name : fallback.name);
  return { name, address: address ?? fallback.address };
}

/** A link into the portal for this council: its base URL and an absolute path (`/cases/1`). */
export function linkTo(council: Pick<Council, 'baseUrl'>, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//')) throw new Error(`linkTo needs an absolute path, not ${path}`);
  return `${council.baseUrl}${path}`;
}

/** An origin links can be built on: http(s), no path, query, fragment or credentials. */
export function isBareOrigin(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'https:' || url.protocol === 'http:') && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
}

/**
 * Reads a mailbox as MAIL_FROM is written: `Name <address>` or a bare address (then the name is
 * `fallbackName`).
 */
export function parseMailbox(value: string, fallbackName: string): Sender {
  const match = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(value);
  if (match) return { name: match[1].trim() || fallbackName, address: match[2].trim() };
  return { name: fallbackName, address: value.trim() };
}
