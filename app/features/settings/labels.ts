import type { SettingPhase, SettingRole, SettingType } from '~/domain/vocabulary';

/** How a setting's type, phase and its staff's roles are named on pages (the `settings` namespace). */
export const settingTypeKeys: Record<SettingType, string> = {
  school: 'settingLabels.type.school',
  college: 'settingLabels.type.college',
  early_years: 'settingLabels.type.early_years',
};

export const settingPhaseKeys: Record<SettingPhase, string> = {
  early_years: 'settingLabels.phase.early_years',
  primary: 'settingLabels.phase.primary',
  middle: 'settingLabels.phase.middle',
  secondary: 'settingLabels.phase.secondary',
  all_through: 'settingLabels.phase.all_through',
  post16: 'settingLabels.phase.post16',
};

export const settingRoleKeys: Record<SettingRole, string> = {
  lead: 'settingLabels.role.lead',
  senco: 'settingLabels.role.senco',
  head: 'settingLabels.role.head',
  staff: 'settingLabels.role.staff',
};
