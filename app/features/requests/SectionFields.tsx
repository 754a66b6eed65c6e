import { useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SectionSpec } from './request-sections';
import type { FieldErrors } from '~/forms/errors';
import { SubmitButton } from '~/ui/govuk/content';
import { Checkboxes, Radios, TextInput, Textarea, type FieldBinding } from '~/ui/govuk/fields';

/** The fields and buttons of one section of the request, with or without browser-side bindings. */
export function SectionFields({ section, values, errors, bind }: { section: SectionSpec; values: Record<string, string>; errors: FieldErrors; bind?: (name: string) => FieldBinding }) {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  return (
    <>
      {search.get('returnTo') === 'check' ? <input type="hidden" name="returnTo" value="check" /> : null}
      {section.fields.map((field) => {
        const common = { name: field.name, error: errors[field.name], hint: field.hintKey ? t(field.hintKey) : undefined, binding: bind?.(field.name) };
        const label = field.optional ? t('request.optionalLabel', { label: t(field.labelKey) }) : t(field.labelKey);
        const choices = (field.choices ?? []).map((c) => ({ value: c.value, label: t(c.labelKey) }));
        switch (field.kind) {
          case 'text':
            return <TextInput key={field.name} {...common} label={label} defaultValue={values[field.name]} />;
          case 'textarea':
            return <Textarea key={field.name} {...common} label={label} defaultValue={values[field.name]} rows={6} />;
          case 'radios':
            return <Radios key={field.name} {...common} legend={label} inline defaultValue={values[field.name]} choices={choices} />;
          case 'checkboxes':
            return <Checkboxes key={field.name} {...common} legend={label} checked={(values[field.name] ?? '').split(',')} choices={choices} />;
        }
      })}
      <div className="govuk-button-group">
        <SubmitButton name="intent" value="continue">
          {t('request.saveAndContinue')}
        </SubmitButton>
        <SubmitButton variant="secondary" name="intent" value="save-draft">
          {t('request.saveForLater')}
        </SubmitButton>
      </div>
    </>
  );
}
