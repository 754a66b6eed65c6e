import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { MAX_UPLOAD_BYTES, UPLOAD_ACCEPT } from '~/domain/file-types';
import { currentReview, parseReportForm, recordReport, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { storeUpload } from '~/features/documents/index.server';
import { optionalFileField, withMultipartForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { FileUpload, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';
import { DocumentLinks } from '~/features/documents';

export const handle: PageHandle = { namespaces: ['reviews', 'case', 'requests'], titleKey: 'reviews.report.title' };

/** The meeting's report with its recommendations, usually from the setting; a report document may be uploaded with it. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'report:review');
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, reportBy: review.dates.reportBy, recommendations: review.reportRecommendations, files: review.reportDocuments, held: review.steps[0].state === 'done' || review.steps[0].state === 'done_late' });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'report:review');
  // One form: the recommendations and, optionally, the report itself. A refused file keeps what was typed.
  return withMultipartForm(request, MAX_UPLOAD_BYTES, async (form) => {
    const { values } = form;
    if (form.broken) return formFailure({ form: 'errors.generic' }, {});
    const parsed = parseReportForm(values);
    if (!parsed.ok) return formFailure(parsed.errors, values);
    const field = optionalFileField(form, 'file');
    if (!field.ok) return formFailure({ file: field.error }, values);
    let documentId: string | null = null;
    if (field.file) {
      const stored = await storeUpload({ file: field.file, uploadedBy: user.id, caseId: caseRecord.id, kind: 'review_report' });
      if (!stored.ok) return formFailure({ file: stored.error }, values);
      documentId = stored.document.id;
    }
    const outcome = await recordReport(user, caseRecord.id, { recommendations: parsed.data.recommendations, documentId });
    if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
    return redirect(`/cases/${caseRecord.id}/reviews`);
  });
}

export default function ReviewReport() {
  const { t, i18n } = useTranslation();
  const { caseId, reportBy, recommendations, files, held } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'recommendations', 'file']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.report.formHeading')}</h1>
        {!held ? <InsetText>{t('reviews.report.notHeld')}</InsetText> : null}
        {reportBy ? <p className="govuk-body">{t('reviews.report.dueBy', { date: formatDate(reportBy, i18n.language as Locale) })}</p> : null}
        <Form method="post" encType="multipart/form-data" noValidate key={formKey}>
          <Textarea name="recommendations" label={t('reviews.report.recommendations')} hint={t('reviews.report.recommendationsHint')} error={errors.recommendations} defaultValue={values.recommendations ?? recommendations ?? ''} rows={8} />
          <DocumentLinks files={files} />
          <FileUpload name="file" label={t('reviews.report.file')} hint={t('reviews.report.fileHint')} error={errors.file} accept={UPLOAD_ACCEPT} />
          <SubmitButton>{t('reviews.report.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
