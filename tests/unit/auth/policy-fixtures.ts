import type { Actor, CaseSubject, DocumentSubject, DraftRequestSubject, FamilySide, Subject } from '~/auth/policy';
import type { LiveConsent } from '~/domain/consent';

/**
 * The people and records of the policy matrix (policy-matrix.test.ts). Each actor kind is a
 * person and, where their standing depends on the records rather than on who they are (a parent
 * cut off by the young person's handover, an advocate whose consent has lapsed, a professional
 * whose request closed), how the records look for them.
 */
export const LA = 'la-1';
const OTHER_LA = 'la-2';

// Live consents as access.server.ts loads them: all of org-1 may act; one named advocate of org-2 may only view.
const consents: LiveConsent[] = [
  { consentId: 'c1', adviceOrgId: 'org-1', advocateUserId: null, scope: 'act', grantedBy: 'parent', expiresOn: '2027-01-01' },
  { consentId: 'c2', adviceOrgId: 'org-2', advocateUserId: 'adv-named', scope: 'view', grantedBy: 'parent', expiresOn: '2027-01-01' },
];

const family: FamilySide = { parentIds: ['parent'], youngPersonId: 'yp', advocateConsents: consents };

// The plan names setting set-1 (its SENCO and lead see the case); setting set-req asked for the assessment.
const childCase: CaseSubject = { type: 'case', laId: LA, teamId: 'team-1', caseworkerId: 'cw', professionalIds: ['ep'], settingIds: ['set-1', 'set-req'], requestingSettingId: 'set-req', ...family };
const familyDraft: DraftRequestSubject = { type: 'draft_request', laId: LA, createdBy: 'parent', ...family };
const staffDraft: DraftRequestSubject = { ...familyDraft, createdBy: 'cw' };
const document = (belongsTo: DocumentSubject['belongsTo']): DocumentSubject => ({ type: 'document', belongsTo });

export const subjects = {
  case: childCase,
  child: { type: 'child', laId: LA, ...family },
  familyDraft,
  staffDraft,
  adviceUnsubmitted: { type: 'advice', case: childCase, professionalId: 'ep', release: 'unsubmitted' },
  adviceWithheld: { type: 'advice', case: childCase, professionalId: 'ep', release: 'withheld' },
  adviceReleased: { type: 'advice', case: childCase, professionalId: 'ep', release: 'released' },
  documentOfDraft: document({ kind: 'draft_request', request: familyDraft }),
  documentOfRequest: document({ kind: 'request', case: childCase }),
  documentOfThread: document({ kind: 'thread', case: childCase }),
  documentOfAdviceUnsubmitted: document({ kind: 'advice', case: childCase, professionalId: 'ep', advice: 'unsubmitted' }),
  documentOfAdviceWithheld: document({ kind: 'advice', case: childCase, professionalId: 'ep', advice: 'withheld' }),
  documentOfAdviceReleased: document({ kind: 'advice', case: childCase, professionalId: 'ep', advice: 'released' }),
  documentOfPlan: document({ kind: 'plan', case: childCase }),
  documentOfViews: document({ kind: 'views', case: childCase }),
  la: { type: 'la', laId: LA },
  account: { type: 'account', userId: 'cw', role: 'caseworker', laId: LA },
  // The SENCO's account at setting set-1, and its lead's own (issue 14: the lead manages the first, never the second).
  settingStaffAccount: { type: 'account', userId: 'senco-1', role: 'setting_staff', laId: LA, settingId: 'set-1' },
  settingLeadAccount: { type: 'account', userId: 'lead-1', role: 'setting_staff', laId: LA, settingId: 'set-1' },
  // The setting the case names: its own pages.
  setting: { type: 'setting', laId: LA, settingId: 'set-1' },
  // Asked by the parent; the council's manager releases it.
  subjectAccessReleased: { type: 'subject_access', laId: LA, requesterId: 'parent', released: true },
  subjectAccessPending: { type: 'subject_access', laId: LA, requesterId: 'parent', released: false },
  // Asked by the parent; the child's caseworker (cw) or a manager decides it.
  rectification: { type: 'rectification', laId: LA, requesterId: 'parent', caseworkerIds: ['cw'] },
  rectificationOtherCaseworker: { type: 'rectification', laId: LA, requesterId: 'parent', caseworkerIds: ['cw2'] },
  portal: { type: 'portal' },
} satisfies Record<string, Subject>;

export type SubjectName = keyof typeof subjects;

/** Changes the family side of every record in a subject (for actors whose standing lives in the records). */
function withFamily(subject: Subject, change: (side: FamilySide & { professionalIds?: readonly string[] }) => object): Subject {
  switch (subject.type) {
    case 'case':
      return { ...subject, ...change(subject) };
    case 'child':
    case 'draft_request':
      return { ...subject, ...change(subject) };
    case 'advice':
      return { ...subject, case: withFamily(subject.case, change) as CaseSubject };
    case 'document': {
      const owner = subject.belongsTo;
      return owner.kind === 'draft_request'
        ? document({ ...owner, request: withFamily(owner.request, change) as DraftRequestSubject })
        : document({ ...owner, case: withFamily(owner.case, change) as CaseSubject });
    }
    default:
      return subject;
  }
}

type ActorKind = { actor: Actor; world?: (subject: Subject) => Subject };

const person = (id: string, role: Actor['role'], more: Partial<Actor> = {}): Actor => ({ id, role, laId: null, teamId: null, ...more });

/** In the matrix's column order: the family side, advocates, professionals, then the councils. */
export const actors = {
  parent: { actor: person('parent', 'parent') },
  // The child is now a young person whose account is pending: parents read, and do nothing else.
  parentPending: { actor: person('parent', 'parent'), world: (s) => withFamily(s, () => ({ parentAccess: 'read' })) },
  // The young person has not agreed to share with their parents.
  parentCutOff: { actor: person('parent', 'parent'), world: (s) => withFamily(s, () => ({ parentAccess: 'none' })) },
  otherParent: { actor: person('other-parent', 'parent') },
  youngPerson: { actor: person('yp', 'young_person') },
  advocateAct: { actor: person('adv-org', 'advocate', { adviceOrgId: 'org-1' }) },
  advocateView: { actor: person('adv-named', 'advocate', { adviceOrgId: 'org-2' }) },
  // Revoked or expired consents are not loaded: the advocate is left with none.
  advocateExpired: { actor: person('adv-org', 'advocate', { adviceOrgId: 'org-1' }), world: (s) => withFamily(s, () => ({ advocateConsents: [] })) },
  // A colleague of the named advocate, in the same organisation: the consent names someone else.
  advocateColleague: { actor: person('adv-colleague', 'advocate', { adviceOrgId: 'org-2' }) },
  advocateOtherOrg: { actor: person('adv-other', 'advocate', { adviceOrgId: 'org-3' }) },
  professionalAsked: { actor: person('ep', 'professional', { laId: LA }) },
  professionalNotAsked: { actor: person('ep2', 'professional', { laId: LA }) },
  caseworker: { actor: person('cw', 'caseworker', { laId: LA, teamId: 'team-1' }) },
  caseworkerOtherLa: { actor: person('cw9', 'caseworker', { laId: OTHER_LA, teamId: 'team-9' }) },
  manager: { actor: person('mgr', 'manager', { laId: LA }) },
  laAdmin: { actor: person('admin', 'la_admin', { laId: LA }) },
  laAdminOtherLa: { actor: person('admin9', 'la_admin', { laId: OTHER_LA }) },
  // Settings (issue 14): the SENCO and the lead of the setting the plan names; another setting's
  // SENCO in the same council; the SENCO of the setting that asked for the assessment; and a
  // lead of a setting in another council that happens to use the same setting id.
  settingSenco: { actor: person('senco-1', 'setting_staff', { laId: LA, settingId: 'set-1', settingRole: 'senco' }) },
  settingLead: { actor: person('lead-1', 'setting_staff', { laId: LA, settingId: 'set-1', settingRole: 'lead' }) },
  otherSettingSenco: { actor: person('senco-2', 'setting_staff', { laId: LA, settingId: 'set-2', settingRole: 'senco' }) },
  requestingSettingSenco: { actor: person('senco-req', 'setting_staff', { laId: LA, settingId: 'set-req', settingRole: 'senco' }) },
  settingOtherLa: { actor: person('lead-9', 'setting_staff', { laId: OTHER_LA, settingId: 'set-1', settingRole: 'lead' }) },
} satisfies Record<string, ActorKind>;

export type ActorName = keyof typeof actors;

export function scene(who: ActorName, subject: SubjectName): [Actor, Subject] {
  const kind: ActorKind = actors[who];
  const record = subjects[subject];
  return [kind.actor, kind.world ? kind.world(record) : record];
}
