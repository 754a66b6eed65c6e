import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { deniedResponse, requireCaseAccess } from '~/auth/access.server';
import { todayInLondon } from '~/domain/timescales';
import { currentReview, parseDoneOnForm, recordAdviceCirculated, recordMeetingHeld, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = {
  namespaces: ['reviews', 'case'],
  title: (data, t) => t((data as { fact?: string } | undefined)?.fact === 'held' ? 'reviews.held.title' : 'reviews.advice.title'),
};

/** Two dated facts of a review: the advice circulated (whoever arranges the meeting) and the day the meeting was held (the council). */
const facts = {
  advice: { heading: 'reviews.advice.heading', intro: 'reviews.advice.intro', legend: 'reviews.advice.date', submit: 'reviews.advice.submit' },
  held: { heading: 'reviews.held.heading', intro: 'reviews.held.intro', legend: 'reviews.held.date', submit: 'reviews.held.submit' },
} as const;

async function authorise(request: Request, caseId: string, fact: string | undefined) {
  if (fact !== 'advice' && fact !== 'held') {
    await requireCaseAccess(request, caseId, 'read:review');
    throw deniedResponse('not_found');
  }
  const access = fact === 'held' ? await requireCaseAccess(request, caseId, 'decide:review') : await requireCaseAccess(request, caseId, 'arrange:review');
  return { ...access, fact };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord, fact } = await authorise(request, params.caseId ?? '', params.fact);
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, fact, current: fact === 'held' ? review.facts.meetingDate : review.facts.adviceCirculatedOn });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user, fact } = await authorise(request, params.caseId ?? '', params.fact);
  const values = await readForm(request);
  const parsed = parseDoneOnForm(values, 'on', todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = fact === 'held' ? await recordMeetingHeld(user, caseRecord.id, parsed.data) : await recordAdviceCirculated(user, caseRecord.id, parsed.data);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function RecordReviewFact() {
  const { t } = useTranslation();
  const { caseId, fact, current } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const words = facts[fact as keyof typeof facts];
  const typed = Object.keys(values).length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'on']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t(words.heading)}</h1>
        <p className="govuk-body">{t(words.intro)}</p>
        <Form method="post" noValidate key={formKey}>
          <DateInput name="on" legend={t(words.legend)} error={errors.on} values={typed ? datePartsFrom(values, 'on') : current ? datePartsFromIso(current) : { day: '', month: '', year: '' }} />
          <SubmitButton>{t(words.submit)}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
