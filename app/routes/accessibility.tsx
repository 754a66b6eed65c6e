import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import { ContactList } from '~/ui/ContactList';
import type { Locale } from '~/i18n/config';
import { formatDate } from '~/i18n/format';
import type { PageHandle } from '~/root';
import { councilOfUser } from '~/tenancy/council.server';

export const handle: PageHandle = { namespaces: ['pages'], titleKey: 'accessibility.title' };

/** When this statement was prepared and the service last tested: change it when either is done again. */
const STATEMENT_PREPARED_ON = '2026-12-04';

const EASS_URL = 'https://www.equalityadvisoryservice.com/';
const ECNI_URL = 'https://www.equalityni.org/Home';
const ABILITYNET_URL = 'https://mcmw.abilitynet.org.uk/';

/**
 * The accessibility statement in the GOV.UK model form (Public Sector Bodies (Websites and
 * Mobile Applications) (No. 2) Accessibility Regulations 2018). Who runs the service and whom to
 * contact: the signed-in person's council (ADR 0023); signed out, the help page says how to find
 * yours.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const council = user ? await councilOfUser(user) : null;
  const contact: Contact | null =
    council?.name && council.contact ? { council: council.name, email: council.contact.email, phone: council.contact.phone, hours: council.contact.hours } : null;
  return json({ contact });
}

type Contact = { council: string; email: string; phone: string; hours: string | null };

export default function Accessibility() {
  const { t, i18n } = useTranslation();
  const { contact } = useLoaderData<typeof loader>();
  const prepared = formatDate(STATEMENT_PREPARED_ON, i18n.language as Locale);
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('accessibility.heading')}</h1>
        <p className="govuk-body">{t('accessibility.intro')}</p>
        <p className="govuk-body">{contact ? t('accessibility.runBy', { council: contact.council }) : t('accessibility.runByCouncils')}</p>
        <p className="govuk-body">{t('accessibility.abilities.intro')}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('accessibility.abilities.colours')}</li>
          <li>{t('accessibility.abilities.zoom')}</li>
          <li>{t('accessibility.abilities.keyboard')}</li>
          <li>{t('accessibility.abilities.screenReader')}</li>
          <li>{t('accessibility.abilities.noJavaScript')}</li>
        </ul>
        <p className="govuk-body">{t('accessibility.plainLanguage')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={ABILITYNET_URL}>
            {t('accessibility.abilityNet')}
          </a>
        </p>

        <h2 className="govuk-heading-m">{t('accessibility.howAccessible.heading')}</h2>
        <p className="govuk-body">{t('accessibility.howAccessible.intro')}</p>
        <ul className="govuk-list govuk-list--bullet">
          <li>{t('accessibility.howAccessible.uploads')}</li>
          <li>{t('accessibility.howAccessible.notAudited')}</li>
        </ul>

        <h2 className="govuk-heading-m">{t('accessibility.formats.heading')}</h2>
        <p className="govuk-body">{t('accessibility.formats.body')}</p>
        <ContactDetails contact={contact} />
        <p className="govuk-body">{t('accessibility.formats.reply')}</p>

        <h2 className="govuk-heading-m">{t('accessibility.reporting.heading')}</h2>
        <p className="govuk-body">{t('accessibility.reporting.body')}</p>
        <ContactDetails contact={contact} />

        <h2 className="govuk-heading-m">{t('accessibility.enforcement.heading')}</h2>
        <p className="govuk-body">{t('accessibility.enforcement.ehrc')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href={EASS_URL}>
            {t('accessibility.enforcement.eass')}
          </a>
        </p>
        <p className="govuk-body">
          {t('accessibility.enforcement.northernIreland')}{' '}
          <a className="govuk-link" href={ECNI_URL}>
            {t('accessibility.enforcement.ecni')}
          </a>
        </p>

        <h2 className="govuk-heading-m">{t('accessibility.technical.heading')}</h2>
        <p className="govuk-body">{contact ? t('accessibility.technical.committed', { council: contact.council }) : t('accessibility.technical.committedCouncils')}</p>
        <h3 className="govuk-heading-s">{t('accessibility.technical.statusHeading')}</h3>
        <p className="govuk-body">{t('accessibility.technical.status')}</p>

        <h2 className="govuk-heading-m">{t('accessibility.nonAccessible.heading')}</h2>
        <p className="govuk-body">{t('accessibility.nonAccessible.intro')}</p>
        <h3 className="govuk-heading-s">{t('accessibility.nonAccessible.notAuditedHeading')}</h3>
        <p className="govuk-body">{t('accessibility.nonAccessible.notAudited')}</p>
        <h3 className="govuk-heading-s">{t('accessibility.nonAccessible.outOfScopeHeading')}</h3>
        <p className="govuk-body">{t('accessibility.nonAccessible.uploads')}</p>
        <p className="govuk-body">{t('accessibility.nonAccessible.planPdf')}</p>

        <h2 className="govuk-heading-m">{t('accessibility.improving.heading')}</h2>
        <p className="govuk-body">{t('accessibility.improving.body')}</p>

        <h2 className="govuk-heading-m">{t('accessibility.prepared.heading')}</h2>
        <p className="govuk-body">{t('accessibility.prepared.body', { date: prepared })}</p>
        <p className="govuk-body">{t('accessibility.prepared.tested', { date: prepared })}</p>
        <p className="govuk-body">{t('accessibility.prepared.how')}</p>
      </div>
    </div>
  );
}

/** The council's SEND team when we know the person's council; otherwise where to find it. */
function ContactDetails({ contact }: { contact: Contact | null }) {
  const { t } = useTranslation();
  if (!contact) {
    return (
      <p className="govuk-body">
        {t('accessibility.contact.unknown')}{' '}
        <Link className="govuk-link" to="/help">
          {t('accessibility.contact.helpLink')}
        </Link>
      </p>
    );
  }
  return (
    <ContactList lead={t('accessibility.contact.team', { council: contact.council })} phone={contact.phone} email={contact.email} hours={contact.hours} />
  );
}
