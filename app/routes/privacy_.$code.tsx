import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { PageHandle } from '~/root';
import { privacyNoticeByCode } from '~/features/data-rights/index.server';
import { PrivacyNoticeView } from '~/features/data-rights';
import { BackLink } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['pages', 'rights'],
  title: (data, t) => {
    const name = (data as { notice?: { council: { name: string } } } | undefined)?.notice?.council.name;
    return name ? t('privacyNotice.councilTitle', { council: name }) : t('privacy.title');
  },
};

/** One council's privacy notice, public: anyone may read how a council uses data before they register (ADR 0036). */
export async function loader({ params }: LoaderFunctionArgs) {
  const notice = await privacyNoticeByCode(params.code ?? '');
  if (!notice) throw new Response('Not Found', { status: 404 });
  return json({ notice });
}

export default function CouncilPrivacyNotice() {
  const { t } = useTranslation();
  const { notice } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to="/privacy">{t('common.back')}</BackLink>
        <span className="govuk-caption-l">{notice.council.name}</span>
        <h1 className="govuk-heading-l">{t('privacy.heading')}</h1>
        <PrivacyNoticeView notice={notice} asSection={false} />
      </div>
    </div>
  );
}
