import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from '~/domain/file-types';
import { DocumentLinks } from '~/features/documents';
import { RequestAnswers } from '~/features/requests';
import { addEvidenceToSentRequest, sentRequestOfCase } from '~/features/requests/index.server';
import { CaseCaption } from '~/features/case-progress';
import { fileField, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { PrintButton } from '~/ui/PrintButton';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton, Table } from '~/ui/govuk/content';
import { FileUpload } from '~/ui/govuk/fields';

export const handle: PageHandle = { namespaces: ['case', 'requests'], titleKey: 'sentRequest.title' };

/**
 * The request for assessment as it was sent: the family and their advisers re-read and print
 * it, the council reads every answer, and adds evidence the family sends later.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // The family's and the council's page: a professional asked for advice reads only their part.
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:request');
  const sent = await sentRequestOfCase(caseRecord.id);
  if (!sent) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, sent, canAddEvidence: decide(user, 'record:decision', subject) === 'allow' });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'record:decision');
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const file = fileField(form, 'file');
    if (!file.ok) return formFailure({ file: file.error }, {});
    const stored = await addEvidenceToSentRequest(user, caseRecord.id, file.file);
    if (!stored.ok) return formFailure({ file: stored.error }, {});
    return redirect(`/cases/${caseRecord.id}/request#added-later`);
  });
}

export default function SentRequestPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, sent, canAddEvidence } = useLoaderData<typeof loader>();
  const { errors, formKey } = useFormResult();
  const sentOn = formatDate(sent.sentAt.slice(0, 10), locale);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('sentRequest.heading')}</h1>
        <p className="govuk-body">
          {sent.onBehalfOf
            ? t('sentRequest.sentOnBehalf', { date: sentOn, name: sent.sentBy ?? '', family: sent.onBehalfOf })
            : sent.sentBy
              ? t('sentRequest.sentBy', { date: sentOn, name: sent.sentBy })
              : t('sentRequest.sentOn', { date: sentOn })}
        </p>
        <p className="govuk-body">{t('sentRequest.unchanged')}</p>
        <PrintButton label={t('sentRequest.print')} />
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/cases/${caseId}/request/pdf`} download>
            {t('sentRequest.downloadPdf')}
          </a>
        </p>
        <RequestAnswers answers={sent.answers} />
        <h2 className="govuk-heading-m">{t('sentRequest.sentWith')}</h2>
        {sent.sentWith.length === 0 ? <p className="govuk-body">{t('sentRequest.noDocuments')}</p> : <DocumentLinks files={sent.sentWith} />}
        <h2 className="govuk-heading-m" id="added-later">
          {t('sentRequest.addedLater')}
        </h2>
        {sent.addedLater.length === 0 ? (
          <p className="govuk-body">{t('sentRequest.noneAddedLater')}</p>
        ) : (
          <Table
            caption={<span className="govuk-visually-hidden">{t('sentRequest.addedLater')}</span>}
            head={[t('sentRequest.document'), t('sentRequest.addedOn'), t('sentRequest.addedBy')]}
            rows={sent.addedLater.map((file) => [
              <a className="govuk-link" href={`/documents/${file.id}`} key={file.id}>
                {t('request.documents.fileLink', { name: file.name, size: file.sizeKb })}
              </a>,
              formatDateTime(file.addedAt, locale),
              file.addedBy,
            ])}
          />
        )}
        {canAddEvidence ? (
          <Form method="post" encType="multipart/form-data" noValidate key={formKey} className="app-no-print">
            <FileUpload name="file" label={t('sentRequest.addEvidence.label')} hint={t('sentRequest.addEvidence.hint')} error={errors.file} accept={UPLOAD_ACCEPT} />
            <SubmitButton>{t('sentRequest.addEvidence.submit')}</SubmitButton>
          </Form>
        ) : null}
      </div>
    </div>
  );
}
