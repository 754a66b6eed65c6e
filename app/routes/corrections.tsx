import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { correctionsToDecide } from '~/features/data-rights/index.server';
import { RECTIFIABLE_FIELD_LABELS, RECTIFICATION_STATUS_LABELS } from '~/features/data-rights';
import { Table, Tag } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

/**
 * Families' requests to correct a child's record (ADR 0038), for the staff who decide them: a
 * manager sees the council's, a caseworker those of their caseload. Undecided first, soonest
 * due first, the overdue marked; a page at a time.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'rectification.staff.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'decide:rectification');
  const page = Number.parseInt(new URL(request.url).searchParams.get('page') ?? '1', 10);
  return json(await correctionsToDecide(user, Number.isFinite(page) ? page : 1));
}

export default function Corrections() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { entries, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('rectification.staff.title')}</h1>
        <p className="govuk-body">{t('rectification.staff.intro')}</p>
        {entries.length === 0 ? (
          <p className="govuk-body">{t('rectification.staff.none')}</p>
        ) : (
          <Table
            caption={t('rectification.staff.caption')}
            head={[t('rectification.staff.head.child'), t('rectification.staff.head.askedBy'), t('rectification.staff.head.details'), t('rectification.staff.head.received'), t('rectification.staff.head.due'), t('rectification.staff.head.status')]}
            rows={entries.map((entry) => [
              <Link key="child" className="govuk-link" to={`/corrections/${entry.id}`}>
                {entry.childName}
              </Link>,
              entry.requesterName,
              entry.fields.map((field) => t(RECTIFIABLE_FIELD_LABELS[field])).join(', '),
              formatDate(entry.receivedOn, locale),
              formatDate(entry.dueOn, locale),
              entry.overdue ? (
                <Tag colour="red">{t('rectification.staff.overdue')}</Tag>
              ) : (
                <Tag colour={entry.status === 'pending' ? 'blue' : entry.status === 'approved' ? 'green' : 'grey'}>{t(RECTIFICATION_STATUS_LABELS[entry.status])}</Tag>
              ),
            ])}
          />
        )}
        <Pagination page={page} pages={pages} hrefFor={(p) => `/corrections?page=${p}`} />
      </div>
    </div>
  );
}
