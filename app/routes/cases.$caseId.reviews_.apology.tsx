import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { todayInLondon } from '~/domain/timescales';
import { apologiseForReviewStep, currentReview, parseReviewApologyForm, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Radios, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';
import { reviewStepKeys } from '~/features/reviews';

export const handle: PageHandle = { namespaces: ['reviews', 'case'], titleKey: 'reviews.apology.title' };

/** An apology for a review step that missed its date, as for the assessment's dates: why, and the new date. The family is emailed and sees it on the review. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const review = await currentReview(caseRecord.id);
  if (!review) throw new Response('Not Found', { status: 404 });
  const missed = review.steps.filter((s) => s.state === 'overdue' || s.state === 'done_late' || s.breaches.length > 0).map((s) => s.key);
  return json({ caseId: caseRecord.id, missed, formKey: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const values = await readForm(request);
  const parsed = parseReviewApologyForm(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const { formKey, ...apology } = parsed.data;
  const outcome = await apologiseForReviewStep(user, caseRecord.id, apology, formKey);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function ReviewApology() {
  const { t } = useTranslation();
  const { caseId, missed, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'step', 'reason', 'newExpectedDate']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.apology.heading')}</h1>
        <p className="govuk-body">{t('reviews.apology.intro')}</p>
        <Form method="post" noValidate key={formKey}>
          <input type="hidden" name="formKey" value={values.formKey || freshKey} />
          <Radios
            name="step"
            legend={t('reviews.apology.step')}
            error={errors.step}
            defaultValue={values.step ?? (missed.length === 1 ? missed[0] : undefined)}
            choices={missed.map((step) => ({ value: step, label: t(reviewStepKeys[step]) }))}
          />
          <Textarea name="reason" label={t('reviews.apology.reason')} hint={t('reviews.apology.reasonHint')} error={errors.reason} defaultValue={values.reason} />
          <DateInput name="newExpectedDate" legend={t('reviews.apology.newDate')} error={errors.newExpectedDate} values={datePartsFrom(values, 'newExpectedDate')} />
          <SubmitButton>{t('reviews.apology.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
