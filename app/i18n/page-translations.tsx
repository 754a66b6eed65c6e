import { useMatches } from '@remix-run/react';
import type { i18n as I18n } from 'i18next';
import { createContext, useContext } from 'react';
import { pageNamespaces, type Locale, type PageNamespace, type Translations } from './config';

/**
 * A page's own words (docs/decisions/0024-locale-namespaces.md). The root loader sends only the
 * `common` namespace; each route names the namespaces it needs in its `handle`, and the page gets
 * those of its matched routes:
 * - rendered on the server, from every namespace, which the document entry hands over here
 *   (`ServerTranslations`), and inlined in the HTML as a JSON data block for hydration;
 * - in the browser, read from that block once; on a later navigation the missing namespaces are
 *   fetched from `/locales/<lng>/<ns>.json?v=<version>` while the page waits (the router renders
 *   the next page in a transition, so the previous page stays until the words have arrived).
 */

/** What a route module declares in its `handle`. */
export type NamespacesHandle = { namespaces?: readonly PageNamespace[] };

/** On the server only: every namespace of every language, provided by app/entry.server.tsx. */
export const ServerTranslations = createContext<((locale: Locale, namespace: PageNamespace | 'common') => Translations) | null>(null);

const SCRIPT_ID = 'page-translations';

type Inlined = { locale: Locale; bundles: Partial<Record<PageNamespace | 'common', Translations>> };

/** The namespaces of the matched routes, in a fixed order. */
export function useRouteNamespaces(): PageNamespace[] {
  const wanted = new Set(useMatches().flatMap((match) => (match.handle as NamespacesHandle | undefined)?.namespaces ?? []));
  return pageNamespaces.filter((ns) => wanted.has(ns));
}

// The browser's namespaces, kept across navigations and i18next instances (`<lng>/<ns>`).
const loaded = new Map<string, Translations>();
const pending = new Map<string, Promise<void>>();
// The data block exactly as the server wrote it: rendered back unchanged, so hydration matches.
let inlinedText: string | undefined;

function readInlined() {
  if (inlinedText !== undefined) return;
  inlinedText = document.getElementById(SCRIPT_ID)?.textContent ?? '';
  if (!inlinedText) return;
  const { locale, bundles } = JSON.parse(inlinedText) as Inlined;
  for (const [ns, bundle] of Object.entries(bundles)) loaded.set(`${locale}/${ns}`, bundle);
}

function fetchNamespace(key: string, version: string): Promise<void> {
  let promise = pending.get(key);
  if (!promise) {
    promise = fetch(`/locales/${key}.json?v=${version}`)
      .then((response) => {
        if (!response.ok) throw new Error(`${response.status} for ${key}`);
        return response.json() as Promise<Translations>;
      })
      .then(
        (bundle) => void loaded.set(key, bundle),
        () => {
          // Never a page of raw keys: the server renders this page whole instead.
          window.location.reload();
          return new Promise<void>(() => undefined);
        },
      );
    pending.set(key, promise);
  }
  return promise;
}

function escapeForScript(json: string) {
  return json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/**
 * Adds the matched routes' namespaces to `i18n` (waiting for any not yet in the browser) and
 * returns the data block's text for the document.
 */
export function usePageTranslations(i18n: I18n, locale: Locale, version: string): string {
  const namespaces = useRouteNamespaces();
  const fromServer = useContext(ServerTranslations);
  if (fromServer) {
    const bundles: Inlined['bundles'] = {};
    for (const ns of namespaces) {
      bundles[ns] = fromServer(locale, ns);
      if (!i18n.hasResourceBundle(locale, ns)) i18n.addResourceBundle(locale, ns, bundles[ns]);
    }
    return escapeForScript(JSON.stringify({ locale, bundles } satisfies Inlined));
  }
  if (typeof document === 'undefined') return '';
  readInlined();
  const missing = namespaces.map((ns) => `${locale}/${ns}`).filter((key) => !loaded.has(key));
  // Suspends the render: the router shows the next page once these have arrived.
  if (missing.length > 0) throw Promise.all(missing.map((key) => fetchNamespace(key, version)));
  for (const ns of namespaces) {
    if (!i18n.hasResourceBundle(locale, ns)) i18n.addResourceBundle(locale, ns, loaded.get(`${locale}/${ns}`)!);
  }
  return inlinedText ?? '';
}

// The last `common` the root loader sent, for an error page after a failed revalidation.
let lastCommon: { locale: Locale; translations: Translations } | undefined;

export function rememberCommon(locale: Locale, translations: Translations) {
  if (typeof document !== 'undefined') lastCommon = { locale, translations };
}

/**
 * The error page's words when the root loader (which sends `common`) failed: on the server from
 * every namespace, written into the data block; in the browser from that block, or else the
 * `common` of the last page shown. Returns the locale to speak, the words and the block's text.
 */
export function useErrorPageTranslations(locale: Locale, needed: boolean): { locale: Locale; translations: Translations; text: string } {
  const fromServer = useContext(ServerTranslations);
  if (fromServer) {
    if (!needed) return { locale, translations: {}, text: '' };
    const translations = fromServer(locale, 'common');
    return { locale, translations, text: escapeForScript(JSON.stringify({ locale, bundles: { common: translations } } satisfies Inlined)) };
  }
  if (typeof document === 'undefined') return { locale, translations: {}, text: '' };
  readInlined();
  const inlined = loaded.get(`${locale}/common`);
  if (inlined) return { locale, translations: inlined, text: inlinedText ?? '' };
  return { locale: lastCommon?.locale ?? locale, translations: lastCommon?.translations ?? {}, text: inlinedText ?? '' };
}

/** The page's namespaces as the server sent them, for hydration; never executed (a JSON data block). */
export function PageTranslationsScript({ text, nonce }: { text: string; nonce?: string }) {
  if (!text) return null;
  // A data block never runs, but it carries the nonce like every inline script: one rule, easy to check.
  return <script id={SCRIPT_ID} type="application/json" nonce={nonce} dangerouslySetInnerHTML={{ __html: text }} />;
}
