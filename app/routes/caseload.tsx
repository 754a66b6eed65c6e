import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import type { PageHandle } from '~/root';
import { caseloadScreen } from '~/features/caseload/index.server';
import { CaseloadView, COUNCIL_CASES_PATH } from '~/features/caseload';

/**
 * Every open case of the council, for managers, where the figures on their pages lead; a
 * caseworker who opens it sees their own caseload, as on their home page.
 */
export const handle: PageHandle = {
  namespaces: ['family', 'case', 'casework'],
  title: (data, t) => {
    const loaded = data as { council?: boolean; caseload?: { searchError: string | null } } | undefined;
    const title = t(loaded?.council === false ? 'home.caseload.title' : 'caseload.council.title');
    return loaded?.caseload?.searchError ? t('layout.errorTitle', { title }) : title;
  },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const council = mayInOwnLa(user, 'read:teams');
  const caseload = await caseloadScreen({ laId: user.laId, caseworkerId: council ? null : user.id }, new URL(request.url));
  return json({ council, caseload });
}

export default function CouncilCaseload() {
  const { t } = useTranslation();
  const { council, caseload } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t(council ? 'caseload.council.heading' : 'home.caseload.heading')}</h1>
      <CaseloadView data={caseload} path={COUNCIL_CASES_PATH} />
    </>
  );
}
