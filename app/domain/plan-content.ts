/**
 * The EHC plan as structured content: sections A to K as in the SEND Code of Practice (9.62),
 * with outcomes (E) and provision (F, G, H1, H2) as lists, the child's needs ranked as SEN2 need
 * types (B), and the named setting (I). One shape for every version of a plan (draft, final,
 * amended), so versions can be compared section by section and every later step (annual
 * reviews, amendments, phase transfers, the SEN2 return) reads the same fields. Pure data.
 */

export const planSections = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H1', 'H2', 'I', 'J', 'K'] as const;
export type PlanSection = (typeof planSections)[number];

/** SEN2 need types (SENtype), in the DfE's code list. */
export const senNeedTypes = ['SPLD', 'MLD', 'SLD', 'PMLD', 'SEMH', 'SLCN', 'HI', 'VI', 'MSI', 'PD', 'ASD', 'DS', 'OTH'] as const;
export type SenNeedType = (typeof senNeedTypes)[number];

/** SEN2 setting codes (SENSetting) for a placement without a URN or UKPRN. */
export const settingsWithoutUrn = ['OLA', 'OPA', 'EHE', 'EYP', 'OTH', 'NEET', 'NIEC', 'NIEO'] as const;
export type SettingWithoutUrn = (typeof settingsWithoutUrn)[number];

/** The kind of school or setting named in section I (the SEN2 return's placement detail reads it with the URN). */
export const settingKinds = ['mainstream', 'resourced', 'special', 'independent', 'college', 'earlyYears', 'other'] as const;
export type SettingKind = (typeof settingKinds)[number];

/** What a section holds beyond its text. */
export const sectionShapes: Record<PlanSection, 'text' | 'needs' | 'outcomes' | 'provision' | 'setting' | 'budget'> = {
  A: 'text',
  B: 'needs',
  C: 'text',
  D: 'text',
  E: 'outcomes',
  F: 'provision',
  G: 'provision',
  H1: 'provision',
  H2: 'provision',
  I: 'setting',
  J: 'budget',
  K: 'text',
};

/** An outcome (section E): what the child will achieve, by when, and the steps towards it. */
export type PlanOutcome = { id: string; outcome: string; byWhen: string; steps: string };

/** One piece of provision (F, G, H1, H2): what, who provides it, how often, for how long. */
export type PlanProvision = { id: string; what: string; who: string; howOften: string; forHowLong: string };

/** The school, college or other setting named in section I. */
export type NamedSetting = {
  name: string;
  /** Unique reference number (schools), or UK provider reference number (colleges); one is enough. */
  urn: string;
  ukprn: string;
  /** When there is neither: the SEN2 setting code. */
  withoutUrn: SettingWithoutUrn | '';
  /** What kind of school or setting it is. */
  kind: SettingKind | '';
};

export type PlanSectionContent = {
  /** The section's narrative, in plain words. */
  text: string;
  /** B: the primary need, then a secondary one. */
  needs?: { primary: SenNeedType | ''; secondary: SenNeedType | '' };
  /** E. */
  outcomes?: PlanOutcome[];
  /** F, G, H1, H2. */
  provision?: PlanProvision[];
  /** I. */
  setting?: NamedSetting;
  /** J: whether a personal budget is part of the plan. */
  personalBudget?: boolean;
};

export type PlanContent = Record<PlanSection, PlanSectionContent>;

/** A plan with nothing written yet: every section present, in its shape. */
export function emptyPlan(): PlanContent {
  const content = {} as PlanContent;
  for (const section of planSections) content[section] = emptySection(section);
  return content;
}

export function emptySection(section: PlanSection): PlanSectionContent {
  switch (sectionShapes[section]) {
    case 'needs':
      return { text: '', needs: { primary: '', secondary: '' } };
    case 'outcomes':
      return { text: '', outcomes: [] };
    case 'provision':
      return { text: '', provision: [] };
    case 'setting':
      return { text: '', setting: { name: '', urn: '', ukprn: '', withoutUrn: '', kind: '' } };
    case 'budget':
      return { text: '', personalBudget: false };
    default:
      return { text: '' };
  }
}
