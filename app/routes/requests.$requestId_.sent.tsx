import type { LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRequestAccess } from '~/auth/access.server';
import { assessmentDeadlines } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { caseSummary } from '~/features/case-progress/index.server';
import { findUserById } from '~/features/identity/index.server';
import { Ltr, Panel } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['identity', 'advocates', 'requests'], titleKey: 'request.sent.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { requestRow, consent } = await requireRequestAccess(request, params.requestId ?? '', 'read:request');
  if (requestRow.status !== 'submitted' || !requestRow.caseId) throw redirect(`/requests/${requestRow.id}`);
  const summary = await caseSummary(requestRow.caseId);
  if (!summary) throw new Response('Not Found', { status: 404 });
  // An adviser sent it for the family: the receipt went to the family member, not to them.
  const familyMember = consent ? await findUserById(consent.grantedBy) : null;
  return json({ caseId: summary.id, reference: summary.reference, decisionDue: assessmentDeadlines(summary.requestReceived).decisionToAssess, emailedFamily: familyMember?.name ?? null });
}

export default function RequestSent() {
  const { t, i18n } = useTranslation();
  const { caseId, reference, decisionDue, emailedFamily } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <Panel title={t('request.sent.heading')}>
          {t('request.sent.reference')}
          <br />
          <strong>
            <Ltr>{reference}</Ltr>
          </strong>
        </Panel>
        <p className="govuk-body">{emailedFamily ? t('advocates.sentEmailedFamily', { name: emailedFamily }) : t('request.sent.emailed')}</p>
        <h2 className="govuk-heading-m">{t('request.sent.nextHeading')}</h2>
        <p className="govuk-body">{t('request.sent.next')}</p>
        <p className="govuk-body">{t('request.sent.decisionBy', { date: formatDate(decisionDue, i18n.language as Locale) })}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to={`/cases/${caseId}`}>
            {t('request.sent.followCase')}
          </Link>
        </p>
      </div>
    </div>
  );
}
