import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clockStepKeys, councilSteps } from '~/domain/case-clock';
import { todayInLondon } from '~/domain/timescales';
import { caseProgress, parseApologyForm, sendApology } from '~/features/case-progress/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios, Textarea } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'apology.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const { missed } = await caseProgress(caseRecord, todayInLondon());
  return json({ caseId: caseRecord.id, missedSteps: missed.map((m) => m.step) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const values = await readForm(request);
  const parsed = parseApologyForm(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await sendApology(user, caseRecord.id, parsed.apology);
  return redirect(`/cases/${caseRecord.id}`);
}

export default function Apology() {
  const { t } = useTranslation();
  const { caseId, missedSteps } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['step', 'reason', 'newExpectedDate']} />
        <h1 className="govuk-heading-l">{t('apology.heading')}</h1>
        <p className="govuk-body">{t('apology.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <Radios
            name="step"
            legend={t('apology.step')}
            error={errors.step}
            defaultValue={values.step ?? (missedSteps.length === 1 ? missedSteps[0] : undefined)}
            choices={councilSteps.map((step) => ({ value: step, label: t(clockStepKeys[step]) }))}
          />
          <Textarea name="reason" label={t('apology.reason')} hint={t('apology.reasonHint')} error={errors.reason} defaultValue={values.reason} />
          <DateInput name="newExpectedDate" legend={t('apology.newDate')} hint={t('apology.newDateHint')} error={errors.newExpectedDate} values={datePartsFrom(values, 'newExpectedDate')} />
          <SubmitButton>{t('apology.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
