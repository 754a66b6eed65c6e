import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { genderPreferences, interpreterPurposes } from '~/domain/interpreters';
import { askForInterpreter, parseInterpreterAsk } from '~/features/interpreters/index.server';
import { caseSummary } from '~/features/case-progress/index.server';
import { CaseCaption } from '~/features/case-progress';
import { readForm } from '~/forms/form.server';
import { INTERPRETER_DETAILS_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, Radios, TextInput } from '~/ui/govuk/fields';
import { genderPreferenceKeys, interpreterPurposeChoiceKeys } from '~/ui/interpreter-labels';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'interpreters.ask.title' };

const FIELDS = ['purpose', 'language', 'dialect', 'genderPreference', 'details'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'request:interpreter');
  const summary = await caseSummary(caseRecord.id);
  // The language their request named, so most families only press Continue.
  return json({ caseId: caseRecord.id, language: summary?.interpreterLanguage ?? '', formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'request:interpreter');
  const values = await readForm(request);
  const parsed = parseInterpreterAsk(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await askForInterpreter(user, caseRecord, parsed.data);
  return redirect(`/cases/${caseRecord.id}/interpreters?asked=1`);
}

export default function AskForInterpreter() {
  const { t } = useTranslation();
  const { caseId, language, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/interpreters`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('interpreters.ask.heading')}</h1>
        <p className="govuk-body">{t('interpreters.ask.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <Radios name="purpose" legend={t('interpreters.ask.purpose')} error={errors.purpose} defaultValue={values.purpose} choices={interpreterPurposes.map((p) => ({ value: p, label: t(interpreterPurposeChoiceKeys[p]) }))} />
          <TextInput name="language" label={t('interpreters.ask.language')} hint={t('interpreters.ask.languageHint')} error={errors.language} defaultValue={values.language ?? language} widthClass="govuk-input--width-20" />
          <TextInput name="dialect" label={t('interpreters.ask.dialect')} hint={t('interpreters.ask.dialectHint')} error={errors.dialect} defaultValue={values.dialect} widthClass="govuk-input--width-20" />
          <Radios
            name="genderPreference"
            legend={t('interpreters.ask.gender')}
            error={errors.genderPreference}
            defaultValue={values.genderPreference ?? 'none'}
            choices={genderPreferences.map((g) => ({ value: g, label: t(genderPreferenceKeys[g]) }))}
          />
          <CharacterCount name="details" label={t('interpreters.ask.details')} hint={t('interpreters.ask.detailsHint')} error={errors.details} defaultValue={values.details} rows={4} maxLength={INTERPRETER_DETAILS_MAX_LENGTH} />
          <SubmitButton>{t('interpreters.ask.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
