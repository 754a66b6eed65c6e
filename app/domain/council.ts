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
  /** The SEND team; `hours` as the council wrote them ("Monday to Friday, 9am to 5pm"). */
  contact: { email: string; phone: string; hours: string | null } | null;
  /** The council's SEND information, advice and support service; null: not given. */
  sendiass: Sendiass | null;
  /** https addresses only: anything else stored is left out rather than linked to. */
  localOfferUrl: string | null;
  feedbackUrl: string | null;
  /** `#rrggbb`, lower case; null: the deployment's header colour. */
  brandColour: string | null;
};

/** Each part may be missing; the page says what is known. */
export type Sendiass = { name: string | null; phone: string | null; email: string | null; url: string | null };

/** What a council row holds that the context needs; its own settings may be null. */
export type CouncilRecord = {
  id: string;
  name: string;
  contactEmail: string;
  contactPhone: string;
  publicBaseUrl: string | null;
  emailFromName: string | null;
  emailFromAddress: string | null;
  contactHours: string | null;
  sendiassName: string | null;
  sendiassPhone: string | null;
  sendiassEmail: string | null;
  sendiassUrl: string | null;
  localOfferUrl: string | null;
  feedbackUrl: string | null;
  brandColour: string | null;
};

export type DeploymentDefaults = { baseUrl: string; sender: Sender };

/** The deployment speaking for itself: no council yet. */
export function deploymentCouncil(defaults: DeploymentDefaults): Council {
  return { laId: null, name: null, baseUrl: defaults.baseUrl, sender: defaults.sender, contact: null, sendiass: null, localOfferUrl: null, feedbackUrl: null, brandColour: null };
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
    contact: { email: record.contactEmail, phone: record.contactPhone, hours: textOrNull(record.contactHours) },
    sendiass: sendiassOf(record),
    localOfferUrl: httpsOrNull(record.localOfferUrl),
    feedbackUrl: httpsOrNull(record.feedbackUrl),
    brandColour: record.brandColour && isHexColour(record.brandColour) ? record.brandColour.toLowerCase() : null,
  };
}

function sendiassOf(record: CouncilRecord): Sendiass | null {
  const sendiass = { name: textOrNull(record.sendiassName), phone: textOrNull(record.sendiassPhone), email: textOrNull(record.sendiassEmail), url: httpsOrNull(record.sendiassUrl) };
  return Object.values(sendiass).some(Boolean) ? sendiass : null;
}

function textOrNull(value: string | null): string | null {
  return value?.trim() || null;
}

function httpsOrNull(value: string | null): string | null {
  const trimmed = value?.trim();
  return trimmed && isHttpsUrl(trimmed) ? trimmed : null;
}

/**
 * Where the phase banner's feedback link goes: the council's own feedback page, else an email to
 * its SEND team, else the deployment's help page.
 */
export function feedbackLink(council: Pick<Council, 'feedbackUrl' | 'contact'> | null): string {
  if (council?.feedbackUrl) return council.feedbackUrl;
  if (council?.contact) return `mailto:${council.contact.email}`;
  return '/help';
}

/** A link a council may put on its pages: https, with a host and no credentials. */
export function isHttpsUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return url.protocol === 'https:' && url.hostname.includes('.') && !url.username && !url.password;
}

/** `#rrggbb`: the only colour form that reaches a stylesheet. */
export function isHexColour(value: string): boolean {
  return /^#[0-9a-f]{6}$/i.test(value);
}

/**
 * A plausible UK phone number: 10 or 11 digits starting 0 (or +44 for the 0), spaces, hyphens
 * and brackets allowed, as people write them ("01632 960000", "+44 (0)1632 960 000").
 */
export function isUkPhoneNumber(value: string): boolean {
  if (!/^[+\d\s()-]+$/.test(value)) return false;
  const digits = value.replace(/\(0\)/, '').replace(/[\s()-]/g, '');
  const national = digits.startsWith('+44') ? `0${digits.slice(3)}` : digits;
  return /^0[1-9]\d{8,9}$/.test(national);
}

/** The number for a tel: link: digits, with + for an international prefix. */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/\(0\)/, '').replace(/[^\d+]/g, '')}`;
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
