import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { isLate } from '~/domain/complaints';
import { todayInLondon } from '~/domain/timescales';
import { complaintsOfCase } from '~/features/complaints/index.server';
import { CaseCaption } from '~/features/case-progress';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ButtonLink, SummaryList, Tag } from '~/ui/govuk/content';
import { complaintStageKeys, complaintStatusColours, complaintStatusKeys } from '~/ui/complaint-labels';

export const handle: PageHandle = { namespaces: ['case', 'complaints'], titleKey: 'complaints.title' };

/** A case's complaints: the family's and those staff recorded, where each is, and what to do next. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:complaints');
  const today = todayInLondon();
  const found = await complaintsOfCase(caseRecord.id);
  return json({
    caseId: caseRecord.id,
    complaints: found.map((c) => {
      const dueBy = c.stage === 2 ? c.stage2DueBy : c.stage1DueBy;
      const waiting = c.status === 'received' || c.status === 'acknowledged' || c.status === 'escalated';
      return { id: c.id, reference: c.reference, status: c.status, stage: c.stage === 2 ? (2 as const) : (1 as const), receivedOn: c.receivedOn, dueBy: waiting ? dueBy : null, late: waiting && dueBy !== null && isLate(dueBy, null, today) };
    }),
    mayMake: decide(user, 'make:complaint', subject) === 'allow',
    mayRecord: decide(user, 'respond:complaint', subject) === 'allow',
  });
}

export default function CaseComplaints() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, complaints, mayMake, mayRecord } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('complaints.heading')}</h1>
        <p className="govuk-body">{t('complaints.intro')}</p>
        {mayMake ? <ButtonLink to={`/cases/${caseId}/complaints/new`}>{t('complaints.makeLink')}</ButtonLink> : null}
        {mayRecord ? <ButtonLink to={`/cases/${caseId}/complaints/new`} variant="secondary">{t('complaints.recordLink')}</ButtonLink> : null}
        {complaints.length === 0 ? <p className="govuk-body">{t('complaints.none')}</p> : null}
        {complaints.map((c) => (
          <section key={c.id} className="govuk-summary-card" aria-labelledby={`complaint-${c.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title" id={`complaint-${c.id}`}>
                <Link className="govuk-link" to={`/cases/${caseId}/complaints/${c.id}`}>
                  {t('complaints.cardTitle', { reference: c.reference })}
                </Link>
              </h2>
              <span>
                <Tag colour={complaintStatusColours[c.status]}>{t(complaintStatusKeys[c.status])}</Tag> {c.late ? <Tag colour="red">{t('complaints.late')}</Tag> : null}
              </span>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: t('complaints.stageLabel'), value: t(complaintStageKeys[c.stage]) },
                  { key: t('complaints.receivedOn'), value: formatDate(c.receivedOn, locale) },
                  ...(c.dueBy ? [{ key: t('complaints.dueBy'), value: formatDate(c.dueBy, locale) }] : []),
                ]}
              />
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
