import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { amendedVersionBeingWritten, currentReview, issueFinalAmendedPlan, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['reviews', 'case'], titleKey: 'reviews.final.title' };

/**
 * Issuing the final amended plan: the version the caseworker wrote after the family's comments.
 * Both last days are shown: 8 weeks from the amendment notice and 12 weeks from the meeting.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn || review.facts.decision !== 'amend') throw new Response('Not Found', { status: 404 });
  return json({
    caseId: caseRecord.id,
    finalByNotice: review.dates.finalByNotice,
    finalByMeeting: review.dates.finalByMeeting,
    commentsLastDay: review.dates.commentsLastDay,
    writing: await amendedVersionBeingWritten(caseRecord.id),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const values = await readForm(request);
  const outcome = await issueFinalAmendedPlan(user, caseRecord.id);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function IssueFinalAmendedPlan() {
  const { t, i18n } = useTranslation();
  const { caseId, finalByNotice, finalByMeeting, commentsLastDay, writing } = useLoaderData<typeof loader>();
  const { errors, formKey } = useFormResult();
  const date = (iso: string | null) => (iso ? formatDate(iso, i18n.language as Locale) : '');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.final.formHeading')}</h1>
        <p className="govuk-body">{t('reviews.final.dates', { notice: date(finalByNotice), meeting: date(finalByMeeting) })}</p>
        {commentsLastDay ? <p className="govuk-body">{t('reviews.final.commentsLastDay', { date: date(commentsLastDay) })}</p> : null}
        <InsetText>
          {writing ? t('reviews.final.ready', { number: writing.number }) : t('reviews.final.none')}{' '}
          <Link className="govuk-link" to={`/cases/${caseId}/plan/write`}>
            {t('reviews.final.writeLink')}
          </Link>
        </InsetText>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="confirm" value="yes" />
          <SubmitButton>{t('reviews.final.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
