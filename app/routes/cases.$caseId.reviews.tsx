import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { audienceOf, decide, type Permission } from '~/auth/policy';
import { addDays, todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { AmendmentComments } from '~/ui/AmendmentComments';
import { amendmentComments, amendedVersionBeingWritten, parseDoneOnForm, proposedVersionIdOf, reviewApologies, reviewsOfCase, startReviewForPlan, viewsOfReview } from '~/features/reviews/index.server';
import { datePartsFrom } from '~/forms/date-parts';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { DateInput } from '~/ui/govuk/fields';
import { SubmitButton } from '~/ui/govuk/content';
import { CaseCaption, useCaseLayout } from '~/features/case-progress';
import { DocumentLinks } from '~/features/documents';
import { ReviewStepList, reviewBreachKeys, reviewStatusKeys, reviewStepKeys, decisionKeys, transferKeys } from '~/features/reviews';
import { viewQuestions } from '~/ui/advice-labels';
import { InsetText, NotificationBanner, SummaryList, Tag, WarningText } from '~/ui/govuk/content';
import { WrittenIn } from '~/ui/WrittenIn';

export const handle: PageHandle = { namespaces: ['reviews', 'case', 'plan', 'advice', 'requests'], titleKey: 'reviews.page.title' };

/**
 * Where the plan's annual review is (issue 14, item 5): its steps with their dates as met, due or
 * missed, the statutory dates (both final amended plan dates, the transfer's last day), and what
 * this viewer can do now. Everyone who may read the review sees it: the family, the young person,
 * advisers with consent, the child's setting and the council.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:review');
  const today = todayInLondon();
  const may = (permission: Permission) => decide(user, permission, subject) === 'allow';
  const [reviews, apologies, writing] = await Promise.all([reviewsOfCase(caseRecord.id, today), reviewApologies(caseRecord.id), amendedVersionBeingWritten(caseRecord.id)]);
  const review = reviews.find((r) => r.completedOn === null) ?? reviews[0] ?? null;
  const readViews = may('read:views');
  const [views, comments] = review
    ? await Promise.all([readViews ? viewsOfReview(review.id) : Promise.resolve([]), review.proposedVersionNumber !== null ? amendmentComments(await proposedVersionIdOf(caseRecord.id)) : Promise.resolve([])])
    : [[], []];
  const open = review !== null && review.completedOn === null;
  // The review completed in the last 2 months (kept, ceased, or amended): its decision, appeal
  // rights and final plan stay on the page while the next review starts.
  const recentlyDone = reviews.find((r) => r.id !== review?.id && r.completedOn !== null && r.completedOn >= addDays(today, -61)) ?? null;
  const meetingHeld = review?.facts.meetingDate != null && review.facts.meetingDate <= today;
  const decided = review?.facts.decision != null;
  const commentsOpen = review?.steps.find((s) => s.key === 'comments')?.state === 'open';
  const missed = review ? review.steps.filter((s) => s.state === 'overdue' || s.state === 'done_late' || s.breaches.length > 0).map((s) => s.key) : [];
  return json({
    caseId: caseRecord.id,
    today,
    review,
    recentlyDone,
    earlier: reviews.filter((r) => r.id !== review?.id).map((r) => ({ number: r.number, completedOn: r.completedOn, decision: r.facts.decision })),
    views,
    comments,
    apologies,
    readViews,
    // What this viewer can do now, step by step.
    can: {
      arrange: open && !decided && !meetingHeld && may('arrange:review'),
      advice: open && !decided && review?.facts.meetingDate != null && may('arrange:review'),
      report: open && meetingHeld && !decided && may('report:review'),
      parentViews: open && !decided && may('write:parent-views'),
      childViews: open && !decided && may('write:child-views'),
      held: open && !decided && may('decide:review'),
      decide: open && meetingHeld && !decided && may('decide:review'),
      writeAmendments: open && !decided && meetingHeld && may('record:decision'),
      comment: open && commentsOpen && may('comment:review-amendments'),
      final: open && review?.facts.decision === 'amend' && may('decide:review'),
      apologise: missed.length > 0 && may('decide:review'),
      // A plan in force from before the portal (or before reviews were recorded): the council starts its review.
      start: !open && (caseRecord.stage === 'final_plan_issued' || caseRecord.stage === 'plan_maintained') && may('decide:review'),
      readPlan: may('read:plan'),
    },
    writingAmendments: writing,
    speaksForSelf: audienceOf(user) === 'young_person',
  });
}

/** The council starts the review of a plan already in force: its 12 months run from the plan's issue date or the last review meeting. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { caseRecord, user } = await requireCaseAccess(request, params.caseId ?? '', 'decide:review');
  const values = await readForm(request);
  const parsed = parseDoneOnForm(values, 'cycleStart', todayInLondon());
  if (!parsed.ok) return formFailure(parsed.errors, values);
  await startReviewForPlan(user, caseRecord.id, parsed.data);
  return redirect(`/cases/${caseRecord.id}/reviews`);
}

export default function Reviews() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, today, review, recentlyDone, earlier, views, comments, apologies, readViews, can, writingAmendments, speaksForSelf } = useLoaderData<typeof loader>();
  const { childGivenName } = useCaseLayout();
  const { errors, values, formKey } = useFormResult();
  const startForm = can.start ? (
    <>
      <ErrorSummary errors={errors} fieldOrder={['cycleStart']} />
      <h2 className="govuk-heading-m">{t('reviews.start.heading')}</h2>
      <Form method="post" noValidate key={formKey}>
        <DateInput name="cycleStart" legend={t('reviews.start.date')} hint={t('reviews.start.dateHint')} error={errors.cycleStart} values={datePartsFrom(values, 'cycleStart')} />
        <SubmitButton>{t('reviews.start.submit')}</SubmitButton>
      </Form>
    </>
  ) : null;
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, locale) : t('reviews.page.notKnown'));
  const base = `/cases/${caseId}/reviews`;
  if (!review) {
    return (
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <CaseCaption />
          <h1 className="govuk-heading-l">{t('reviews.page.heading')}</h1>
          <p className="govuk-body">{t('reviews.page.none')}</p>
          {startForm}
        </div>
      </div>
    );
  }
  const { dates, status, facts } = review;
  const breaches = review.steps.flatMap((s) => s.breaches);
  const actions: { to: string; text: string }[] = [
    ...(can.arrange ? [{ to: `${base}/arrange`, text: t(facts.meetingDate ? 'reviews.actions.rearrange' : 'reviews.actions.arrange') }] : []),
    ...(can.advice ? [{ to: `${base}/record/advice`, text: t('reviews.actions.advice') }] : []),
    ...(can.parentViews ? [{ to: `${base}/views/parent`, text: t('reviews.actions.parentViews') }] : []),
    ...(can.childViews ? [{ to: `${base}/views/child`, text: speaksForSelf ? t('reviews.actions.ownViews') : t('reviews.actions.childViews', { name: childGivenName }) }] : []),
    ...(can.held ? [{ to: `${base}/record/held`, text: t('reviews.actions.held') }] : []),
    ...(can.report ? [{ to: `${base}/report`, text: t('reviews.actions.report') }] : []),
    ...(can.writeAmendments ? [{ to: `/cases/${caseId}/plan/write`, text: t(writingAmendments ? 'reviews.actions.continueAmendments' : 'reviews.actions.writeAmendments') }] : []),
    ...(can.decide ? [{ to: `${base}/decision`, text: t('reviews.actions.decide') }] : []),
    ...(can.comment ? [{ to: `${base}/comments`, text: t('reviews.actions.comment') }] : []),
    ...(can.final ? [{ to: `${base}/final`, text: t('reviews.actions.final') }] : []),
    ...(can.apologise ? [{ to: `${base}/apology`, text: t('reviews.actions.apologise') }] : []),
  ];
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('reviews.page.headingNumber', { number: review.number })}</h1>

        {recentlyDone ? (
          <>
            <h2 className="govuk-heading-m">{t('reviews.page.recentHeading', { number: recentlyDone.number })}</h2>
            <DecisionSection caseId={caseId} review={recentlyDone} canReadPlan={can.readPlan} />
          </>
        ) : null}

        {apologies.map((apology) => (
          <NotificationBanner key={apology.id} title={t('reviews.apology.bannerTitle')}>
            <p className="govuk-notification-banner__heading">{t('reviews.apology.bannerHeading', { step: t(reviewStepKeys[apology.step]) })}</p>
            <p className="govuk-body app-pre-line">{t('reviews.apology.bannerReason', { reason: apology.reason })}</p>
            <p className="govuk-body">{t('reviews.apology.bannerDate', { date: date(apology.newExpectedDate) })}</p>
            <p className="govuk-body">{t('reviews.apology.bannerFrom', { name: apology.actorName ?? '' })}</p>
          </NotificationBanner>
        ))}

        <p className="govuk-body-l">{t(reviewStatusKeys[status.status])}</p>
        {breaches.map((breach) => (
          <WarningText key={breach}>{t(reviewBreachKeys[breach])}</WarningText>
        ))}

        <h2 className="govuk-heading-m">{t('reviews.page.doNow')}</h2>
        {actions.length > 0 ? (
          <ul className="govuk-list">
            {actions.map((action) => (
              <li key={action.to}>
                <Link className="govuk-link" to={action.to}>
                  {action.text}
                </Link>
              </li>
            ))}
          </ul>
        ) : (
          <p className="govuk-body">{t('reviews.page.nothingNow')}</p>
        )}

        <h2 className="govuk-heading-m">{t('reviews.page.datesHeading')}</h2>
        <SummaryList
          rows={[
            { key: t('reviews.dates.cycleStart'), value: date(facts.cycleStart) },
            { key: t('reviews.dates.reviewDueBy'), value: date(dates.reviewDueBy) },
            ...(facts.transfer && dates.transferLastDay
              ? [{ key: t('reviews.dates.transferLastDay'), value: <>{date(dates.transferLastDay)} <span className="govuk-body-s">({t(transferKeys[facts.transfer.kind])})</span></> }]
              : []),
            { key: t('reviews.dates.meeting'), value: facts.meetingDate ? date(facts.meetingDate) : t('reviews.page.notArranged') },
            ...(review.meetingDetails ? [{ key: t('reviews.dates.meetingDetails'), value: <span className="app-pre-line">{review.meetingDetails}</span> }] : []),
            { key: t('reviews.dates.decisionBy'), value: date(dates.decisionBy) },
            ...(dates.commentsLastDay ? [{ key: t('reviews.dates.commentsLastDay'), value: date(dates.commentsLastDay) }] : []),
            {
              key: t('reviews.dates.finalByNotice'),
              value: (
                <>
                  {date(dates.finalByNotice)} {review.steps.some((s) => s.breaches.includes('finalAfter8Weeks')) ? <Tag colour="red">{t('reviews.page.missed')}</Tag> : null}
                </>
              ),
            },
            {
              key: t('reviews.dates.finalByMeeting'),
              value: (
                <>
                  {date(dates.finalByMeeting)} {review.steps.some((s) => s.breaches.includes('finalAfter12Weeks')) ? <Tag colour="red">{t('reviews.page.missed')}</Tag> : null}
                </>
              ),
            },
          ]}
        />
        <p className="govuk-body-s">{t('reviews.page.finalDatesHint')}</p>

        <h2 className="govuk-heading-m">{t('reviews.page.stepsHeading')}</h2>
        <ReviewStepList steps={review.steps} today={today} />

        {readViews ? (
          <>
            <h2 className="govuk-heading-m">{t('reviews.views.heading')}</h2>
            {views.length === 0 ? <p className="govuk-body">{t('reviews.views.none')}</p> : null}
            {views.map((entry) => (
              <div key={entry.id} className="govuk-!-margin-bottom-6">
                <h3 className="govuk-heading-s">{entry.voice === 'child' ? t('reviews.views.childHeading', { name: childGivenName }) : t('reviews.views.parentHeading', { name: entry.writerName })}</h3>
                <p className="govuk-body-s">{t('reviews.views.writtenBy', { name: entry.writerName })}</p>
                <dl className="govuk-summary-list">
                  {viewQuestions
                    .filter(([field]) => entry[field])
                    .map(([field, key]) => (
                      <div className="govuk-summary-list__row" key={field}>
                        <dt className="govuk-summary-list__key">{t(key, { name: childGivenName })}</dt>
                        <dd className="govuk-summary-list__value app-pre-line">{entry[field]}</dd>
                      </div>
                    ))}
                </dl>
                <DocumentLinks files={entry.pictures} />
              </div>
            ))}
          </>
        ) : null}

        {facts.reportReceivedOn ? (
          <>
            <h2 className="govuk-heading-m">{t('reviews.report.heading')}</h2>
            <p className="govuk-body">{t('reviews.report.receivedOn', { date: date(facts.reportReceivedOn) })}</p>
            <WrittenIn language={review.reportWrittenIn}>
              <p className="govuk-body app-pre-line">{review.reportRecommendations}</p>
            </WrittenIn>
            <DocumentLinks files={review.reportDocuments} />
          </>
        ) : null}

        <DecisionSection caseId={caseId} review={review} canReadPlan={can.readPlan} />
        <AmendmentComments comments={comments} />

        {review.completedOn ? startForm : null}
        {earlier.length > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('reviews.page.earlierHeading')}</h2>
            <ul className="govuk-list">
              {earlier.map((r) => (
                <li key={r.number}>{t('reviews.page.earlierItem', { number: r.number, date: date(r.completedOn) })}</li>
              ))}
            </ul>
          </>
        ) : null}
      </div>
    </div>
  );
}

type ShownReview = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['review']>;

/** The council's decision after a review: reasons, appeal rights, the proposed changes and the final amended plan. */
function DecisionSection({ caseId, review, canReadPlan }: { caseId: string; review: ShownReview; canReadPlan: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const date = (iso: string | null | undefined) => (iso ? formatDate(iso, locale) : t('reviews.page.notKnown'));
  const { facts } = review;
  const can = { readPlan: canReadPlan };
  return (
    <>
      {facts.decision ? (
        <>
          <h2 className="govuk-heading-m">{t('reviews.decision.heading')}</h2>
          <p className="govuk-body">{t(decisionKeys[facts.decision], { date: date(facts.decisionOn) })}</p>
          {review.decisionReasons ? (
            <WrittenIn language={review.decisionWrittenIn}>
            <p className="govuk-body app-pre-line">{t('reviews.decision.reasons', { reasons: review.decisionReasons })}</p>
            </WrittenIn>
          ) : null}
          {review.appealBy ? (
            <InsetText>
            <p className="govuk-body">{t('reviews.decision.appealRights', { date: date(review.appealBy) })}</p>
            <p className="govuk-body">{t('reviews.decision.mediation')}</p>
            </InsetText>
          ) : null}
          {review.proposedVersionNumber !== null && can.readPlan ? (
            <p className="govuk-body">
            <Link className="govuk-link" to={`/cases/${caseId}/plan/versions/${review.proposedVersionNumber}`}>
              {t('reviews.decision.readProposed', { number: review.proposedVersionNumber })}
            </Link>
            {review.replacedVersionNumber !== null ? (
              <>
                {' · '}
                <Link className="govuk-link" to={`/cases/${caseId}/plan/compare?from=${review.replacedVersionNumber}&to=${review.proposedVersionNumber}`}>
                  {t('reviews.decision.compareProposed')}
                </Link>
              </>
            ) : null}
            </p>
          ) : null}
        </>
      ) : null}

      {review.finalVersionNumber !== null ? (
        <>
          <h2 className="govuk-heading-m">{t('reviews.final.heading')}</h2>
          <p className="govuk-body">{t('reviews.final.issuedOn', { date: date(facts.finalIssuedOn) })}</p>
          {can.readPlan && review.replacedVersionNumber !== null ? (
            <p className="govuk-body">
            <Link className="govuk-link" to={`/cases/${caseId}/plan/compare?from=${review.replacedVersionNumber}&to=${review.finalVersionNumber}`}>
              {t('reviews.final.whatChanged')}
            </Link>
            </p>
          ) : null}
        </>
      ) : null}

    </>
  );
}
