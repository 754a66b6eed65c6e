import { describe, expect, it } from 'vitest';
import { decide, type Action, type Actor, type CaseSubject, type Decision } from '~/auth/policy';

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
} satisfies Record<string, Actor>;

const childCase: CaseSubject = {
  type: 'case',
  laId: LA,
  teamId: 'team-1',
  caseworkerId: 'cw',
  parentIds: ['parent'],
  youngPersonId: 'yp',
  professionalIds: ['ep'],
};

const actions: Action[] = ['read', 'contribute', 'message', 'decide', 'administer'];

// Expected decision for [read, contribute, message, decide, administer] on the case above.
const caseMatrix: Record<keyof typeof people, [Decision, Decision, Decision, Decision, Decision]> = {
  parent: ['allow', 'allow', 'allow', 'forbidden', 'forbidden'],
  otherParent: ['not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  youngPerson: ['allow', 'allow', 'allow', 'forbidden', 'forbidden'],
  caseworker: ['allow', 'allow', 'allow', 'allow', 'forbidden'],
  teammate: ['allow', 'allow', 'allow', 'allow', 'forbidden'],
  otherLaCaseworker: ['not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  manager: ['allow', 'allow', 'allow', 'allow', 'forbidden'],
  admin: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  otherLaAdmin: ['not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  advocate: ['not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
  askedProfessional: ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  otherProfessional: ['not_found', 'not_found', 'not_found', 'not_found', 'not_found'],
};

describe('case access policy', () => {
  for (const [who, expected] of Object.entries(caseMatrix)) {
    actions.forEach((action, i) => {
      it(`${who} -> ${action} a child's case: ${expected[i]}`, () => {
        expect(decide(people[who as keyof typeof people], action, childCase)).toBe(expected[i]);
      });
    });
  }

  it('a parent of another child in the same LA is told the case does not exist', () => {
    expect(decide(people.parent, 'read', { ...childCase, parentIds: ['someone-else'], youngPersonId: null })).toBe('not_found');
  });

  it('a young person without an account link sees nothing', () => {
    expect(decide(people.youngPerson, 'read', { ...childCase, youngPersonId: null })).toBe('not_found');
  });
});

const laMatrix: Record<keyof typeof people, [Decision, Decision, Decision, Decision, Decision]> = {
  parent: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  otherParent: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  youngPerson: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  caseworker: ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  teammate: ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  otherLaCaseworker: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  manager: ['allow', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  admin: ['allow', 'forbidden', 'forbidden', 'forbidden', 'allow'],
  otherLaAdmin: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  advocate: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  askedProfessional: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  otherProfessional: ['forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
};

describe('LA pages policy (admin and team views)', () => {
  for (const [who, expected] of Object.entries(laMatrix)) {
    actions.forEach((action, i) => {
      it(`${who} -> ${action} the LA: ${expected[i]}`, () => {
        expect(decide(people[who as keyof typeof people], action, { type: 'la', laId: LA })).toBe(expected[i]);
      });
    });
  }
});

describe('draft requests are private to the family until submitted', () => {
  const familyDraft = { type: 'draft_request' as const, laId: LA, createdBy: 'parent', parentIds: ['parent'], youngPersonId: 'yp' };
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
  ] as const)('%s -> %s on a draft: %s', (who, subject, action, expected) => {
    expect(decide(people[who], action, subject)).toBe(expected);
  });
});

describe("a child's record", () => {
  const child = { type: 'child' as const, laId: LA, parentIds: ['parent'], youngPersonId: null };
  it.each([
    ['parent', 'contribute', 'allow'],
    ['otherParent', 'read', 'not_found'],
    ['caseworker', 'contribute', 'allow'],
    ['otherLaCaseworker', 'read', 'not_found'],
    ['admin', 'read', 'not_found'],
  ] as const)('%s -> %s: %s', (who, action, expected) => {
    expect(decide(people[who], action, child)).toBe(expected);
  });
});
