import { createInstance, type TFunction } from 'i18next';
import en from '../../public/locales/en/translation.json';
import pl from '../../public/locales/pl/translation.json';
import { defaultLocale, isLocale, localeFromAcceptLanguage, namespace, type Locale } from './config';

/** Every language's strings, loaded once with the server build. */
export const resources: Record<Locale, Record<string, unknown>> = { en, pl };

const instances = new Map<Locale, TFunction>();

/** A translator fixed to one language, for actions, emails and meta tags. */
export function getFixedT(locale: Locale): TFunction {
  let t = instances.get(locale);
  if (!t) {
    const i18n = createInstance();
    void i18n.init({
      lng: locale,
      fallbackLng: defaultLocale,
      ns: [namespace],
      defaultNS: namespace,
      resources: { [locale]: { [namespace]: resources[locale] }, [defaultLocale]: { [namespace]: resources[defaultLocale] } },
      interpolation: { escapeValue: false },
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
