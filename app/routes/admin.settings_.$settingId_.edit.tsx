import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { parseSettingForm, settingOf, updateSetting } from '~/features/settings/index.server';
import { SettingForm } from '~/features/settings';
import { readForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { BackLink } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['settings'],
  titleKey: 'settingsAdmin.edit.title',
};

/** The council's own setting: another council's is not found. */
async function requireSetting(request: Request, settingId: string) {
  const admin = await requireLaPermission(request, 'administer:settings');
  const setting = await settingOf(admin.laId, settingId);
  if (!setting) throw new Response('Not Found', { status: 404 });
  return { admin, setting };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { setting } = await requireSetting(request, params.settingId ?? '');
  return json({
    id: setting.id,
    saved: {
      name: setting.name,
      urn: setting.urn ?? '',
      ukprn: setting.ukprn ?? '',
      type: setting.type,
      phase: setting.phase,
    },
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { admin, setting } = await requireSetting(request, params.settingId ?? '');
  const values = await readForm(request);
  const parsed = parseSettingForm(values);
  if (!parsed.ok) return formFailure(parsed.errors, values);
  const updated = await updateSetting(admin, setting, parsed.setting);
  if (!updated.ok) return formFailure(updated.errors, values);
  return redirect(`/admin/settings/${setting.id}?notice=changed`);
}

export default function EditSetting() {
  const { t } = useTranslation();
  const { id, saved } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/settings/${id}`}>{t('common.back')}</BackLink>
        <SettingForm heading={t('settingsAdmin.edit.heading')} submit={t('settingsAdmin.edit.submit')} saved={saved} />
      </div>
    </div>
  );
}
