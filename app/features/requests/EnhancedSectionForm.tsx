import { Form } from '@remix-run/react';
import type { FieldErrors } from '~/forms/errors';
import { answersFrom, sectionSchema } from './request-schema';
import type { SectionSpec } from './request-sections';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { useValidatedForm } from '~/ui/useValidatedForm';
import { SectionFields } from './SectionFields';

/**
 * The section form with react-hook-form running the section's shared schema before sending.
 * Loaded as its own chunk once the page is interactive (see SectionForm in the route).
 */
export default function EnhancedSectionForm({ section, values, serverErrors }: { section: SectionSpec; values: Record<string, string>; serverErrors: FieldErrors }) {
  const { errors, bind, onSubmit } = useValidatedForm({
    schema: sectionSchema(section),
    toAnswers: (raw) => answersFrom(section, raw),
    serverErrors,
    skipValidation: (button) => button.value === 'save-draft',
  });
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={section.fields.map((f) => f.name)} />
      <Form method="post" noValidate onSubmit={onSubmit} data-validates-in-browser="">
        <SectionFields section={section} values={values} errors={errors} bind={bind} />
      </Form>
    </>
  );
}
