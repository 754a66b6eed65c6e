import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { CaseCaption } from '~/features/case-progress';
import { PlanDocument, planVersionNameKeys } from '~/features/plan';
import { commentsAnsweredBy, planVersion } from '~/features/plan/index.server';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { PrintButton } from '~/ui/PrintButton';
import { BackLink } from '~/ui/govuk/content';
import type { PlanVersionKind } from '../../db/schema';

export const handle: PageHandle = {
  namespaces: ['case', 'plan', 'advice'],
  title: (data, t) => {
    const version = (data as { version?: { kind: PlanVersionKind; number: number } } | undefined)?.version;
    return version ? t(planVersionNameKeys[version.kind], { number: version.number }) : t('planVersions.titleFallback');
  },
};

/** A version number as written in the address: digits only, within what the column holds. */
function versionNumber(raw: string | undefined | null): number | null {
  return raw && /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

/**
 * One issued version of the EHC plan, to read and print (the family, their adviser within
 * consent, the council). The version being written is not shown here, to anyone: it is not a
 * plan until it is issued.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:plan');
  const number = versionNumber(params.number);
  const version = number === null ? null : await planVersion(caseRecord.id, number, false);
  if (!version) throw new Response('Not Found', { status: 404 });
  return json({ caseId: caseRecord.id, version, comments: await commentsAnsweredBy(caseRecord.id, version) });
}

export default function PlanVersionPage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, version, comments } = useLoaderData<typeof loader>();
  const issuedOn = version.issuedOn ? formatDate(version.issuedOn, locale) : '';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <div className="app-no-print">
          <BackLink to={`/cases/${caseId}/plan`}>{t('planVersions.backToPlan')}</BackLink>
        </div>
        <CaseCaption />
        <h1 className="govuk-heading-l">{t(planVersionNameKeys[version.kind], { number: version.number })}</h1>
        <p className="govuk-body">{version.issuedBy ? t('planVersions.issuedBy', { date: issuedOn, name: version.issuedBy }) : t('planVersions.issuedOn', { date: issuedOn })}</p>
        <PrintButton label={t('planVersions.print')} />
        <p className="govuk-body app-no-print">
          <a className="govuk-link" href={`/cases/${caseId}/plan/versions/${version.number}/pdf`} download>
            {t('planVersions.downloadPdf')}
          </a>
        </p>
        <p className="govuk-body app-no-print">
          <Link className="govuk-link" to={`/cases/${caseId}/plan/compare`}>
            {t('planVersions.compareLink')}
          </Link>
        </p>
        <PlanDocument content={version.content} comments={comments} writtenIn={version.writtenIn} />
      </div>
    </div>
  );
}
