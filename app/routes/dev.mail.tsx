import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { listStoredEmails, mailIsKeptOnDisk } from '~/mail/mailer.server';
import type { PageHandle } from '~/root';
import { WarningText } from '~/ui/govuk/content';

export const handle: PageHandle = { titleKey: 'devMail.title' };

/**
 * Development only: with no SMTP server configured, emails are kept on disk and read here, so a
 * newcomer can follow a verification link. With SMTP_URL set this page does not exist.
 */
export async function loader() {
  if (!mailIsKeptOnDisk()) throw new Response('Not Found', { status: 404 });
  return json({ emails: listStoredEmails() });
}

export default function DevMail() {
  const { t, i18n } = useTranslation();
  const { emails } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="govuk-heading-l">{t('devMail.heading')}</h1>
      <WarningText>{t('devMail.warning')}</WarningText>
      {emails.length === 0 ? <p className="govuk-body">{t('devMail.none')}</p> : null}
      {emails.map((email) => (
        <div className="govuk-summary-card" key={email.id}>
          <div className="govuk-summary-card__title-wrapper">
            <h2 className="govuk-summary-card__title">{email.subject}</h2>
          </div>
          <div className="govuk-summary-card__content">
            <p className="govuk-body-s">{t('devMail.meta', { to: email.to, sentAt: formatDateTime(email.sentAt, i18n.language as Locale) })}</p>
            <pre className="govuk-body app-email-text">{linkify(email.text)}</pre>
          </div>
        </div>
      ))}
    </>
  );
}

/** Links in a stored email become clickable, so the newcomer can follow them. */
function linkify(text: string) {
  return text.split(/(https?:\/\/\S+)/g).map((part, i) =>
    /^https?:\/\//.test(part) ? (
      <a className="govuk-link" href={part} key={i}>
        {part}
      </a>
    ) : (
      part
    ),
  );
}
