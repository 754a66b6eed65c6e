import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSubjectAccessRequest } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import { getFixedT } from '~/i18n/i18n.server';
import type { PageHandle } from '~/root';
import { buildDataExport, parseReleaseForm, releaseSubjectAccess, requesterOf, rowKeysOf, tableLabel } from '~/features/data-rights/index.server';
import { REVIEW_REASON_LABELS } from '~/features/data-rights';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, NotificationBanner, SubmitButton, SummaryList, Table } from '~/ui/govuk/content';
import { Checkboxes } from '~/ui/govuk/fields';

/**
 * One subject access request, for the council's manager (ADR 0034): what the copy holds, the
 * list of what may be other people's data or exempt (staff-only case notes among them), the
 * copy to check, and its release. Every opening is audited by the guard.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'dataRights.request.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await requireSubjectAccessRequest(request, params.sarId ?? '', 'manage:subject-access');
  const requester = await requesterOf(record);
  const data = await buildDataExport({ user: requester, laId: record.laId });
  const t = getFixedT(user.locale);
  return json({
    request: { id: record.id, receivedOn: record.receivedOn, dueOn: record.dueOn, receivedVia: record.receivedVia, status: record.status, releasedAt: record.releasedAt?.toISOString() ?? null, heldBack: record.redactions.length },
    requesterName: requester.name,
    counts: Object.entries(data.tables).map(([name, rows]) => ({ label: tableLabel(t, name), count: rows.length })),
    documents: data.documents.length,
    review: data.review.map((item) => ({ key: item.key, table: tableLabel(t, item.table), field: item.field, reason: item.reason, person: item.person })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, record } = await requireSubjectAccessRequest(request, params.sarId ?? '', 'manage:subject-access');
  const values = await readForm(request);
  const requester = await requesterOf(record);
  const data = await buildDataExport({ user: requester, laId: record.laId });
  const parsed = parseReleaseForm(values, data.review.map((item) => item.key));
  if (!parsed.ok) return formFailure(parsed.errors, values);
  // Released twice (a double click, two managers): the second finds it released and changes nothing.
  // What the manager saw is what the person gets: the records as they stand now, nothing added later.
  await releaseSubjectAccess(user, record, { redactions: parsed.redactions, rows: rowKeysOf(data) }, clientAddress(request));
  return redirect(`/subject-access/${record.id}`);
}

const viaKeys = {
  portal: 'dataRights.staff.via.portal',
  letter: 'dataRights.staff.via.letter',
  email: 'dataRights.staff.via.email',
  in_person: 'dataRights.staff.via.in_person',
} as const;

export default function SubjectAccessRequestPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { request, requesterName, counts, documents, review } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const released = request.status === 'released';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/subject-access">{t('dataRights.request.back')}</BackLink>
        {released && request.releasedAt ? (
          <NotificationBanner title={t('dataRights.request.releasedTitle')} success>
            {t('dataRights.request.released', { when: formatDateTime(request.releasedAt, locale) })} {t('dataRights.request.heldBack', { count: request.heldBack })}
          </NotificationBanner>
        ) : null}
        <ErrorSummary errors={errors} fieldOrder={['redact']} />
        <h1 className="govuk-heading-l">{t('dataRights.request.heading', { name: requesterName })}</h1>
        <SummaryList
          rows={[
            { key: t('dataRights.request.received'), value: formatDate(request.receivedOn, locale) },
            { key: t('dataRights.request.due'), value: formatDate(request.dueOn, locale) },
            { key: t('dataRights.request.via'), value: t(viaKeys[request.receivedVia]) },
            { key: t('dataRights.request.status'), value: released ? t('dataRights.staff.status.released') : t('dataRights.staff.status.received') },
          ]}
        />
        <h2 className="govuk-heading-m">{t('dataRights.request.previewHeading')}</h2>
        <Table
          caption={t('dataRights.request.previewCaption')}
          head={[t('dataRights.request.head.kind'), t('dataRights.request.head.count')]}
          rows={[...counts.filter((c) => c.count > 0).map((c) => [c.label, String(c.count)]), [t('dataRights.request.documents'), String(documents)]]}
        />
        <p className="govuk-body">
          <a className="govuk-link" href={`/subject-access/${request.id}/export`} download>
            {t('dataRights.request.downloadForReview')}
          </a>
        </p>
        {released ? null : (
          <>
            <h2 className="govuk-heading-m">{t('dataRights.request.releaseHeading')}</h2>
            <p className="govuk-body">{t('dataRights.request.releaseIntro')}</p>
            <Form method="post" noValidate key={formKey}>
              {review.length === 0 ? (
                <p className="govuk-body">{t('dataRights.request.noReview')}</p>
              ) : (
                <Checkboxes
                  name="redact"
                  legend={t('dataRights.review.heading')}
                  hint={t('dataRights.review.intro')}
                  error={errors.redact}
                  checked={(values.redact ?? '').split(',')}
                  choices={review.map((item) => ({
                    value: item.key,
                    label: `${t('dataRights.review.item', { table: item.table, field: item.field })}${item.person ? ` (${item.person})` : ''}`,
                    hint: t(REVIEW_REASON_LABELS[item.reason]),
                  }))}
                />
              )}
              <SubmitButton>{t('dataRights.request.releaseSubmit')}</SubmitButton>
            </Form>
          </>
        )}
      </div>
    </div>
  );
}
