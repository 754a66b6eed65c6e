import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaAdmin } from '~/auth/access.server';
import { uploadsAreUnscanned } from '~/env.server';
import type { PageHandle } from '~/root';
import { staffOf } from '~/services/caseload.server';
import { ButtonLink, NotificationBanner, Table, Tag, WarningText } from '~/ui/govuk/content';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { titleKey: 'admin.users.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaAdmin(request);
  // Said to the council's admin, who can ask for a scanner to be connected (issue 11, item 14).
  return json({ staff: await staffOf(admin.laId), uploadsUnscanned: uploadsAreUnscanned() });
}

export default function AdminUsers() {
  const { t } = useTranslation();
  const { staff, uploadsUnscanned } = useLoaderData<typeof loader>();
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
        rows={staff.map((s) => [
          s.name,
          s.email,
          t(roleKeys[s.role]),
          s.teamName ?? t('admin.users.noTeam'),
          s.active ? <Tag colour="green">{t('admin.users.active')}</Tag> : <Tag colour="grey">{t('admin.users.invitedStatus')}</Tag>,
        ])}
      />
    </>
  );
}
