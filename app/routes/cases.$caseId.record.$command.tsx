import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { availableCommands, refusalReversedBy } from '~/domain/case-workflow';
import { todayInLondon } from '~/domain/timescales';
import { commandDateField, commandFromSlug, parseCommandForm, plansOnRecordOf, recordCaseCommand } from '~/features/case-progress/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';
import { commandKeys } from '~/ui/case-labels';

export const handle: PageHandle = {
  namespaces: ['case', 'advice', 'plan'],
  title: (data, t) => t(commandKeys[(data as { command?: string } | undefined)?.command ?? ''] ?? 'record.titleFallback'),
};

/** Only staff may record; only commands the case's stage allows are offered. */
async function authorise(request: Request, params: LoaderFunctionArgs['params']) {
  const command = commandFromSlug(params.command);
  const access = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  if (!command) throw new Response('Not Found', { status: 404 });
  return { ...access, command };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord, command, user } = await authorise(request, params);
  return json({
    command,
    stage: caseRecord.stage,
    allowed: availableCommands(caseRecord.stage, user, await plansOnRecordOf(caseRecord.id)).includes(command),
    caseId: caseRecord.id,
    today: todayInLondon(),
    dateField: commandDateField[command] ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, command, user } = await authorise(request, params);
  const values = await readForm(request);
  const parsed = parseCommandForm(command, values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const expectedStage = (values.expectedStage || caseRecord.stage) as typeof caseRecord.stage;
  const outcome = await recordCaseCommand(user, caseRecord.id, parsed.command, expectedStage, { whyDifferent: parsed.whyDifferent });
  if (!outcome.ok) return formFailure({ [outcome.field ?? 'form']: outcome.error }, values);
  return redirect(`/cases/${caseRecord.id}`);
}

const outcomeChoices = {
  decide_to_assess: ['agreed', 'refused'],
  decide_to_issue: ['issue', 'not_issue'],
} as const;

const outcomeLabelKeys: Record<string, string> = {
  agreed: 'record.outcome.agreed',
  refused: 'record.outcome.refused',
  issue: 'record.outcome.issue',
  not_issue: 'record.outcome.not_issue',
};

const orderedByKeys: Record<(typeof refusalReversedBy)[number], string> = {
  mediation: 'record.orderedBy.mediation',
  tribunal: 'record.orderedBy.tribunal',
  la_review: 'record.orderedBy.la_review',
};

const dateLegendKeys = { decidedOn: 'record.date.decidedOn', servedOn: 'record.date.servedOn', issuedOn: 'record.date.issuedOn' } as const;

export default function RecordCommand() {
  const { t } = useTranslation();
  const data = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const { command } = data;
  const hasReasons = command !== 'issue_draft_plan' && command !== 'issue_final_plan' && command !== 'plan_in_place';
  const isDecision = command === 'decide_to_assess' || command === 'decide_to_issue';
  const dateValues = data.dateField && values[`${data.dateField}-day`] !== undefined ? datePartsFrom(values, data.dateField) : datePartsFromIso(data.today);

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${data.caseId}`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'outcome', 'orderedBy', 'reasons', 'differs', 'whyDifferent', 'decidedOn', 'servedOn', 'issuedOn']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t(commandKeys[command])}</h1>
        {!data.allowed ? (
          <p className="govuk-body">{t('errors.workflow.illegalTransition')}</p>
        ) : (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="expectedStage" value={data.stage} />
            {errors.form ? <p className="govuk-error-message" id="form">{t(errors.form)}</p> : null}
            {isDecision ? (
              <>
                <InsetText>{t(command === 'decide_to_assess' ? 'record.familyAskedAssessment' : 'record.familyAskedPlan')}</InsetText>
                <Radios
                  name="outcome"
                  legend={t('record.outcomeLegend')}
                  error={errors.outcome}
                  defaultValue={values.outcome}
                  choices={outcomeChoices[command].map((value) => ({ value, label: t(outcomeLabelKeys[value]) }))}
                />
              </>
            ) : null}
            {command === 'reverse_refusal' ? (
              <Radios
                name="orderedBy"
                legend={t('record.orderedByLegend')}
                error={errors.orderedBy}
                defaultValue={values.orderedBy}
                choices={refusalReversedBy.map((value) => ({ value, label: t(orderedByKeys[value]) }))}
              />
            ) : null}
            {hasReasons ? (
              <Textarea name="reasons" label={t('record.reasons')} hint={t('record.reasonsHint')} error={errors.reasons} defaultValue={values.reasons} rows={6} />
            ) : null}
            {isDecision ? (
              <Radios
                name="differs"
                legend={t('record.differsLegend')}
                hint={t('record.differsHint')}
                error={errors.differs}
                // A missing explanation is asked for under "Yes": open it, so the error summary's link has a field to land on.
                defaultValue={values.differs ?? (errors.whyDifferent ? 'yes' : undefined)}
                choices={[
                  {
                    value: 'yes',
                    label: t('record.differsYes'),
                    conditional: (
                      <Textarea name="whyDifferent" label={t('record.whyDifferent')} hint={t('record.whyDifferentHint')} error={errors.whyDifferent} defaultValue={values.whyDifferent} rows={4} />
                    ),
                  },
                  { value: 'no', label: t('record.differsNo') },
                ]}
              />
            ) : null}
            {data.dateField ? (
              <DateInput name={data.dateField} legend={t(dateLegendKeys[data.dateField])} hint={t('record.dateHint')} error={errors[data.dateField]} values={dateValues} />
            ) : null}
            {command === 'plan_in_place' ? <p className="govuk-body">{t('record.planInPlaceBody')}</p> : null}
            <SubmitButton>{t('record.submit')}</SubmitButton>
          </Form>
        )}
      </div>
    </div>
  );
}
