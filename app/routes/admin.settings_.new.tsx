import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { createSetting, parseSettingForm } from '~/features/settings/index.server';
import { SettingForm } from '~/features/settings';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { BackLink } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['settings'],
  titleKey: 'settingsAdmin.add.title',
};

export async function loader({ request }: LoaderFunctionArgs) {
  await requireLaPermission(request, 'administer:settings');
  return json(null);
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:settings');
  const values = await readForm(request);
  const parsed = parseSettingForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  // Sent twice, the second finds the first: one setting.
  const created = await createSetting(admin, parsed.setting);
  if (!created.ok) return formFailure(created.errors, values);
  return redirect(`/admin/settings/${created.setting.id}?notice=added`);
}

export default function AddSetting() {
  const { t } = useTranslation();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/admin/settings">{t('common.back')}</BackLink>
        <SettingForm heading={t('settingsAdmin.add.heading')} submit={t('settingsAdmin.add.submit')} />
      </div>
    </div>
  );
}
