import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { pageParam } from '~/domain/access-history';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { openingsOfCase } from '~/features/data-rights/index.server';
import { CaseCaption } from '~/features/case-progress';
import { BackLink, Table } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

export const handle: PageHandle = { namespaces: ['rights', 'case'], titleKey: 'accessLog.title' };

/**
 * Who has looked at this case (ADR 0035): the family member who decides, the young person, or a
 * manager of the council. Opening it is itself audited, as every guarded page of a case is.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:access-log');
  const log = await openingsOfCase(caseRecord, pageParam(new URL(request.url).searchParams.get('page')));
  return json({ caseId: caseRecord.id, ...log });
}

export default function WhoHasLooked() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, openings, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/cases/${caseId}/access`}>{t('common.back')}</BackLink>
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('accessLog.heading')}</h1>
        <p className="govuk-body">{t('accessLog.intro')}</p>
        <p className="govuk-body">{t('accessLog.notes')}</p>
        {total === 0 ? (
          <p className="govuk-body">{t('accessLog.none')}</p>
        ) : (
          <>
            <Table
              caption={t('accessLog.caption', { count: total, page, pages })}
              head={[t('accessLog.when'), t('accessLog.who'), t('accessLog.organisation'), t('accessLog.whatOpened')]}
              rows={openings.map((o) => [
                <time dateTime={o.at} key="at">
                  {formatDateTime(o.at, locale)}
                </time>,
                <span key="who">
                  {o.name}
                  <br />
                  <span className="govuk-body-s govuk-!-font-weight-regular">{t(o.roleKey)}</span>
                </span>,
                o.organisation ? (o.team ? t('accessLog.organisationTeam', { organisation: o.organisation, team: o.team }) : o.organisation) : t('accessLog.noOrganisation'),
                t(o.whatKey),
              ])}
            />
            <Pagination page={page} pages={pages} hrefFor={(p) => (p === 1 ? `/cases/${caseId}/access/log` : `/cases/${caseId}/access/log?page=${p}`)} />
          </>
        )}
      </div>
    </div>
  );
}
