import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import type { Sen2Fix } from '~/domain/sen2/validation';
import { chosenCensusDate, sen2ValidationPage } from '~/features/sen2/index.server';
import { BackLink, Table } from '~/ui/govuk/content';
import { Pagination } from '~/ui/govuk/Pagination';

/**
 * Every record of the council's SEN2 return that would fail the DfE's checks (ADR 0053): the
 * rule, the child, the item, and a link to the page that puts it right. Managers only; each page
 * of children shown is audited. 50 to a page.
 */
export const handle: PageHandle = { namespaces: ['sen2'], titleKey: 'sen2.validation.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:sen2-return');
  const url = new URL(request.url);
  const { censusDate } = chosenCensusDate(url);
  const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10);
  const result = await sen2ValidationPage(manager, censusDate, Number.isFinite(page) ? page : 1, clientAddress(request));
  return json({ censusDate, ...result });
}

/** Where each failure is put right. */
function fixHref(fix: Sen2Fix): string {
  switch (fix.kind) {
    case 'case':
      return `/cases/${fix.caseId}/sen2`;
    case 'setting':
      return `/admin/settings/${fix.settingId}/edit`;
    case 'council':
      return '/admin/council';
  }
}

export default function Sen2Validation() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { censusDate, failures, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/reports/sen2?census=${censusDate}`}>{t('sen2.validation.back')}</BackLink>
        <h1 className="govuk-heading-l">{t('sen2.validation.heading')}</h1>
        <p className="govuk-body">{t('sen2.validation.intro', { census: formatDate(censusDate, locale), count: total })}</p>
        {total === 0 ? (
          <p className="govuk-body">{t('sen2.validation.none')}</p>
        ) : (
          <Table
            caption={t('sen2.validation.caption')}
            head={[t('sen2.validation.child'), t('sen2.validation.field'), t('sen2.validation.problem'), t('sen2.validation.fix')]}
            rows={failures.map((f, i) => [
              f.childName ? `${f.childName} (${f.reference})` : t('sen2.validation.council'),
              f.field,
              t(f.messageKey),
              <Link key={`fix-${i}`} className="govuk-link" to={fixHref(f.fix)}>
                {f.fix.kind === 'case' ? t('sen2.validation.fixLink') : t('sen2.validation.fixLinkAdmin')}
                <span className="govuk-visually-hidden"> {f.childName ? t('sen2.validation.fixFor', { child: f.childName, field: f.field }) : f.field}</span>
              </Link>,
            ])}
          />
        )}
        <Pagination page={page} pages={pages} hrefFor={(p) => `/reports/sen2/validation?census=${censusDate}&page=${p}`} />
      </div>
    </div>
  );
}
