/**
 * The SEN2 (special educational needs survey) person-level return's code lists, as the portal
 * writes them (ADR 0053). Pure.
 *
 * Which guide: the DfE's "Special educational needs person level survey 2025: guide v1.4"
 * (https://assets.publishing.service.gov.uk/media/675831b5f72b1d96e06bbfdf/SEN_survey_-_guide_to_person_level_SEN2_return_2025.pdf).
 * The PDF itself was not read; its lists were taken from a public transcription of it, the
 * MastodonC/witan.sen2 repository's src/witan/sen2/return/person_level/dictionary.clj, which
 * cites the items: CeaseReason (4.6), SENsetting (4.7c, 5.7c) and SENtype (5.8a). Those lists
 * are marked `guide 2025 v1.4`. Lists marked `DfE census` are the DfE's census code sets (school
 * and children in need censuses), not re-checked against the guide; lists marked `inferred` could not be checked against the guide and must be before a council
 * submits (ADR 0053 lists them). The 2027 collection's guide had not been found.
 */
import { senNeedTypes, settingsWithoutUrn } from '../plan-content';

/** Printed in the file header of every export, and in ADR 0053. */
export const SEN2_GUIDE = {
  collection: 'SEN2',
  /** The guide whose shape the export follows. */
  basedOn: 'Special educational needs person level survey 2025: guide v1.4 (modules 1-5)',
  /** A version of this portal's own mapping: bumped whenever a code list or field changes. */
  mappingVersion: '2027.2',
} as const;

/**
 * Where a list comes from: the 2025 guide v1.4 (via the transcription above), the DfE's census
 * code sets (not re-checked against the guide), or inferred (not checked against the guide).
 */
export type CodeListSource = 'guide 2025 v1.4' | 'DfE census' | 'inferred';
export type CodeList<C extends string> = { readonly codes: readonly C[]; readonly source: CodeListSource };

function codeList<const C extends string>(codes: readonly C[], source: CodeListSource): CodeList<C> {
  return { codes, source };
}

/**
 * Types of special educational need in a plan (SENtype, item 5.8a), ranked 1 (primary) and 2
 * (secondary). DS (Down syndrome) is in; the school census's NSA (SEN support, no specialist
 * assessment) is not: a child with a plan has had one.
 */
export const SEN_TYPES = codeList(senNeedTypes, 'guide 2025 v1.4');
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

/**
 * Why a plan ceased (CeaseReason, item 4.6): 1 reached maximum age, 2 needs met without a plan,
 * 3 moved on to higher education, 4 moved on to paid employment, 5 transferred to another LA in
 * England, 6 no longer wishes to engage, 7 moved outside England, 8 deceased, 9 other.
 */
export const CEASE_REASONS = codeList(['1', '2', '3', '4', '5', '6', '7', '8', '9'], 'guide 2025 v1.4');
export type CeaseReason = (typeof CEASE_REASONS.codes)[number];

/** Personal budget: NON none; ORG organised arrangements; DIR direct payments; MIX both. */
export const PERSONAL_BUDGETS = codeList(['NON', 'ORG', 'DIR', 'MIX'], 'inferred');
export type PersonalBudget = (typeof PERSONAL_BUDGETS.codes)[number];

/**
 * The type of a placement that has no URN or UKPRN (SENsetting, items 4.7c and 5.7c). A placement
 * at an establishment is identified by its URN or UKPRN instead, and SENsetting is left out:
 * OLA other arrangements by the LA (s.61 of the 2014 Act, including EOTAS); OPA other arrangements
 * by the parent or young person (s.42(5), not home education); EHE elective home education; EYP
 * an early years provider with no URN; OTH a type of setting named in the plan but no setting;
 * NEET not in education, employment or training (16 to 25); NIEC not in education or training,
 * notice to cease issued; NIEO not in education or training, other (e.g. awaiting a placement).
 */
export const PLACEMENT_SETTINGS = codeList(settingsWithoutUrn, 'guide 2025 v1.4');
export type PlacementSetting = (typeof PLACEMENT_SETTINGS.codes)[number];

/** Sex as the DfE's collections record it. */
export const SEXES = codeList(['M', 'F', 'U'], 'DfE census');
export type Sex = (typeof SEXES.codes)[number];

/** The DfE's main ethnicity codes (school census). */
export const ETHNICITIES = codeList(
  ['WBRI', 'WIRI', 'WIRT', 'WOTH', 'WROM', 'MWBC', 'MWBA', 'MWAS', 'MOTH', 'AIND', 'APKN', 'ABAN', 'AOTH', 'BCRB', 'BAFR', 'BOTH', 'CHNE', 'OOTH', 'REFU', 'NOBT'],
  'DfE census',
);
export type Ethnicity = (typeof ETHNICITIES.codes)[number];

/** Why a child has no UPN (as in the children in need census): UN1 under 6 and not at school ... UN5 other. */
export const UPN_UNKNOWN_REASONS = codeList(['UN1', 'UN2', 'UN3', 'UN4', 'UN5'], 'DfE census');
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
