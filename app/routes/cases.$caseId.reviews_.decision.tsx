import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { amendedVersionBeingWritten, currentReview, decideReview, parseDecisionForm, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { Radios, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';
import { decisionChoiceKeys } from '~/features/reviews';
const reviewDecisions = ['keep', 'amend', 'cease'] as const;

export const handle: PageHandle = { namespaces: ['reviews', 'case'], titleKey: 'reviews.decide.title' };

/**
 * The council's decision after the meeting. To amend, the caseworker first writes the proposed
 * amendments as a new plan version on the plan pages; they are sent with the decision (Devon).
 * Keeping the plan unchanged or ceasing it needs reasons, and the family is told their appeal rights.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, decisionBy: review.dates.decisionBy, decided: review.facts.decision, writing: await amendedVersionBeingWritten(caseRecord.id) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const values = await readForm(request);
  const parsed = parseDecisionForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await decideReview(user, caseRecord.id, parsed.data);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function DecideReview() {
  const { t, i18n } = useTranslation();
  const { caseId, decisionBy, writing } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'decision', 'reasons']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.decide.heading')}</h1>
        {decisionBy ? <p className="govuk-body">{t('reviews.decide.dueBy', { date: formatDate(decisionBy, i18n.language as Locale) })}</p> : null}
        <InsetText>
          {writing ? t('reviews.decide.amendmentsReady', { number: writing.number }) : t('reviews.decide.amendmentsNone')}{' '}
          <Link className="govuk-link" to={`/cases/${caseId}/plan/write`}>
            {t('reviews.decide.writeLink')}
          </Link>
        </InsetText>
        <Form method="post" noValidate key={formKey}>
          <Radios name="decision" legend={t('reviews.decide.legend')} error={errors.decision} defaultValue={values.decision} choices={reviewDecisions.map((d) => ({ value: d, label: t(decisionChoiceKeys[d]) }))} />
          <Textarea name="reasons" label={t('reviews.decide.reasons')} hint={t('reviews.decide.reasonsHint')} error={errors.reasons} defaultValue={values.reasons} />
          <SubmitButton>{t('reviews.decide.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
