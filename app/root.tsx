import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import { json } from '@remix-run/node';
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { createInstance, type TFunction } from 'i18next';
import { useContext, useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next, useTranslation } from 'react-i18next';
import { UNSAFE_DataRouterStateContext } from 'react-router-dom';
import { getOptionalUser } from './auth/access.server';
import { commonNamespace, defaultLocale, localeDirection, pageNamespaces, type Locale } from './i18n/config';
import { getFixedT, resolveLocale, resources, translationsVersion } from './i18n/i18n.server';
import { showsUnreviewedWords } from './i18n/review.server';
import { interpolationOptions } from './i18n/bidi';
import { pseudoPostProcessor } from './i18n/pseudo';
import { pseudoLocaleAllowed } from './env.server';
import {
  PageTranslationsScript,
  rememberCommon,
  useErrorPageTranslations,
  usePageTranslations,
  type NamespacesHandle,
} from './i18n/page-translations';
import { feedbackLink } from './domain/council';
import { councilOfUser } from './tenancy/council.server';
import { hasFormErrors } from './ui/form';
import { MachineTranslationNotice, type MachineNotice } from './ui/layout/MachineTranslationNotice';
import { BrandColour, Footer, Header, LanguageSwitcher, PhaseBanner, SkipLink, defaultBranding, type Branding, type SignedInSummary } from './ui/layout/PageChrome';
import { useCspNonce } from './ui/csp-nonce';
import { useFocusOnNavigation } from './ui/layout/useFocusOnNavigation';
import { logError, REQUEST_ID_HEADER } from './observability/log.server';

export const links: LinksFunction = () => [
  { rel: 'stylesheet', href: '/css/app.css' },
  { rel: 'icon', href: '/assets/images/favicon.ico', sizes: '48x48' },
];

export async function loader({ request }: LoaderFunctionArgs) {
  // The layout must render even when the database is down, so a failed lookup means "signed out".
  const user = await getOptionalUser(request).catch((error: unknown) => {
    // A redirect is an answer, not a failure: a session waiting for its second factor is sent to finish signing in.
    if (error instanceof Response) throw error;
    logError('layout.session-unreadable', error, { requestId: request.headers.get(REQUEST_ID_HEADER) });
    return null;
  });
  const locale = resolveLocale(request, user?.locale);
  // The header names the signed-in person's council (ADR 0023), never anything from the request.
  const council = user
    ? await councilOfUser(user).catch((error: unknown) => {
        logError('layout.council-unreadable', error, { requestId: request.headers.get(REQUEST_ID_HEADER) });
        return null;
      })
    : null;
  const signedIn: SignedInSummary = user ? { name: user.name, role: user.role, council: council?.name ?? null } : null;
  // The council's colour and feedback link; signed out (or no council yet): the deployment's.
  const branding: Branding = { brandColour: council?.brandColour ?? null, feedbackHref: feedbackLink(council) };
  // Only the words every page needs: each page's own namespaces come with the document or are
  // fetched on navigation (app/i18n/page-translations.tsx).
  // Testing only: English pseudo-localised for a browser that asks, on a server that allows it.
  const pseudo = locale === 'en' && pseudoLocaleAllowed() && /(?:^|;\s*)pseudo=1(?:;|$)/.test(request.headers.get('Cookie') ?? '');
  // Words in a language not yet all checked by a fluent speaker are said to be machine drafts,
  // also in English, with a way back to English (ADR 0041).
  const english = getFixedT('en');
  const machineNotice: MachineNotice = showsUnreviewedWords(locale) ? { english: String(english('machineTranslation.text')), switchLabel: String(english('machineTranslation.switch')) } : null;
  return json({ locale, translations: resources[locale].common, translationsVersion, user: signedIn, branding, pseudo, machineNotice });
}

export type RootData = Awaited<ReturnType<typeof loader>> extends { json(): Promise<infer T> } ? T : never;

/**
 * Route modules name their page title in `handle`; the root adds "Error: " when a form failed.
 * `namespaces`: the locale namespaces the route's page uses besides `common` (the words of the
 * route and of the components it renders; tests/unit/i18n/translations.test.ts checks them).
 */
export type PageHandle = { titleKey?: string; title?: (data: unknown, t: TFunction) => string } & NamespacesHandle;

function usePageTitle(t: TFunction) {
  const matches = useMatches();
  const routerState = useContext(UNSAFE_DataRouterStateContext);
  const leaf = [...matches].reverse().find((m) => {
    const handle = m.handle as PageHandle | undefined;
    return handle?.title || handle?.titleKey;
  });
  const handle = leaf?.handle as PageHandle | undefined;
  const page = handle?.title ? handle.title(leaf?.data, t) : handle?.titleKey ? t(handle.titleKey) : '';
  const full = page ? t('layout.title', { page }) : t('service.name');
  return hasFormErrors(routerState?.actionData) ? t('layout.errorTitle', { title: full }) : full;
}

function useI18n(locale: Locale, translations: Record<string, unknown>, pseudo = false) {
  return useMemo(() => {
    const i18n = createInstance();
    if (pseudo) i18n.use(pseudoPostProcessor);
    void i18n.use(initReactI18next).init({
      lng: locale,
      fallbackLng: false,
      ns: [commonNamespace],
      defaultNS: commonNamespace,
      // The page's namespaces are added as they arrive; a key is looked up in each in turn.
      fallbackNS: [...pageNamespaces],
      resources: { [locale]: { [commonNamespace]: translations } },
      interpolation: interpolationOptions,
      postProcess: pseudo ? ['pseudo'] : false,
      initImmediate: false,
      react: { useSuspense: false },
    });
    return i18n;
  }, [locale, translations, pseudo]);
}

function Document({
  children,
  locale,
  user,
  branding,
  title,
  pageTranslations = '',
  machineNotice = null,
}: {
  children: ReactNode;
  locale: Locale;
  user: SignedInSummary;
  branding: Branding;
  title?: string;
  pageTranslations?: string;
  machineNotice?: MachineNotice;
}) {
  const { t } = useTranslation();
  const pageTitle = usePageTitle(t);
  const nonce = useCspNonce();
  return (
    <html lang={locale} dir={localeDirection(locale)} className="govuk-template">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#0b0c0c" />
        <title>{title ?? pageTitle}</title>
        <Meta />
        <Links />
        <BrandColour colour={branding.brandColour} />
      </head>
      <body className="govuk-template__body">
        <SkipLink />
        <Header user={user} />
        <div className="govuk-width-container">
          <PhaseBanner feedbackHref={branding.feedbackHref} />
          <LanguageSwitcher current={locale} />
          <MachineTranslationNotice notice={machineNotice} />
          <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <Footer />
        <PageTranslationsScript text={pageTranslations} nonce={nonce} />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const data = useRouteLoaderData<RootData>('root');
  const locale = data?.locale ?? defaultLocale;
  const i18n = useI18n(locale, data?.translations ?? {}, data?.pseudo);
  if (data) rememberCommon(locale, data.translations);
  const pageTranslations = usePageTranslations(i18n, locale, data?.translationsVersion ?? '');
  useFocusOnNavigation();
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale} user={data?.user ?? null} branding={data?.branding ?? defaultBranding} pageTranslations={pageTranslations} machineNotice={data?.machineNotice ?? null}>
        <Outlet />
      </Document>
    </I18nextProvider>
  );
}

function errorStatus(error: unknown) {
  return isRouteErrorResponse(error) ? error.status : 500;
}

const errorTitleKeys: Record<number, string> = { 404: 'errorPages.notFound.title', 403: 'errorPages.forbidden.title' };

function ErrorPage({ status }: { status: number }) {
  const { t } = useTranslation();
  if (status === 404) {
    return (
      <>
        <h1 className="govuk-heading-l">{t('errorPages.notFound.title')}</h1>
        <p className="govuk-body">{t('errorPages.notFound.typed')}</p>
        <p className="govuk-body">{t('errorPages.notFound.pasted')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t('errorPages.goHome')}
          </a>
        </p>
      </>
    );
  }
  if (status === 403) {
    return (
      <>
        <h1 className="govuk-heading-l">{t('errorPages.forbidden.title')}</h1>
        <p className="govuk-body">{t('errorPages.forbidden.body')}</p>
        <p className="govuk-body">
          <a className="govuk-link" href="/">
            {t('errorPages.goHome')}
          </a>
        </p>
      </>
    );
  }
  // Nothing about the failure itself reaches the page: it is logged on the server.
  return (
    <>
      <h1 className="govuk-heading-l">{t('errorPages.problem.title')}</h1>
      <p className="govuk-body">{t('errorPages.problem.tryLater')}</p>
      <p className="govuk-body">{t('errorPages.problem.saved')}</p>
    </>
  );
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<RootData>('root');
  // Without the root's data (its loader is what failed) the server's common words stand in,
  // written into the page for hydration: never a raw translation key.
  const fallback = useErrorPageTranslations(data?.locale ?? defaultLocale, !data);
  const locale = data?.locale ?? fallback.locale;
  const i18n = useI18n(locale, data?.translations ?? fallback.translations);
  const status = errorStatus(useRouteError());
  const title = i18n.t('layout.title', { page: i18n.t(errorTitleKeys[status] ?? 'errorPages.problem.title') });
  return (
    <I18nextProvider i18n={i18n}>
      <Document locale={locale} user={data?.user ?? null} branding={data?.branding ?? defaultBranding} title={title} pageTranslations={fallback.text}>
        <ErrorPage status={status} />
      </Document>
    </I18nextProvider>
  );
}
