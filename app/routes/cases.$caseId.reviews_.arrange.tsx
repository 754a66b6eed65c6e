import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { todayInLondon } from '~/domain/timescales';
import { arrangeMeeting, currentReview, parseArrangeForm, reviewOutcomeErrors } from '~/features/reviews/index.server';
import { datePartsFrom, datePartsFromIso } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { BackLink, SubmitButton } from '~/ui/govuk/content';
import { DateInput, Textarea } from '~/ui/govuk/fields';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['reviews', 'case'], titleKey: 'reviews.arrange.title' };

/** The council or the child's setting sets the meeting's date and where and how; the notice goes out at once. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'arrange:review');
  const review = await currentReview(caseRecord.id);
  if (!review || review.completedOn) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, meetingDate: review.facts.meetingDate, meetingDetails: review.meetingDetails, meetingDueBy: review.dates.meetingDueBy });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'arrange:review');
  const values = await readForm(request);
  const parsed = parseArrangeForm(values, todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const outcome = await arrangeMeeting(user, caseRecord.id, parsed.data);
  if (!outcome.ok) return formFailure(reviewOutcomeErrors(outcome), values);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function ArrangeReview() {
  const { t, i18n } = useTranslation();
  const { caseId, meetingDate, meetingDetails, meetingDueBy } = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const typed = Object.keys(values).length > 0;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/cases/${caseId}/reviews`}>{t('common.back')}</BackLink>
        <ErrorSummary errors={errors} fieldOrder={['form', 'meetingDate', 'meetingDetails']} />
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.arrange.heading')}</h1>
        <p className="govuk-body">{t('reviews.arrange.intro', { date: formatDate(meetingDueBy, i18n.language as Locale) })}</p>
        <Form method="post" noValidate key={formKey}>
          <DateInput
            name="meetingDate"
            legend={t('reviews.arrange.date')}
            hint={t('reviews.arrange.dateHint')}
            error={errors.meetingDate}
            values={typed ? datePartsFrom(values, 'meetingDate') : meetingDate ? datePartsFromIso(meetingDate) : { day: '', month: '', year: '' }}
          />
          <Textarea name="meetingDetails" label={t('reviews.arrange.details')} hint={t('reviews.arrange.detailsHint')} error={errors.meetingDetails} defaultValue={typed ? values.meetingDetails : (meetingDetails ?? '')} />
          <SubmitButton>{t('reviews.arrange.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
