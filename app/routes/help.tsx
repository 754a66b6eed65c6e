import type { LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { getOptionalUser } from '~/auth/access.server';
import type { Council } from '~/domain/council';
import { ContactList } from '~/ui/ContactList';
import type { PageHandle } from '~/root';
import { councilsOfUser } from '~/tenancy/council.server';

export const handle: PageHandle = { namespaces: ['pages'], titleKey: 'help.title' };

/** Where a family finds their council, their SENDIASS and their Local Offer when we do not know their council. */
const FIND_COUNCIL_URL = 'https://www.gov.uk/find-local-council';
const FIND_SENDIASS_URL = 'https://councilfordisabledchildren.org.uk/information-advice-and-support-services-network/find-your-local-ias-service';

/**
 * The help page of the councils the signed-in person deals with (ADR 0023): staff's and an
 * adviser's own, a family's through their children's records, one section per council. Never a
 * council named by the request: with none known, the page says how to find yours.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const councils = user ? await councilsOfUser(user) : [];
  return json({ signedIn: Boolean(user), councils: councils.flatMap(helpDetails) });
}

function helpDetails(council: Council) {
  if (!council.laId || !council.name || !council.contact) return [];
  const { contact, sendiass } = council;
  return [
    {
      id: council.laId,
      name: council.name,
      contact: { email: contact.email, phone: contact.phone, hours: contact.hours },
      sendiass,
      localOfferUrl: council.localOfferUrl,
    },
  ];
}

type CouncilHelp = ReturnType<typeof helpDetails>[number];

export default function Help() {
  const { t } = useTranslation();
  const { signedIn, councils } = useLoaderData<typeof loader>();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t('help.heading')}</h1>
        {councils.length > 0 ? (
          <>
            <p className="govuk-body">{t(councils.length > 1 ? 'help.introSeveral' : 'help.intro')}</p>
            {councils.map((council) => (
              <CouncilSection key={council.id} council={council} headingLevel={councils.length > 1 ? 'h2' : null} />
            ))}
          </>
        ) : (
          <GenericHelp signedIn={signedIn} />
        )}
      </div>
    </div>
  );
}

/** With one council the page's sections are h2s; with several, each council is an h2 and its sections h3s. */
function CouncilSection({ council, headingLevel }: { council: CouncilHelp; headingLevel: 'h2' | null }) {
  const { t } = useTranslation();
  const Sub = headingLevel ? 'h3' : 'h2';
  const subClass = headingLevel ? 'govuk-heading-s' : 'govuk-heading-m';
  const { contact, sendiass } = council;
  return (
    <section aria-labelledby={headingLevel ? `council-${council.id}` : undefined}>
      {headingLevel ? (
        <h2 className="govuk-heading-m" id={`council-${council.id}`}>
          {council.name}
        </h2>
      ) : null}
      <Sub className={subClass}>{t('help.send.heading')}</Sub>
      <p className="govuk-body">{t('help.send.body', { council: council.name })}</p>
      <ContactList phone={contact.phone} email={contact.email} hours={contact.hours} />

      <Sub className={subClass}>{t('help.sendiass.heading')}</Sub>
      <p className="govuk-body">{t('help.sendiass.what')}</p>
      {sendiass ? (
        <ContactList lead={sendiass.name ? <strong>{sendiass.name}</strong> : null} phone={sendiass.phone} email={sendiass.email}>
          {sendiass.url ? (
            <li>
              <a className="govuk-link" href={sendiass.url}>
                {t('help.sendiass.website', { name: sendiass.name ?? t('help.sendiass.defaultName') })}
              </a>
            </li>
          ) : null}
        </ContactList>
      ) : (
        <p className="govuk-body">
          {t('help.sendiass.notListed')}{' '}
          <a className="govuk-link" href={FIND_SENDIASS_URL}>
            {t('help.sendiass.find')}
          </a>
        </p>
      )}

      <Sub className={subClass}>{t('help.localOffer.heading')}</Sub>
      <p className="govuk-body">{t('help.localOffer.what')}</p>
      <p className="govuk-body">
        {council.localOfferUrl ? (
          <a className="govuk-link" href={council.localOfferUrl}>
            {t('help.localOffer.link', { council: council.name })}
          </a>
        ) : (
          t('help.localOffer.notListed', { council: council.name })
        )}
      </p>
    </section>
  );
}

function GenericHelp({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="govuk-body">{t('help.generic.intro')}</p>
      {signedIn ? <p className="govuk-body">{t('help.generic.noCaseYet')}</p> : <p className="govuk-body">{t('help.generic.signIn')}</p>}
      <h2 className="govuk-heading-m">{t('help.send.heading')}</h2>
      <p className="govuk-body">{t('help.generic.send')}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={FIND_COUNCIL_URL}>
          {t('help.generic.findCouncil')}
        </a>
      </p>
      <h2 className="govuk-heading-m">{t('help.sendiass.heading')}</h2>
      <p className="govuk-body">{t('help.sendiass.what')}</p>
      <p className="govuk-body">
        <a className="govuk-link" href={FIND_SENDIASS_URL}>
          {t('help.sendiass.find')}
        </a>
      </p>
      <h2 className="govuk-heading-m">{t('help.localOffer.heading')}</h2>
      <p className="govuk-body">{t('help.localOffer.what')}</p>
      <p className="govuk-body">{t('help.generic.localOffer')}</p>
    </>
  );
}
