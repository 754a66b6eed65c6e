import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { certificateKinds, mediationOutcomes } from '~/domain/appeals';
import { todayInLondon } from '~/domain/timescales';
import { parseMediation, recordMediation } from '~/features/appeals/index.server';
import { certificateKindKeys, DecisionFields, mediationOutcomeKeys } from '~/features/appeals';
import { CaseCaption } from '~/features/case-progress';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case', 'appeals'], titleKey: 'appeals.mediationForm.title' };

const FIELDS = ['decision', 'planSections', 'decisionSentOn', 'adviserContactedOn', 'certificateIssuedOn', 'certificateKind', 'outcome'];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  return json({ caseId: caseRecord.id, formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:appeal');
  const values = await readForm(request);
  const parsed = parseMediation(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await recordMediation(user, caseRecord, parsed.data, { address: clientAddress(request) });
  return redirect(`/cases/${caseRecord.id}/appeals?recorded=mediation`);
}

export default function RecordMediation() {
  const { t } = useTranslation();
  const { caseId, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/appeals`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('appeals.mediationForm.heading')}</h1>
        <p className="govuk-body">{t('appeals.mediationForm.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
          <DecisionFields errors={errors} values={values} />
          <DateInput name="decisionSentOn" legend={t('appeals.form.decisionSentOn')} hint={t('appeals.form.dateHint')} error={errors.decisionSentOn} values={datePartsFrom(values, 'decisionSentOn')} />
          <DateInput name="adviserContactedOn" legend={t('appeals.form.adviserContactedOn')} hint={t('appeals.form.dateHint')} error={errors.adviserContactedOn} values={datePartsFrom(values, 'adviserContactedOn')} />
          <DateInput name="certificateIssuedOn" legend={t('appeals.form.certificateIssuedOn')} hint={t('appeals.form.certificateHint')} error={errors.certificateIssuedOn} values={datePartsFrom(values, 'certificateIssuedOn')} />
          <Radios
            name="certificateKind"
            legend={t('appeals.form.certificateKind')}
            error={errors.certificateKind}
            defaultValue={values.certificateKind}
            choices={certificateKinds.map((k) => ({
              value: k,
              label: t(certificateKindKeys[k]),
              conditional:
                k === 'held' ? (
                  <Radios name="outcome" legend={t('appeals.form.mediationOutcome')} error={errors.outcome} defaultValue={values.outcome} choices={mediationOutcomes.map((o) => ({ value: o, label: t(mediationOutcomeKeys[o]) }))} />
                ) : undefined,
            }))}
          />
          <SubmitButton>{t('appeals.mediationForm.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
