import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireLaPermission } from '~/auth/access.server';
import { settingsOf } from '~/features/settings/index.server';
import { settingPhaseKeys, settingTypeKeys } from '~/features/settings';
import type { PageHandle } from '~/root';
import { ButtonLink, Table } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['settings'],
  titleKey: 'settingsAdmin.list.title',
};

export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireLaPermission(request, 'administer:settings');
  return json({ settings: await settingsOf(admin.laId) });
}

/** The council's schools, colleges and early-years settings (issue 14). */
export default function Settings() {
  const { t } = useTranslation();
  const { settings } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <h1 className="govuk-heading-l">{t('settingsAdmin.list.heading')}</h1>
        <p className="govuk-body">{t('settingsAdmin.list.intro')}</p>
        <ButtonLink to="/admin/settings/new">{t('settingsAdmin.list.add')}</ButtonLink>
        {settings.length === 0 ? (
          <p className="govuk-body">{t('settingsAdmin.list.none')}</p>
        ) : (
          <Table
            caption={t('settingsAdmin.list.caption')}
            head={[t('settingsAdmin.field.name'), t('settingsAdmin.field.urn'), t('settingsAdmin.field.ukprn'), t('settingsAdmin.field.type'), t('settingsAdmin.field.phase')]}
            rows={settings.map((s) => [
              <Link className="govuk-link" to={`/admin/settings/${s.id}`} key={s.id}>
                {s.name}
              </Link>,
              s.urn ?? t('settingsAdmin.none'),
              s.ukprn ?? t('settingsAdmin.none'),
              t(settingTypeKeys[s.type]),
              t(settingPhaseKeys[s.phase]),
            ])}
          />
        )}
      </div>
    </div>
  );
}
