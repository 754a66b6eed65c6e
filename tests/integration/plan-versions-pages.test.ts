import { readFileSync } from 'node:fs';
import { createInstance } from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { PlanChanges, PlanDocument } from '~/features/plan';
import { emptyPlan, type PlanContent } from '~/domain/plan-content';
import { diffPlans, type SectionDiff } from '~/domain/plan-diff';
import { loader as versionLoader } from '~/routes/cases.$caseId.plan_.versions.$number';
import { loader as compareLoader } from '~/routes/cases.$caseId.plan_.compare';
import type { Database } from '../../db/client';
import { adviceRequests, planVersions, type User } from '../../db/schema';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 13: every issued version of the EHC plan stays readable, and any two can be compared.
 * The version page shows issued versions only (the one being written is the council's draft,
 * not a plan: 404 here to everyone, staff included); the compare page takes its two versions
 * from the address (a GET form) and, when they are missing, unknown, unissued or the same,
 * answers 400 with field errors and what was chosen, so the page redraws the form with an error
 * summary rather than an error page.
 */

let db: Database;
let parent: User, otherParent: User, caseworker: User, professional: User;
let caseId: string, oneVersionCaseId: string;

const draft = (): PlanContent => {
  const plan = emptyPlan();
  plan.A.text = 'Sam loves trains.\nSam wants to be a driver.';
  plan.B.needs = { primary: 'SLCN', secondary: '' };
  plan.F.provision = [{ id: 'p1', what: 'Speech and language therapy', who: 'NHS therapist', howOften: 'Weekly', forHowLong: 'One year' }];
  plan.I.setting = { name: 'Riverside Primary', urn: '100000', ukprn: '', withoutUrn: '', kind: '' };
  return plan;
};

const final = (): PlanContent => {
  const plan = draft();
  plan.A.text = 'Sam loves trains and drawing.\nSam wants to be a driver.';
  plan.F.provision = [...plan.F.provision!, { id: 'p2', what: 'Teaching assistant support', who: 'School', howOften: 'Daily', forHowLong: 'One year' }];
  return plan;
};

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db);
  parent = await makeUser(db, 'parent', { name: 'Pat Parent' });
  otherParent = await makeUser(db, 'parent');
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id, name: 'Casey Worker' });
  professional = await makeUser(db, 'professional', { laId: la.id, professionalKind: 'educational_psychologist' });
  const made = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'final_plan_issued' });
  caseId = made.caseRecord.id;
  // A professional with an open advice request can read the case, but not its plan.
  await db.insert(adviceRequests).values({ caseId, laId: la.id, professionalId: professional.id, kind: 'educational_psychologist', requestedBy: caseworker.id, requestedOn: '2026-11-10', dueBy: '2099-12-31', formKey: crypto.randomUUID() });
  const base = { caseId, createdBy: caseworker.id };
  await db.insert(planVersions).values([
    { ...base, number: 1, kind: 'draft', content: draft(), issuedOn: '2027-01-11', issuedBy: caseworker.id },
    { ...base, number: 2, kind: 'final', content: final(), issuedOn: '2027-02-15', issuedBy: caseworker.id },
    { ...base, number: 3, kind: 'amended', content: final(), issuedOn: '2027-06-01', issuedBy: caseworker.id },
    // Being written: not a plan yet.
    { ...base, number: 4, kind: 'amended', content: emptyPlan() },
  ]);
  const single = await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, stage: 'draft_plan_issued' });
  oneVersionCaseId = single.caseRecord.id;
  await db.insert(planVersions).values({ caseId: oneVersionCaseId, createdBy: caseworker.id, number: 1, kind: 'draft', content: draft(), issuedOn: '2027-01-11', issuedBy: caseworker.id });
});

const openVersion = (user: User, number: string, id = caseId) =>
  settle(async () => versionLoader({ request: await requestAs(user, `/cases/${id}/plan/versions/${number}`), params: { caseId: id, number }, context: {} }));

const openCompare = (user: User, query = '', id = caseId) =>
  settle(async () => compareLoader({ request: await requestAs(user, `/cases/${id}/plan/compare${query}`), params: { caseId: id }, context: {} }));

describe('an issued version of the plan', () => {
  it('the family and the caseworker read it, with its kind, number, date and who issued it', async () => {
    for (const reader of [parent, caseworker]) {
      const page = await openVersion(reader, '2');
      expect(page.status).toBe(200);
      const { version } = await page.json();
      expect(version).toMatchObject({ number: 2, kind: 'final', issuedOn: '2027-02-15', issuedBy: 'Casey Worker' });
      expect(version.content.A.text).toBe('Sam loves trains and drawing.\nSam wants to be a driver.');
      expect(version.content.F.provision).toHaveLength(2);
    }
  });

  it('the version being written is not found here, by the family or by the council', async () => {
    expect((await openVersion(parent, '4')).status).toBe(404);
    expect((await openVersion(caseworker, '4')).status).toBe(404);
  });

  it('an unknown or malformed number is not found', async () => {
    for (const number of ['9', '0', '-1', 'abc', '1.5', '99999999999999999999']) expect((await openVersion(caseworker, number)).status).toBe(404);
  });

  it('a professional and another family cannot open it', async () => {
    expect([403, 404]).toContain((await openVersion(professional, '2')).status);
    expect((await openVersion(otherParent, '2')).status).toBe(404);
    expect([403, 404]).toContain((await openCompare(professional)).status);
    expect((await openCompare(otherParent)).status).toBe(404);
  });
});

describe('comparing two issued versions', () => {
  it('offers the issued versions only, and first compares the two latest, older first', async () => {
    const page = await openCompare(parent);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.versions.map((v: { number: number }) => v.number)).toEqual([1, 2, 3]);
    expect(data).toMatchObject({ from: '2', to: '3', errors: {}, comparison: { from: { number: 2, kind: 'final' }, to: { number: 3, kind: 'amended' }, changes: [] } });
  });

  it('returns only the sections that changed: new words in A, a provision item added in F', async () => {
    const page = await openCompare(caseworker, '?from=1&to=2');
    expect(page.status).toBe(200);
    const { comparison } = await page.json();
    const changes = comparison.changes as SectionDiff[];
    expect(changes.map((c) => c.section)).toEqual(['A', 'F']);
    expect(changes[0].text).toContainEqual({ kind: 'added', text: ' and drawing' });
    expect(changes[1].provision).toEqual([{ change: 'added', id: 'p2', item: expect.objectContaining({ what: 'Teaching assistant support' }) }]);
    expect(changes[1].text).toBeUndefined();
  });

  it('identical versions have no changes', async () => {
    const { comparison } = await (await openCompare(parent, '?from=2&to=3')).json();
    expect(comparison.changes).toEqual([]);
  });

  it('a missing, unknown, unissued or repeated version is 400 with field errors and what was chosen, never a comparison', async () => {
    const cases: [string, Record<string, string>][] = [
      ['?from=&to=', { from: 'planVersions.errors.fromRequired', to: 'planVersions.errors.toRequired' }],
      ['?from=1', { to: 'planVersions.errors.toRequired' }],
      ['?to=abc', { from: 'planVersions.errors.fromRequired', to: 'planVersions.errors.toUnknown' }],
      ['?from=1&to=4', { to: 'planVersions.errors.toUnknown' }],
      ['?from=99&to=2', { from: 'planVersions.errors.fromUnknown' }],
      ['?from=2&to=2', { to: 'planVersions.errors.same' }],
    ];
    for (const [query, errors] of cases) {
      const page = await openCompare(caseworker, query);
      expect(page.status, query).toBe(400);
      const data = await page.json();
      expect(data.errors, query).toEqual(errors);
      expect(data.comparison, query).toBeNull();
      expect(data.versions, query).toHaveLength(3);
    }
    const { from, to } = await (await openCompare(caseworker, '?from=1&to=4')).json();
    expect({ from, to }).toEqual({ from: '1', to: '4' });
  });

  it('with fewer than two issued versions there is nothing to compare, whatever the address says', async () => {
    const page = await openCompare(parent, '?from=1&to=2', oneVersionCaseId);
    expect(page.status).toBe(200);
    const data = await page.json();
    expect(data.versions).toHaveLength(1);
    expect(data.comparison).toBeNull();
    expect(data.errors).toEqual({});
  });
});

describe('the pages\' words', () => {
  const i18n = createInstance();
  void i18n.init({
    lng: 'en',
    initImmediate: false,
    ns: ['common', 'plan'],
    fallbackNS: ['common', 'plan'],
    interpolation: { escapeValue: false },
    resources: { en: { common: JSON.parse(readFileSync('public/locales/en/common.json', 'utf8')), plan: JSON.parse(readFileSync('public/locales/en/plan.json', 'utf8')) } },
  });
  const render = (element: ReturnType<typeof createElement>) => renderToStaticMarkup(createElement(I18nextProvider, { i18n }, element));

  it('a version reads as a document: contents, section headings, needs and settings in words, empty sections said so', () => {
    const plan = final();
    plan.I.setting = { name: '', urn: '', ukprn: '', withoutUrn: 'EHE', kind: '' };
    const html = render(createElement(PlanDocument, { content: plan }));
    expect(html).toContain('href="#plan-section-A"');
    expect(html).toMatch(/<h2 class="govuk-heading-m" id="plan-section-A">Section A: [^<]+<\/h2>/);
    expect(html).toContain('Speech, language and communication needs');
    expect(html).toContain('Educated at home (elective home education)');
    expect(html).toContain('Nothing written in this section.');
    expect(html).toContain('govuk-summary-card');
    expect(html).not.toContain('<table');
  });

  it('changes read without colour: <ins>/<del> with hidden "added:"/"removed:", items headed in words, values as "X, was Y"', () => {
    const before = draft();
    const after = final();
    after.B.needs = { primary: 'ASD', secondary: '' };
    after.F.provision = after.F.provision!.map((p) => (p.id === 'p1' ? { ...p, howOften: 'Twice a week' } : p));
    const html = render(createElement(PlanChanges, { changes: diffPlans(before, after) }));
    expect(html).toContain('<ins><span class="govuk-visually-hidden">added: </span> and drawing</ins>');
    expect(html).toContain('Primary need: Autistic spectrum disorder, was Speech, language and communication needs');
    expect(html).toContain('Provision added');
    expect(html).toMatch(/Provision changed<span[^>]*>: Speech and language therapy<\/span>/);
    expect(html).toContain('Twice a week');
    expect(render(createElement(PlanChanges, { changes: [] }))).toContain('No changes between these versions.');
  });
});
