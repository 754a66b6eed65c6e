import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireSettingPermission } from '~/auth/access.server';
import { decide } from '~/auth/policy';
import { settingRoll } from '~/features/settings/index.server';
import type { PageHandle } from '~/root';
import { Table, Tag } from '~/ui/govuk/content';
import { stageKeys } from '~/ui/labels';

export const handle: PageHandle = {
  namespaces: ['settings'],
  titleKey: 'settingHome.title',
};

/**
 * A setting's home (issue 14): the children on its roll with a plan or a request (the case names
 * the setting, or the setting asked for the assessment), each to its case page, where the policy
 * shows them the summary, the plan and the reviews. '/' sends a setting's staff here.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const { user, setting } = await requireSettingPermission(request, 'read:setting');
  const subject = {
    type: 'setting',
    laId: setting.laId,
    settingId: setting.id,
  } as const;
  return json({
    settingName: setting.name,
    roll: await settingRoll(user, setting),
    mayManageStaff: decide(user, 'manage:setting-staff', subject) === 'allow',
    mayRequest: decide(user, 'request:assessment-as-setting', subject) === 'allow',
  });
}

export default function SettingHome() {
  const { t } = useTranslation();
  const { settingName, roll, mayManageStaff, mayRequest } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-full">
        <span className="govuk-caption-l">{settingName}</span>
        <h1 className="govuk-heading-l">{t('settingHome.heading')}</h1>
        <ul className="govuk-list">
          {mayRequest ? (
            <li>
              <Link className="govuk-link" to="/setting/request">
                {t('settingHome.request')}
              </Link>
            </li>
          ) : null}
          {mayManageStaff ? (
            <li>
              <Link className="govuk-link" to="/setting/staff">
                {t('settingHome.staff')}
              </Link>
            </li>
          ) : null}
        </ul>
        <p className="govuk-body">{t('settingHome.intro')}</p>
        {roll.length === 0 ? (
          <p className="govuk-body">{t('settingHome.none')}</p>
        ) : (
          <Table
            caption={t('settingHome.caption')}
            head={[t('settingHome.child'), t('settingHome.reference'), t('settingHome.stage'), t('settingHome.why')]}
            rows={roll.map((entry) => [
              <Link className="govuk-link" to={`/cases/${entry.caseId}`} key={entry.caseId}>
                {entry.childName}
              </Link>,
              entry.reference,
              t(stageKeys[entry.stage]),
              <>
                {entry.named ? <Tag colour="blue">{t('settingHome.named')}</Tag> : null}
                {entry.named && entry.requestedHere ? ' ' : null}
                {entry.requestedHere ? <Tag colour="purple">{t('settingHome.requested')}</Tag> : null}
              </>,
            ])}
          />
        )}
      </div>
    </div>
  );
}
