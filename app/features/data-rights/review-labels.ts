/** Labels for the review reasons on the staff's page: literal keys, so the translation checks see each one. */
export const REVIEW_REASON_LABELS_CLIENT = {
  third_party: 'dataRights.review.reason.third_party',
  names_others: 'dataRights.review.reason.names_others',
  staff_note: 'dataRights.review.reason.staff_note',
  withheld_advice: 'dataRights.review.reason.withheld_advice',
  professionals_only_meeting: 'dataRights.review.reason.professionals_only_meeting',
  young_person: 'dataRights.review.reason.young_person',
} as const;
