import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { clearedSessionCookie, invalidateAllSessions } from '~/auth/session.server';
import { readForm } from '~/forms/form.server';
import type { PageHandle } from '~/root';
import { SubmitButton, SummaryList } from '~/ui/govuk/content';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { titleKey: 'account.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name, email: user.email, role: user.role, locale: user.locale });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  if (values.intent === 'sign-out-everywhere') {
    await invalidateAllSessions(user.id);
    return redirect('/sign-in?notice=signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } });
  }
  return redirect('/account');
}

const languageKeys = { en: 'account.languages.en', pl: 'account.languages.pl' } as const;

export default function Account() {
  const { t } = useTranslation();
  const account = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('account.heading')}</h1>
        <SummaryList
          rows={[
            { key: t('fields.fullName'), value: account.name },
            { key: t('fields.email'), value: account.email },
            { key: t('account.role'), value: t(roleKeys[account.role]) },
            { key: t('account.language'), value: t(languageKeys[account.locale]) },
          ]}
        />
        <h2 className="govuk-heading-m">{t('account.signOutEverywhere.heading')}</h2>
        <p className="govuk-body">{t('account.signOutEverywhere.body')}</p>
        <Form method="post">
          <SubmitButton variant="secondary" name="intent" value="sign-out-everywhere">
            {t('account.signOutEverywhere.submit')}
          </SubmitButton>
        </Form>
      </div>
    </div>
  );
}
