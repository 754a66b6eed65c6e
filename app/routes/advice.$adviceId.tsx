import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireAdviceAccess, requirePermission } from '~/auth/access.server';
import { PORTAL } from '~/auth/policy';
import { adviceStatus } from '~/domain/advice';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT, sizeInKb } from '~/domain/file-types';
import { todayInLondon } from '~/domain/timescales';
import { adviceReports, getAdviceRequest, parseAdviceForm, saveAdvice } from '~/features/advice/index.server';
import { optionalFileField, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { caseSummary } from '~/features/case-progress/index.server';
import { storeUpload } from '~/features/documents/index.server';
import { adviceKindKeys, adviceSections, adviceStatusColours, adviceStatusKeys } from '~/ui/advice-labels';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, NotificationBanner, SubmitButton, SummaryList, Tag } from '~/ui/govuk/content';
import { FileUpload, Textarea } from '~/ui/govuk/fields';
import { DocumentLinks } from '~/features/documents';
import { personName } from '~/domain/names';

export const handle: PageHandle = { namespaces: ['requests', 'case', 'advice', 'plan'], titleKey: 'advice.write.title' };

/**
 * The professional's own request: theirs only (anyone else, including another professional,
 * gets a 404), and only while the policy lists them on the case (open, or within the grace period).
 */
async function authorise(request: Request, adviceId: string) {
  // Only professionals have requests for advice: to anyone else this is a page they may not open.
  await requirePermission(request, 'read:advice-requests', PORTAL);
  const access = await requireAdviceAccess(request, null, adviceId, 'write:advice');
  const advice = await getAdviceRequest(adviceId);
  if (!advice) throw deniedResponse('not_found');
  return { ...access, advice };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { advice, caseRecord } = await authorise(request, params.adviceId ?? '');
  const [summary, reports] = await Promise.all([caseSummary(caseRecord.id), adviceReports(advice.id)]);
  return json({
    adviceId: advice.id,
    kind: advice.kind,
    child: summary ? { name: personName(summary.child), dateOfBirth: summary.child.dateOfBirth, reference: summary.reference } : null,
    caseworker: summary?.caseworker ?? null,
    laName: summary?.la.name ?? '',
    requestedOn: advice.requestedOn,
    dueBy: advice.dueBy,
    status: adviceStatus(advice, todayInLondon()),
    open: advice.state === 'open',
    draftSavedAt: advice.draftSavedAt ? advice.draftSavedAt.toISOString() : null,
    saved: { needs: advice.needs ?? '', provision: advice.provision ?? '', outcomes: advice.outcomes ?? '', consulted: advice.consulted ?? '' },
    reports: reports.map((r) => ({ id: r.id, name: r.originalName, sizeKb: sizeInKb(r.sizeBytes) })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, advice, caseRecord } = await authorise(request, params.adviceId ?? '');
  // One form: the advice and, optionally, a report. A refused file keeps everything typed.
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const { values } = form;
    if (form.broken) return formFailure({ form: 'errors.generic' }, {});
    const parsed = parseAdviceForm(values);
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const field = optionalFileField(form, 'file');
    if (!field.ok) return formFailure({ file: field.error }, values);
    const { file } = field;
    if (file) {
      if (advice.state !== 'open') return formFailure({ form: 'errors.advice.closed' }, values);
      const stored = await storeUpload({ file, uploadedBy: user.id, caseId: caseRecord.id, adviceRequestId: advice.id, kind: 'advice_report' });
      if (!stored.ok) return formFailure({ file: stored.error }, values);
    }
    // saveAdvice decides about closed requests: a second "send" of the same advice is a success.
    const outcome = await saveAdvice(user, advice.id, parsed.advice, parsed.submit);
    if (!outcome.ok) return formFailure({ form: outcome.error }, values);
    return redirect(`/advice/${advice.id}`);
  });
}

export default function WriteAdvice() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const data = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/advice">{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'needs', 'provision', 'outcomes', 'consulted', 'file']} />
        <span className="govuk-caption-l">{data.child?.name}</span>
        <h1 className="govuk-heading-l">{t('advice.write.heading', { kind: t(adviceKindKeys[data.kind]) })}</h1>
        {!data.open ? (
          <NotificationBanner title={t('advice.write.sentTitle')} success>
            <p className="govuk-notification-banner__heading">{t('advice.write.sentHeading')}</p>
            <p className="govuk-body">{t('advice.write.sentBody')}</p>
          </NotificationBanner>
        ) : null}
        <SummaryList
          rows={[
            { key: t('advice.write.child'), value: data.child ? t('advice.write.childValue', { name: data.child.name, reference: data.child.reference }) : '' },
            { key: t('advice.write.dateOfBirth'), value: data.child ? formatDate(data.child.dateOfBirth, locale) : '' },
            { key: t('advice.write.askedBy'), value: data.caseworker ? t('advice.write.askedByValue', { name: data.caseworker.name, email: data.caseworker.email, la: data.laName }) : data.laName },
            { key: t('advice.list.askedOn'), value: formatDate(data.requestedOn, locale) },
            {
              key: t('advice.list.dueBy'),
              value: (
                <>
                  {formatDate(data.dueBy, locale)} <Tag colour={adviceStatusColours[data.status]}>{t(adviceStatusKeys[data.status])}</Tag>
                </>
              ),
            },
          ]}
        />
        {data.open ? (
          <>
            <InsetText>{t('advice.write.familyWillRead')}</InsetText>
            {data.draftSavedAt ? <p className="govuk-body">{t('advice.write.draftSavedAt', { date: formatDateTime(data.draftSavedAt, locale) })}</p> : null}
            <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
              {adviceSections.map(([name, label, hint]) => (
                <Textarea key={name} name={name} label={t(label)} hint={t(hint)} error={errors[name]} defaultValue={values[name] ?? data.saved[name]} rows={8} />
              ))}
              <h2 className="govuk-heading-m">{t('advice.write.reportHeading')}</h2>
              <DocumentLinks files={data.reports} />
              <FileUpload name="file" label={t('advice.write.reportLabel')} hint={t('advice.write.reportHint')} error={errors.file} accept={UPLOAD_ACCEPT} />
              <div className="govuk-button-group">
                <SubmitButton name="intent" value="submit">
                  {t('advice.write.submit')}
                </SubmitButton>
                <SubmitButton name="intent" value="save" variant="secondary">
                  {t('advice.write.save')}
                </SubmitButton>
              </div>
            </Form>
          </>
        ) : (
          adviceSections.map(([name, label]) => (
            <section key={name}>
              <h2 className="govuk-heading-m">{t(label)}</h2>
              <p className="govuk-body app-pre-line">{data.saved[name]}</p>
            </section>
          ))
        )}
      </div>
    </div>
  );
}
