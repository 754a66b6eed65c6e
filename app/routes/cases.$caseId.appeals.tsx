import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { appealsOfCase } from '~/features/appeals/index.server';
import { appealOutcomeKeys, appealStatusKeys, certificateKindKeys, decisionText, mediationOutcomeKeys, OrderSummary } from '~/features/appeals';
import { CaseCaption } from '~/features/case-progress';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { ButtonLink, NotificationBanner, SummaryList, Tag } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['case', 'appeals'], titleKey: 'appeals.title' };

/** A case's mediation certificates and Tribunal appeals, and what the council was ordered to do by when (ADR 0051). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:appeals');
  return json({ caseId: caseRecord.id, ...(await appealsOfCase(caseRecord.id)), mayRecord: decide(user, 'record:appeal', subject) === 'allow' });
}

export default function Appeals() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, mediations, appeals, mayRecord } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const recorded = search.get('recorded');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {recorded === 'mediation' || recorded === 'appeal' ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(recorded === 'mediation' ? 'appeals.recorded.mediation' : 'appeals.recorded.appeal')}</p>
          </NotificationBanner>
        ) : null}
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('appeals.heading')}</h1>
        <p className="govuk-body">{t('appeals.intro')}</p>
        {mayRecord ? (
          <div className="govuk-button-group">
            <ButtonLink to={`/cases/${caseId}/appeals/mediation`}>{t('appeals.recordMediation')}</ButtonLink>
            <ButtonLink to={`/cases/${caseId}/appeals/new`} variant="secondary">
              {t('appeals.recordAppeal')}
            </ButtonLink>
          </div>
        ) : null}

        <h2 className="govuk-heading-m">{t('appeals.mediation.heading')}</h2>
        {mediations.length === 0 ? <p className="govuk-body">{t('appeals.mediation.none')}</p> : null}
        {mediations.map((m) => (
          <section key={m.id} className="govuk-summary-card" aria-labelledby={`mediation-${m.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title" id={`mediation-${m.id}`}>
                {t('appeals.mediation.cardTitle', { date: formatDate(m.certificateIssuedOn, locale) })}
              </h3>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: t('appeals.field.decision'), value: decisionText(t, m.decision, m.planSections) },
                  { key: t('appeals.field.decisionSentOn'), value: formatDate(m.decisionSentOn, locale) },
                  { key: t('appeals.field.adviserContactedOn'), value: formatDate(m.adviserContactedOn, locale) },
                  { key: t('appeals.field.certificate'), value: t(certificateKindKeys[m.certificateKind]) },
                  ...(m.outcome ? [{ key: t('appeals.field.mediationOutcome'), value: t(mediationOutcomeKeys[m.outcome]) }] : []),
                  { key: t('appeals.field.appealDeadline'), value: <strong>{formatDate(m.appealDeadline, locale)}</strong> },
                ]}
              />
            </div>
          </section>
        ))}

        <h2 className="govuk-heading-m">{t('appeals.appeal.heading')}</h2>
        {appeals.length === 0 ? <p className="govuk-body">{t('appeals.appeal.none')}</p> : null}
        {appeals.map((a) => (
          <section key={a.id} className="govuk-summary-card" aria-labelledby={`appeal-${a.id}`}>
            <div className="govuk-summary-card__title-wrapper">
              <h3 className="govuk-summary-card__title" id={`appeal-${a.id}`}>
                {t('appeals.appeal.cardTitle', { reference: a.tribunalReference })}
              </h3>
              <Tag colour={a.status === 'decided' ? 'grey' : 'blue'}>{t(appealStatusKeys[a.status])}</Tag>
            </div>
            <div className="govuk-summary-card__content">
              <SummaryList
                rows={[
                  { key: t('appeals.field.decision'), value: decisionText(t, a.decision, a.planSections) },
                  { key: t('appeals.field.registeredOn'), value: formatDate(a.registeredOn, locale) },
                  { key: t('appeals.field.hearingOn'), value: a.hearingOn ? formatDate(a.hearingOn, locale) : t('appeals.appeal.noHearing') },
                  ...(a.outcome && a.decidedOn ? [{ key: t('appeals.field.outcome'), value: t('appeals.appeal.outcomeOn', { outcome: t(appealOutcomeKeys[a.outcome]), date: formatDate(a.decidedOn, locale) }) }] : []),
                ]}
              />
              {a.orders.length > 0 ? (
                <>
                  <h3 className="govuk-heading-s">{t('appeals.orders.heading')}</h3>
                  {a.orders.map((o) => (
                    <OrderSummary key={o.id} order={o} />
                  ))}
                </>
              ) : null}
              {mayRecord ? (
                <p className="govuk-body">
                  <Link className="govuk-link" to={`/cases/${caseId}/appeals/${a.id}`}>
                    {t('appeals.appeal.update', { reference: a.tribunalReference })}
                  </Link>
                </p>
              ) : null}
            </div>
          </section>
        ))}
      </div>
    </div>
  );
}
