import { useTranslation } from 'react-i18next';
import type { PageHandle } from '~/root';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'register.checkEmail.title' };

export default function CheckEmail() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('register.checkEmail.heading')}</h1>
        <p className="govuk-body">{t('register.checkEmail.sent')}</p>
        <p className="govuk-body">{t('register.checkEmail.expires')}</p>
        <p className="govuk-body">{t('register.checkEmail.notArrived')}</p>
      </div>
    </div>
  );
}
