import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAccountAccess } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { accountDetails } from '~/features/identity/index.server';
import { AccountStatusTag } from '~/features/identity';
import { BackLink, ButtonLink, InsetText, NotificationBanner, SummaryList } from '~/ui/govuk/content';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = {
  namespaces: ['identity', 'admin'],
  title: (data, t) => (data as { account?: { name: string } } | undefined)?.account?.name ?? t('adminAccount.title'),
};

/** One account the LA admin looks after: who it is, its state, and switching it off or on. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { admin, account, subject } = await requireAccountAccess(request, params.userId ?? '', 'read:account');
  return json({ account: await accountDetails(account), mayChange: decide(admin, 'administer:account', subject) === 'allow' });
}

const notices = { deactivated: 'adminAccount.notices.deactivated', reactivated: 'adminAccount.notices.reactivated' } as const;

export default function AdminAccount() {
  const { t, i18n } = useTranslation();
  const { account, mayChange } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const notice = params.get('notice');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/users">{t('common.back')}</BackLink>
        {notice && Object.hasOwn(notices, notice) ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(notices[notice as keyof typeof notices], { name: account.name })}</p>
          </NotificationBanner>
        ) : null}
        <span className="govuk-caption-l">{t(roleKeys[account.role])}</span>
        <h1 className="govuk-heading-l">{account.name}</h1>
        <SummaryList
          rows={[
            { key: t('fields.email'), value: account.email },
            ...(account.teamName ? [{ key: t('admin.users.team'), value: account.teamName }] : []),
            ...(account.organisationName ? [{ key: t('admin.users.organisation'), value: account.organisationName }] : []),
            { key: t('admin.users.status'), value: <AccountStatusTag status={account.status} /> },
            ...(account.deactivatedAt ? [{ key: t('adminAccount.deactivatedOn'), value: formatDateTime(account.deactivatedAt, i18n.language as Locale) }] : []),
          ]}
        />
        {!mayChange ? (
          <InsetText>{t('adminAccount.ownAccount')}</InsetText>
        ) : account.status === 'deactivated' ? (
          <>
            <p className="govuk-body">{t('adminAccount.reactivateBody')}</p>
            <ButtonLink to={`/admin/users/${account.id}/reactivate`}>{t('adminAccount.reactivate')}</ButtonLink>
          </>
        ) : (
          <>
            <p className="govuk-body">{t('adminAccount.deactivateBody')}</p>
            <ButtonLink to={`/admin/users/${account.id}/deactivate`}>{t('adminAccount.deactivate')}</ButtonLink>
          </>
        )}
      </div>
    </div>
  );
}
