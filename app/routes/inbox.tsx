import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { mayInOwnLa, requireLaPermission } from '~/auth/access.server';
import { readForm } from '~/forms/form.server';
import type { PageHandle } from '~/root';
import { setAbsent } from '~/features/messaging/index.server';
import { inboxScreen } from '~/features/caseload/index.server';
import { InboxView } from '~/features/caseload';
import { SubmitButton } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['messaging', 'family', 'case', 'casework'],
  title: (data, t) => {
    const loaded = data as { inbox?: { searchError: string | null } } | undefined;
    return loaded?.inbox?.searchError ? t('layout.errorTitle', { title: t('inbox.title') }) : t('inbox.title');
  },
};

type View = 'mine' | 'team';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const url = new URL(request.url);
  // A manager has no caseload of their own: their inbox is the whole council's.
  const holdsCaseload = mayInOwnLa(user, 'hold:caseload');
  const view: View = url.searchParams.get('view') === 'team' || !holdsCaseload ? 'team' : 'mine';
  const scope = {
    laId: user.laId,
    viewerId: user.id,
    caseworkerId: view === 'mine' ? user.id : null,
    // A caseworker's team view is their area team's; one without a team covers the council.
    teamId: view === 'team' && holdsCaseload ? user.teamId : null,
  };
  const inbox = await inboxScreen(scope, url);
  return json({ view, inbox, isCaseworker: holdsCaseload, absent: user.absent });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireLaPermission(request, 'read:inbox');
  const values = await readForm(request);
  if (mayInOwnLa(user, 'hold:caseload')) await setAbsent(user.id, values.absent === 'yes');
  return redirect('/inbox');
}

const viewKeys = { mine: 'inbox.scope.mine', team: 'inbox.scope.team' } as const;
const viewPaths = { mine: '/inbox', team: '/inbox?view=team' } as const;

export default function Inbox() {
  const { t } = useTranslation();
  const { view, inbox, isCaseworker, absent } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t('inbox.heading')}</h1>
      {isCaseworker ? (
        <nav aria-label={t('inbox.scopeLabel')}>
          <ul className="govuk-list app-inline-list">
            {(['mine', 'team'] as const).map((v) => (
              <li key={v}>
                {v === view ? (
                  <strong aria-current="page">{t(viewKeys[v])}</strong>
                ) : (
                  <Link className="govuk-link" to={viewPaths[v]}>
                    {t(viewKeys[v])}
                  </Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      <InboxView data={inbox} path={isCaseworker ? viewPaths[view] : '/inbox'} hidden={isCaseworker && view === 'team' ? { view: 'team' } : undefined} />
      {isCaseworker ? (
        <Form method="post">
          <input type="hidden" name="absent" value={absent ? 'no' : 'yes'} />
          <p className="govuk-body">{t(absent ? 'inbox.absent.on' : 'inbox.absent.off')}</p>
          <SubmitButton variant="secondary">{t(absent ? 'inbox.absent.back' : 'inbox.absent.away')}</SubmitButton>
        </Form>
      ) : null}
    </>
  );
}
