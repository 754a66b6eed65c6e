import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireAccountAccess } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import type { PageHandle } from '~/root';
import { deactivateAccount, reactivateAccount } from '~/features/identity/index.server';
import { BackLink, SubmitButton, WarningText } from '~/ui/govuk/content';

export const handle: PageHandle = {
  namespaces: ['identity', 'admin'],
  title: (data, t) => {
    const page = data as { change?: Change; name?: string } | undefined;
    return page?.change ? t(copy[page.change].heading, { name: page.name }) : t('adminAccount.title');
  },
};

type Change = 'deactivate' | 'reactivate';

const copy = {
  deactivate: { heading: 'adminAccount.confirmDeactivate.heading', body: 'adminAccount.confirmDeactivate.body', submit: 'adminAccount.confirmDeactivate.submit' },
  reactivate: { heading: 'adminAccount.confirmReactivate.heading', body: 'adminAccount.confirmReactivate.body', submit: 'adminAccount.confirmReactivate.submit' },
} as const;

function changeOf(param: string | undefined): Change {
  if (param === 'deactivate' || param === 'reactivate') return param;
  throw new Response('Not Found', { status: 404 });
}

/**
 * "Are you sure?" before switching an account off or on (GOV.UK confirmation page, no JavaScript
 * needed). The policy decides: the LA admin, for an account of their own LA other than their own.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const change = changeOf(params.change);
  const { account } = await requireAccountAccess(request, params.userId ?? '', 'administer:account');
  return json({ change, id: account.id, name: account.name });
}

/** Sent twice (or after someone else did it), it changes nothing more and lands on the same page. */
export async function action({ request, params }: ActionFunctionArgs) {
  const change = changeOf(params.change);
  const { admin, account } = await requireAccountAccess(request, params.userId ?? '', 'administer:account');
  const address = clientAddress(request);
  if (change === 'deactivate') await deactivateAccount(admin, account.id, address);
  else await reactivateAccount(admin, account.id, address);
  return redirect(`/admin/users/${account.id}?notice=${change}d`);
}

export default function ConfirmAccountChange() {
  const { t } = useTranslation();
  const { change, id, name } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <BackLink to={`/admin/users/${id}`}>{t('common.back')}</BackLink>
        <h1 className="govuk-heading-l">{t(copy[change].heading, { name })}</h1>
        {change === 'deactivate' ? <WarningText>{t(copy.deactivate.body)}</WarningText> : <p className="govuk-body">{t(copy.reactivate.body)}</p>}
        <Form method="post">
          <SubmitButton variant={change === 'deactivate' ? 'warning' : undefined}>{t(copy[change].submit)}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
