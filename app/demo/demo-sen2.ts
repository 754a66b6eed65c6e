import { and, asc, eq } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import { caseEvents, cases, children, educationSettings, localAuthorities, sen2CaseDetails, sen2Placements } from '../../db/schema';
import { ETHNICITIES, SEN_TYPES, upnWithCheckLetter } from '~/domain/sen2/codes';

/**
 * The demo council's details for its SEN2 return (ADR 0053), so /reports/sen2 has a return that
 * mostly validates: an LA number, every child's identifiers and characteristics, each plan's
 * ranked needs, personal budget and placement at the setting its plan names (every demo setting has
 * a URN or UKPRN, so no SENsetting code is needed: guide 2025 v1.4). Two records are left
 * to fail, so the validation page has something to show and to fix:
 * - Yusuf Begum is placed at Oakwood Independent School, which has no URN yet and no SENsetting
 *   code is recorded (fixed on the setting's page by the council's administrator);
 * - Ella Scott's plan has no primary type of need recorded (fixed on her case's Return details).
 */
export const DEMO_LA_NUMBER = '990';
export const DEMO_SETTING_WITHOUT_URN = 'Oakwood Independent School';

const GIRLS = new Set(['Ruby', 'Zara', 'Lena', 'Ellie', 'Maisie', 'Niamh', 'Ella', 'Chloe', 'Amelia', 'Isla', 'Freya', 'Ivy', 'Poppy', 'Daisy', 'Jasmine']);
const PLAN_STAGES = ['final_plan_issued', 'plan_maintained'] as const;
const LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

export async function seedDemoSen2(tx: Transaction, laId: string) {
  await tx.update(localAuthorities).set({ dfeLaNumber: DEMO_LA_NUMBER }).where(eq(localAuthorities.id, laId));
  const [oakwood] = await tx.insert(educationSettings).values({ laId, name: DEMO_SETTING_WITHOUT_URN, type: 'school', phase: 'all_through' }).returning();
  const rows = await tx
    .select({ caseId: cases.id, stage: cases.stage, firstName: children.firstName, lastName: children.lastName, namedSettingId: cases.namedSettingId, settingType: educationSettings.type })
    .from(cases)
    .innerJoin(children, eq(children.id, cases.childId))
    .leftJoin(educationSettings, eq(educationSettings.id, cases.namedSettingId))
    .where(eq(cases.laId, laId))
    .orderBy(asc(cases.reference));
  const planIssued = await tx
    .select({ caseId: caseEvents.caseId, details: caseEvents.details })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(cases.laId, laId), eq(caseEvents.kind, 'final_plan_issued')));
  const issuedOn = new Map(planIssued.map((e) => [e.caseId, (e.details as { issuedOn?: string }).issuedOn ?? null]));
  const details = rows.map((row, i) => {
    const withPlan = (PLAN_STAGES as readonly string[]).includes(row.stage);
    const name = `${row.firstName} ${row.lastName}`;
    return {
      caseId: row.caseId,
      laId,
      // 990 (the demo's LA number), establishment 2000 + i, year 16, serial.
      upn: upnWithCheckLetter(`990${String(2000 + (i % 7000)).padStart(4, '0')}16${String(i).padStart(3, '0').slice(-3)}`),
      sex: GIRLS.has(row.firstName) ? 'F' : 'M',
      ethnicity: ETHNICITIES.codes[(i * 7) % ETHNICITIES.codes.length],
      postcode: `NF${1 + (i % 9)} ${i % 10}${LETTERS[i % LETTERS.length]}${LETTERS[(i * 3) % LETTERS.length]}`,
      primaryNeed: withPlan && name !== 'Ella Scott' ? SEN_TYPES.codes[i % 12] : null,
      secondaryNeed: withPlan && i % 3 === 0 && name !== 'Ella Scott' ? SEN_TYPES.codes[(i + 5) % 12] : null,
      personalBudget: withPlan ? (i % 4 === 0 ? 'DIR' : 'NON') : null,
    };
  });
  if (details.length > 0) await tx.insert(sen2CaseDetails).values(details);
  const planned = rows.filter((r) => (PLAN_STAGES as readonly string[]).includes(r.stage));
  const placements = planned.flatMap((row) => {
    const entryDate = issuedOn.get(row.caseId);
    if (!entryDate) return [];
    if (`${row.firstName} ${row.lastName}` === 'Yusuf Begum') return [{ caseId: row.caseId, laId, settingId: oakwood.id, settingCode: null, entryDate, formKey: `demo-${row.caseId}` }];
    if (!row.namedSettingId || !row.settingType) return [];
    return [{ caseId: row.caseId, laId, settingId: row.namedSettingId, settingCode: null, entryDate, formKey: `demo-${row.caseId}` }];
  });
  if (placements.length > 0) await tx.insert(sen2Placements).values(placements);
  return { cases: details.length, placements: placements.length, withoutPlacement: planned.filter((r) => !placements.some((p) => p.caseId === r.caseId)).map((r) => r.caseId) };
}

