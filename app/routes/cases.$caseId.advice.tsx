import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireCaseAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { adviceCanBeRequested } from '~/domain/advice';
import { todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { adviceRequestsOfCase } from '~/features/advice/index.server';
import { adviceKindKeys, adviceStatusColours, adviceStatusKeys } from '~/ui/advice-labels';
import { BackLink, ButtonLink, Table, Tag, WarningText } from '~/ui/govuk/content';
import { CaseCaption } from '~/features/case-progress';

export const handle: PageHandle = { namespaces: ['case', 'advice', 'plan'], titleKey: 'advice.list.title' };

/** Who has been asked for advice and when it is due; staff see every request, the family what has been released. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  // Professionals see their own request (at /advice), never the other advice on the case.
  const { user, caseRecord, subject } = await requireCaseAccess(request, params.caseId ?? '', 'read:advice');
  const today = todayInLondon();
  const requests = await adviceRequestsOfCase(caseRecord.id, today);
  const staff = decide(user, 'read:unreleased-advice', subject) === 'allow';
  return json({
    caseId: caseRecord.id,
    staff,
    canRequest: decide(user, 'record:decision', subject) === 'allow' && adviceCanBeRequested(caseRecord.stage),
    requests: requests.map((r) => ({
      id: r.id,
      kind: r.kind,
      professionalName: r.professionalName,
      requestedOn: r.requestedOn,
      dueBy: r.dueBy,
      status: r.status,
      released: r.released,
      withheld: r.status === 'submitted' && !r.released,
      // The family is not told why advice is held back (the reason may itself be the concern), only that it is.
      withheldReason: staff ? r.withheldReason : null,
    })),
  });
}

export default function CaseAdvice() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { caseId, staff, canRequest, requests } = useLoaderData<typeof loader>();
  const overdue = requests.filter((r) => r.status === 'overdue');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <BackLink to={`/cases/${caseId}`}>{t('common.back')}</BackLink>
        <CaseCaption />
        <h1 className="govuk-heading-l">{t('advice.list.heading')}</h1>
        <p className="govuk-body">{t(staff ? 'advice.list.introStaff' : 'advice.list.introFamily')}</p>
        {staff && overdue.length > 0 ? <WarningText>{t('advice.list.overdueWarning', { count: overdue.length })}</WarningText> : null}
        {canRequest ? (
          <ButtonLink to={`/cases/${caseId}/advice/request`}>{t('advice.list.requestButton')}</ButtonLink>
        ) : null}
        {requests.length === 0 ? (
          <p className="govuk-body">{t('advice.list.none')}</p>
        ) : (
          <Table
            caption={t('advice.list.caption')}
            head={[t('advice.list.from'), t('advice.list.askedOn'), t('advice.list.dueBy'), t('advice.list.status')]}
            rows={requests.map((r) => [
              <span key="from">
                {r.released || staff ? (
                  <Link className="govuk-link" to={`/cases/${caseId}/advice/${r.id}`}>
                    {t(adviceKindKeys[r.kind])}
                  </Link>
                ) : (
                  t(adviceKindKeys[r.kind])
                )}
                <br />
                <span className="govuk-body-s">{r.professionalName}</span>
              </span>,
              formatDate(r.requestedOn, locale),
              formatDate(r.dueBy, locale),
              <span key="status">
                <Tag colour={r.withheld ? 'grey' : adviceStatusColours[r.status]}>{t(r.withheld ? 'advice.status.withheld' : adviceStatusKeys[r.status])}</Tag>
                {r.withheld && !staff ? <span className="govuk-body-s"> {t('advice.list.withheldFamily')}</span> : null}
              </span>,
            ])}
          />
        )}
      </div>
    </div>
  );
}
