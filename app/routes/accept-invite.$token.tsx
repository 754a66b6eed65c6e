import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { secondFactorPage } from '~/auth/second-factor.server';
import { clientOf, invalidateSession, readSessionToken, sessionCookie } from '~/auth/session.server';
import { acceptInvite, choosePasswordSchema, emailTokenIsLive, INVITATIONS } from '~/features/identity/index.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { ChoosePasswordForm, LinkExpired } from '~/features/identity';

export const handle: PageHandle = { namespaces: ['identity', 'admin'], titleKey: 'acceptInvite.title' };

export async function loader({ params }: LoaderFunctionArgs) {
  const token = params.token ?? '';
  return json({ live: await emailTokenIsLive(token, INVITATIONS) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const values = { ...(await readForm(request)), token: params.token ?? '' };
  const form = validateForm(choosePasswordSchema, values);
  if (!form.ok) return formFailure(form.errors, {});
  const accepted = await acceptInvite(form.data.token, form.data.password, clientOf(request));
  if (!accepted) return formFailure({ password: 'errors.link.expired' }, {});
  // As at sign-in: whatever session the browser had ends, and staff go on to set up their second factor.
  const previous = readSessionToken(request);
  if (previous) await invalidateSession(previous);
  return redirect(accepted.secondFactor ? secondFactorPage(accepted.user) : '/', { headers: { 'Set-Cookie': sessionCookie(accepted.sessionToken) } });
}

export default function AcceptInvite() {
  const { t } = useTranslation();
  const { live } = useLoaderData<typeof loader>();
  if (!live) return <LinkExpired heading={t('acceptInvite.expired.heading')} body={t('acceptInvite.expired.body')} />;
  return <ChoosePasswordForm heading={t('acceptInvite.heading')} intro={t('acceptInvite.intro')} submit={t('acceptInvite.submit')} />;
}
