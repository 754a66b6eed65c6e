import { json, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { Locale } from '~/i18n/config';
import { formatDateTime } from '~/i18n/format';
import { requireLaPermission } from '~/auth/access.server';
import { listStoredEmails, mailViewer } from '~/mail/mailer.server';
import type { PageHandle } from '~/root';
import { WarningText } from '~/ui/govuk/content';

export const handle: PageHandle = { namespaces: ['admin'], titleKey: 'devMail.title' };

/**
 * With no SMTP server configured, emails are kept on disk and read here, so a newcomer can
 * follow a verification link: by anyone in development, by the LA admin in the demo, and by no
 * one on a real production server (mailViewer). Otherwise this page does not exist.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = mailViewer();
  if (viewer === 'no_one') throw new Response('Not Found', { status: 404 });
  if (viewer === 'la_admin') await requireLaPermission(request, 'read:stored-mail');
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
