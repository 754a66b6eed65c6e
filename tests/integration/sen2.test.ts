import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { loader as reportLoader } from '~/routes/reports.sen2';
import { loader as csvLoader } from '~/routes/reports.sen2[.]csv';
import { loader as xmlLoader } from '~/routes/reports.sen2[.]xml';
import { loader as validationLoader } from '~/routes/reports.sen2_.validation';
import { action as detailsAction, loader as detailsLoader } from '~/routes/cases.$caseId.sen2';
import { recordCaseCommand, recordException } from '~/features/case-progress/index.server';
import { sen2Export } from '~/features/sen2/index.server';
import { CEASE_REASONS, ETHNICITIES, isCode, isValidUpn, PLACEMENT_SETTINGS, REQUEST_OUTCOMES, REQUEST_SOURCES, ASSESSMENT_OUTCOMES, SEN_TYPES, SEXES, upnWithCheckLetter } from '~/domain/sen2/codes';
import { auditLog, caseEvents, cases, children, documents, educationSettings, localAuthorities, mediations, sen2Placements, tribunalAppeals, type User } from '../../db/schema';
import type { Database } from '../../db/client';
import { makeChildWithCase, makeLa, makeUser, requestAs, settle } from '../support/factories';
import { useTestDatabase } from '../support/test-database';

let db: Database;
let manager: User, caseworker: User, otherManager: User, otherCaseworker: User, parent: User;
let planCase: string, ceasedCase: string, refusedCase: string, otherLaCase: string, settingId: string;
const CENSUS = '2027-01-21';
const noon = (day: string) => new Date(`${day}T12:00:00Z`);

async function uploadPlans(caseId: string, by: User) {
  for (const kind of ['draft_plan', 'final_plan'] as const) {
    await db.insert(documents).values({ caseId, kind, uploadedBy: by.id, originalName: `${kind}.pdf`, storedName: `test-${crypto.randomUUID()}`, mimeType: 'application/pdf', sizeBytes: 1, sha256: 'x' });
  }
}

/** From request to final plan through the real workflow. */
async function toFinalPlan(worker: User, caseId: string, days: { agreed: string; issued: string }) {
  await uploadPlans(caseId, worker);
  const steps = [
    [{ type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: days.agreed }, 'request_received', days.agreed],
    [{ type: 'decide_to_issue', outcome: 'issue', reasons: 'The advice shows help beyond what school can give.', decidedOn: days.issued }, 'advice_gathering', days.issued],
    [{ type: 'issue_draft_plan', servedOn: days.issued }, 'plan_agreed', days.issued],
    [{ type: 'issue_final_plan', issuedOn: days.issued }, 'draft_plan_issued', days.issued],
  ] as const;
  for (const [command, stage, day] of steps) expect(await recordCaseCommand(worker, caseId, command, stage, {}, noon(day))).toMatchObject({ ok: true });
}

const post = (user: User, caseId: string, form: Record<string, string>) => settle(async () => detailsAction({ request: await requestAs(user, `/cases/${caseId}/sen2`, { form }), params: { caseId }, context: {} }));

function detailsForm(i: number, extra: Record<string, string> = {}) {
  return { intent: 'details', upn: upnWithCheckLetter(`99920012600${i}`), sex: i % 2 ? 'F' : 'M', ethnicity: 'WBRI', postcode: 'NF1 2AB', primaryNeed: 'ASD', secondaryNeed: 'SLCN', personalBudget: 'NON', ...extra };
}

beforeAll(async () => {
  ({ db } = await useTestDatabase());
  const { la, team } = await makeLa(db, 'Seeded Council');
  await db.update(localAuthorities).set({ dfeLaNumber: '999' }).where(eq(localAuthorities.id, la.id));
  manager = await makeUser(db, 'manager', { laId: la.id });
  caseworker = await makeUser(db, 'caseworker', { laId: la.id, teamId: team.id });
  parent = await makeUser(db, 'parent');
  const [setting] = await db.insert(educationSettings).values({ laId: la.id, name: 'Seeded Primary', urn: '131001', type: 'school', phase: 'primary' }).returning();
  settingId = setting.id;
  const make = async (requestReceived: string) => (await makeChildWithCase(db, { laId: la.id, teamId: team.id, parentIds: [parent.id], caseworkerId: caseworker.id, requestReceived })).caseRecord.id;

  // A plan issued in 2026 after a 20-week exception, active on the census date.
  planCase = await make('2026-01-05');
  await recordCaseCommand(caseworker, planCase, { type: 'decide_to_assess', outcome: 'agreed', reasons: 'The reports show needs that SEN support may not meet.', decidedOn: '2026-02-10' }, 'request_received', {}, noon('2026-02-10'));
  await uploadPlans(planCase, caseworker);
  await recordException(caseworker, planCase, { step: 'finalPlan', kind: 'family_away', explanation: 'The family were abroad for eight weeks.' }, noon('2026-04-01'));
  for (const [command, stage] of [
    [{ type: 'decide_to_issue', outcome: 'issue', reasons: 'The advice shows help beyond what school can give.', decidedOn: '2026-07-01' }, 'advice_gathering'],
    [{ type: 'issue_draft_plan', servedOn: '2026-07-01' }, 'plan_agreed'],
    [{ type: 'issue_final_plan', issuedOn: '2026-07-10' }, 'draft_plan_issued'],
  ] as const) {
    expect(await recordCaseCommand(caseworker, planCase, command, stage, {}, noon('2026-07-10'))).toMatchObject({ ok: true });
  }
  // A plan that ceased in the reference period.
  ceasedCase = await make('2025-02-03');
  await toFinalPlan(caseworker, ceasedCase, { agreed: '2025-03-10', issued: '2025-06-10' });
  expect(await recordCaseCommand(manager, ceasedCase, { type: 'cease', reasons: 'She moved to another council’s area.' }, 'final_plan_issued', {}, noon('2026-09-01'))).toMatchObject({ ok: true });
  // A request refused in the period, the child's name a formula.
  refusedCase = await make('2026-03-02');
  await recordCaseCommand(caseworker, refusedCase, { type: 'decide_to_assess', outcome: 'refused', reasons: 'The school has not yet tried the support in its plan.', decidedOn: '2026-04-06' }, 'request_received', {}, noon('2026-04-06'));

  // Another council's plan, every detail recorded: never in this council's return.
  const other = await makeLa(db, 'Other Council');
  otherManager = await makeUser(db, 'manager', { laId: other.la.id });
  otherCaseworker = await makeUser(db, 'caseworker', { laId: other.la.id, teamId: other.team.id });
  const otherMade = await makeChildWithCase(db, { laId: other.la.id, teamId: other.team.id, parentIds: [parent.id], caseworkerId: otherCaseworker.id, requestReceived: '2026-01-05' });
  otherLaCase = otherMade.caseRecord.id;
  await db.update(children).set({ firstName: 'Otherlane', lastName: 'Elsewhere' }).where(eq(children.id, otherMade.child.id));
  await toFinalPlan(otherCaseworker, otherLaCase, { agreed: '2026-02-10', issued: '2026-05-20' });
  expect((await post(otherCaseworker, otherLaCase, detailsForm(9))).status).toBe(302);
});

describe('the Return details page', () => {
  it('is the council’s staff’s only: another council’s staff and the family get a 404', async () => {
    const load = (user: User, caseId: string) => settle(async () => detailsLoader({ request: await requestAs(user, `/cases/${caseId}/sen2`), params: { caseId }, context: {} }));
    expect((await load(caseworker, planCase)).status).toBe(200);
    expect((await load(parent, planCase)).status).toBe(404);
    expect((await load(otherCaseworker, planCase)).status).toBe(404);
    expect((await load(caseworker, otherLaCase)).status).toBe(404);
    expect((await post(otherManager, planCase, detailsForm(1))).status).toBe(404);
  });

  it('refuses a bad UPN next to the field and keeps what was typed', async () => {
    const response = await post(caseworker, planCase, detailsForm(1, { upn: 'A801200001001', postcode: 'NF1 2AB' }));
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.errors).toEqual({ upn: 'errors.sen2.upnInvalid' });
    expect(body.values).toMatchObject({ upn: 'A801200001001', postcode: 'NF1 2AB', primaryNeed: 'ASD' });
    const unknown = await (await post(caseworker, planCase, detailsForm(1, { primaryNeed: 'DYSLEXIA', secondaryNeed: '' }))).json();
    expect(unknown.errors).toEqual({ primaryNeed: 'errors.sen2.codeUnknown' });
  });

  it('saves the details with one case event; saving the same again records nothing', async () => {
    expect((await post(caseworker, planCase, detailsForm(1))).status).toBe(302);
    expect((await post(caseworker, planCase, detailsForm(1))).status).toBe(302);
    const events = await db.select().from(caseEvents).where(and(eq(caseEvents.caseId, planCase), eq(caseEvents.kind, 'sen2_details_saved')));
    expect(events).toHaveLength(1);
    expect(events[0].details).toMatchObject({ changed: expect.arrayContaining(['upn', 'primaryNeed']) });
    expect(JSON.stringify(events[0].details)).not.toContain('NF1');
  });

  it('adds a placement once however often the form is sent, and refuses another council’s setting', async () => {
    const formKey = crypto.randomUUID();
    const form = { intent: 'placement', settingCode: '', settingId, 'entryDate-day': '3', 'entryDate-month': '9', 'entryDate-year': '2025', formKey };
    expect((await post(caseworker, planCase, form)).status).toBe(302);
    expect((await post(caseworker, planCase, form)).status).toBe(302);
    expect(await db.select().from(sen2Placements).where(eq(sen2Placements.caseId, planCase))).toHaveLength(1);
    const [foreign] = await db.insert(educationSettings).values({ laId: (await db.select().from(localAuthorities).where(eq(localAuthorities.name, 'Other Council')))[0].id, name: 'Foreign School', urn: '131999', type: 'school', phase: 'primary' }).returning();
    const refused = await post(caseworker, planCase, { ...form, settingId: foreign.id, formKey: crypto.randomUUID() });
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({ settingId: 'errors.sen2.settingRequired' });
    const backwards = await post(caseworker, planCase, { ...form, 'leavingDate-day': '1', 'leavingDate-month': '9', 'leavingDate-year': '2025', formKey: crypto.randomUUID() });
    expect((await backwards.json()).errors).toEqual({ leavingDate: 'errors.sen2.leavingBeforeEntry' });
    // The setting has a URN: the return writes it, so a SENsetting type is refused, what was typed kept.
    const both = await post(caseworker, planCase, { ...form, settingCode: 'OTH', formKey: crypto.randomUUID() });
    expect(both.status).toBe(400);
    const bothBody = await both.json();
    expect(bothBody.errors).toEqual({ settingCode: 'errors.sen2.codeWithIdentifier' });
    expect(bothBody.values).toMatchObject({ settingCode: 'OTH', settingId });
    expect(await db.select().from(sen2Placements).where(eq(sen2Placements.caseId, planCase))).toHaveLength(1);
  });
});

describe('the council’s SEN2 return', () => {
  beforeAll(async () => {
    // Every record completed, as the validation page would have a council do.
    await post(caseworker, ceasedCase, detailsForm(2, { ceaseReason: '5' }));
    await post(caseworker, refusedCase, detailsForm(3, { primaryNeed: '', secondaryNeed: '', personalBudget: '' }));
    const [refused] = await db.select({ childId: cases.childId }).from(cases).where(eq(cases.id, refusedCase));
    await db.update(children).set({ firstName: '=HYPERLINK("http://evil")', lastName: '@Jones' }).where(eq(children.id, refused.childId));
  });

  const get = (user: User, loader: typeof csvLoader, path: string) => settle(async () => loader({ request: await requestAs(user, path), params: {}, context: {} }));

  it('is for the council’s managers only', async () => {
    for (const [loader, path] of [
      [reportLoader, `/reports/sen2?census=${CENSUS}`],
      [csvLoader, `/reports/sen2.csv?census=${CENSUS}`],
      [xmlLoader, `/reports/sen2.xml?census=${CENSUS}`],
      [validationLoader, `/reports/sen2/validation?census=${CENSUS}`],
    ] as const) {
      expect((await get(caseworker, loader as typeof csvLoader, path)).status).toBe(403);
      expect((await get(parent, loader as typeof csvLoader, path)).status).toBe(403);
    }
  });

  it('validates against the guide’s rules for the seeded council, and never holds another council’s children', async () => {
    const { sen2, failures } = await sen2Export(manager.laId!, CENSUS);
    expect(failures).toEqual([]);
    expect(sen2.persons.map((p) => p.caseId).sort()).toEqual([planCase, ceasedCase, refusedCase].sort());

    const response = await get(manager, xmlLoader, `/reports/sen2.xml?census=${CENSUS}`);
    expect(response.headers.get('Content-Type')).toBe('application/xml; charset=utf-8');
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="sen2-999-${CENSUS}.xml"`);
    const xml = await response.text();
    expect(xml).not.toContain('Otherlane');
    expect(xml).toContain('<LEA>999</LEA>');
    // The guide's rules, read back from the file itself.
    const persons = [...xml.matchAll(/<Person>([\s\S]*?)<\/Person>/g)].map((m) => m[1]);
    expect(persons).toHaveLength(3);
    const item = (block: string, tag: string) => block.match(new RegExp(`<${tag}>([^<]*)</${tag}>`))?.[1] ?? null;
    const items = (block: string, tag: string) => [...block.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]);
    for (const person of persons) {
      for (const required of ['Surname', 'Forename', 'PersonBirthDate', 'Sex', 'Ethnicity', 'ReceivedDate', 'RequestSource', 'RequestMediation', 'RequestTribunal']) expect(item(person, required), required).not.toBeNull();
      expect(isCode(SEXES, item(person, 'Sex'))).toBe(true);
      expect(isCode(ETHNICITIES, item(person, 'Ethnicity'))).toBe(true);
      expect(isValidUpn(item(person, 'UPN') ?? '')).toBe(true);
      expect(isCode(REQUEST_SOURCES, item(person, 'RequestSource'))).toBe(true);
      const outcome = item(person, 'RequestOutcome');
      if (outcome) {
        expect(isCode(REQUEST_OUTCOMES, outcome)).toBe(true);
        expect(item(person, 'RequestOutcomeDate')! >= item(person, 'ReceivedDate')!).toBe(true);
      }
      const assessment = item(person, 'AssessmentOutcome');
      if (assessment) {
        expect(isCode(ASSESSMENT_OUTCOMES, assessment)).toBe(true);
        expect(item(person, 'AssessmentOutcomeDate')! >= item(person, 'RequestOutcomeDate')!).toBe(true);
      }
      const start = item(person, 'StartDate');
      if (start) {
        expect(start >= item(person, 'AssessmentOutcomeDate')!).toBe(true);
        expect(items(person, 'SENtype').every((code) => isCode(SEN_TYPES, code))).toBe(true);
        expect(items(person, 'SENtypeRank')).toContain('1');
      }
      if (item(person, 'CeaseDate')) expect(isCode(CEASE_REASONS, item(person, 'CeaseReason'))).toBe(true);
      // One identifier per placement (guide 2025 v1.4): a URN, a UKPRN, or a SENsetting code from the list.
      for (const placement of [...person.matchAll(/<Placement>([\s\S]*?)<\/Placement>/g)].map((m) => m[1])) {
        const identifiers = [item(placement, 'URN'), item(placement, 'UKPRN'), item(placement, 'SENsetting')].filter((v) => v !== null);
        expect(identifiers).toHaveLength(1);
        const code = item(placement, 'SENsetting');
        if (code !== null) expect(isCode(PLACEMENT_SETTINGS, code)).toBe(true);
      }
    }
    const planned = persons.find((p) => p.includes('<StartDate>2026-07-10</StartDate>'))!;
    expect(item(planned, 'TwentyWeekTimeLimitException')).toBe('1');
    expect(item(planned, 'URN')).toBe('131001');
    expect(item(planned, 'SENsetting')).toBeNull();
    const ceased = persons.find((p) => p.includes('<CeaseDate>'))!;
    expect([item(ceased, 'CeaseDate'), item(ceased, 'CeaseReason')]).toEqual(['2026-09-01', '5']);
    expect(ceased).not.toContain('<ActivePlans>');
  });

  it('flags mediation and tribunal appeals by the decision disputed, from the appeals feature’s records', async () => {
    const [la] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, manager.laId!));
    await db.insert(mediations).values({ laId: la.id, caseId: refusedCase, decision: 'refuse_assessment', decisionSentOn: '2026-04-06', adviserContactedOn: '2026-04-20', certificateIssuedOn: '2026-04-27', certificateKind: 'held', appealDeadline: '2026-06-27', recordedBy: caseworker.id, formKey: crypto.randomUUID() });
    await db.insert(tribunalAppeals).values({ laId: la.id, caseId: planCase, decision: 'plan_contents', tribunalReference: 'EH999/26/00001', registeredOn: '2026-09-01', recordedBy: caseworker.id });
    const { sen2, failures } = await sen2Export(manager.laId!, CENSUS);
    expect(failures).toEqual([]);
    const person = (caseId: string) => sen2.persons.find((p) => p.caseId === caseId)!.request;
    expect(person(refusedCase)).toMatchObject({ requestMediation: true, requestTribunal: false, assessment: null });
    expect(person(planCase)).toMatchObject({ requestMediation: false, requestTribunal: false, assessment: { assessmentMediation: false, assessmentTribunal: true } });
    expect(person(ceasedCase)).toMatchObject({ requestMediation: false, requestTribunal: false, assessment: { assessmentMediation: false, assessmentTribunal: false } });
  });

  it('neutralises formulas in the CSV, and audits every download', async () => {
    const before = (await db.select().from(auditLog).where(and(eq(auditLog.userId, manager.id), eq(auditLog.action, 'read:sen2-return')))).length;
    const response = await get(manager, csvLoader, `/reports/sen2.csv?census=${CENSUS}`);
    expect(response.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    const csv = await response.text();
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain(`"'@Jones"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
    expect(csv).not.toContain('Otherlane');
    await get(manager, xmlLoader, `/reports/sen2.xml?census=${CENSUS}`);
    const rows = await db.select().from(auditLog).where(and(eq(auditLog.userId, manager.id), eq(auditLog.action, 'read:sen2-return')));
    expect(rows).toHaveLength(before + 2);
    expect(rows.slice(-2).map((r) => [r.subjectType, r.subjectId, r.outcome, r.details.what, r.details.censusDate, r.details.persons])).toEqual([
      ['la', manager.laId, 'allowed', 'csv', CENSUS, 3],
      ['la', manager.laId, 'allowed', 'xml', CENSUS, 3],
    ]);
  });

  it('lists what would fail, with the page that fixes it; a census date that is not in January is refused on the page', async () => {
    // A UKPRN alone identifies the placement; neither fails, put right on the setting's page.
    await db.update(educationSettings).set({ urn: null, ukprn: '10004567' }).where(eq(educationSettings.id, settingId));
    expect((await (await get(manager, validationLoader, `/reports/sen2/validation?census=${CENSUS}`)).json()).total).toBe(0);
    await db.update(educationSettings).set({ urn: null, ukprn: null }).where(eq(educationSettings.id, settingId));
    const body = await (await get(manager, validationLoader, `/reports/sen2/validation?census=${CENSUS}`)).json();
    expect(body.total).toBe(1);
    expect(body.failures[0]).toMatchObject({ rule: 'placementIdentifier', field: 'URN', caseId: planCase, fix: { kind: 'setting', settingId }, messageKey: 'sen2.rules.placementIdentifier' });
    await db.update(educationSettings).set({ urn: '131001', ukprn: null }).where(eq(educationSettings.id, settingId));
    const summary = await (await get(manager, reportLoader, '/reports/sen2?census=2027-02-30')).json();
    expect(summary.error).toBe('errors.sen2.censusDate');
    expect(summary.counts).toMatchObject({ persons: 3, requests: 3, assessments: 2, namedPlans: 2, activePlans: 1, placements: 1 });
    const redirected = await get(manager, csvLoader, '/reports/sen2.csv?census=nonsense');
    expect(redirected.status).toBe(303);
  });
});
