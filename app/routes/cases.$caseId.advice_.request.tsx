import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { adviceCanBeRequested } from '~/domain/advice';
import { todayInLondon } from '~/domain/timescales';
import { parseAdviceRequestForm, professionalsOf, requestAdvice } from '~/features/advice/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { adviceKindKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios, Select, TextInput } from '~/ui/govuk/fields';
import type { AdviceKind } from '../../db/schema';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['case', 'advice', 'plan'], titleKey: 'advice.request.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const professionals = await professionalsOf(caseRecord.laId);
  return json({
    caseId: caseRecord.id,
    open: adviceCanBeRequested(caseRecord.stage),
    professionals: professionals.map((p) => ({ id: p.id, name: p.name, email: p.email })),
    today: todayInLondon(),
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  const values = await readForm(request);
  const parsed = parseAdviceRequestForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await requestAdvice(user, caseRecord, parsed.request);
  if (!outcome.ok) return formFailure({ [outcome.field]: outcome.error }, values);
  return redirect(`/cases/${caseRecord.id}/advice`);
}

export default function RequestAdvice() {
  const { t } = useTranslation();
  const { caseId, open, professionals, today, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/advice`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'kind', 'who', 'professionalId', 'name', 'email', 'requestedOn']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('advice.request.heading')}</h1>
        {!open ? (
          <InsetText>{t('advice.request.closed')}</InsetText>
        ) : (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="formKey" value={values.formKey ?? freshKey} />
            <p className="govuk-body">{t('advice.request.intro')}</p>
            <Radios
              name="kind"
              legend={t('advice.request.kindLegend')}
              error={errors.kind}
              defaultValue={values.kind}
              choices={(Object.keys(adviceKindKeys) as AdviceKind[]).map((k) => ({ value: k, label: t(adviceKindKeys[k]) }))}
            />
            <Radios
              name="who"
              legend={t('advice.request.whoLegend')}
              error={errors.who}
              defaultValue={values.who ?? 'existing'}
              choices={[
                { value: 'existing', label: t('advice.request.whoExisting') },
                { value: 'new', label: t('advice.request.whoNew'), hint: t('advice.request.whoNewHint') },
              ]}
            />
            <Select
              name="professionalId"
              label={t('advice.request.professionalLabel')}
              error={errors.professionalId}
              defaultValue={values.professionalId}
              emptyLabel={t('advice.request.professionalEmpty')}
              choices={professionals.map((p) => ({ value: p.id, label: t('advice.request.professionalOption', { name: p.name, email: p.email }) }))}
            />
            <fieldset className="govuk-fieldset">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{t('advice.request.newLegend')}</legend>
              <TextInput name="name" label={t('advice.request.nameLabel')} error={errors.name} defaultValue={values.name} autoComplete="off" />
              <TextInput name="email" type="email" label={t('advice.request.emailLabel')} error={errors.email} defaultValue={values.email} autoComplete="off" spellCheck={false} />
            </fieldset>
            <DateInput
              name="requestedOn"
              legend={t('advice.request.dateLegend')}
              hint={t('advice.request.dateHint')}
              error={errors.requestedOn}
              values={values['requestedOn-day'] !== undefined ? datePartsFrom(values, 'requestedOn') : datePartsFromIso(today)}
            />
            <SubmitButton>{t('advice.request.submit')}</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}
