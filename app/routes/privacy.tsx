import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import type { PageHandle } from '~/root';
import { councilsOfUser } from '~/tenancy/council.server';
import { councilsWithNotices, privacyNoticesOf } from '~/features/data-rights/index.server';
import { PrivacyNoticeView } from '~/features/data-rights';

export const handle: PageHandle = { namespaces: ['pages', 'rights'], titleKey: 'privacy.title' };

/**
 * The privacy notice (ADR 0036). Signed in, the notice of each council the person deals with
 * (staff and advisers their own; a family each council holding their children's records), never a
 * council named by the request. Signed out, or with no council yet, the portal's own notice and
 * every council's, to open one by one.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const councils = user ? await councilsOfUser(user) : [];
  const notices = await privacyNoticesOf(councils.flatMap((c) => (c.laId ? [c.laId] : [])));
  return json({ notices, councils: notices.length > 0 ? [] : await councilsWithNotices() });
}

const portalSections = [
  { headingKey: null, paragraphKeys: ['privacy.intro'] },
  { headingKey: 'privacy.what.heading', paragraphKeys: ['privacy.what.body'] },
  { headingKey: 'privacy.why.heading', paragraphKeys: ['privacy.why.body', 'privacy.why.lawfulBasis'] },
  { headingKey: 'privacy.who.heading', paragraphKeys: ['privacy.who.body', 'privacy.who.audit'] },
  { headingKey: 'privacy.keep.heading', paragraphKeys: ['privacy.keep.body'] },
  { headingKey: 'privacy.rights.heading', paragraphKeys: ['privacy.rights.body', 'privacy.rights.complain'] },
] as const;

export default function Privacy() {
  const { t } = useTranslation();
  const { notices, councils } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('privacy.heading')}</h1>
        {notices.length > 0 ? (
          <>
            <p className="govuk-body">{notices.length > 1 ? t('privacyNotice.introSeveral') : t('privacyNotice.intro', { council: notices[0].council.name })}</p>
            {notices.map((notice) => (
              <PrivacyNoticeView key={notice.council.code} notice={notice} asSection={notices.length > 1} />
            ))}
          </>
        ) : (
          <>
            {portalSections.map((section, i) => (
              <section key={i}>
                {section.headingKey ? <h2 className="govuk-heading-m">{t(section.headingKey)}</h2> : null}
                {section.paragraphKeys.map((key) => (
                  <p className="govuk-body" key={key}>
                    {t(key)}
                  </p>
                ))}
              </section>
            ))}
            <h2 className="govuk-heading-m">{t('privacyNotice.councils.heading')}</h2>
            {councils.length > 0 ? (
              <>
                <p className="govuk-body">{t('privacyNotice.councils.intro')}</p>
                <ul className="govuk-list">
                  {councils.map((council) => (
                    <li key={council.code}>
                      <Link className="govuk-link" to={`/privacy/${council.code.toLowerCase()}`}>
                        {t('privacyNotice.councils.link', { council: council.name })}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            ) : (
              <p className="govuk-body">{t('privacyNotice.councils.none')}</p>
            )}
          </>
        )}
      </div>
    </div>
  );
}
