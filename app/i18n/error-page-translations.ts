import { errorPages as enErrorPages, layout as enLayout, service as enService } from '../../public/locales/en/common.json';
import { errorPages as plErrorPages, layout as plLayout, service as plService } from '../../public/locales/pl/common.json';
import type { Locale } from './config';

/**
 * The words the error page and the page's frame (header, banner, footer) need, bundled with the
 * page itself: the error page must speak even when what failed is the root loader, which sends
 * the common namespace. Named imports, so the bundler leaves the rest of the locale files out.
 */
export const errorPageTranslations: Record<Locale, Record<string, unknown>> = {
  en: { errorPages: enErrorPages, layout: enLayout, service: enService },
  pl: { errorPages: plErrorPages, layout: plLayout, service: plService },
};
