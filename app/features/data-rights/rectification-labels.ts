import type { RectifiableField, RectificationStatus } from '~/domain/rectification';

/** Labels for the details a correction names, and its states: literal keys, so the translation checks see each one. */
export const RECTIFIABLE_FIELD_LABELS: Record<RectifiableField, string> = {
  firstName: 'rectification.field.firstName',
  lastName: 'rectification.field.lastName',
  dateOfBirth: 'rectification.field.dateOfBirth',
  school: 'rectification.field.school',
};

export const RECTIFICATION_STATUS_LABELS: Record<RectificationStatus, string> = {
  pending: 'rectification.status.pending',
  approved: 'rectification.status.approved',
  refused: 'rectification.status.refused',
};
