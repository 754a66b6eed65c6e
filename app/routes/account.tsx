import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { clearedSessionCookie, invalidateAllSessions } from '~/auth/session.server';
import { isStaff } from '~/auth/policy';
import { messageEmailsSchema } from '~/forms/account.server';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { setMessageEmails } from '~/services/accounts.server';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { SubmitButton, SummaryList } from '~/ui/govuk/content';
import { Radios } from '~/ui/govuk/fields';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { titleKey: 'account.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name, email: user.email, role: user.role, locale: user.locale, messageEmails: isStaff(user) ? user.messageEmails : null });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  if (values.intent === 'sign-out-everywhere') {
    await invalidateAllSessions(user.id);
    return redirect('/sign-in?notice=signedOut', { headers: { 'Set-Cookie': clearedSessionCookie() } });
  }
  if (values.intent === 'message-emails' && isStaff(user)) {
    const form = validateForm(messageEmailsSchema, values);
    if (!form.ok) return formFailure(form.errors, values);
    await setMessageEmails(user.id, form.data.messageEmails);
  }
  return redirect('/account');
}

const languageKeys = { en: 'account.languages.en', pl: 'account.languages.pl' } as const;

export default function Account() {
  const { t } = useTranslation();
  const account = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
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
        {account.messageEmails ? (
          <>
            <ErrorSummary errors={errors} />
            <Form method="post" noValidate key={formKey}>
              <input type="hidden" name="intent" value="message-emails" />
              <Radios
                name="messageEmails"
                legend={t('account.messageEmails.legend')}
                hint={t('account.messageEmails.hint')}
                error={errors.messageEmails}
                defaultValue={values.messageEmails ?? account.messageEmails}
                choices={[
                  { value: 'immediate', label: t('account.messageEmails.immediate') },
                  { value: 'daily', label: t('account.messageEmails.daily') },
                ]}
              />
              <SubmitButton variant="secondary">{t('account.messageEmails.save')}</SubmitButton>
            </Form>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t('twoFactor.account.heading')}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/two-factor">
            {t('twoFactor.account.link')}
          </Link>
        </p>
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
