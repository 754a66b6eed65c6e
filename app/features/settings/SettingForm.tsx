import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { settingPhases, settingTypes } from '~/domain/vocabulary';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton } from '~/ui/govuk/content';
import { Radios, TextInput } from '~/ui/govuk/fields';
import { settingPhaseKeys, settingTypeKeys } from './labels';

export type SettingFormValues = {
  name: string;
  urn: string;
  ukprn: string;
  type: string;
  phase: string;
};

/** The LA admin's form for a setting (add and change): what was typed comes back with each error. */
export function SettingForm({ heading, submit, saved }: { heading: string; submit: string; saved?: SettingFormValues }) {
  const { t } = useTranslation();
  const { errors, values: typed, formKey } = useFormResult();
  const values: Partial<SettingFormValues> = Object.keys(typed).length > 0 ? typed : saved ?? {};
  return (
    <>
      <ErrorSummary errors={errors} fieldOrder={['name', 'urn', 'ukprn', 'type', 'phase']} />
      <h1 className="govuk-heading-l">{heading}</h1>
      <Form method="post" noValidate key={formKey}>
        <TextInput name="name" label={t('settingsAdmin.field.name')} autoComplete="off" error={errors.name} defaultValue={values.name} />
        <TextInput
          name="urn"
          label={t('settingsAdmin.field.urn')}
          hint={t('settingsAdmin.hint.urn')}
          autoComplete="off"
          spellCheck={false}
          widthClass="govuk-input--width-10"
          error={errors.urn}
          defaultValue={values.urn}
        />
        <TextInput
          name="ukprn"
          label={t('settingsAdmin.field.ukprn')}
          hint={t('settingsAdmin.hint.ukprn')}
          autoComplete="off"
          spellCheck={false}
          inputMode="numeric"
          widthClass="govuk-input--width-10"
          error={errors.ukprn}
          defaultValue={values.ukprn}
        />
        <Radios
          name="type"
          legend={t('settingsAdmin.field.type')}
          error={errors.type}
          defaultValue={values.type}
          choices={settingTypes.map((type) => ({
            value: type,
            label: t(settingTypeKeys[type]),
          }))}
        />
        <Radios
          name="phase"
          legend={t('settingsAdmin.field.phase')}
          error={errors.phase}
          defaultValue={values.phase}
          choices={settingPhases.map((phase) => ({
            value: phase,
            label: t(settingPhaseKeys[phase]),
          }))}
        />
        <SubmitButton>{submit}</SubmitButton>
      </Form>
    </>
  );
}
