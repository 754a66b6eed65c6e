import { createHash } from 'node:crypto';
import { createInstance, type TFunction } from 'i18next';
import { commonNamespace, defaultLocale, isLocale, localeFromAcceptLanguage, mailNamespace, pageNamespaces, type Locale } from './config';
import { resources } from './locales.server';
import { interpolationOptions } from './bidi';

export { resources };

/** Every namespace: the server (actions, emails, meta tags) may use any key. */
const allNamespaces = [commonNamespace, ...pageNamespaces, mailNamespace];

/**
 * Names this build's browser-side namespaces: the browser asks for `/locales/<lng>/<ns>.json?v=<version>`,
 * so a deploy that changes a word is fetched afresh and the same build's files come from the cache.
 */
export const translationsVersion = createHash('sha256')
  .update(JSON.stringify(Object.fromEntries(Object.entries(resources).map(([lng, r]) => [lng, { ...r, [mailNamespace]: null }]))))
  .digest('hex')
  .slice(0, 12);

const instances = new Map<Locale, TFunction>();

/** A translator fixed to one language, for actions, emails and meta tags. */
export function getFixedT(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      lng: locale,
      fallbackLng: defaultLocale,
      ns: allNamespaces,
      defaultNS: commonNamespace,
      fallbackNS: allNamespaces.filter((ns) => ns !== commonNamespace),
      resources: { [locale]: resources[locale], [defaultLocale]: resources[defaultLocale] },
      interpolation: interpolationOptions,
      initImmediate: false,
    });
    t = i18n.getFixedT(locale);
    instances.set(locale, t);
  }
  return t;
}

const LANGUAGE_COOKIE = 'lng';

/** The user's saved language wins; then the language cookie; then the browser's preference. */
export function resolveLocale(request: Request, savedLocale?: string | null): Locale {
  if (isLocale(savedLocale)) return savedLocale;
  const cookie = request.headers.get('Cookie') ?? '';
  const match = cookie.match(/(?:^|;\s*)lng=([a-z]{2})/);
  if (match && isLocale(match[1])) return match[1];
  return localeFromAcceptLanguage(request.headers.get('Accept-Language'));
}

export function languageCookie(locale: Locale, secure: boolean) {
  return `${LANGUAGE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure ? '; Secure' : ''}`;
}
