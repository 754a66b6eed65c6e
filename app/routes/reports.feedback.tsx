import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { feedbackSteps, recentQuarters, satisfactionScores, type FeedbackStep, type SatisfactionScore } from '~/domain/feedback';
import { todayInLondon } from '~/domain/timescales';
import { satisfactionKeys, stepKeys } from '~/features/feedback';
import { feedbackComments, feedbackResults, REPORT_QUARTERS } from '~/features/feedback/index.server';
import type { Locale } from '~/i18n/config';
import { formatDate, formatPercent } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { Table } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

/** The council's family feedback for its managers (ADR 0052): results by step and quarter, and the comments with names taken out. */
export const handle: PageHandle = { namespaces: ['feedback'], titleKey: 'feedbackReport.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:feedback');
  const quarters = recentQuarters(todayInLondon(), REPORT_QUARTERS);
  const page = Number(new URL(request.url).searchParams.get('page') ?? '1');
  const [results, comments] = await Promise.all([feedbackResults(manager.laId, quarters), feedbackComments(manager.laId, quarters, page)]);
  return json({ quarters, results, ...comments });
}

export default function FeedbackReport() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { results, comments, window } = useLoaderData<typeof loader>();
  const rate = (value: number | null) => (value === null ? t('feedbackReport.none') : formatPercent(value, locale));
  const quarterLabel = (q: string) => (q === 'all' ? t('feedbackReport.allQuarters') : q);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('feedbackReport.heading')}</h1>
        <p className="govuk-body">{t('feedbackReport.intro')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/reports/feedback.csv" download>
            {t('feedbackReport.download')}
          </a>
        </p>
        {feedbackSteps.map((step: FeedbackStep) => (
          <Table
            key={step}
            caption={t(stepKeys[step])}
            head={[
              t('feedbackReport.quarter'),
              t('feedbackReport.offers'),
              t('feedbackReport.responses'),
              t('feedbackReport.rate'),
              t('feedbackReport.satisfied'),
              ...satisfactionScores.map((s) => t(satisfactionKeys[s])),
            ]}
            rows={results
              .filter((r) => r.step === step)
              .map((r) => [
                quarterLabel(r.quarter),
                r.offers === null ? t('feedbackReport.notOffered') : r.offers,
                r.responses,
                rate(r.responseRate),
                rate(r.percentSatisfied),
                ...satisfactionScores.map((s) => r.distribution[s as SatisfactionScore]),
              ])}
          />
        ))}
        <h2 className="govuk-heading-m">{t('feedbackReport.comments')}</h2>
        <p className="govuk-body">{t('feedbackReport.commentsIntro')}</p>
        {comments.length === 0 ? (
          <p className="govuk-body">{t('feedbackReport.noComments')}</p>
        ) : (
          <>
            <p className="govuk-body">{t('feedbackReport.showing', { first: window.first, last: window.last, total: window.total })}</p>
            <ul className="govuk-list">
              {comments.map((c) => (
                <li key={c.id} className="app-feedback-comment">
                  <p className="govuk-body-s govuk-!-margin-bottom-1">
                    {t('feedbackReport.commentAbout', { step: t(stepKeys[c.step]), date: formatDate(c.respondedOn, locale), answer: t(satisfactionKeys[c.satisfaction as SatisfactionScore]) })}
                  </p>
                  <p className="govuk-body app-pre-line">{c.comment}</p>
                </li>
              ))}
            </ul>
            <Pagination page={window.page} pages={window.pages} hrefFor={(p) => `/reports/feedback?page=${p}`} />
          </>
        )}
      </div>
    </div>
  );
}
