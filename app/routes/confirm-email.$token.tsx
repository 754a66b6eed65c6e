import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clientAddress } from '~/client-address.server';
import type { PageHandle } from '~/root';
import { confirmEmailChange, pendingEmailChange } from '~/features/identity/index.server';
import { LinkExpired } from '~/features/identity';
import { SubmitButton } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'confirmEmail.title' };

/**
 * The link sent to a new email address. Opening it only shows what will change: the change is a
 * button (a POST), because mail scanners and link previews open links without anyone asking.
 * Anyone holding the link may confirm it, signed in or not: it proves the new inbox, which is
 * what it is for (the current password was checked when the change was asked for).
 */
export async function loader({ params }: LoaderFunctionArgs) {
  return json({ newEmail: await pendingEmailChange(params.token ?? '') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const outcome = await confirmEmailChange(params.token ?? '', clientAddress(request));
  if (outcome === 'gone') return json({ gone: true }, { status: 400 });
  return redirect('/account?notice=emailChanged');
}

export default function ConfirmEmail() {
  const { t } = useTranslation();
  const { newEmail } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  if (!newEmail || failed) return <LinkExpired heading={t('confirmEmail.expired.heading')} body={t('confirmEmail.expired.body')} />;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('confirmEmail.heading')}</h1>
        <p className="govuk-body">{t('confirmEmail.body', { email: newEmail })}</p>
        <Form method="post">
          <SubmitButton>{t('confirmEmail.submit')}</SubmitButton>
        </Form>
      </div>
    </div>
  );
}
