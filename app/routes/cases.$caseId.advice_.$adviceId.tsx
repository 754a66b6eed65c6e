import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { WrittenIn } from '~/ui/WrittenIn';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireAdviceAccess, requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { adviceStatus } from '~/domain/advice';
import { todayInLondon } from '~/domain/timescales';
import { adviceReports, cancelAdviceRequest, getAdviceRequest, parseWithholdForm, releaseAdvice, withholdAdvice } from '~/features/advice/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { adviceKindKeys, adviceSections, adviceStatusColours, adviceStatusKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton, SummaryList, Tag } from '~/ui/govuk/content';
import { Textarea } from '~/ui/govuk/fields';
import { PrintButton } from '~/ui/PrintButton';
import { sizeInKb } from '~/domain/file-types';
import { DocumentLinks } from '~/features/documents';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = {
  namespaces: ['requests', 'case', 'advice', 'plan'],
  title: (data, t) => {
    const d = data as { kind?: keyof typeof adviceKindKeys } | undefined;
    return d?.kind ? t('advice.read.title', { kind: t(adviceKindKeys[d.kind]) }) : t('advice.read.titleFallback');
  },
};

/** Staff see every request on the case; the family only advice that is submitted and not held back. */
async function authorise(request: Request, caseId: string, adviceId: string, permission: 'read:advice' | 'record:decision') {
  // Reading is decided on the advice itself (to the family, advice not released does not exist);
  // changing it is the council's decision on the case.
  const access = permission === 'read:advice' ? await requireAdviceAccess(request, caseId, adviceId, 'read:advice') : await requireCaseAccess(request, caseId, 'record:decision');
  const advice = await getAdviceRequest(adviceId);
  if (!advice || advice.caseId !== access.caseRecord.id) throw deniedResponse('not_found');
  return { ...access, advice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject, advice } = await authorise(request, params.caseId ?? '', params.adviceId ?? '', 'read:advice');
  const reports = await adviceReports(advice.id);
  const submitted = advice.state === 'submitted';
  return json({
    caseId: caseRecord.id,
    adviceId: advice.id,
    kind: advice.kind,
    professionalName: advice.professionalName,
    requestedOn: advice.requestedOn,
    dueBy: advice.dueBy,
    status: adviceStatus(advice, todayInLondon()),
    submittedAt: advice.submittedAt ? advice.submittedAt.toISOString() : null,
    // Draft advice stays the professional's until they submit it.
    sections: submitted ? { needs: advice.needs ?? '', provision: advice.provision ?? '', outcomes: advice.outcomes ?? '', consulted: advice.consulted ?? '' } : null,
    writtenIn: advice.writtenIn,
    reports: submitted ? reports.map((r) => ({ id: r.id, name: r.originalName, sizeKb: sizeInKb(r.sizeBytes) })) : [],
    staff: decide(user, 'read:unreleased-advice', subject) === 'allow' ? { withheldReason: advice.withheldReason, open: advice.state === 'open' } : null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord, advice } = await authorise(request, params.caseId ?? '', params.adviceId ?? '', 'record:decision');
  const values = await readForm(request);
  const back = redirect(`/cases/${caseRecord.id}/advice/${advice.id}`);
  switch (values.intent) {
    case 'withhold': {
      if (advice.state !== 'submitted') return back;
      const form = parseWithholdForm(values);
      if (!form.ok) return formFailure(form.errors, values);
      await withholdAdvice(user, caseRecord.id, advice.id, form.data.reason);
      return back;
    }
    case 'release':
      await releaseAdvice(user, caseRecord.id, advice.id);
      return back;
    case 'cancel':
      await cancelAdviceRequest(user, caseRecord.id, advice.id);
      return redirect(`/cases/${caseRecord.id}/advice`);
    default:
      return formFailure({ form: 'errors.generic' }, values);
  }
}

export default function ReadAdvice() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const data = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to={`/cases/${data.caseId}/advice`}>{t('common.back')}</BackLink>
        </div>
        <ErrorSummary errors={errors} fieldOrder={['form', 'reason']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('advice.read.heading', { kind: t(adviceKindKeys[data.kind]) })}</h1>
        <SummaryList
          rows={[
            { key: t('advice.read.from'), value: data.professionalName },
            { key: t('advice.read.askedOn'), value: formatDate(data.requestedOn, locale) },
            { key: t('advice.read.dueBy'), value: formatDate(data.dueBy, locale) },
            {
              key: t('advice.read.status'),
              value: data.submittedAt ? t('advice.read.submittedAt', { date: formatDateTime(data.submittedAt, locale) }) : <Tag colour={adviceStatusColours[data.status]}>{t(adviceStatusKeys[data.status])}</Tag>,
            },
          ]}
        />
        {data.staff?.withheldReason ? (
          <InsetText>
            <p className="govuk-body">{t('advice.read.withheldStaff')}</p>
            <p className="govuk-body app-pre-line">{data.staff.withheldReason}</p>
          </InsetText>
        ) : null}
        {data.sections ? (
          <>
            {adviceSections.map(([field, key]) => (
              <section key={field}>
                <h2 className="govuk-heading-m">{t(key)}</h2>
                <WrittenIn language={data.writtenIn}>
                  <p className="govuk-body app-pre-line">{data.sections?.[field]}</p>
                </WrittenIn>
              </section>
            ))}
            {data.reports.length > 0 ? (
              <>
                <h2 className="govuk-heading-m">{t('advice.read.reports')}</h2>
                <DocumentLinks files={data.reports} />
              </>
            ) : null}
            <PrintButton label={t('advice.read.print')} />
          </>
        ) : (
          <p className="govuk-body">{t('advice.read.notYet')}</p>
        )}
        {data.staff ? (
          <section className="app-no-print">
            <h2 className="govuk-heading-m">{t('advice.read.staffHeading')}</h2>
            {data.sections && !data.staff.withheldReason ? (
              <Form method="post" noValidate key={formKey}>
                <input type="hidden" name="intent" value="withhold" />
                <Textarea name="reason" label={t('advice.read.withholdLabel')} hint={t('advice.read.withholdHint')} error={errors.reason} defaultValue={values.reason} rows={3} />
                <SubmitButton variant="warning">{t('advice.read.withhold')}</SubmitButton>
              </Form>
            ) : null}
            {data.staff.withheldReason ? (
              <Form method="post">
                <SubmitButton name="intent" value="release">
                  {t('advice.read.release')}
                </SubmitButton>
              </Form>
            ) : null}
            {data.staff.open ? (
              <Form method="post">
                <p className="govuk-body">{t('advice.read.cancelHint')}</p>
                <SubmitButton name="intent" value="cancel" variant="secondary">
                  {t('advice.read.cancel')}
                </SubmitButton>
              </Form>
            ) : null}
          </section>
        ) : null}
      </div>
    </div>
  );
}
