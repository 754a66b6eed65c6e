import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { parseAssistedRequestForm, recordAssistedRequest } from '~/features/requests/index.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios, TextInput, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['family', 'requests', 'casework'], titleKey: 'intake.record.title' };


export async function loader({ request }: LoaderFunctionArgs) {
  await requireLaPermission(request, 'record:request');
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLaPermission(request, 'record:request');
  const values = await readForm(request);
  const parsed = parseAssistedRequestForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await recordAssistedRequest(user, parsed.request);
  if (!outcome.ok) return formFailure({ form: outcome.error }, values);
  return redirect(`/cases/${outcome.caseId}`);
}

export default function RecordAssistedRequest() {
  const { t } = useTranslation();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/intake">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['firstName', 'lastName', 'dateOfBirth', 'parentEmail', 'receivedVia', 'receivedOn', 'asking']} />
        <h1 className="govuk-heading-l">{t('intake.record.heading')}</h1>
        <p className="govuk-body">{t('intake.record.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <TextInput name="firstName" label={t('child.field.firstName')} spellCheck={false} error={errors.firstName} defaultValue={values.firstName} />
          <TextInput name="lastName" label={t('child.field.lastName')} spellCheck={false} error={errors.lastName} defaultValue={values.lastName} />
          <DateInput name="dateOfBirth" legend={t('child.field.dateOfBirth')} hint={t('child.hint.dateOfBirth')} error={errors.dateOfBirth} values={datePartsFrom(values, 'dateOfBirth')} />
          <TextInput name="parentEmail" type="email" label={t('intake.record.parentEmail')} hint={t('intake.record.parentEmailHint')} spellCheck={false} error={errors.parentEmail} defaultValue={values.parentEmail} />
          <Radios
            name="receivedVia"
            legend={t('intake.record.receivedVia')}
            error={errors.receivedVia}
            defaultValue={values.receivedVia}
            choices={[
              { value: 'phone', label: t('intake.via.phone') },
              { value: 'letter', label: t('intake.via.letter') },
              { value: 'email', label: t('intake.via.email') },
              { value: 'school', label: t('intake.via.school') },
            ]}
          />
          <DateInput name="receivedOn" legend={t('intake.record.receivedOn')} hint={t('intake.record.receivedOnHint')} error={errors.receivedOn} values={datePartsFrom(values, 'receivedOn')} />
          <Textarea name="asking" label={t('request.field.asking')} error={errors.asking} defaultValue={values.asking} />
          <SubmitButton>{t('intake.record.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
