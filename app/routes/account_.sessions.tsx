import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { describeDevice } from '~/auth/device';
import { clearedSessionCookie, readSessionToken } from '~/auth/session.server';
import { clientAddress } from '~/client-address.server';
import { readForm } from '~/forms/form.server';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { activeSessionsOf, signOutSessions } from '~/features/identity/index.server';
import { BackLink, NotificationBanner, SubmitButton, Tag } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['identity'], titleKey: 'accountSessions.title' };

/** Where the account is signed in now (GOV.UK summary cards), and signing out of the others or of all. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const sessions = await activeSessionsOf(user.id, readSessionToken(request));
  return json({
    sessions: sessions.map((s) => ({ ...describeDevice(s.userAgent), current: s.current, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt, ipAddress: s.ipAddress })),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { intent } = await readForm(request);
  const address = clientAddress(request);
  if (intent === 'sign-out-everywhere') {
    await signOutSessions(user, 'all', null, address);
    return redirect('/sign-in?notice=signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } });
  }
  if (intent === 'sign-out-others') {
    await signOutSessions(user, 'others', readSessionToken(request), address);
    return redirect('/account/sessions?signedOut=others');
  }
  return redirect('/account/sessions');
}

export default function AccountSessions() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language as Locale;
  const { sessions } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/account">{t('common.back')}</BackLink>
        {params.get('signedOut') === 'others' ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t('accountSessions.signedOutOthers')}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('accountSessions.heading')}</h1>
        <p className="govuk-body">{t('accountSessions.intro')}</p>
        {sessions.map((s, i) => (
          <div className="govuk-summary-card" key={i}>
            <div className="govuk-summary-card__title-wrapper">
              <h2 className="govuk-summary-card__title">
                {s.browser && s.system
                  ? t('accountSessions.device', { browser: s.browser, system: s.system })
                  : (s.browser ?? s.system ?? t('accountSessions.unknownDevice'))}{' '}
                {s.current ? <Tag colour="green">{t('accountSessions.thisDevice')}</Tag> : null}
              </h2>
            </div>
            <div className="govuk-summary-card__content">
              <dl className="govuk-summary-list">
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('accountSessions.signedIn')}</dt>
                  <dd className="govuk-summary-list__value">{formatDateTime(s.createdAt, locale)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('accountSessions.lastActive')}</dt>
                  <dd className="govuk-summary-list__value">{formatDateTime(s.lastSeenAt, locale)}</dd>
                </div>
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{t('accountSessions.address')}</dt>
                  <dd className="govuk-summary-list__value">{s.ipAddress ?? t('accountSessions.unknownAddress')}</dd>
                </div>
              </dl>
            </div>
          </div>
        ))}
        {others > 0 ? (
          <>
            <h2 className="govuk-heading-m">{t('accountSessions.others.heading')}</h2>
            <p className="govuk-body">{t('accountSessions.others.body')}</p>
            <Form method="post">
              <SubmitButton name="intent" value="sign-out-others">
                {t('accountSessions.others.submit')}
              </SubmitButton>
            </Form>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t('accountSessions.everywhere.heading')}</h2>
        <p className="govuk-body">{t('accountSessions.everywhere.body')}</p>
        <Form method="post">
          <SubmitButton variant="secondary" name="intent" value="sign-out-everywhere">
            {t('accountSessions.everywhere.submit')}
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}
