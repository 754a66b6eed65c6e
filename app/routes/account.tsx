import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { json, redirect } from '@remix-run/node';
import { Form, Link, useLoaderData, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { requireUser } from '~/auth/access.server';
import { audienceOf, decide, PORTAL } from '~/auth/policy';
import { secureCookies } from '~/env.server';
import { languageSchema, messageEmailsSchema, pendingEmailChangeOf, resendEmailChange, setLocale, setMessageEmails } from '~/features/identity/index.server';
import { languageCookie } from '~/i18n/i18n.server';
import { languageNames, supportedLocales } from '~/i18n/config';
import { readForm, validateForm } from '~/forms/form.server';
import { formFailure } from '~/http.server';
import type { PageHandle } from '~/root';
import { useFormResult } from '~/ui/form';
import { ErrorSummary } from '~/ui/govuk/ErrorSummary';
import { NotificationBanner, SubmitButton, SummaryList } from '~/ui/govuk/content';
import { Radios } from '~/ui/govuk/fields';
import { roleKeys } from '~/ui/labels';

export const handle: PageHandle = { namespaces: ['identity', 'rights'], titleKey: 'account.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({
    name: user.name,
    email: user.email,
    role: user.role,
    locale: user.locale,
    messageEmails: decide(user, 'receive:message-emails', PORTAL) === 'allow' ? user.messageEmails : null,
    // Staff hear of families' messages; everyone else who may choose, of the council's.
    messagesFrom: audienceOf(user) === 'council' ? ('families' as const) : ('council' as const),
    familyAccount: decide(user, 'add:child', PORTAL) === 'allow',
    accessHistory: decide(user, 'read:own-access-history', PORTAL) === 'allow',
    pendingEmail: await pendingEmailChangeOf(user.id),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const values = await readForm(request);
  if (values.intent === 'message-emails' && decide(user, 'receive:message-emails', PORTAL) === 'allow') {
    const form = validateForm(messageEmailsSchema, values);
    if (!form.ok) return formFailure(form.errors, values);
    await setMessageEmails(user.id, form.data.messageEmails);
    return redirect('/account?notice=messageEmailsChanged');
  }
  if (values.intent === 'language') {
    // As the language switcher does (routes/language.tsx): on the account, and in the cookie for this browser.
    const form = validateForm(languageSchema, values);
    if (!form.ok) return formFailure({ locale: 'errors.generic' }, values);
    await setLocale(user.id, form.data.locale);
    return redirect('/account?notice=languageChanged', { headers: { 'Set-Cookie': languageCookie(form.data.locale, secureCookies()) } });
  }
  if (values.intent === 'resend-email-change') {
    return redirect((await resendEmailChange(user)) ? '/account?notice=emailChangeResent' : '/account');
  }
  return redirect('/account');
}


/** What the pages this one links to come back to say (`?notice=`). */
const noticeKeys = {
  passwordChanged: 'account.notices.passwordChanged',
  emailChangeSent: 'account.notices.emailChangeSent',
  emailChanged: 'account.notices.emailChanged',
  emailChangeResent: 'account.notices.emailChangeResent',
  nameChanged: 'account.notices.nameChanged',
  languageChanged: 'account.notices.languageChanged',
  messageEmailsChanged: 'account.notices.messageEmailsChanged',
} as const;

export default function Account() {
  const { t } = useTranslation();
  const account = useLoaderData<typeof loader>();
  const { errors, values, formKey } = useFormResult();
  const [params] = useSearchParams();
  const notice = params.get('notice');
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {notice && Object.hasOwn(noticeKeys, notice) ? (
          <NotificationBanner title={t('common.success')} success>
            <p className="govuk-notification-banner__heading">{t(noticeKeys[notice as keyof typeof noticeKeys])}</p>
          </NotificationBanner>
        ) : null}
        <h1 className="govuk-heading-l">{t('account.heading')}</h1>
        <SummaryList
          rows={[
            { key: t('fields.fullName'), value: account.name, action: { to: '/account/name', text: t('account.change'), hiddenText: t('account.changeNameHidden') } },
            { key: t('fields.email'), value: account.email, action: { to: '/account/email', text: t('account.change'), hiddenText: t('account.changeEmailHidden') } },
            { key: t('account.password.key'), value: t('account.password.value'), action: { to: '/account/password', text: t('account.change'), hiddenText: t('account.password.changeHidden') } },
            { key: t('account.role'), value: t(roleKeys[account.role]) },
            { key: t('account.language'), value: <span lang={account.locale}>{languageNames[account.locale]}</span> },
          ]}
        />
        {account.pendingEmail ? (
          <>
            <h2 className="govuk-heading-m">{t('account.pendingEmail.heading')}</h2>
            <p className="govuk-body">{t('account.pendingEmail.body', { email: account.pendingEmail })}</p>
            <Form method="post" noValidate>
              <input type="hidden" name="intent" value="resend-email-change" />
              <SubmitButton variant="secondary">{t('account.pendingEmail.resend')}</SubmitButton>
            </Form>
          </>
        ) : null}
        <ErrorSummary errors={errors} />
        <Form method="post" noValidate key={`language-${formKey}`}>
          <input type="hidden" name="intent" value="language" />
          <Radios
            name="locale"
            legend={t('account.languageForm.legend')}
            error={errors.locale}
            defaultValue={account.locale}
            choices={supportedLocales.map((locale) => ({ value: locale, label: <span lang={locale}>{languageNames[locale]}</span> }))}
          />
          <SubmitButton variant="secondary">{t('account.languageForm.save')}</SubmitButton>
        </Form>
        {account.messageEmails && account.messagesFrom === 'families' ? (
          <Form method="post" noValidate key={`message-emails-${formKey}`}>
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
        ) : null}
        {account.messageEmails && account.messagesFrom === 'council' ? (
          <Form method="post" noValidate key={`message-emails-${formKey}`}>
            <input type="hidden" name="intent" value="message-emails" />
            <Radios
              name="messageEmails"
              legend={t('account.councilMessageEmails.legend')}
              hint={t('account.councilMessageEmails.hint')}
              error={errors.messageEmails}
              defaultValue={values.messageEmails ?? account.messageEmails}
              choices={[
                { value: 'immediate', label: t('account.councilMessageEmails.immediate') },
                { value: 'daily', label: t('account.councilMessageEmails.daily') },
              ]}
            />
            <SubmitButton variant="secondary">{t('account.councilMessageEmails.save')}</SubmitButton>
          </Form>
        ) : null}
        <h2 className="govuk-heading-m">{t('twoFactor.account.heading')}</h2>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/two-factor">
            {t('twoFactor.account.link')}
          </Link>
        </p>
        <h2 className="govuk-heading-m">{t('account.corrections.heading')}</h2>
        <p className="govuk-body">{t('account.corrections.own')}</p>
        {account.familyAccount ? (
          <>
            <p className="govuk-body">{t('account.corrections.child')}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/account/your-data#corrections">
                {t('account.corrections.link')}
              </Link>
            </p>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t('account.yourData.heading')}</h2>
        <p className="govuk-body">{t('account.yourData.body')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/your-data">
            {t('account.yourData.link')}
          </Link>
        </p>
        {account.accessHistory ? (
          <>
            <h2 className="govuk-heading-m">{t('accessHistory.accountHeading')}</h2>
            <p className="govuk-body">{t('accessHistory.accountBody')}</p>
            <p className="govuk-body">
              <Link className="govuk-link" to="/account/access-history">
                {t('accessHistory.accountLink')}
              </Link>
            </p>
          </>
        ) : null}
        <h2 className="govuk-heading-m">{t('account.sessions.heading')}</h2>
        <p className="govuk-body">{t('account.sessions.body')}</p>
        <p className="govuk-body">
          <Link className="govuk-link" to="/account/sessions">
            {t('account.sessions.link')}
          </Link>
        </p>
      </div>
    </div>
  );
}
