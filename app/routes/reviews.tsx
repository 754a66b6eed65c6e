import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import type { PageHandle } from '~/root';
import { reviewListScreen } from '~/features/review-lists/index.server';
import { REVIEWS_PATH, ReviewListsView } from '~/features/review-lists';

/**
 * The annual reviews caseworkers and managers work from (issue 14, item 6): this term's, those
 * with a step overdue, and the phase transfers with how many are done. A caseworker sees their own
 * cases' reviews; a manager the whole council's, by team or caseworker.
 */
export const handle: PageHandle = {
  namespaces: ['reviews', 'casework'],
  title: (data, t) => {
    const loaded = data as { screen?: { searchError: string | null } } | undefined;
    const title = t('reviews.lists.title');
    return loaded?.screen?.searchError ? t('layout.errorTitle', { title }) : title;
  },
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:reviews');
  const council = mayInOwnLa(user, 'read:teams');
  const screen = await reviewListScreen({ laId: user.laId, caseworkerId: council ? null : user.id }, new URL(request.url));
  return json({ council, screen });
}

export default function ReviewLists() {
  const { t } = useTranslation();
  const { council, screen } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t('reviews.lists.heading')}</h1>
      <p className="govuk-body-l">{t(council ? 'reviews.lists.leadCouncil' : 'reviews.lists.leadOwn')}</p>
      <ReviewListsView data={screen} path={REVIEWS_PATH} />
    </>
  );
}
