import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { getOptionalUser } from '~/auth/access.server';
import { safeReturnTo } from '~/auth/return-to';
import { secureCookies } from '~/env.server';
import { languageSchema, setLocale } from '~/features/identity/index.server';
import { readForm } from '~/forms/form.server';
import { languageCookie } from '~/i18n/i18n.server';

/** The language switcher posts here: remembered on the account when signed in, in a cookie always. */
export async function loader() {
  return redirect('/');
}

export async function action({ request }: ActionFunctionArgs) {
  const values = await readForm(request);
  const parsed = languageSchema.safeParse(values);
  const returnTo = safeReturnTo(values.returnTo);
  if (!parsed.success) return redirect(returnTo);
  const user = await getOptionalUser(request);
  if (user) await setLocale(user.id, parsed.data.locale);
  return redirect(returnTo, { headers: { 'Set-Cookie': languageCookie(parsed.data.locale, secureCookies()) } });
}
