import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import { orderListPage } from '~/features/appeals/index.server';
import { orderKindKeys, orderLists, orderStatusColours, orderStatusKeys, type OrderListName } from '~/features/appeals';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { Table, Tag } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

/**
 * Tribunal orders the council has not yet complied with (ADR 0051): missed, due in the next two
 * weeks, or all outstanding, earliest date first, paged in SQL. A caseworker sees their own
 * cases'; a manager the whole council's.
 */
export const handle: PageHandle = { namespaces: ['appeals'], titleKey: 'appeals.list.title' };

const listKeys: Record<OrderListName, string> = { missed: 'appeals.list.missed', dueSoon: 'appeals.list.dueSoon', outstanding: 'appeals.list.outstanding' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:tribunal-orders');
  const url = new URL(request.url);
  const requested = url.searchParams.get('list');
  const list: OrderListName = (orderLists as readonly string[]).includes(requested ?? '') ? (requested as OrderListName) : 'missed';
  const council = mayInOwnLa(user, 'read:teams');
  const page = await orderListPage({ laId: user.laId, caseworkerId: council ? null : user.id }, list, Number(url.searchParams.get('page') ?? '1'));
  return json({ council, list, page });
}

export default function TribunalOrders() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { council, list, page } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t('appeals.list.heading')}</h1>
      <p className="govuk-body-l">{t(council ? 'appeals.list.leadCouncil' : 'appeals.list.leadOwn')}</p>
      <nav className="govuk-service-navigation govuk-!-margin-bottom-4" aria-label={t('appeals.list.choose')}>
        <ul className="govuk-service-navigation__list">
          {orderLists.map((name) => (
            <li key={name} className={`govuk-service-navigation__item${name === list ? ' govuk-service-navigation__item--active' : ''}`}>
              <Link className="govuk-service-navigation__link" to={`/appeals?list=${name}`} aria-current={name === list ? 'page' : undefined}>
                {t(listKeys[name])}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {page.total === 0 ? (
        <p className="govuk-body">{t('appeals.list.none')}</p>
      ) : (
        <>
          <Table
            caption={t('appeals.list.caption', { list: t(listKeys[list]), first: page.first, last: page.last, total: page.total })}
            head={[t('appeals.list.child'), t('appeals.list.order'), t('appeals.list.compliesBy'), t('appeals.list.status'), t('appeals.list.caseworker')]}
            rows={page.rows.map((row) => [
              <Link key="case" className="govuk-link" to={`/cases/${row.caseId}/appeals`}>
                {row.childName}
                <span className="govuk-visually-hidden"> </span>
                <span className="govuk-body-s govuk-!-display-block">{t('appeals.list.references', { reference: row.reference, tribunalReference: row.tribunalReference })}</span>
              </Link>,
              t(orderKindKeys[row.kind]),
              formatDate(row.compliesBy, locale),
              <Tag key="status" colour={orderStatusColours[row.status]}>
                {t(orderStatusKeys[row.status])}
              </Tag>,
              row.caseworkerName ?? t('appeals.list.unallocated'),
            ])}
          />
          <Pagination page={page.page} pages={page.pages} hrefFor={(p) => `/appeals?list=${list}&page=${p}`} />
        </>
      )}
    </>
  );
}
