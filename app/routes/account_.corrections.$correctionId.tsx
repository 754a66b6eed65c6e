import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireRectificationRequest } from '~/auth/access.server';
import { personName } from '~/domain/names';
import type { Locale } from '~/i18n/config';
import { formatDate, formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { correctionContext, correctionHistoryOf } from '~/features/data-rights/index.server';
import { CorrectionChanges, RECTIFICATION_STATUS_LABELS } from '~/features/data-rights';
import { BackLink, InsetText, NotificationBanner, SummaryList } from '~/ui/govuk/content';

/**
 * A family member's own correction request (ADR 0038): what they asked and why, and the
 * council's answer: the change made (with the value it replaced), or the reason it was refused
 * and their right to complain to the ICO.
 */
export const handle: PageHandle = { namespaces: ['rights'], titleKey: 'rectification.yours.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await requireRectificationRequest(request, params.correctionId ?? '', 'read:rectification');
  const { child } = await correctionContext(record);
  const decided = record.status === 'pending' ? null : (await correctionHistoryOf(record.childId)).find((entry) => entry.id === record.id) ?? null;
  return json({
    request: { id: record.id, receivedOn: record.receivedOn, dueOn: record.dueOn, status: record.status, changes: record.changes, reason: record.reason, refusalReason: record.refusalReason },
    childName: personName(child, 'given'),
    // A young person's request about themself speaks to them as "you".
    own: child.youngPersonUserId === user.id,
    decision: decided ? { by: decided.deciderName, at: decided.decidedAt } : null,
  });
}

export default function YourCorrection() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { request, childName, own, decision } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const name = { name: childName };
  const approved = request.status === 'approved';
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account/your-data">{t('rectification.yours.back')}</BackLink>
        {search.get('asked') ? (
          <NotificationBanner title={t('rectification.yours.askedTitle')} success>
            <p className="govuk-notification-banner__heading">{t('rectification.yours.asked', { date: formatDate(request.dueOn, locale) })}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{own ? t('rectification.yours.headingOwn') : t('rectification.yours.heading', name)}</h1>
        <SummaryList
          rows={[
            { key: t('rectification.summary.received'), value: formatDate(request.receivedOn, locale) },
            { key: t('rectification.summary.due'), value: formatDate(request.dueOn, locale) },
            { key: t('rectification.summary.status'), value: t(RECTIFICATION_STATUS_LABELS[request.status]) },
            ...(decision ? [{ key: t('rectification.summary.decided'), value: t('rectification.summary.decidedBy', { name: decision.by, when: formatDateTime(decision.at, locale) }) }] : []),
          ]}
        />
        <CorrectionChanges
          caption={t('rectification.yours.changesCaption')}
          changes={request.changes}
          heldHeading={t(approved ? 'rectification.head.was' : 'rectification.head.heldWhenAsked')}
          askedHeading={t(approved ? 'rectification.head.now' : 'rectification.head.asked')}
        />
        <h2 className="govuk-heading-m">{t('rectification.yours.reasonHeading')}</h2>
        <p className="govuk-body app-pre-line">{request.reason}</p>
        {request.status === 'refused' ? (
          <>
            <h2 className="govuk-heading-m">{t('rectification.yours.refusedHeading')}</h2>
            <p className="govuk-body app-pre-line">{request.refusalReason}</p>
            <InsetText>
              <p className="govuk-body">{t('rectification.yours.complain')}</p>
              <p className="govuk-body">
                <a className="govuk-link" href="https://ico.org.uk/make-a-complaint/" rel="noreferrer">
                  {t('rectification.yours.icoLink')}
                </a>
              </p>
            </InsetText>
          </>
        ) : null}
        {request.status === 'pending' ? <p className="govuk-body">{t('rectification.yours.pending', { date: formatDate(request.dueOn, locale) })}</p> : null}
      </div>
    </div>
  );
}
