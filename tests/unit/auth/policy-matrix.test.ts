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
 *   settings:      settingSenco, settingLead (the setting the plan names), otherSettingSenco,
 *                  requestingSettingSenco (the setting that asked), settingOtherLa
 * A setting's staff read the case's summary, its plan and its reviews (and arrange and report on
 * them); the request only when their setting made it; never the thread, views, advice, meetings,
 * notes, interpreters or who has looked. A SENCO who leaves is switched off (no session): the
 * policy is never asked (tests/integration/settings.test.ts).
 * A = allow, N = not_found (no reason to know it exists), F = forbidden.
 * A subject left out of a permission's row is one the permission is not about: refused to all (F).
 */
const expected: Record<Permission, Partial<Record<SubjectName, string>>> = {
  'read:case': {
    case: 'AAFNA AANNN AN ANAFN AANAN',
  },
  // Who can see the record (the case's access page): never a setting's staff.
  'read:case-sharing': {
    case: 'AAFNA AANNN AN ANAFN FFNFN',
  },
  'read:thread': {
    case: 'AFFNA AFNNN FN ANAFN FFNFN',
  },
  'post:message': {
    case: 'AFFNA AFNNN FN ANAFN FFNFN',
  },
  'read:advice': {
    case: 'AAFNA AANNN FN ANAFN FFNFN',
    adviceUnsubmitted: 'NNFNN NNNNN FN ANAFN FFNFN',
    adviceWithheld: 'NNFNN NNNNN FN ANAFN FFNFN',
    adviceReleased: 'AAFNA AANNN FN ANAFN FFNFN',
  },
  'read:unreleased-advice': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  'read:views': {
    case: 'AAFNA AANNN AN ANAFN FFNFN',
  },
  'write:parent-views': {
    case: 'AFFNF FFNNN FN FNFFN FFNFN',
  },
  'write:child-views': {
    case: 'FFFNA FFNNN FN FNFFN FFNFN',
  },
  'read:plan': {
    case: 'AAFNA AANNN FN ANAFN AANAN',
  },
  'comment:plan': {
    case: 'AFFNA FFNNN FN FNFFN FFNFN',
  },
  'read:meetings': {
    case: 'AAFNA AANNN FN ANAFN FFNFN',
  },
  'record:decision': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  'share:case': {
    case: 'AFFNA FFNNN FN FNFFN FFNFN',
  },
  'read:case-notes': {
    case: 'NNNNN NNNNN NN ANANN NNNNN',
  },
  'write:case-notes': {
    case: 'NNNNN NNNNN NN ANANN NNNNN',
  },
  'record:sen2-details': {
    case: 'NNNNN NNNNN NN ANANN NNNNN',
  },
  'reassign:case': {
    case: 'NNNNN NNNNN NN FNANN NNNNN',
  },
  'read:access-log': {
    case: 'AFFNA FFNNN FN FNAFN FFNFN',
  },
  // Professionals arrange their own language support; the family asks, the council books.
  'read:interpreters': {
    case: 'AAFNA AANNN FN ANAFN FFNFN',
  },
  'request:interpreter': {
    case: 'AFFNA FFNNN FN FNFFN FFNFN',
  },
  // Reviews: the family, advisers, the council and the child's settings read them.
  'read:review': {
    case: 'AAFNA AANNN FN ANAFN AANAN',
  },
  'arrange:review': {
    case: 'FFFNF FFNNN FN ANAFN AANAN',
  },
  'report:review': {
    case: 'FFFNF FFNNN FN ANAFN AANAN',
  },
  'decide:review': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  'comment:review-amendments': {
    case: 'AFFNA FFNNN FN FNFFN FFNFN',
  },
  // The family's own survey answers (ADR 0052): like their comments, never an adviser's or staff's.
  'give:feedback': {
    case: 'AFFNA FFNNN FN FNFFN FFNFN',
  },
  // Appeals (ADR 0051): the family's and the council's business; the council records them.
  'read:appeals': {
    case: 'AAFNA AANNN FN ANAFN FFNFN',
  },
  'record:appeal': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  'book:interpreter': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  // Complaints (ADR 0050): read as the interpreters page is; the council's list is its managers'.
  'read:complaints': {
    case: 'AAFNA AANNN FN ANAFN FFNFN',
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  // The family, or an adviser who acts for them; never the council (it records one it received instead).
  'make:complaint': {
    case: 'AFFNA AFNNN FN FNFFN FFNFN',
  },
  // The case's caseworker (cw) or a manager of its council.
  'respond:complaint': {
    case: 'FFFNF FFNNN FN ANAFN FFNFN',
  },
  'read:request': {
    case: 'AAFNA AANNN NN ANAFN FFNAN',
    familyDraft: 'AAFNA AANNN NN NNNNN NNNNN',
    staffDraft: 'AAFNA NNNNN NN ANANN NNNNN',
  },
  'edit:request': {
    case: 'AFFNA AFNNN NN ANAFN FFNFN',
    familyDraft: 'AFFNA AFNNN NN NNNNN NNNNN',
    staffDraft: 'AFFNA NNNNN NN ANANN NNNNN',
  },
  'read:child': {
    child: 'AAANA AANNN NN ANANN NNNNN',
  },
  'read:child-cases': {
    child: 'AAFNA AANNN NN ANANN NNNNN',
  },
  'start:request': {
    child: 'AAFNA AFNNN NN ANANN NNNNN',
  },
  'share:child': {
    child: 'AAFNA FFNNN NN FNFNN NNNNN',
  },
  'record:capacity': {
    child: 'AAFNF FFNNN NN FNFNN NNNNN',
  },
  'set:parent-access': {
    child: 'FFFNA FFNNN NN FNFNN NNNNN',
  },
  'request:subject-access': {
    child: 'AAANA FFNNN NN FNFNN NNNNN',
  },
  'request:rectification': {
    child: 'AFFNA FFNNN NN FNFNN NNNNN',
  },
  'decide:rectification': {
    la: 'FFFFF FFFFF FF AFAFF FFFFF',
    rectification: 'NNNNN NNNNN NN ANANN NNNNN',
    rectificationOtherCaseworker: 'NNNNN NNNNN NN FNANN NNNNN',
  },
  'read:rectification': {
    rectification: 'AAANN NNNNN NN ANANN NNNNN',
    rectificationOtherCaseworker: 'AAANN NNNNN NN NNANN NNNNN',
  },
  'write:advice': {
    adviceUnsubmitted: 'FFFFF FFFFF AN FFFFF FFFFF',
    adviceWithheld: 'FFFFF FFFFF AN FFFFF FFFFF',
    adviceReleased: 'FFFFF FFFFF AN FFFFF FFFFF',
  },
  'download:document': {
    documentOfDraft: 'AAFNA AANNN NN NNNNN NNNNN',
    documentOfRequest: 'AAFNA AANNN NN ANAFN FFNAN',
    documentOfThread: 'AFFNA AFNNN FN ANAFN FFNFN',
    documentOfAdviceUnsubmitted: 'NNFNN NNNNN AN NNNFN FFNFN',
    documentOfAdviceWithheld: 'NNFNN NNNNN AN ANAFN FFNFN',
    documentOfAdviceReleased: 'AAFNA AANNN AN ANAFN FFNFN',
    documentOfPlan: 'AAFNA AANNN FN ANAFN AANAN',
    documentOfViews: 'AAFNA AANNN AN ANAFN FFNFN',
  },
  'read:inbox': {
    la: 'FFFFF FFFFF FF AFAFF FFFFF',
  },
  'hold:caseload': {
    la: 'FFFFF FFFFF FF AFFFF FFFFF',
  },
  'record:request': {
    la: 'FFFFF FFFFF FF AFAFF FFFFF',
  },
  'read:teams': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  'read:timeliness': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  'read:sen2-return': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  // The scrutiny report (ADR 0054): the council's managers; its thresholds, managers and its admin.
  'read:scrutiny': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  'set:scrutiny-thresholds': {
    la: 'FFFFF FFFFF FF FFAAF FFFFF',
  },
  // The family feedback results and their comments: the council's managers only (ADR 0052).
  'read:feedback': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  'administer:users': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'administer:organisations': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'administer:service-standards': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'administer:council': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'read:stored-mail': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'administer:interpreters': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'read:translation-review': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'read:reviews': {
    la: 'FFFFF FFFFF FF AFAFF FFFFF',
  },
  'read:tribunal-orders': {
    la: 'FFFFF FFFFF FF AFAFF FFFFF',
  },
  'administer:settings': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  // A setting's own pages: its staff (and the council's admin, who adds it); its lead manages its
  // staff; its lead, SENCO and head ask for assessments. To anyone else it does not exist.
  'read:setting': {
    setting: 'NNNNN NNNNN NN NNNAN AANNN',
  },
  'manage:setting-staff': {
    setting: 'NNNNN NNNNN NN NNNNN FANNN',
  },
  'request:assessment-as-setting': {
    setting: 'NNNNN NNNNN NN NNNNN AANNN',
  },
  'read:email-failures': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'manage:subject-access': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
    subjectAccessReleased: 'NNNNN NNNNN NN NNANN NNNNN',
    subjectAccessPending: 'NNNNN NNNNN NN NNANN NNNNN',
  },
  'manage:retention': {
    la: 'FFFFF FFFFF FF FFAFF FFFFF',
  },
  'administer:retention': {
    la: 'FFFFF FFFFF FF FFFAF FFFFF',
  },
  'download:subject-access': {
    subjectAccessReleased: 'AAANN NNNNN NN NNNNN NNNNN',
    subjectAccessPending: 'NNNNN NNNNN NN NNNNN NNNNN',
  },
  // A setting's lead manages its staff's accounts, never their own; the council's admin does not.
  'read:account': {
    account: 'NNNNN NNNNN NN NNNAN NNNNN',
    settingStaffAccount: 'NNNNN NNNNN NN NNNNN FANNN',
    settingLeadAccount: 'NNNNN NNNNN NN NNNNN FANNN',
  },
  'administer:account': {
    account: 'NNNNN NNNNN NN NNNAN NNNNN',
    settingStaffAccount: 'NNNNN NNNNN NN NNNNN FANNN',
    settingLeadAccount: 'NNNNN NNNNN NN NNNNN FFNNN',
  },
  'read:advice-requests': {
    portal: 'FFFFF FFFFF AA FFFFF FFFFF',
  },
  'add:child': {
    portal: 'AAAAA FFFFF FF FFFFF FFFFF',
  },
  'receive:message-emails': {
    portal: 'AAAAA AAAAA FF AAAFF FFFFF',
  },
  'download:own-data': {
    portal: 'AAAAA AAAAA AA AAAAA AAAAA',
  },
  'read:own-access-history': {
    portal: 'FFFFF FFFFF FF AAAFF FFFFF',
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
