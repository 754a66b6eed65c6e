/** Interpreters (app/domain/interpreters.ts): what for, the family's preference, and where a request is. */
export const interpreterPurposeKeys = { meeting: 'interpreters.purpose.meeting', call: 'interpreters.purpose.call' } as const;
export const interpreterPurposeChoiceKeys = { meeting: 'interpreters.purposeChoice.meeting', call: 'interpreters.purposeChoice.call' } as const;
export const genderPreferenceKeys = { none: 'interpreters.gender.none', female: 'interpreters.gender.female', male: 'interpreters.gender.male' } as const;
export const interpreterStatusKeys = { requested: 'interpreters.status.requested', booked: 'interpreters.status.booked', cancelled: 'interpreters.status.cancelled' } as const;
