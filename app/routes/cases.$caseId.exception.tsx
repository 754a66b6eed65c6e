import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clockStepKeys, councilSteps, exceptionKindKeys, exceptionKinds } from '~/domain/case-clock';
import { parseExceptionForm, recordException } from '~/features/case-progress/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { Radios, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'exception.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  return json({ caseId: caseRecord.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const values = await readForm(request);
  const form = parseExceptionForm(values);
  if (!form.ok) return formFailure(form.errors, values);
  await recordException(user, caseRecord.id, form.data);
  return redirect(`/cases/${caseRecord.id}`);
}

export default function RecordException() {
  const { t } = useTranslation();
  const { caseId } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['step', 'kind', 'explanation']} />
        <h1 className="govuk-heading-l">{t('exception.heading')}</h1>
        <p className="govuk-body">{t('exception.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <Radios name="step" legend={t('exception.step')} error={errors.step} defaultValue={values.step} choices={councilSteps.map((step) => ({ value: step, label: t(clockStepKeys[step]) }))} />
          <Radios name="kind" legend={t('exception.kind')} error={errors.kind} defaultValue={values.kind} choices={exceptionKinds.map((kind) => ({ value: kind, label: t(exceptionKindKeys[kind]) }))} />
          <Textarea name="explanation" label={t('exception.explanation')} hint={t('exception.explanationHint')} error={errors.explanation} defaultValue={values.explanation} />
          <SubmitButton>{t('exception.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
