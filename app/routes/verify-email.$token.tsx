import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PageHandle } from '~/root';
import { verifyEmail } from '~/features/identity/index.server';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'verifyEmail.title' };

/** Opening the emailed link confirms the address, then asks the person to sign in. */
export async function loader({ params }: LoaderFunctionArgs) {
  const user = await verifyEmail(params.token ?? '');
  if (user) throw redirect('/sign-in?notice=verified');
  return null;
}

export default function VerifyEmailFailed() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('verifyEmail.heading')}</h1>
        <p className="govuk-body">{t('verifyEmail.body')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/sign-in">
            {t('verifyEmail.signInForNewLink')}
          </Link>
        </p>
      </div>
    </div>
  );
}
