/**
 * The SEN2 (special educational needs survey) person-level return's code lists, as the portal
 * writes them (ADR 0053). Pure.
 *
 * Which guide: the DfE's "Special educational needs survey (SEN2): guide" for the 2027 collection
 * (census Thursday 21 January 2027) had not been found in the sources available when this was
 * written. The modules, field names and the codes marked `guide` follow the person-level
 * collection as published from SEN2 2023 onwards (the 2025 guide's shape); codes marked
 * `inferred` were written from that shape where the exact list could not be checked, and must be
 * checked against the published guide before a council submits (ADR 0053 lists them).
 */

/** Printed in the file header of every export, and in ADR 0053. */
export const SEN2_GUIDE = {
  collection: 'SEN2',
  /** The guide whose shape the export follows. */
  basedOn: 'SEN2 person-level guide, 2025 collection shape (modules 1-5)',
  /** A version of this portal's own mapping: bumped whenever a code list or field changes. */
  mappingVersion: '2027.1',
} as const;

export type CodeList<C extends string> = { readonly codes: readonly C[]; readonly source: 'guide' | 'inferred' };

function codeList<const C extends string>(codes: readonly C[], source: 'guide' | 'inferred'): CodeList<C> {
  return { codes, source };
}

/** Types of special educational need (the school census list, also used by SEN2), ranked 1 (primary) and 2 (secondary). */
export const SEN_TYPES = codeList(['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'OTH', 'NSA'], 'guide');
export type SenType = (typeof SEN_TYPES.codes)[number];

/** Who made the request for assessment. RP, RY and SS from the guide; the others inferred. */
export const REQUEST_SOURCES = codeList(['RP', 'RY', 'SS', 'HS', 'SC', 'LA', 'OT'], 'inferred');
export type RequestSource = (typeof REQUEST_SOURCES.codes)[number];

/** What became of the request: A assessment agreed, N decided not to assess, W withdrawn. */
export const REQUEST_OUTCOMES = codeList(['A', 'N', 'W'], 'inferred');
export type RequestOutcome = (typeof REQUEST_OUTCOMES.codes)[number];

/** What became of the assessment: Y a plan to be issued, N decided not to issue, W withdrawn. */
export const ASSESSMENT_OUTCOMES = codeList(['Y', 'N', 'W'], 'inferred');
export type AssessmentOutcome = (typeof ASSESSMENT_OUTCOMES.codes)[number];

/** Why a plan ceased: 1 reached maximum age ... 9 other. */
export const CEASE_REASONS = codeList(['1', '2', '3', '4', '5', '6', '7', '8', '9'], 'inferred');
export type CeaseReason = (typeof CEASE_REASONS.codes)[number];

/** Personal budget: NON none; ORG organised arrangements; DIR direct payments; MIX both. */
export const PERSONAL_BUDGETS = codeList(['NON', 'ORG', 'DIR', 'MIX'], 'inferred');
export type PersonalBudget = (typeof PERSONAL_BUDGETS.codes)[number];

/**
 * Where the child is placed (SENsetting). The first group are settings with a URN or UKPRN; the
 * rest (home education, education otherwise than at school, not in education) have none.
 */
export const PLACEMENT_SETTINGS = codeList(['MS', 'MSU', 'MRP', 'SP', 'IS', 'AP', 'EY', 'FE', 'SPI', 'EHE', 'EOTAS', 'NEET'], 'inferred');
export type PlacementSetting = (typeof PLACEMENT_SETTINGS.codes)[number];
/** Placements with no establishment: no URN or UKPRN is expected. */
export const PLACEMENTS_WITHOUT_ESTABLISHMENT: readonly PlacementSetting[] = ['EHE', 'EOTAS', 'NEET'];
/** Placements identified by UKPRN (post-16 providers); every other establishment by URN. */
export const PLACEMENTS_BY_UKPRN: readonly PlacementSetting[] = ['FE', 'SPI'];

/** Sex as the DfE's collections record it. */
export const SEXES = codeList(['M', 'F', 'U'], 'guide');
export type Sex = (typeof SEXES.codes)[number];

/** The DfE's main ethnicity codes (school census). */
export const ETHNICITIES = codeList(
  ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'],
  'guide',
);
export type Ethnicity = (typeof ETHNICITIES.codes)[number];

/** Why a child has no UPN (as in the children in need census): UN1 under 6 and not at school ... UN5 other. */
export const UPN_UNKNOWN_REASONS = codeList(['UN1', 'UN2', 'UN3', 'UN4', 'UN5'], 'guide');
export type UpnUnknownReason = (typeof UPN_UNKNOWN_REASONS.codes)[number];

export function isCode<C extends string>(list: CodeList<C>, value: unknown): value is C {
  return typeof value === 'string' && (list.codes as readonly string[]).includes(value);
}

const UPN_CHECK_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/**
 * Whether a UPN is well formed: a check letter, the LA's 3-digit number, the establishment's 4,
 * the year's 2 and a 3-digit serial; the check letter is the weighted sum (weights 2 to 13 for
 * characters 2 to 13) modulo 23, as the DfE's UPN guide gives it. A temporary UPN ends in a letter
 * instead of its last digit.
 */
export function isValidUpn(upn: string): boolean {
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(upn)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i += 1) {
    const c = upn[i];
    const value = /\d/.test(c) ? Number(c) : UPN_CHECK_LETTERS.indexOf(c);
    if (value < 0) return false;
    sum += value * (i + 1);
  }
  return UPN_CHECK_LETTERS[sum % 23] === upn[0];
}

/** The UPN for a 12-character body (LA number, establishment, year, serial): its check letter, then the body. */
export function upnWithCheckLetter(body: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i += 1) {
    const c = body[i];
    sum += (/\d/.test(c) ? Number(c) : UPN_CHECK_LETTERS.indexOf(c)) * (i + 2);
  }
  return `${UPN_CHECK_LETTERS[sum % 23]}${body}`;
}

/** A ULN (unique learner number): 10 digits. */
export function isValidUln(uln: string): boolean {
  return /^\d{10}$/.test(uln);
}
