import type { CaseStage, Role } from '../../db/schema';

/** Translation keys for values stored in the database, written out so every key is findable. */

export const roleKeys: Record<Role, string> = {
  parent: 'roles.parent',
  young_person: 'roles.young_person',
  advocate: 'roles.advocate',
  caseworker: 'roles.caseworker',
  manager: 'roles.manager',
  la_admin: 'roles.la_admin',
  professional: 'roles.professional',
  setting_staff: 'roles.setting_staff',
};

export const stageKeys: Record<CaseStage, string> = {
  request_received: 'stages.request_received',
  assessment_refused: 'stages.assessment_refused',
  advice_gathering: 'stages.advice_gathering',
  plan_refused: 'stages.plan_refused',
  plan_agreed: 'stages.plan_agreed',
  draft_plan_issued: 'stages.draft_plan_issued',
  final_plan_issued: 'stages.final_plan_issued',
  plan_maintained: 'stages.plan_maintained',
  withdrawn: 'stages.withdrawn',
  ceased: 'stages.ceased',
};
