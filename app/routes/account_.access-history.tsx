import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/access.server';
import { PORTAL } from '~/auth/policy';
import { pageParam } from '~/domain/access-history';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ownAccessHistory } from '~/features/data-rights/index.server';
import { BackLink, Table } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'accessHistory.title' };

/**
 * A member of staff's own access history (ADR 0035): every child's record they have opened, as
 * the families of those children see it. Their own record, so not audited as a child's record.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:own-access-history', PORTAL);
  return json(await ownAccessHistory(user.id, pageParam(new URL(request.url).searchParams.get('page'))));
}

export default function YourAccessHistory() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { openings, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to="/account">{t('common.back')}</BackLink>
        <h1 className="govuk-heading-l">{t('accessHistory.heading')}</h1>
        <p className="govuk-body">{t('accessHistory.intro')}</p>
        {total === 0 ? (
          <p className="govuk-body">{t('accessHistory.none')}</p>
        ) : (
          <>
            <Table
              caption={t('accessHistory.caption', { count: total, page, pages })}
              head={[t('accessLog.when'), t('accessHistory.record'), t('accessLog.whatOpened')]}
              rows={openings.map((o, i) => [
                <time dateTime={o.at} key={`at-${i}`}>
                  {formatDateTime(o.at, locale)}
                </time>,
                o.caseId && o.reference ? (
                  <Link className="govuk-link" to={`/cases/${o.caseId}`} key={`record-${i}`}>
                    {t('accessHistory.caseOf', { reference: o.reference, child: o.childName })}
                  </Link>
                ) : (
                  (o.childName ?? t('accessHistory.unknownRecord'))
                ),
                t(o.whatKey),
              ])}
            />
            <Pagination page={page} pages={pages} hrefFor={(p) => (p === 1 ? '/account/access-history' : `/account/access-history?page=${p}`)} />
          </>
        )}
      </div>
    </div>
  );
}
