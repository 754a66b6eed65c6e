/**
 * "Who has looked at this case" (issue 19, ADR 0035): the audit log's rows about a child's record,
 * as a family reads them. Pure: the query is in app/features/data-rights/access-log.server.ts.
 *
 * An opening is one request to the portal (a page shown, a form sent, a document downloaded) that
 * the policy allowed, by someone outside the family: staff, professionals and advisers. One page
 * can be guarded more than once (the case's layout and the page itself both check), so the rows
 * of one request are one opening, told by its most telling permission.
 */
import type { ProfessionalKind, Role } from './vocabulary';

/** Whose openings a family is shown. The family's own are theirs to remember; admins never open a child's record. */
export const ACCESSOR_ROLES = ['caseworker', 'manager', 'professional', 'advocate'] as const satisfies readonly Role[];
export type AccessorRole = (typeof ACCESSOR_ROLES)[number];

/** The records an opening of a child's record is logged against (app/auth/access.server.ts). */
export const RECORD_SUBJECT_TYPES = ['case', 'child', 'assessment_request', 'document'] as const;
export type RecordSubjectType = (typeof RECORD_SUBJECT_TYPES)[number];

/** What each permission or logged action opened, as a sentence's key; anything else is "opened the case record". */
const WHAT_KEYS: Record<string, string> = {
  'read:case': 'accessLog.what.case',
  // The case's "who can see this" page: the case record, as before it had its own permission.
  'read:case-sharing': 'accessLog.what.case',
  'read:child': 'accessLog.what.child',
  'read:child-cases': 'accessLog.what.child',
  'read:thread': 'accessLog.what.messages',
  'post:message': 'accessLog.what.sentMessage',
  'read:advice': 'accessLog.what.advice',
  'read:unreleased-advice': 'accessLog.what.advice',
  'write:advice': 'accessLog.what.writeAdvice',
  'read:views': 'accessLog.what.views',
  'read:plan': 'accessLog.what.plan',
  'write:plan': 'accessLog.what.writePlan',
  'start:plan-version': 'accessLog.what.writePlan',
  'issue:plan-version': 'accessLog.what.writePlan',
  'read:meetings': 'accessLog.what.meetings',
  'record:decision': 'accessLog.what.decision',
  'reassign:case': 'accessLog.what.reassign',
  'read:case-notes': 'accessLog.what.caseNotes',
  'write:case-notes': 'accessLog.what.caseNotes',
  'read:request': 'accessLog.what.request',
  'edit:request': 'accessLog.what.editRequest',
  'download:document': 'accessLog.what.document',
  'read:access-log': 'accessLog.what.accessLog',
};
export const GENERIC_WHAT_KEY = 'accessLog.what.generic';

/** Every sentence `whatKeyOf` can give, for the translation checks. */
export const ALL_WHAT_KEYS = [...new Set([...Object.values(WHAT_KEYS), GENERIC_WHAT_KEY])];

export function whatKeyOf(action: string): string {
  return Object.hasOwn(WHAT_KEYS, action) ? WHAT_KEYS[action] : GENERIC_WHAT_KEY;
}

/**
 * Of the permissions checked in one request, the one that says what was opened: a page's own
 * permission rather than the 'read:case' its layout checked first.
 */
export function mostTelling(actions: readonly string[]): string {
  const generic = (a: string) => a === 'read:case' || a === 'read:child' || a === 'read:case-sharing';
  return actions.find((a) => !generic(a)) ?? actions.find((a) => a === 'read:case') ?? actions[0] ?? '';
}

const PROFESSIONAL_ROLE_KEYS: Record<ProfessionalKind, string> = {
  educational_psychologist: 'accessLog.role.educationalPsychologist',
  health: 'accessLog.role.health',
  social_care: 'accessLog.role.socialCare',
  school_senco: 'accessLog.role.schoolSenco',
};

export const ALL_ROLE_KEYS = ['accessLog.role.caseCaseworker', 'accessLog.role.caseworker', 'accessLog.role.manager', 'accessLog.role.professional', 'accessLog.role.adviser', ...Object.values(PROFESSIONAL_ROLE_KEYS)];

/** One opening as the query returns it: who (as their account says now), when, and what. */
export type OpeningRecord = {
  at: Date | string;
  action: string;
  userId: string;
  name: string;
  role: AccessorRole;
  professionalKind: ProfessionalKind | null;
  laName: string | null;
  teamName: string | null;
  adviceOrgName: string | null;
};

/** One line of "who has looked at this case". */
export type Opening = {
  /** ISO instant; the page formats it in the reader's language. */
  at: string;
  name: string;
  roleKey: string;
  /** The council, the advice service, or the council a professional works with. */
  organisation: string | null;
  /** The council's area team, for its staff. */
  team: string | null;
  whatKey: string;
};

/** The role in plain words: the case's own caseworker is told apart from other staff. */
export function roleKeyOf(record: Pick<OpeningRecord, 'role' | 'professionalKind' | 'userId'>, caseworkerId: string | null): string {
  switch (record.role) {
    case 'caseworker':
      return record.userId === caseworkerId ? 'accessLog.role.caseCaseworker' : 'accessLog.role.caseworker';
    case 'manager':
      return 'accessLog.role.manager';
    case 'professional':
      return record.professionalKind ? PROFESSIONAL_ROLE_KEYS[record.professionalKind] : 'accessLog.role.professional';
    case 'advocate':
      return 'accessLog.role.adviser';
  }
}

export function describeOpening(record: OpeningRecord, caseworkerId: string | null): Opening {
  return {
    at: new Date(record.at).toISOString(),
    name: record.name,
    roleKey: roleKeyOf(record, caseworkerId),
    organisation: record.role === 'advocate' ? record.adviceOrgName : record.laName,
    team: record.role === 'caseworker' || record.role === 'manager' ? record.teamName : null,
    whatKey: whatKeyOf(record.action),
  };
}

export const ACCESS_LOG_PAGE_SIZE = 25;

/**
 * Which page of `total` rows to show: the one asked for, or the last when the address asks past
 * the end (as the caseload does); page 1 of an empty list.
 */
export function pageWindow(requested: number, total: number, size = ACCESS_LOG_PAGE_SIZE): { page: number; pages: number; offset: number; limit: number } {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(Number.isFinite(requested) ? requested : 1)), pages);
  return { page, pages, offset: (page - 1) * size, limit: size };
}

/** A page number from the address: anything but a whole number from 1 is page 1. */
export function pageParam(value: string | null): number {
  if (!value || !/^\d{1,6}$/.test(value)) return 1;
  return Math.max(1, Number(value));
}
