/**
 * The request for an EHC needs assessment, as a GOV.UK task list. One description per section
 * drives both the question page and its validation (app/forms/request.server.ts), so a field
 * and its rules cannot drift apart. Shared by browser and server: data only.
 */
export type Choice = { value: string; labelKey: string };

export type FieldSpec = {
  name: string;
  kind: 'text' | 'textarea' | 'radios' | 'checkboxes';
  labelKey: string;
  hintKey?: string;
  choices?: readonly Choice[];
  /** Required unless marked optional. */
  optional?: boolean;
  /** Required only when another field has this value. */
  requiredWhen?: { field: string; equals: string };
  maxLength?: number;
  requiredKey: string;
};

export type SectionSpec = { slug: string; titleKey: string; introKey?: string; fields: readonly FieldSpec[] };

const yesNo: readonly Choice[] = [
  { value: 'yes', labelKey: 'request.choice.yes' },
  { value: 'no', labelKey: 'request.choice.no' },
];

export const requestSections: readonly SectionSpec[] = [
  {
    slug: 'about-the-child',
    titleKey: 'request.section.aboutChild.title',
    introKey: 'request.section.aboutChild.intro',
    fields: [
      { name: 'strengths', kind: 'textarea', labelKey: 'request.field.strengths', hintKey: 'request.hint.strengths', requiredKey: 'errors.request.strengths' },
      { name: 'homeLanguage', kind: 'text', labelKey: 'request.field.homeLanguage', requiredKey: 'errors.request.homeLanguage', maxLength: 100 },
    ],
  },
  {
    slug: 'needs',
    titleKey: 'request.section.needs.title',
    fields: [
      { name: 'difficulties', kind: 'textarea', labelKey: 'request.field.difficulties', hintKey: 'request.hint.difficulties', requiredKey: 'errors.request.difficulties' },
      { name: 'whatHelps', kind: 'textarea', labelKey: 'request.field.whatHelps', requiredKey: 'errors.request.whatHelps' },
      { name: 'diagnoses', kind: 'textarea', labelKey: 'request.field.diagnoses', hintKey: 'request.hint.diagnoses', optional: true, requiredKey: 'errors.request.diagnoses' },
    ],
  },
  {
    slug: 'education',
    titleKey: 'request.section.education.title',
    fields: [
      { name: 'setting', kind: 'text', labelKey: 'request.field.setting', requiredKey: 'errors.request.setting', maxLength: 200 },
      { name: 'supportSoFar', kind: 'textarea', labelKey: 'request.field.supportSoFar', hintKey: 'request.hint.supportSoFar', requiredKey: 'errors.request.supportSoFar' },
      { name: 'schoolKnows', kind: 'radios', labelKey: 'request.field.schoolKnows', choices: yesNo, requiredKey: 'errors.request.schoolKnows' },
    ],
  },
  {
    slug: 'health-and-social-care',
    titleKey: 'request.section.healthCare.title',
    fields: [
      { name: 'health', kind: 'textarea', labelKey: 'request.field.health', hintKey: 'request.hint.health', optional: true, requiredKey: 'errors.request.health' },
      { name: 'socialCare', kind: 'textarea', labelKey: 'request.field.socialCare', hintKey: 'request.hint.socialCare', optional: true, requiredKey: 'errors.request.socialCare' },
    ],
  },
  {
    slug: 'what-you-are-asking-for',
    titleKey: 'request.section.asking.title',
    fields: [{ name: 'asking', kind: 'textarea', labelKey: 'request.field.asking', hintKey: 'request.hint.asking', requiredKey: 'errors.request.asking' }],
  },
  {
    slug: 'child-views',
    titleKey: 'request.section.childViews.title',
    introKey: 'request.section.childViews.intro',
    fields: [{ name: 'views', kind: 'textarea', labelKey: 'request.field.views', hintKey: 'request.hint.views', optional: true, requiredKey: 'errors.request.views' }],
  },
  {
    slug: 'communication',
    titleKey: 'request.section.communication.title',
    fields: [
      { name: 'contactLanguage', kind: 'text', labelKey: 'request.field.contactLanguage', requiredKey: 'errors.request.contactLanguage', maxLength: 100 },
      { name: 'interpreter', kind: 'radios', labelKey: 'request.field.interpreter', hintKey: 'request.hint.interpreter', choices: yesNo, requiredKey: 'errors.request.interpreter' },
      {
        name: 'interpreterLanguage',
        kind: 'text',
        labelKey: 'request.field.interpreterLanguage',
        requiredWhen: { field: 'interpreter', equals: 'yes' },
        requiredKey: 'errors.request.interpreterLanguage',
        maxLength: 100,
      },
      { name: 'formats', kind: 'textarea', labelKey: 'request.field.formats', hintKey: 'request.hint.formats', optional: true, requiredKey: 'errors.request.formats' },
    ],
  },
  {
    slug: 'consent',
    titleKey: 'request.section.consent.title',
    introKey: 'request.section.consent.intro',
    fields: [
      {
        name: 'shareWith',
        kind: 'checkboxes',
        labelKey: 'request.field.shareWith',
        hintKey: 'request.hint.shareWith',
        choices: [
          { value: 'school', labelKey: 'request.agency.school' },
          { value: 'educational_psychology', labelKey: 'request.agency.educationalPsychology' },
          { value: 'health', labelKey: 'request.agency.health' },
          { value: 'social_care', labelKey: 'request.agency.socialCare' },
        ],
        optional: true,
        requiredKey: 'errors.request.shareWith',
      },
      {
        name: 'consent',
        kind: 'checkboxes',
        labelKey: 'request.field.consent',
        choices: [{ value: 'yes', labelKey: 'request.field.consentConfirm' }],
        requiredKey: 'errors.request.consent',
      },
    ],
  },
];

export function sectionBySlug(slug: string | undefined) {
  return requestSections.find((s) => s.slug === slug) ?? null;
}

/** Longest free text we keep: generous for a parent's account, bounded for storage. */
export const MAX_TEXTAREA = 5000;
export const MAX_TEXT = 200;
