/**
 * The portal's words, defined once: who people are (roles), where a case stands (stages), which
 * professionals give advice and what an adviser's consent covers. Pure: the database schema
 * (db/schema) builds its columns from these lists, and every rule in app/domain reads them here.
 */

export const roles = ['parent', 'young_person', 'advocate', 'caseworker', 'manager', 'la_admin', 'professional', 'setting_staff'] as const;
export type Role = (typeof roles)[number];

/**
 * Schools, colleges and early-years settings are organisations with their own staff (issue 14):
 * the council adds the setting, the setting's lead invites and removes its own staff.
 */
export const settingTypes = ['school', 'college', 'early_years'] as const;
export type SettingType = (typeof settingTypes)[number];

export const settingPhases = ['early_years', 'primary', 'middle', 'secondary', 'all_through', 'post16'] as const;
export type SettingPhase = (typeof settingPhases)[number];

/** A setting's own people: the lead manages the setting's accounts; SENCOs, heads and staff work on its children's reviews. */
export const settingRoles = ['lead', 'senco', 'head', 'staff'] as const;
export type SettingRole = (typeof settingRoles)[number];

export const professionalKinds = ['educational_psychologist', 'health', 'social_care', 'school_senco'] as const;
export type ProfessionalKind = (typeof professionalKinds)[number];

/**
 * Where a case stands in the statutory process. The transitions between them are the case
 * workflow's (case-workflow.ts).
 */
export const caseStages = [
  'request_received',
  'assessment_refused',
  'advice_gathering',
  'plan_refused',
  'plan_agreed',
  'draft_plan_issued',
  'final_plan_issued',
  'plan_maintained',
  'withdrawn',
  'ceased',
] as const;
export type CaseStage = (typeof caseStages)[number];

/** The stages at which a case is closed: nothing more happens on it, and the child may be asked for again. */
export const closedStages: readonly CaseStage[] = ['withdrawn', 'ceased'];

/** What an adviser's consent lets them do: 'view' reads the case; 'act' also contributes and messages (consent.ts). */
export const consentScopes = ['view', 'act'] as const;
export type ConsentScope = (typeof consentScopes)[number];
