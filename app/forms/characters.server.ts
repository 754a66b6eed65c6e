import type { FieldErrors } from './errors';
import { requestSections } from '../features/requests';
import { adviceSections, viewQuestions } from '../ui/advice-labels';

/**
 * Characters no form field may hold, checked once for every form (form.server.ts
 * `validateForm`, request.server.ts `validateSection`): the C0 control characters (NUL and the
 * rest) and DEL, the C1 controls, and lone UTF-16 surrogates. Tab, line feed and carriage return
 * are allowed in multi-line fields only. No one types these; pasted or forged, they would be
 * stored and then break exports, emails and other systems, or hide text from a reader. A field
 * holding one gets an error naming the field, never a 500, and nothing is stored.
 */

const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * The fields typed in a textarea. A new textarea must be listed here (or come from one of the
 * descriptions below), or its line breaks are refused: tests/unit/forms/characters.test.ts
 * checks every Textarea in app/ is.
 */
export const multiLineFields: ReadonlySet<string> = new Set([
  'body',
  'text',
  'explanation',
  'reason',
  'reasons',
  // The languages an interpreter speaks, one per line (app/features/interpreters/list-form.server.ts).
  'languages',
  'whyDifferent',
  'minutes',
  'attendees',
  'asking',
  'otherParentalResponsibility',
  // How a family gave a setting its agreement to ask for an assessment (app/features/settings).
  'agreementNote',
  // A council's privacy notice (app/routes/admin.privacy.tsx): paragraphs, and a postal address by line.
  'dpoPostalAddress',
  'lawfulBases',
  'sharedWith',
  'retention',
  'extraRights',
  // An annual review (app/features/reviews): where and how the meeting is held, the report's recommendations.
  'meetingDetails',
  'recommendations',
  // A complaint (app/features/complaints): what it is about, what would put it right, the council's letter.
  'about',
  'putRight',
  'letter',
  ...requestSections.flatMap((section) => section.fields.filter((field) => field.kind === 'textarea').map((field) => field.name)),
  ...viewQuestions.map(([name]) => name),
  ...adviceSections.map(([name]) => name),
]);

/** "<Field> must not contain ..." for the fields people type into; any other field is "This answer". */
const fieldMessages: Record<string, string> = {
  email: 'errors.characters.email',
  advocateEmail: 'errors.characters.email',
  parentEmail: 'errors.characters.email',
  password: 'errors.characters.password',
  confirmPassword: 'errors.characters.confirmPassword',
  currentPassword: 'errors.characters.currentPassword',
  name: 'errors.characters.name',
  firstName: 'errors.characters.firstName',
  lastName: 'errors.characters.lastName',
  school: 'errors.characters.school',
  preferredSetting: 'errors.characters.preferredSetting',
  otherParentalResponsibility: 'errors.characters.otherParentalResponsibility',
  code: 'errors.characters.code',
  recoveryCode: 'errors.characters.code',
  body: 'errors.characters.body',
  explanation: 'errors.characters.explanation',
  reason: 'errors.characters.reason',
  reasons: 'errors.characters.reasons',
  whyDifferent: 'errors.characters.whyDifferent',
  minutes: 'errors.characters.minutes',
  attendees: 'errors.characters.attendees',
  needs: 'errors.characters.needs',
  provision: 'errors.characters.provision',
  outcomes: 'errors.characters.outcomes',
  consulted: 'errors.characters.consulted',
  dateOfBirth: 'errors.characters.dateOfBirth',
};

const DATE_PART = /^(.+)-(day|month|year)$/;

/** The field that shows the problem: a date's day, month and year are one field. */
function fieldOf(name: string) {
  return DATE_PART.exec(name)?.[1] ?? name;
}

/** Whether `value` holds a character the field may not: see above. */
export function hasForbiddenCharacters(field: string, value: string) {
  return (multiLineFields.has(field) ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value);
}

/**
 * The fields of a posted form holding a forbidden character (or whose name does), each with its
 * error's translation key. Empty when the form is clean.
 */
export function characterErrors(values: Readonly<Record<string, string>>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    if (SINGLE_LINE_FORBIDDEN.test(name)) {
      errors.form = 'errors.characters.answer';
      continue;
    }
    if (NOT_STORED.has(name) || !hasForbiddenCharacters(name, value)) continue;
    const field = fieldOf(name);
    errors[field] = fieldMessages[field] ?? (field !== name ? 'errors.characters.date' : 'errors.characters.answer');
  }
  return errors;
}

/**
 * Fields never stored or shown, only checked against what they may be: where to go after
 * signing in falls back to the home page for anything but a path on this site
 * (app/auth/return-to.ts), rather than stopping the sign-in.
 */
const NOT_STORED: ReadonlySet<string> = new Set(['returnTo']);
