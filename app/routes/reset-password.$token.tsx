import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { clearedSessionCookie } from '~/auth/session.server';
import { clientAddress } from '~/client-address.server';
import { choosePasswordSchema, emailTokenIsLive, resetPassword } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { ChoosePasswordForm, LinkExpired } from '~/features/identity';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'resetPassword.title' };

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  return json({ live: await emailTokenIsLive(token, 'reset_password') });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = { ...(await readForm(request)), token: params.token ?? '' };
  const form = validateForm(choosePasswordSchema, values);
  if (!form.ok) return formFailure(form.errors, {});
  const user = await resetPassword(form.data.token, form.data.password, clientAddress(request));
  if (!user) return formFailure({ password: 'errors.link.expired' }, {});
  return redirect('/sign-in?notice=reset', { headers: { 'Set-Cookie': clearedSessionCookie() } });
}

export default function ResetPassword() {
  const { t } = useTranslation();
  const { live } = useLoaderData<typeof loader>();
  if (!live) return <LinkExpired heading={t('resetPassword.expired.heading')} body={t('resetPassword.expired.body')} />;
  return <ChoosePasswordForm heading={t('resetPassword.heading')} intro={t('resetPassword.intro')} submit={t('resetPassword.submit')} />;
}
