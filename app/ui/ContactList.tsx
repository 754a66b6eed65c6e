import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { telHref } from '~/domain/council';
import { Ltr } from './govuk/content';

/**
 * How to reach someone, the same way on every page: a heading line (a name, a team) when given,
 * the telephone and email as links a phone can act on, opening hours, then anything further
 * (`children`, as list items). A line is left out when it is not known.
 */
export function ContactList({ lead, phone, email, hours, children }: { lead?: ReactNode; phone?: string | null; email?: string | null; hours?: string | null; children?: ReactNode }) {
  const { t } = useTranslation();
  return (
    <ul className="govuk-list govuk-!-text-break-word">
      {lead ? <li>{lead}</li> : null}
      {phone ? (
        <li>
          {t('contact.phone')}{' '}
          <a className="govuk-link" href={telHref(phone)}>
            <Ltr>{phone}</Ltr>
          </a>
        </li>
      ) : null}
      {email ? (
        <li>
          {t('contact.email')}{' '}
          <a className="govuk-link" href={`mailto:${email}`}>
            <Ltr>{email}</Ltr>
          </a>
        </li>
      ) : null}
      {hours ? <li>{t('contact.hours', { hours })}</li> : null}
      {children}
    </ul>
  );
}
