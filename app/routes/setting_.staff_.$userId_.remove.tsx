import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSettingAccount } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { removeFromSetting } from '~/features/settings/index.server';
import type { PageHandle } from '~/root';
import { BackLink, SubmitButton, WarningText } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['settings'],
  title: (data, t) =>
    t('settingStaff.remove.heading', {
      name: (data as { name?: string } | undefined)?.name ?? '',
    }),
};

/**
 * "Are you sure?" before a leaver's account is switched off (no JavaScript needed). The policy
 * decides: the setting's lead, for a colleague's account, never their own.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { account } = await requireSettingAccount(request, params.userId ?? '', 'administer:account');
  return json({ id: account.id, name: account.name });
}

/** Sent twice (or after it was done), it changes nothing more and lands on the same page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const { lead, account } = await requireSettingAccount(request, params.userId ?? '', 'administer:account');
  await removeFromSetting(lead, account.id, clientAddress(request));
  return redirect(`/setting/staff?removed=${encodeURIComponent(account.name)}`);
}

export default function RemoveSettingStaff() {
  const { t } = useTranslation();
  const { id, name } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/setting/staff/${id}`}>{t('common.back')}</BackLink>
        <h1 className="govuk-heading-l">{t('settingStaff.remove.heading', { name })}</h1>
        <WarningText>{t('settingStaff.remove.body')}</WarningText>
        <Form method="post">
          <SubmitButton variant="warning">{t('settingStaff.remove.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
