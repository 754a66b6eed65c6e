import { describe, expect, it } from 'vitest';
import { audienceOf, decide, homeOf, PERMISSIONS, threadSideOf, type Actor, type CaseSubject, type DocumentSubject } from '~/auth/policy';
import type { LiveConsent } from '~/domain/consent';

const LA = 'la-1';
const OTHER_LA = 'la-2';

const people = {
  parent: { id: 'parent', role: 'parent', laId: null, teamId: null },
  otherParent: { id: 'other-parent', role: 'parent', laId: null, teamId: null },
  youngPerson: { id: 'yp', role: 'young_person', laId: null, teamId: null },
  caseworker: { id: 'cw', role: 'caseworker', laId: LA, teamId: 'team-1' },
  teammate: { id: 'cw2', role: 'caseworker', laId: LA, teamId: 'team-1' },
  otherLaCaseworker: { id: 'cw3', role: 'caseworker', laId: OTHER_LA, teamId: 'team-9' },
  manager: { id: 'mgr', role: 'manager', laId: LA, teamId: null },
  admin: { id: 'admin', role: 'la_admin', laId: LA, teamId: null },
  otherLaAdmin: { id: 'admin2', role: 'la_admin', laId: OTHER_LA, teamId: null },
  advocate: { id: 'adv', role: 'advocate', laId: null, teamId: null },
  askedProfessional: { id: 'ep', role: 'professional', laId: LA, teamId: null },
  otherProfessional: { id: 'ep2', role: 'professional', laId: LA, teamId: null },
  orgAdvocate: { id: 'adv-org', role: 'advocate', laId: null, teamId: null, adviceOrgId: 'org-1' },
  namedAdvocate: { id: 'adv-named', role: 'advocate', laId: null, teamId: null, adviceOrgId: 'org-2' },
  namedAdvocateColleague: { id: 'adv-colleague', role: 'advocate', laId: null, teamId: null, adviceOrgId: 'org-2' },
  otherOrgAdvocate: { id: 'adv-other', role: 'advocate', laId: null, teamId: null, adviceOrgId: 'org-3' },
} satisfies Record<string, Actor>;

// Live consents as access.server.ts loads them: all of org-1 may act; one named advocate of org-2 may view.
const consents: LiveConsent[] = [
  { consentId: 'c1', adviceOrgId: 'org-1', advocateUserId: null, scope: 'act', grantedBy: 'parent', expiresOn: '2027-01-01' },
  { consentId: 'c2', adviceOrgId: 'org-2', advocateUserId: 'adv-named', scope: 'view', grantedBy: 'parent', expiresOn: '2027-01-01' },
];

const childCase: CaseSubject = {
  type: 'case',
  laId: LA,
  teamId: 'team-1',
  caseworkerId: 'cw',
  parentIds: ['parent'],
  youngPersonId: 'yp',
  professionalIds: ['ep'],
  advocateConsents: consents,
};

describe('case access policy', () => {
  it('a parent of another child in the same LA is told the case does not exist', () => {
    expect(decide(people.parent, 'read:case', { ...childCase, parentIds: ['someone-else'], youngPersonId: null })).toBe('not_found');
  });

  it('a professional whose request has closed and passed its grace period is no longer listed, so sees nothing', () => {
    expect(decide(people.askedProfessional, 'read:case', { ...childCase, professionalIds: [] })).toBe('not_found');
    expect(decide(people.askedProfessional, 'write:advice', { type: 'advice', case: { ...childCase, professionalIds: undefined }, professionalId: 'ep', release: 'unsubmitted' })).toBe('not_found');
  });

  it("a professional asked about a case may never read the family's thread", () => {
    expect(decide(people.askedProfessional, 'read:thread', childCase)).toBe('forbidden');
  });

  it('a young person without an account link sees nothing', () => {
    expect(decide(people.youngPerson, 'read:case', { ...childCase, youngPersonId: null })).toBe('not_found');
  });
});

describe('complaints (ADR 0050)', () => {
  it("another caseworker of the same council reads a case's complaints but does not answer them; the case's caseworker and a manager do", () => {
    expect(decide(people.teammate, 'read:complaints', childCase)).toBe('allow');
    expect(decide(people.teammate, 'respond:complaint', childCase)).toBe('forbidden');
    expect(decide(people.caseworker, 'respond:complaint', childCase)).toBe('allow');
    expect(decide(people.manager, 'respond:complaint', childCase)).toBe('allow');
  });

  it('an adviser who may act complains for the family; one who may only view reads; another council never sees them', () => {
    expect(decide(people.orgAdvocate, 'make:complaint', childCase)).toBe('allow');
    expect(decide(people.namedAdvocate, 'make:complaint', childCase)).toBe('forbidden');
    expect(decide(people.namedAdvocate, 'read:complaints', childCase)).toBe('allow');
    expect(decide(people.otherLaCaseworker, 'read:complaints', childCase)).toBe('not_found');
    expect(decide(people.otherLaCaseworker, 'read:complaints', { type: 'la', laId: LA })).toBe('forbidden');
  });
});

describe('draft requests are private to the family until submitted', () => {
  const familyDraft = { type: 'draft_request' as const, laId: LA, createdBy: 'parent', parentIds: ['parent'], youngPersonId: 'yp', advocateConsents: consents };
  const staffDraft = { ...familyDraft, createdBy: 'cw2' };

  it.each([
    ['parent', familyDraft, 'contribute', 'allow'],
    ['youngPerson', familyDraft, 'read', 'allow'],
    ['otherParent', familyDraft, 'read', 'not_found'],
    ['caseworker', familyDraft, 'read', 'not_found'],
    ['otherLaCaseworker', familyDraft, 'read', 'not_found'],
    ['caseworker', staffDraft, 'contribute', 'allow'],
    ['teammate', staffDraft, 'contribute', 'allow'],
    ['otherLaCaseworker', staffDraft, 'read', 'not_found'],
    ['parent', staffDraft, 'read', 'allow'],
    ['advocate', familyDraft, 'read', 'not_found'],
    ['orgAdvocate', familyDraft, 'contribute', 'allow'],
    ['orgAdvocate', familyDraft, 'message', 'forbidden'],
    ['namedAdvocate', familyDraft, 'read', 'allow'],
    ['namedAdvocate', familyDraft, 'contribute', 'forbidden'],
    ['otherOrgAdvocate', familyDraft, 'read', 'not_found'],
    ['orgAdvocate', staffDraft, 'read', 'not_found'],
  ] as const)('%s -> %s on a draft: %s', (who, subject, action, expected) => {
    expect(decide(people[who], ({ read: 'read:request', contribute: 'edit:request', message: 'post:message' } as const)[action], subject)).toBe(expected);
  });
});

describe("a child's record", () => {
  const child = { type: 'child' as const, laId: LA, parentIds: ['parent'], youngPersonId: null, advocateConsents: consents };
  it.each([
    ['parent', 'contribute', 'allow'],
    ['parent', 'share', 'allow'],
    ['caseworker', 'share', 'forbidden'],
    ['orgAdvocate', 'contribute', 'allow'],
    ['orgAdvocate', 'share', 'forbidden'],
    ['namedAdvocate', 'read', 'allow'],
    ['namedAdvocate', 'contribute', 'forbidden'],
    ['otherOrgAdvocate', 'read', 'not_found'],
    ['otherParent', 'read', 'not_found'],
    ['caseworker', 'contribute', 'allow'],
    ['otherLaCaseworker', 'read', 'not_found'],
    ['admin', 'read', 'not_found'],
  ] as const)('%s -> %s: %s', (who, action, expected) => {
    expect(decide(people[who], ({ read: 'read:child', contribute: 'start:request', share: 'share:child' } as const)[action], child)).toBe(expected);
  });
});

describe('advocates without a live consent', () => {
  it('see nothing once the consent is gone (revoked or expired consents are not loaded)', () => {
    expect(decide(people.orgAdvocate, 'read:case', { ...childCase, advocateConsents: [] })).toBe('not_found');
    expect(decide(people.namedAdvocate, 'read:case', { ...childCase, advocateConsents: undefined })).toBe('not_found');
  });

  it('a consent naming one advocate does not reach their colleagues, and an organisation-wide one needs the advocate to belong to it', () => {
    expect(decide(people.namedAdvocateColleague, 'read:case', childCase)).toBe('not_found');
    expect(decide({ ...people.orgAdvocate, adviceOrgId: null }, 'read:case', childCase)).toBe('not_found');
  });

  it('a named act consent wins over an organisation-wide view consent', () => {
    const both: LiveConsent[] = [
      { consentId: 'a', adviceOrgId: 'org-2', advocateUserId: null, scope: 'view', grantedBy: 'parent', expiresOn: '2027-01-01' },
      { consentId: 'b', adviceOrgId: 'org-2', advocateUserId: 'adv-named', scope: 'act', grantedBy: 'parent', expiresOn: '2027-01-01' },
    ];
    expect(decide(people.namedAdvocate, 'post:message', { ...childCase, advocateConsents: both })).toBe('allow');
    expect(decide(people.namedAdvocateColleague, 'post:message', { ...childCase, advocateConsents: both })).toBe('forbidden');
  });
});

describe("parents' access once the child is a young person", () => {
  it("while the young person's account is pending, parents may read the case but not act", () => {
    const pending = { ...childCase, parentAccess: 'read' as const };
    expect(decide(people.parent, 'read:case', pending)).toBe('allow');
    expect(decide(people.parent, 'comment:plan', pending)).toBe('forbidden');
    expect(decide(people.parent, 'post:message', pending)).toBe('forbidden');
    expect(decide(people.parent, 'share:case', pending)).toBe('forbidden');
    expect(decide(people.youngPerson, 'post:message', pending)).toBe('allow');
  });

  it('if the young person has not agreed, parents are refused (they know the case exists)', () => {
    const notShared = { ...childCase, parentAccess: 'none' as const };
    expect(decide(people.parent, 'read:case', notShared)).toBe('forbidden');
    expect(decide(people.youngPerson, 'share:case', notShared)).toBe('allow');
  });

  it('who has looked at the case: the young person who decides sees it, not a parent they share the case with', () => {
    const youngPersonDecides = { ...childCase, parentAccess: 'full' as const, decider: 'young_person' as const };
    expect(decide(people.parent, 'read:case', youngPersonDecides)).toBe('allow');
    expect(decide(people.parent, 'read:access-log', youngPersonDecides)).toBe('forbidden');
    expect(decide(people.youngPerson, 'read:access-log', youngPersonDecides)).toBe('allow');
    expect(decide(people.parent, 'read:access-log', { ...childCase, decider: 'parent' })).toBe('allow');
    expect(decide(people.manager, 'read:access-log', { ...childCase, laId: OTHER_LA })).toBe('not_found');
  });

  it("on the child's record a pending parent may still invite the young person or record a lack of capacity; one not shared with only sees the record", () => {
    const child = { type: 'child' as const, laId: LA, parentIds: ['parent'], youngPersonId: null };
    expect(decide(people.parent, 'start:request', { ...child, parentAccess: 'read' })).toBe('allow');
    expect(decide(people.parent, 'share:child', { ...child, parentAccess: 'read' })).toBe('allow');
    expect(decide(people.parent, 'read:child', { ...child, parentAccess: 'none' })).toBe('allow');
    expect(decide(people.parent, 'start:request', { ...child, parentAccess: 'none' })).toBe('forbidden');
  });
});

describe('documents: read by whoever may read what they belong to, on its page', () => {
  const familyDraft = { type: 'draft_request' as const, laId: LA, createdBy: 'parent', parentIds: ['parent'], youngPersonId: 'yp', advocateConsents: consents };
  const owners = {
    draftRequest: { kind: 'draft_request', request: familyDraft },
    request: { kind: 'request', case: childCase },
    thread: { kind: 'thread', case: childCase },
    adviceDraft: { kind: 'advice', case: childCase, professionalId: 'ep', advice: 'unsubmitted' },
    adviceWithheld: { kind: 'advice', case: childCase, professionalId: 'ep', advice: 'withheld' },
    adviceReleased: { kind: 'advice', case: childCase, professionalId: 'ep', advice: 'released' },
    plan: { kind: 'plan', case: childCase },
    views: { kind: 'views', case: childCase },
  } satisfies Record<string, DocumentSubject['belongsTo']>;

  it("another professional asked about the same case never sees a colleague's report", () => {
    const bothAsked = { ...childCase, professionalIds: ['ep', 'ep2'] };
    expect(decide(people.otherProfessional, 'download:document', { type: 'document', belongsTo: { kind: 'advice', case: bothAsked, professionalId: 'ep', advice: 'released' } })).toBe('not_found');
    expect(decide(people.otherProfessional, 'download:document', { type: 'document', belongsTo: { kind: 'views', case: bothAsked } })).toBe('allow');
  });

  it('a professional whose request has closed and passed its grace period no longer reads their own report', () => {
    expect(decide(people.askedProfessional, 'download:document', { type: 'document', belongsTo: { ...owners.adviceReleased, case: { ...childCase, professionalIds: [] } } })).toBe('not_found');
  });

  it("a parent whose young person's account is pending reads the request's documents but not the thread's; one not shared with, neither", () => {
    const pending = { ...childCase, parentAccess: 'read' as const };
    expect(decide(people.parent, 'download:document', { type: 'document', belongsTo: { kind: 'request', case: pending } })).toBe('allow');
    expect(decide(people.parent, 'download:document', { type: 'document', belongsTo: { kind: 'thread', case: pending } })).toBe('forbidden');
    expect(decide(people.youngPerson, 'download:document', { type: 'document', belongsTo: { kind: 'thread', case: pending } })).toBe('allow');
    const notShared = { ...childCase, parentAccess: 'none' as const };
    expect(decide(people.parent, 'download:document', { type: 'document', belongsTo: { kind: 'plan', case: notShared } })).toBe('forbidden');
  });

  it('nothing but downloading is decided on a document', () => {
    for (const permission of PERMISSIONS.filter((p) => p !== 'download:document')) {
      expect(decide(people.parent, permission, { type: 'document', belongsTo: owners.thread })).toBe('forbidden');
    }
  });
});

describe('which page a person is shown, as the policy says', () => {
  it('gives every role a home, a way of being addressed and a side of the thread', () => {
    const home = (role: Actor['role']) => [homeOf({ role }), audienceOf({ role }), threadSideOf({ role })];
    expect(home('parent')).toEqual(['family', 'parent', 'family']);
    expect(home('young_person')).toEqual(['family', 'young_person', 'family']);
    expect(home('advocate')).toEqual(['advocate', 'adviser', 'family']);
    expect(home('caseworker')).toEqual(['caseload', 'council', 'la']);
    expect(home('manager')).toEqual(['teams', 'council', 'la']);
    expect(home('la_admin')).toEqual(['admin', 'admin', 'family']);
    expect(home('professional')).toEqual(['advice', 'professional', 'family']);
  });
});

describe('family feedback (ADR 0052)', () => {
  it('the family answers for their own case; an adviser acting for them, staff and another family may not', () => {
    expect(decide(people.parent, 'give:feedback', childCase)).toBe('allow');
    expect(decide(people.youngPerson, 'give:feedback', childCase)).toBe('allow');
    expect(decide(people.orgAdvocate, 'give:feedback', childCase)).toBe('forbidden');
    expect(decide(people.caseworker, 'give:feedback', childCase)).toBe('forbidden');
    expect(decide(people.otherParent, 'give:feedback', childCase)).toBe('not_found');
  });

  it("the results are the council's managers' alone: not its caseworkers, not another council's", () => {
    expect(decide(people.manager, 'read:feedback', { type: 'la', laId: LA })).toBe('allow');
    expect(decide(people.caseworker, 'read:feedback', { type: 'la', laId: LA })).toBe('forbidden');
    expect(decide(people.admin, 'read:feedback', { type: 'la', laId: LA })).toBe('forbidden');
    expect(decide(people.manager, 'read:feedback', { type: 'la', laId: OTHER_LA })).toBe('forbidden');
  });
});

describe('mediation and Tribunal appeals (ADR 0051)', () => {
  it('the family and an adviser with consent read them; the professional asked for advice does not; another council is told there is no case', () => {
    expect(decide(people.parent, 'read:appeals', childCase)).toBe('allow');
    expect(decide(people.namedAdvocate, 'read:appeals', childCase)).toBe('allow');
    expect(decide(people.askedProfessional, 'read:appeals', childCase)).toBe('forbidden');
    expect(decide(people.otherLaCaseworker, 'read:appeals', childCase)).toBe('not_found');
  });

  it('only the council records them, and its list of orders is its own', () => {
    expect(decide(people.caseworker, 'record:appeal', childCase)).toBe('allow');
    expect(decide(people.manager, 'record:appeal', childCase)).toBe('allow');
    expect(decide(people.parent, 'record:appeal', childCase)).toBe('forbidden');
    expect(decide(people.orgAdvocate, 'record:appeal', childCase)).toBe('forbidden');
    expect(decide(people.manager, 'read:tribunal-orders', { type: 'la', laId: LA })).toBe('allow');
    expect(decide(people.otherLaCaseworker, 'read:tribunal-orders', { type: 'la', laId: LA })).toBe('forbidden');
    expect(decide(people.admin, 'read:tribunal-orders', { type: 'la', laId: LA })).toBe('forbidden');
  });
});
