import { useTranslation } from 'react-i18next';
import type { PageHandle } from '~/root';
import { Table } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['pages'], titleKey: 'cookies.title' };

/** Only essential cookies are set, so there is nothing to accept or reject. */
export default function Cookies() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('cookies.heading')}</h1>
        <p className="govuk-body">{t('cookies.intro')}</p>
        <p className="govuk-body">{t('cookies.essentialOnly')}</p>
        <Table
          caption={t('cookies.table.caption')}
          head={[t('cookies.table.name'), t('cookies.table.purpose'), t('cookies.table.expires')]}
          rows={[
            ['ehcp_session', t('cookies.session.purpose'), t('cookies.session.expires')],
            ['lng', t('cookies.language.purpose'), t('cookies.language.expires')],
          ]}
        />
        <p className="govuk-body">{t('cookies.noAnalytics')}</p>
      </div>
    </div>
  );
}
