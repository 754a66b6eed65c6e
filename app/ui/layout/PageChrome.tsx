import { Form, Link, useLocation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { languageNames, supportedLocales, type Locale } from '~/i18n/config';

/** The header, phase banner, language switcher and footer around every page. */

/** `council`: the name of the council the person belongs to or deals with, if any yet. */
export type SignedInSummary = { name: string; role: string; council: string | null } | null;

/** What a council changes of the chrome (its validated #rrggbb colour), and where feedback goes. */
export type Branding = { brandColour: string | null; feedbackHref: string };

export const defaultBranding: Branding = { brandColour: null, feedbackHref: '/help' };

/**
 * The council's colour under the header. The Content-Security-Policy allows no inline styles,
 * so the colour is a stylesheet of its own (app/routes/council-colour.$hex.ts), cached for good.
 */
export function BrandColour({ colour }: { colour: string | null }) {
  const hex = colour && /^#[0-9a-f]{6}$/.exec(colour) ? colour.slice(1) : null;
  return hex ? <link rel="stylesheet" href={`/council-colour/${hex}`} /> : null;
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
      {t('layout.skipLink')}
    </a>
  );
}

export function Header({ user }: { user: SignedInSummary }) {
  const { t } = useTranslation();
  return (
    <header className="govuk-header" data-module="govuk-header">
      <div className="govuk-header__container govuk-width-container">
        <div className="govuk-header__logo">
          <Link to="/" className="govuk-header__link govuk-header__link--homepage">
            <span className="govuk-header__logotype-text">{t('service.name')}</span>
          </Link>
        </div>
        {user ? (
          <div className="govuk-header__content">
            {user.council ? (
              <span className="govuk-header__service-name">
                <span className="govuk-visually-hidden">{t('layout.yourCouncil')} </span>
                {user.council}
              </span>
            ) : null}
            <nav aria-label={t('layout.accountMenu')} className="govuk-header__navigation">
              <ul className="govuk-header__navigation-list">
                <li className="govuk-header__navigation-item">
                  <span className="govuk-header__link">
                    <span className="govuk-visually-hidden">{t('layout.signedInAs')} </span>
                    {user.name}
                  </span>
                </li>
                <li className="govuk-header__navigation-item">
                  <Link className="govuk-header__link" to="/account">
                    {t('layout.yourAccount')}
                  </Link>
                </li>
                <li className="govuk-header__navigation-item">
                  <Form method="post" action="/sign-out" className="app-header-actions">
                    <button type="submit" className="app-header-button">
                      {t('layout.signOut')}
                    </button>
                  </Form>
                </li>
              </ul>
            </nav>
          </div>
        ) : null}
      </div>
    </header>
  );
}

// The link does not say "feedback": a page's Back link must stay the only link named "back".
export function PhaseBanner({ feedbackHref }: { feedbackHref: string }) {
  const { t } = useTranslation();
  return (
    <div className="govuk-phase-banner">
      <p className="govuk-phase-banner__content">
        <strong className="govuk-tag govuk-phase-banner__content__tag">{t('layout.phase')}</strong>
        <span className="govuk-phase-banner__text">
          {t('chrome.phaseBefore')}{' '}
          <a className="govuk-link" href={feedbackHref}>
            {t('chrome.feedbackLink')}
          </a>
          {t('chrome.phaseAfter')}
        </span>
      </p>
    </div>
  );
}


/** Each language is named in itself, and marked with its lang so screen readers say it right. */
export function LanguageSwitcher({ current }: { current: Locale }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav className="app-language-switcher" aria-label={t('layout.languageSwitcher')}>
      <ul className="app-language-switcher__list">
        {supportedLocales.map((locale) => (
          <li className="app-language-switcher__item" key={locale}>
            {locale === current ? (
              <span aria-current="true" lang={locale}>
                {languageNames[locale]}
              </span>
            ) : (
              <Form method="post" action="/language" reloadDocument className="app-header-actions">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="returnTo" value={location.pathname + location.search} />
                <button type="submit" className="app-language-switcher__button" lang={locale}>
                  {languageNames[locale]}
                </button>
              </Form>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="govuk-footer">
      <div className="govuk-width-container">
        <div className="govuk-footer__meta">
          <div className="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <h2 className="govuk-visually-hidden">{t('layout.supportLinks')}</h2>
            <ul className="govuk-footer__inline-list">
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/help">
                  {t('chrome.help')}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/accessibility">
                  {t('layout.accessibility')}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/privacy">
                  {t('layout.privacy')}
                </Link>
              </li>
              <li className="govuk-footer__inline-list-item">
                <Link className="govuk-footer__link" to="/cookies">
                  {t('layout.cookies')}
                </Link>
              </li>
            </ul>
            <p className="govuk-body-s">{t('layout.footerText')}</p>
          </div>
        </div>
      </div>
    </footer>
  );
}
