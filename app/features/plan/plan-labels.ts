import type { NamedSetting, PlanOutcome, PlanProvision, SenNeedType, SettingKind, SettingWithoutUrn } from '~/domain/plan-content';
import type { PlanVersionKind } from '../../../db/schema';

/** Translation keys for the plan's fixed wording, written out so every key is findable; used by its pages and its PDF. */

/** A version's name: "Draft EHC plan (version 2)", "Final EHC plan (version 3)", "Amended EHC plan (version 4)". */
export const planVersionNameKeys: Record<PlanVersionKind, string> = {
  draft: 'planVersions.heading.draft',
  final: 'planVersions.heading.final',
  amended: 'planVersions.heading.amended',
};

/** SEN2 need types, named. */
export const senNeedKeys: Record<SenNeedType, string> = {
  SPLD: 'planVersions.needType.SPLD',
  MLD: 'planVersions.needType.MLD',
  SLD: 'planVersions.needType.SLD',
  PMLD: 'planVersions.needType.PMLD',
  SEMH: 'planVersions.needType.SEMH',
  SLCN: 'planVersions.needType.SLCN',
  HI: 'planVersions.needType.HI',
  VI: 'planVersions.needType.VI',
  MSI: 'planVersions.needType.MSI',
  PD: 'planVersions.needType.PD',
  ASD: 'planVersions.needType.ASD',
  DS: 'planVersions.needType.DS',
  OTH: 'planVersions.needType.OTH',
};

/** SEN2 setting codes for a placement without a URN or UKPRN, named. */
export const settingCodeKeys: Record<SettingWithoutUrn, string> = {
  OLA: 'planVersions.settingType.OLA',
  OPA: 'planVersions.settingType.OPA',
  EHE: 'planVersions.settingType.EHE',
  EYP: 'planVersions.settingType.EYP',
  OTH: 'planVersions.settingType.OTH',
  NEET: 'planVersions.settingType.NEET',
  NIEC: 'planVersions.settingType.NIEC',
  NIEO: 'planVersions.settingType.NIEO',
};

export const outcomeFieldKeys: Record<Exclude<keyof PlanOutcome, 'id'>, string> = {
  outcome: 'planVersions.outcome.outcome',
  byWhen: 'planVersions.outcome.byWhen',
  steps: 'planVersions.outcome.steps',
};

export const provisionFieldKeys: Record<Exclude<keyof PlanProvision, 'id'>, string> = {
  what: 'planVersions.provision.what',
  who: 'planVersions.provision.who',
  howOften: 'planVersions.provision.howOften',
  forHowLong: 'planVersions.provision.forHowLong',
};

export const settingFieldKeys: Record<keyof NamedSetting, string> = {
  name: 'planVersions.setting.name',
  urn: 'planVersions.setting.urn',
  ukprn: 'planVersions.setting.ukprn',
  withoutUrn: 'planVersions.setting.withoutUrn',
  kind: 'planVersions.setting.kind',
};

/** Kinds of school or setting, named. */
export const settingKindKeys: Record<SettingKind, string> = {
  mainstream: 'planVersions.settingKind.mainstream',
  resourced: 'planVersions.settingKind.resourced',
  special: 'planVersions.settingKind.special',
  independent: 'planVersions.settingKind.independent',
  college: 'planVersions.settingKind.college',
  earlyYears: 'planVersions.settingKind.earlyYears',
  other: 'planVersions.settingKind.other',
};

export const needFieldKeys = { primary: 'planVersions.need.primary', secondary: 'planVersions.need.secondary' } as const;
