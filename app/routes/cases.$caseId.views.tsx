import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { audienceOf, decide } from '~/auth/policy';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { viewsAreOpen, viewsOfCase, type ViewsEntry } from '~/features/case-progress/index.server';
import { viewQuestions } from '~/ui/advice-labels';
import { BackLink, InsetText } from '~/ui/govuk/content';
import { PrintButton } from '~/ui/PrintButton';
import { DocumentLinks } from '~/features/documents';
import { CaseCaption, useCaseLayout } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['requests', 'case', 'advice', 'plan'], titleKey: 'views.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:views');
  const [views, open] = await Promise.all([viewsOfCase(caseRecord.id), viewsAreOpen(caseRecord)]);
  const may = (permission: 'write:parent-views' | 'write:child-views') => open && decide(user, permission, subject) === 'allow';
  return json({
    caseId: caseRecord.id,
    views,
    open,
    // A parent writes their own views and may write down the child's; a young person writes their own.
    // (unless the young person has their own account: then they speak for themselves).
    canWrite: [...(may('write:parent-views') ? (['parent'] as const) : []), ...(may('write:child-views') ? (['child'] as const) : [])],
    viewerId: user.id,
    // The young person's views are in their own words; a parent writes down a young child's.
    viewerSpeaksForSelf: audienceOf(user) === 'young_person',
  });
}

function attribution(entry: ViewsEntry, childFirstName: string, t: (key: string, options?: Record<string, string>) => string) {
  if (entry.voice === 'parent') return { heading: t('views.parentHeading', { name: entry.writerName }), byline: t('views.writtenBy', { name: entry.writerName }) };
  const ownWords = entry.writerRole === 'young_person';
  return {
    heading: t('views.childHeading', { name: childFirstName }),
    byline: ownWords ? t('views.writtenBy', { name: entry.writerName }) : t('views.writtenDownBy', { name: entry.writerName, child: childFirstName }),
  };
}

export default function FamilyViews() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, views, open, canWrite, viewerId, viewerSpeaksForSelf } = useLoaderData<typeof loader>();
  const { childGivenName: childFirstName } = useCaseLayout();
  const tt = (key: string, options?: Record<string, string>) => String(t(key, options));
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        </div>
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('views.heading')}</h1>
        <p className="govuk-body">{t('views.intro', { name: childFirstName })}</p>
        {!open ? <InsetText>{t('views.closed')}</InsetText> : null}
        {canWrite.length > 0 ? (
          <ul className="govuk-list app-no-print">
            {canWrite.map((voice) => {
              const exists = views.some((v) => v.voice === voice && (voice === 'child' || v.writerId === viewerId));
              const key =
                voice === 'parent'
                  ? exists
                    ? 'views.changeOwn'
                    : 'views.addOwn'
                  : viewerSpeaksForSelf
                    ? exists
                      ? 'views.changeOwn'
                      : 'views.addOwn'
                    : exists
                      ? 'views.changeChild'
                      : 'views.addChild';
              return (
                <li key={voice}>
                  <Link className="govuk-link govuk-!-font-weight-bold" to={`/cases/${caseId}/views/${voice}`}>
                    {t(key, { name: childFirstName })}
                  </Link>
                </li>
              );
            })}
          </ul>
        ) : null}
        {views.length === 0 ? <p className="govuk-body">{t('views.none')}</p> : null}
        {views.map((entry) => {
          const { heading, byline } = attribution(entry, childFirstName, tt);
          return (
            <section key={entry.id} className="govuk-summary-card">
              <div className="govuk-summary-card__title-wrapper">
                <h2 className="govuk-summary-card__title">{heading}</h2>
              </div>
              <div className="govuk-summary-card__content">
                <p className="govuk-body-s">
                  {byline} {t('views.updatedAt', { date: formatDateTime(entry.updatedAt, locale) })}
                </p>
                {viewQuestions.map(([field, key]) =>
                  entry[field] ? (
                    <div key={field}>
                      <h3 className="govuk-heading-s">{t(key, { name: childFirstName })}</h3>
                      <p className="govuk-body app-pre-line">{entry[field]}</p>
                    </div>
                  ) : null,
                )}
                {entry.pictures.length > 0 ? (
                  <>
                    <h3 className="govuk-heading-s">{t('views.pictures')}</h3>
                    <DocumentLinks files={entry.pictures} />
                  </>
                ) : null}
              </div>
            </section>
          );
        })}
        <PrintButton label={t('views.print')} />
      </div>
    </div>
  );
}
