import { useTranslation } from 'react-i18next';
import { Tag, type TagColour } from '~/ui/govuk/content';

/** As app/services/accounts.server.ts reports it (ui never imports server code). */
type AccountStatus = 'invited' | 'active' | 'deactivated';

const tags: Record<AccountStatus, { colour: TagColour; key: string }> = {
  active: { colour: 'green', key: 'admin.users.active' },
  invited: { colour: 'grey', key: 'admin.users.invitedStatus' },
  deactivated: { colour: 'red', key: 'admin.users.deactivatedStatus' },
};

/** An account's state on the admin pages: invited (no password yet), active, or deactivated by the council. */
export function AccountStatusTag({ status }: { status: AccountStatus }) {
  const { t } = useTranslation();
  return <Tag colour={tags[status].colour}>{t(tags[status].key)}</Tag>;
}
