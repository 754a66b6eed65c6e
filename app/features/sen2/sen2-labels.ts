/**
 * Translation keys for the SEN2 code lists (app/domain/sen2/codes.ts), written out so every key is
 * findable; each list's order is the guide's.
 */
export const senTypeKeys: Record<string, string> = {
  'SPLD': 'sen2.codes.senType.SPLD',
  'MLD': 'sen2.codes.senType.MLD',
  'SLD': 'sen2.codes.senType.SLD',
  'PMLD': 'sen2.codes.senType.PMLD',
  'SEMH': 'sen2.codes.senType.SEMH',
  'SLCN': 'sen2.codes.senType.SLCN',
  'HI': 'sen2.codes.senType.HI',
  'VI': 'sen2.codes.senType.VI',
  'MSI': 'sen2.codes.senType.MSI',
  'PD': 'sen2.codes.senType.PD',
  'ASD': 'sen2.codes.senType.ASD',
  'DS': 'sen2.codes.senType.DS',
  'OTH': 'sen2.codes.senType.OTH',
};

export const sexKeys: Record<string, string> = {
  'M': 'sen2.codes.sex.M',
  'F': 'sen2.codes.sex.F',
  'U': 'sen2.codes.sex.U',
};

export const ethnicityKeys: Record<string, string> = {
  'WBRI': 'sen2.codes.ethnicity.WBRI',
  'WIRI': 'sen2.codes.ethnicity.WIRI',
  'WIRT': 'sen2.codes.ethnicity.WIRT',
  'WOTH': 'sen2.codes.ethnicity.WOTH',
  'WROM': 'sen2.codes.ethnicity.WROM',
  'MWBC': 'sen2.codes.ethnicity.MWBC',
  'MWBA': 'sen2.codes.ethnicity.MWBA',
  'MWAS': 'sen2.codes.ethnicity.MWAS',
  'MOTH': 'sen2.codes.ethnicity.MOTH',
  'AIND': 'sen2.codes.ethnicity.AIND',
  'APKN': 'sen2.codes.ethnicity.APKN',
  'ABAN': 'sen2.codes.ethnicity.ABAN',
  'AOTH': 'sen2.codes.ethnicity.AOTH',
  'BCRB': 'sen2.codes.ethnicity.BCRB',
  'BAFR': 'sen2.codes.ethnicity.BAFR',
  'BOTH': 'sen2.codes.ethnicity.BOTH',
  'CHNE': 'sen2.codes.ethnicity.CHNE',
  'OOTH': 'sen2.codes.ethnicity.OOTH',
  'REFU': 'sen2.codes.ethnicity.REFU',
  'NOBT': 'sen2.codes.ethnicity.NOBT',
};

export const upnUnknownKeys: Record<string, string> = {
  'UN1': 'sen2.codes.upnUnknown.UN1',
  'UN2': 'sen2.codes.upnUnknown.UN2',
  'UN3': 'sen2.codes.upnUnknown.UN3',
  'UN4': 'sen2.codes.upnUnknown.UN4',
  'UN5': 'sen2.codes.upnUnknown.UN5',
};

export const personalBudgetKeys: Record<string, string> = {
  'NON': 'sen2.codes.personalBudget.NON',
  'ORG': 'sen2.codes.personalBudget.ORG',
  'DIR': 'sen2.codes.personalBudget.DIR',
  'MIX': 'sen2.codes.personalBudget.MIX',
};

export const ceaseReasonKeys: Record<string, string> = {
  '1': 'sen2.codes.ceaseReason.R1',
  '2': 'sen2.codes.ceaseReason.R2',
  '3': 'sen2.codes.ceaseReason.R3',
  '4': 'sen2.codes.ceaseReason.R4',
  '5': 'sen2.codes.ceaseReason.R5',
  '6': 'sen2.codes.ceaseReason.R6',
  '7': 'sen2.codes.ceaseReason.R7',
  '8': 'sen2.codes.ceaseReason.R8',
  '9': 'sen2.codes.ceaseReason.R9',
};

export const placementKeys: Record<string, string> = {
  'OLA': 'sen2.codes.placement.OLA',
  'OPA': 'sen2.codes.placement.OPA',
  'EHE': 'sen2.codes.placement.EHE',
  'EYP': 'sen2.codes.placement.EYP',
  'OTH': 'sen2.codes.placement.OTH',
  'NEET': 'sen2.codes.placement.NEET',
  'NIEC': 'sen2.codes.placement.NIEC',
  'NIEO': 'sen2.codes.placement.NIEO',
};
