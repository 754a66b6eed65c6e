import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { todayInLondon } from '~/domain/timescales';
import { parseAppeal, registerAppeal } from '~/features/appeals/index.server';
import { DecisionFields } from '~/features/appeals';
import { CaseCaption } from '~/features/case-progress';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, TextInput } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case', 'appeals'], titleKey: 'appeals.appealForm.title' };

const FIELDS = ['decision', 'planSections', 'tribunalReference', 'registeredOn', 'hearingOn'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  return json({ caseId: caseRecord.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  const values = await readForm(request);
  const parsed = parseAppeal(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await registerAppeal(user, caseRecord, parsed.data, { address: clientAddress(request) });
  if (!outcome.ok) return formFailure(outcome.errors, values);
  return redirect(`/cases/${caseRecord.id}/appeals?recorded=appeal`);
}

export default function RecordAppeal() {
  const { t } = useTranslation();
  const { caseId } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/appeals`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('appeals.appealForm.heading')}</h1>
        <Form method="post" noValidate key={formKey}>
          <DecisionFields errors={errors} values={values} />
          <TextInput name="tribunalReference" label={t('appeals.form.tribunalReference')} hint={t('appeals.form.tribunalReferenceHint')} error={errors.tribunalReference} defaultValue={values.tribunalReference} widthClass="govuk-input--width-20" autoComplete="off" spellCheck={false} />
          <DateInput name="registeredOn" legend={t('appeals.form.registeredOn')} hint={t('appeals.form.dateHint')} error={errors.registeredOn} values={datePartsFrom(values, 'registeredOn')} />
          <DateInput name="hearingOn" legend={t('appeals.form.hearingOnOptional')} hint={t('appeals.form.hearingHint')} error={errors.hearingOn} values={datePartsFrom(values, 'hearingOn')} />
          <SubmitButton>{t('appeals.appealForm.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
