import { describe, expect, it } from 'vitest';
import { decide, PERMISSIONS, type Decision, type Permission } from '~/auth/policy';
import { actors, scene, subjects, type ActorName, type SubjectName } from './policy-fixtures';

/**
 * The whole policy as one table: every actor kind x every permission x every kind of subject
 * (policy-fixtures.ts), against the decisions written out below. A permission added without a
 * row here fails (the table is typed by Permission, and checked again at run time), and so does
 * any cell that changes.
 *
 * Each string lists the decisions for the actors in this order (spaces only group them):
 *   family:        parent, parentPending, parentCutOff, otherParent, youngPerson
 *   advocates:     advocateAct, advocateView, advocateExpired, advocateColleague, advocateOtherOrg
 *   professionals: professionalAsked, professionalNotAsked
 *   councils:      caseworker, caseworkerOtherLa, manager, laAdmin, laAdminOtherLa
 * A = allow, N = not_found (no reason to know it exists), F = forbidden.
 * A subject left out of a permission's row is one the permission is not about: refused to all (F).
 */
const expected: Record<Permission, Partial<Record<SubjectName, string>>> = {
  'read:case': {
    case: 'AAFNA AANNN AN ANAFN',
  },
  'read:thread': {
    case: 'AFFNA AFNNN FN ANAFN',
  },
  'post:message': {
    case: 'AFFNA AFNNN FN ANAFN',
  },
  'read:advice': {
    case: 'AAFNA AANNN FN ANAFN',
    adviceUnsubmitted: 'NNFNN NNNNN FN ANAFN',
    adviceWithheld: 'NNFNN NNNNN FN ANAFN',
    adviceReleased: 'AAFNA AANNN FN ANAFN',
  },
  'read:unreleased-advice': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'read:views': {
    case: 'AAFNA AANNN AN ANAFN',
  },
  'write:parent-views': {
    case: 'AFFNF FFNNN FN FNFFN',
  },
  'write:child-views': {
    case: 'FFFNA FFNNN FN FNFFN',
  },
  'read:plan': {
    case: 'AAFNA AANNN FN ANAFN',
  },
  'comment:plan': {
    case: 'AFFNA FFNNN FN FNFFN',
  },
  'read:meetings': {
    case: 'AAFNA AANNN FN ANAFN',
  },
  'record:decision': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'share:case': {
    case: 'AFFNA FFNNN FN FNFFN',
  },
  'read:case-notes': {
    case: 'NNNNN NNNNN NN ANANN',
  },
  'write:case-notes': {
    case: 'NNNNN NNNNN NN ANANN',
  },
  'reassign:case': {
    case: 'NNNNN NNNNN NN FNANN',
  },
  'read:access-log': {
    case: 'AFFNA FFNNN FN FNAFN',
  },
  // Professionals arrange their own language support; the family asks, the council books.
  'read:interpreters': {
    case: 'AAFNA AANNN FN ANAFN',
  },
  'request:interpreter': {
    case: 'AFFNA FFNNN FN FNFFN',
  },
  // Reviews: the family, advisers and the council read them; setting staff (issue 14) are in
  // the setting rows below.
  'read:review': {
    case: 'AAFNA AANNN FN ANAFN',
  },
  'arrange:review': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'report:review': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'decide:review': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'comment:review-amendments': {
    case: 'AFFNA FFNNN FN FNFFN',
  },
  'book:interpreter': {
    case: 'FFFNF FFNNN FN ANAFN',
  },
  'read:request': {
    case: 'AAFNA AANNN NN ANAFN',
    familyDraft: 'AAFNA AANNN NN NNNNN',
    staffDraft: 'AAFNA NNNNN NN ANANN',
  },
  'edit:request': {
    case: 'AFFNA AFNNN NN ANAFN',
    familyDraft: 'AFFNA AFNNN NN NNNNN',
    staffDraft: 'AFFNA NNNNN NN ANANN',
  },
  'read:child': {
    child: 'AAANA AANNN NN ANANN',
  },
  'read:child-cases': {
    child: 'AAFNA AANNN NN ANANN',
  },
  'start:request': {
    child: 'AAFNA AFNNN NN ANANN',
  },
  'share:child': {
    child: 'AAFNA FFNNN NN FNFNN',
  },
  'record:capacity': {
    child: 'AAFNF FFNNN NN FNFNN',
  },
  'set:parent-access': {
    child: 'FFFNA FFNNN NN FNFNN',
  },
  'request:subject-access': {
    child: 'AAANA FFNNN NN FNFNN',
  },
  'request:rectification': {
    child: 'AFFNA FFNNN NN FNFNN',
  },
  'decide:rectification': {
    la: 'FFFFF FFFFF FF AFAFF',
    rectification: 'NNNNN NNNNN NN ANANN',
    rectificationOtherCaseworker: 'NNNNN NNNNN NN FNANN',
  },
  'read:rectification': {
    rectification: 'AAANN NNNNN NN ANANN',
    rectificationOtherCaseworker: 'AAANN NNNNN NN NNANN',
  },
  'write:advice': {
    adviceUnsubmitted: 'FFFFF FFFFF AN FFFFF',
    adviceWithheld: 'FFFFF FFFFF AN FFFFF',
    adviceReleased: 'FFFFF FFFFF AN FFFFF',
  },
  'download:document': {
    documentOfDraft: 'AAFNA AANNN NN NNNNN',
    documentOfRequest: 'AAFNA AANNN NN ANAFN',
    documentOfThread: 'AFFNA AFNNN FN ANAFN',
    documentOfAdviceUnsubmitted: 'NNFNN NNNNN AN NNNFN',
    documentOfAdviceWithheld: 'NNFNN NNNNN AN ANAFN',
    documentOfAdviceReleased: 'AAFNA AANNN AN ANAFN',
    documentOfPlan: 'AAFNA AANNN FN ANAFN',
    documentOfViews: 'AAFNA AANNN AN ANAFN',
  },
  'read:inbox': {
    la: 'FFFFF FFFFF FF AFAFF',
  },
  'hold:caseload': {
    la: 'FFFFF FFFFF FF AFFFF',
  },
  'record:request': {
    la: 'FFFFF FFFFF FF AFAFF',
  },
  'read:teams': {
    la: 'FFFFF FFFFF FF FFAFF',
  },
  'read:timeliness': {
    la: 'FFFFF FFFFF FF FFAFF',
  },
  'administer:users': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'administer:organisations': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'administer:service-standards': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'administer:council': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'read:stored-mail': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'administer:interpreters': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'read:translation-review': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'read:reviews': {
    la: 'FFFFF FFFFF FF AFAFF',
  },
  'administer:settings': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'read:setting': {},
  'manage:setting-staff': {},
  'request:assessment-as-setting': {},
  'read:email-failures': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'manage:subject-access': {
    la: 'FFFFF FFFFF FF FFAFF',
    subjectAccessReleased: 'NNNNN NNNNN NN NNANN',
    subjectAccessPending: 'NNNNN NNNNN NN NNANN',
  },
  'manage:retention': {
    la: 'FFFFF FFFFF FF FFAFF',
  },
  'administer:retention': {
    la: 'FFFFF FFFFF FF FFFAF',
  },
  'download:subject-access': {
    subjectAccessReleased: 'AAANN NNNNN NN NNNNN',
    subjectAccessPending: 'NNNNN NNNNN NN NNNNN',
  },
  'read:account': {
    account: 'NNNNN NNNNN NN NNNAN',
  },
  'administer:account': {
    account: 'NNNNN NNNNN NN NNNAN',
  },
  'read:advice-requests': {
    portal: 'FFFFF FFFFF AA FFFFF',
  },
  'add:child': {
    portal: 'AAAAA FFFFF FF FFFFF',
  },
  'receive:message-emails': {
    portal: 'AAAAA AAAAA FF AAAFF',
  },
  'download:own-data': {
    portal: 'AAAAA AAAAA AA AAAAA',
  },
  'read:own-access-history': {
    portal: 'FFFFF FFFFF FF AAAFF',
  },
};

const order = Object.keys(actors) as ActorName[];
const decisions: Record<string, Decision> = { A: 'allow', N: 'not_found', F: 'forbidden' };

function row(cells: string | undefined): Decision[] {
  const letters = (cells ?? 'F'.repeat(order.length)).replace(/ /g, '');
  expect(letters, 'one decision per actor').toHaveLength(order.length);
  return [...letters].map((letter) => decisions[letter]);
}

describe('the policy matrix', () => {
  it('decides every permission the policy knows, and knows every permission decided here', () => {
    expect(Object.keys(expected).sort()).toEqual([...PERMISSIONS].sort());
  });

  for (const permission of PERMISSIONS) {
    describe(permission, () => {
      for (const subject of Object.keys(subjects) as SubjectName[]) {
        it(`on ${subject}`, () => {
          const want = row(expected[permission][subject]);
          const got = order.map((who) => decide(...withPermission(scene(who, subject), permission)));
          expect(Object.fromEntries(order.map((who, i) => [who, got[i]]))).toEqual(Object.fromEntries(order.map((who, i) => [who, want[i]])));
        });
      }
    });
  }
});

function withPermission([actor, subject]: ReturnType<typeof scene>, permission: Permission) {
  return [actor, permission, subject] as const;
}
