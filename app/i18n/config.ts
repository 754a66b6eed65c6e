/** Languages the portal is translated into. English is complete by definition; others are kept in step by tests. */
export const supportedLocales = ['en', 'pl', 'ro', 'pa', 'ur', 'ar'] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = 'en';

/**
 * The words every page needs (the frame, shared fields, roles, stages, error pages): sent with
 * every page by the root loader (docs/decisions/0024-locale-namespaces.md).
 */
export const commonNamespace = 'common';

/**
 * One namespace per area, `public/locales/<lng>/<namespace>.json`: a page gets only those its
 * matched routes name in their `handle` (`PageHandle.namespaces`). Keys keep their full paths
 * (messages.title lives in `messaging`), so a key reads the same whichever file holds it.
 */
export const pageNamespaces = [
  'identity',
  'family',
  'advocates',
  'requests',
  'case',
  'messaging',
  'advice',
  'plan',
  'reporting',
  'casework',
  'admin',
  'pages',
  'rights',
  'reviews',
  'settings',
  'sen2',
  'scrutiny',
  'complaints',
  'feedback',
  'appeals',
] as const;
export type PageNamespace = (typeof pageNamespaces)[number];

/** Email wording: server-only (app/mail/locales), never served to the browser. */
export const mailNamespace = 'mail';

export type Translations = Record<string, unknown>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (supportedLocales as readonly string[]).includes(value);
}

/** Picks the best supported language from an Accept-Language header (q-values honoured). */
export function localeFromAcceptLanguage(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split('-')[0];
    if (isLocale(base)) return base;
  }
  return defaultLocale;
}

/**
 * The BCP 47 tag used for dates and numbers: UK order and conventions, in the user's language.
 * Every language counts days on the Gregorian calendar (`-u-ca-gregory`: statutory dates are
 * Gregorian dates) and writes Western digits (`-u-nu-latn`), as UK public-service translations
 * into Arabic, Urdu and Punjabi do: 8 and 20 read the same as in the council's letters, and the
 * browser's ICU (whose default digits for Arabic differ by region and version) renders exactly
 * what the server did.
 */
export const dateLocaleTag: Record<Locale, string> = {
  en: 'en-GB',
  pl: 'pl-PL',
  ro: 'ro-RO',
  pa: 'pa-Guru-IN-u-ca-gregory-nu-latn',
  ur: 'ur-PK-u-ca-gregory-nu-latn',
  ar: 'ar-u-ca-gregory-nu-latn',
};

/** Each language named in itself, for the language switcher and the account page. */
export const languageNames: Record<Locale, string> = { en: 'English', pl: 'Polski', ro: 'Română', pa: 'ਪੰਜਾਬੀ', ur: 'اردو', ar: 'العربية' };

/** Which way a language is written: `dir` on <html>. */
export function localeDirection(locale: Locale): 'ltr' | 'rtl' {
  return locale === 'ur' || locale === 'ar' ? 'rtl' : 'ltr';
}
