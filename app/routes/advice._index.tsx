import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requirePermission } from '~/auth/access.server';
import { PORTAL } from '~/auth/policy';
import { todayInLondon } from '~/domain/timescales';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { adviceRequestsOfProfessional } from '~/features/advice/index.server';
import { adviceKindKeys, adviceStatusColours, adviceStatusKeys } from '~/ui/advice-labels';
import { Table, Tag } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['case', 'advice', 'plan'], titleKey: 'advice.mine.title' };

/** A professional's home: only the requests they were sent, while they can still open them. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'read:advice-requests', PORTAL);
  const requests = await adviceRequestsOfProfessional(user.id, todayInLondon());
  return json({ requests });
}

export default function MyAdviceRequests() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { requests } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('advice.mine.heading')}</h1>
        <p className="govuk-body">{t('advice.mine.intro')}</p>
        {requests.length === 0 ? (
          <p className="govuk-body">{t('advice.mine.none')}</p>
        ) : (
          <Table
            caption={t('advice.mine.caption')}
            head={[t('advice.mine.child'), t('advice.list.from'), t('advice.list.dueBy'), t('advice.list.status')]}
            rows={requests.map((r) => [
              <Link key="child" className="govuk-link" to={`/advice/${r.id}`}>
                {t('advice.mine.childLink', { name: r.childName, reference: r.caseReference })}
              </Link>,
              t(adviceKindKeys[r.kind]),
              formatDate(r.dueBy, locale),
              <Tag key="status" colour={adviceStatusColours[r.status]}>
                {t(adviceStatusKeys[r.status])}
              </Tag>,
            ])}
          />
        )}
      </div>
    </div>
  );
}
