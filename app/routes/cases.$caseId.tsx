import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { caseSummary } from '~/services/caseload.server';
import { SummaryList } from '~/ui/govuk/content';
import { stageKeys } from '~/ui/labels';

export const handle: PageHandle = {
  title: (data, t) => {
    const summary = (data as { summary?: { child: { firstName: string; lastName: string } } } | undefined)?.summary;
    return summary ? t('case.title', { first: summary.child.firstName, last: summary.child.lastName }) : t('case.titleFallback');
  },
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read');
  const summary = await caseSummary(caseRecord.id);
  if (!summary) throw new Response('Not Found', { status: 404 });
  return json({ summary });
}

export default function CasePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { summary } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <span className="govuk-caption-l">{t('case.reference', { reference: summary.reference })}</span>
        <h1 className="govuk-heading-l">{t('case.heading', { first: summary.child.firstName, last: summary.child.lastName })}</h1>
        <SummaryList
          rows={[
            { key: t('case.stage'), value: t(stageKeys[summary.stage]) },
            { key: t('case.requestReceived'), value: formatDate(summary.requestReceived, locale) },
            { key: t('case.dateOfBirth'), value: formatDate(summary.child.dateOfBirth, locale) },
            { key: t('case.team'), value: summary.team.name },
          ]}
        />
        <h2 className="govuk-heading-m">{t('case.contact.heading')}</h2>
        {summary.caseworker ? (
          <>
            <p className="govuk-body">{t('case.contact.caseworker', { name: summary.caseworker.name })}</p>
            <ul className="govuk-list">
              <li>{t('case.contact.email', { email: summary.caseworker.email })}</li>
              {summary.caseworker.phone ? <li>{t('case.contact.phone', { phone: summary.caseworker.phone })}</li> : null}
            </ul>
          </>
        ) : (
          <p className="govuk-body">{t('case.contact.unallocated', { la: summary.la.name, email: summary.la.contactEmail, phone: summary.la.contactPhone })}</p>
        )}
      </div>
    </div>
  );
}
