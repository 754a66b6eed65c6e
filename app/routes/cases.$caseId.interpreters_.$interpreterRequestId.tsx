import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { interpretersFor } from '~/domain/interpreters';
import { bookInterpreter, councilInterpreters, interpreterRequestsOf, parseInterpreterBooking } from '~/features/interpreters/index.server';
import { CaseCaption } from '~/features/case-progress';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { Checkboxes, DateInput, Radios, TextInput } from '~/ui/govuk/fields';
import { genderPreferenceKeys, interpreterPurposeKeys } from '~/ui/interpreter-labels';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'interpreters.book.title' };

const FIELDS = ['interpreterId', 'bookedOn', 'time', 'independent'];

/** A request still waiting, with the council's interpreters who fit it; anything else is not here. */
async function waitingRequest(caseId: string, requestId: string | undefined) {
  const request = (await interpreterRequestsOf(caseId)).find((r) => r.id === requestId && r.status === 'requested');
  if (!request) throw new Response('Not Found', { status: 404 });
  return request;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'book:interpreter');
  const asked = await waitingRequest(caseRecord.id, params.interpreterRequestId);
  const choices = interpretersFor(await councilInterpreters(caseRecord.laId), asked.language, asked.genderPreference);
  return json({ caseId: caseRecord.id, asked, choices: choices.map(({ interpreter, matchesPreference }) => ({ id: interpreter.id, name: interpreter.name, languages: interpreter.languages, matchesPreference })) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'book:interpreter');
  const asked = await waitingRequest(caseRecord.id, params.interpreterRequestId);
  const values = await readForm(request);
  const parsed = parseInterpreterBooking({ ...values, requestId: asked.id }, new Date());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await bookInterpreter(user, caseRecord, parsed.booking, { address: clientAddress(request) });
  if (!outcome.ok) return formFailure(outcome.errors, values);
  return redirect(`/cases/${caseRecord.id}/interpreters?booked=1`);
}

export default function BookInterpreter() {
  const { t } = useTranslation();
  const { caseId, asked, choices } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/interpreters`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={FIELDS} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('interpreters.book.heading')}</h1>
        <SummaryList
          rows={[
            { key: t('interpreters.book.for'), value: t(interpreterPurposeKeys[asked.purpose], { language: asked.language }) },
            { key: t('interpreters.language'), value: asked.dialect ? t('interpreters.withDialect', { language: asked.language, dialect: asked.dialect }) : asked.language },
            { key: t('interpreters.preference'), value: t(genderPreferenceKeys[asked.genderPreference]) },
            ...(asked.details ? [{ key: t('interpreters.details'), value: <span className="app-pre-line">{asked.details}</span> }] : []),
          ]}
        />
        {choices.length === 0 ? (
          <p className="govuk-body">{t('interpreters.book.noneOnList', { language: asked.language })}</p>
        ) : (
          <Form method="post" noValidate key={formKey}>
            <Radios
              name="interpreterId"
              legend={t('interpreters.book.who')}
              hint={t('interpreters.book.whoHint')}
              error={errors.interpreterId}
              defaultValue={values.interpreterId}
              choices={choices.map((c) => ({ value: c.id, label: c.name, hint: [c.languages.join(', '), c.matchesPreference ? null : t('interpreters.book.notPreferred')].filter(Boolean).join(' · ') }))}
            />
            <DateInput name="bookedOn" legend={t('interpreters.book.date')} hint={t('interpreters.book.dateHint')} error={errors.bookedOn} values={datePartsFrom(values, 'bookedOn')} />
            <TextInput name="time" label={t('interpreters.book.time')} hint={t('interpreters.book.timeHint')} error={errors.time} defaultValue={values.time} widthClass="govuk-input--width-5" autoComplete="off" />
            <Checkboxes name="independent" legend={t('interpreters.book.independentLegend')} error={errors.independent} checked={values.independent ? [values.independent] : []} choices={[{ value: 'yes', label: t('interpreters.book.independent') }]} />
            <SubmitButton>{t('interpreters.book.submit')}</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}
