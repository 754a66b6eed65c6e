import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { uploadsAreUnscanned } from '~/env.server';
import type { PageHandle } from '~/root';
import { managedAccountsOf, type ManagedAccount } from '~/features/identity/index.server';
import { AccountStatusTag, groupManagedAccounts } from '~/features/identity';
import { ButtonLink, NotificationBanner, Table, WarningText } from '~/ui/govuk/content';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'admin.users.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:users');
  // Said to the council's admin, who can ask for a scanner to be connected (issue 11, item 14).
  return json({ accounts: await managedAccountsOf(admin.laId), uploadsUnscanned: uploadsAreUnscanned() });
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { accounts, uploadsUnscanned } = useLoaderData<typeof loader>();
  const { staff, professionals, advisers } = groupManagedAccounts(accounts);
  const [params] = useSearchParams();
  const invited = params.get('invited');
  return (
    <>
      {invited ? (
        <NotificationBanner title={t('common.success')} success>
          <p className="govuk-notification-banner__heading">{t('admin.users.invited', { email: invited })}</p>
        </NotificationBanner>
      ) : null}
      <h1 className="govuk-heading-l">{t('admin.users.heading')}</h1>
      {uploadsUnscanned ? <WarningText>{t('safety.unscannedUploads')}</WarningText> : null}
      <ButtonLink to="/admin/users/invite">{t('admin.users.invite')}</ButtonLink>
      <Table
        caption={t('admin.users.caption')}
        head={[t('fields.fullName'), t('fields.email'), t('admin.users.role'), t('admin.users.team'), t('admin.users.status')]}
        rows={staff.map((a) => [<AccountLink key={a.id} account={a} />, a.email, t(roleKeys[a.role]), a.teamName ?? t('admin.users.noTeam'), <AccountStatusTag key={`${a.id}-status`} status={a.status} />])}
      />
      {professionals.length > 0 ? (
        <Table
          caption={t('admin.users.professionalsCaption')}
          head={[t('fields.fullName'), t('fields.email'), t('admin.users.status')]}
          rows={professionals.map((a) => [<AccountLink key={a.id} account={a} />, a.email, <AccountStatusTag key={`${a.id}-status`} status={a.status} />])}
        />
      ) : null}
      {advisers.length > 0 ? (
        <Table
          caption={t('admin.users.advisersCaption')}
          head={[t('fields.fullName'), t('fields.email'), t('admin.users.organisation'), t('admin.users.status')]}
          rows={advisers.map((a) => [<AccountLink key={a.id} account={a} />, a.email, a.organisationName, <AccountStatusTag key={`${a.id}-status`} status={a.status} />])}
        />
      ) : null}
    </>
  );
}

function AccountLink({ account }: { account: Pick<ManagedAccount, 'id' | 'name'> }) {
  return (
    <Link className="govuk-link" to={`/admin/users/${account.id}`}>
      {account.name}
    </Link>
  );
}
