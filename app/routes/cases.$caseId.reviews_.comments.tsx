import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { planSections } from '~/domain/plan-content';
import { amendmentComments, commentOnAmendments, currentReview, parseAmendmentCommentForm, proposedVersionIdOf, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { readForm } from '~/forms/form.server';
import { PLAN_COMMENT_MAX_LENGTH } from '~/forms/text-limits';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { AmendmentComments } from '~/ui/AmendmentComments';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, InsetText, SubmitButton } from '~/ui/govuk/content';
import { CharacterCount, Select } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';
import { planSectionKeys } from '~/ui/advice-labels';

export const handle: PageHandle = { namespaces: ['reviews', 'case', 'plan', 'advice'], titleKey: 'reviews.comments.title' };

/** The family's comments on the proposed amendments, section by section, within their 15 days. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'comment:review-amendments');
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn || review.proposedVersionNumber === null) throw new Response('Not Found', { status: 404 });
  const comments = await amendmentComments(await proposedVersionIdOf(caseRecord.id));
  return json({
    caseId: caseRecord.id,
    lastDay: review.dates.commentsLastDay,
    open: review.steps.find((s) => s.key === 'comments')?.state === 'open',
    proposed: review.proposedVersionNumber,
    replaced: review.replacedVersionNumber,
    comments,
    formKey: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'comment:review-amendments');
  const values = await readForm(request);
  const parsed = parseAmendmentCommentForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await commentOnAmendments(user, caseRecord.id, parsed.data);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews/comments`);
}

export default function CommentOnAmendments() {
  const { t, i18n } = useTranslation();
  const { caseId, lastDay, open, proposed, replaced, comments, formKey: freshKey } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'section', 'body']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.comments.heading')}</h1>
        {lastDay ? <p className="govuk-body">{t('reviews.comments.lastDay', { date: formatDate(lastDay, i18n.language as Locale) })}</p> : null}
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}/plan/versions/${proposed}`}>
            {t('reviews.comments.readProposed')}
          </Link>
          {replaced !== null ? (
            <>
              {' · '}
              <Link className="govuk-link" to={`/cases/${caseId}/plan/compare?from=${replaced}&to=${proposed}`}>
                {t('reviews.comments.compare')}
              </Link>
            </>
          ) : null}
        </p>
        <AmendmentComments comments={comments} />
        {open ? (
          <Form method="post" noValidate key={formKey}>
            <input type="hidden" name="formKey" value={values.formKey || freshKey} />
            <Select
              name="section"
              label={t('reviews.comments.section')}
              error={errors.section}
              defaultValue={values.section}
              emptyLabel={t('reviews.comments.chooseSection')}
              choices={planSections.map((section) => ({ value: section, label: t(planSectionKeys[section]) }))}
            />
            <CharacterCount name="body" label={t('reviews.comments.body')} error={errors.body} defaultValue={values.body} rows={6} maxLength={PLAN_COMMENT_MAX_LENGTH} />
            <SubmitButton>{t('reviews.comments.submit')}</SubmitButton>
          </Form>
        ) : (
          <InsetText>{t('reviews.comments.closed')}</InsetText>
        )}
      </div>
    </div>
  );
}
