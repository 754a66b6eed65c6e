import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { interpreterRequestsOf } from '~/features/interpreters/index.server';
import { CaseCaption } from '~/features/case-progress';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ButtonLink, NotificationBanner, SummaryList, Tag } from '~/ui/govuk/content';
import { genderPreferenceKeys, interpreterPurposeKeys, interpreterStatusKeys } from '~/ui/interpreter-labels';

export const handle: PageHandle = { namespaces: ['case'], titleKey: 'interpreters.title' };

/** A case's interpreters: what the family asked for and what the council booked. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:interpreters');
  return json({
    caseId: caseRecord.id,
    requests: await interpreterRequestsOf(caseRecord.id),
    mayAsk: decide(user, 'request:interpreter', subject) === 'allow',
    mayBook: decide(user, 'book:interpreter', subject) === 'allow',
  });
}

const statusColours = { requested: 'blue', booked: 'green', cancelled: 'grey' } as const;

export default function Interpreters() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, requests, mayAsk, mayBook } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {search.get('asked') ? (
          <NotificationBanner title={t('interpreters.askedTitle')} success>
            {t('interpreters.asked')}
          </NotificationBanner>
        ) : null}
        {search.get('booked') ? (
          <NotificationBanner title={t('interpreters.bookedTitle')} success>
            {t('interpreters.booked')}
          </NotificationBanner>
        ) : null}
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('interpreters.heading')}</h1>
        <p className="govuk-body">{t('interpreters.intro')}</p>
        {mayAsk ? <ButtonLink to={`/cases/${caseId}/interpreters/new`}>{t('interpreters.askLink')}</ButtonLink> : null}
        {requests.length === 0 ? <p className="govuk-body">{t('interpreters.none')}</p> : null}
        {requests.map((r) => (
          <section key={r.id} className="govuk-summary-card" aria-labelledby={`interpreter-${r.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`interpreter-${r.id}`}>
                {t(interpreterPurposeKeys[r.purpose], { language: r.language })}
              </h2>
              <Tag colour={statusColours[r.status]}>{t(interpreterStatusKeys[r.status])}</Tag>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: t('interpreters.language'), value: r.dialect ? t('interpreters.withDialect', { language: r.language, dialect: r.dialect }) : r.language },
                  { key: t('interpreters.preference'), value: t(genderPreferenceKeys[r.genderPreference]) },
                  ...(r.details ? [{ key: t('interpreters.details'), value: <span className="app-pre-line">{r.details}</span> }] : []),
                  { key: t('interpreters.askedBy'), value: t('interpreters.askedByValue', { name: r.requestedByName, date: formatDateTime(r.requestedAt, locale) }) },
                  ...(r.booking
                    ? [
                        { key: t('interpreters.interpreter'), value: r.booking.interpreterName },
                        { key: t('interpreters.when'), value: <time dateTime={r.booking.bookedFor}>{formatDateTime(r.booking.bookedFor, locale)}</time> },
                      ]
                    : []),
                ]}
              />
              {mayBook && r.status === 'requested' ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/cases/${caseId}/interpreters/${r.id}`}>
                    {t('interpreters.bookLink', { language: r.language })}
                  </Link>
                </p>
              ) : null}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
