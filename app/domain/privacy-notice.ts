/**
 * A council's privacy notice (issue 19 item 5, ADR 0036): what the LA admin wrote for each part,
 * or null where the portal's default wording (in the locale files) stands. The rights section and
 * the ICO's details are the law's, not the council's: always shown, never editable. Pure.
 */

/** The Information Commissioner's Office, where anyone may complain about how their data is used. */
export const ICO = { complaintUrl: 'https://ico.org.uk/make-a-complaint/', phone: '0303 123 1113', tel: 'tel:+443031231113' } as const;

/** The parts a council writes for itself; null: not written. */
export const PRIVACY_NOTICE_FIELDS = ['controllerName', 'dpoEmail', 'dpoPostalAddress', 'lawfulBases', 'sharedWith', 'retention', 'extraRights'] as const;
export type PrivacyNoticeField = (typeof PRIVACY_NOTICE_FIELDS)[number];
export type PrivacyNoticeRecord = Record<PrivacyNoticeField, string | null>;

export const EMPTY_PRIVACY_NOTICE: PrivacyNoticeRecord = { controllerName: null, dpoEmail: null, dpoPostalAddress: null, lawfulBases: null, sharedWith: null, retention: null, extraRights: null };

/** What a council's notice page shows: each section either the council's paragraphs or null (the default wording). */
export type PrivacyNotice = {
  council: { name: string; code: string };
  /** The council's name unless it named another controller. */
  controller: string;
  /** How to reach the DPO; null: neither given, and the page points to the council's SEND team's email. */
  dpo: { email: string | null; postalAddressLines: string[] } | null;
  councilEmail: string;
  lawfulBases: string[] | null;
  sharedWith: string[] | null;
  retention: string[] | null;
  extraRights: string[] | null;
};

/** The admin's text as paragraphs: split on blank lines, each trimmed; null when there is none. */
export function paragraphsOf(text: string | null): string[] | null {
  const paragraphs = (text ?? '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  return paragraphs.length > 0 ? paragraphs : null;
}

export function privacyNoticeOf(council: { name: string; code: string; contactEmail: string }, record: PrivacyNoticeRecord | null): PrivacyNotice {
  const stored = record ?? EMPTY_PRIVACY_NOTICE;
  const email = stored.dpoEmail?.trim() || null;
  const postalAddressLines = (stored.dpoPostalAddress ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    council: { name: council.name, code: council.code },
    controller: stored.controllerName?.trim() || council.name,
    dpo: email || postalAddressLines.length > 0 ? { email, postalAddressLines } : null,
    councilEmail: council.contactEmail,
    lawfulBases: paragraphsOf(stored.lawfulBases),
    sharedWith: paragraphsOf(stored.sharedWith),
    retention: paragraphsOf(stored.retention),
    extraRights: paragraphsOf(stored.extraRights),
  };
}

/** The fields that differ between two versions of a notice (what an audit row records). */
export function changedFields(before: PrivacyNoticeRecord, after: PrivacyNoticeRecord): PrivacyNoticeField[] {
  return PRIVACY_NOTICE_FIELDS.filter((field) => (before[field] ?? null) !== (after[field] ?? null));
}
