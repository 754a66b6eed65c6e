import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commonNamespace, mailNamespace, pageNamespaces, supportedLocales } from '~/i18n/config';
import { readImportGraph } from '../../support/import-graph';

/**
 * Every key the code uses exists in every language, in a namespace the page that uses it loads;
 * every key in the files is used; email wording is server-only (ADR 0024).
 *
 * Keys are found as string literals in app/ (the code never builds a key from parts, so a
 * literal search is complete); plural variants (_one, _few, ...) count as their base key.
 * A route's keys are those of the route module, of the browser-side modules it imports (its
 * components, labels, ...) and of the server modules it calls (error keys from its forms come
 * back to the page): those must be in `common` or in a namespace the route names in its
 * `handle` (`namespaces: [...]`). Email keys (the `mail` namespace) are used on the server only.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const projectRoot = fileURLToPath(new URL('../../..', import.meta.url));

type Tree = Record<string, unknown>;

function flatten(obj: Tree, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) => (v && typeof v === 'object' ? flatten(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const browserNamespaces = [commonNamespace, ...pageNamespaces];
const allNamespaces = [...browserNamespaces, mailNamespace];
const fileOf = (locale: string, ns: string) => (ns === mailNamespace ? `app/mail/locales/${locale}.json` : `public/locales/${locale}/${ns}.json`);
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;
const files = Object.fromEntries(
  supportedLocales.map((locale) => [locale, Object.fromEntries(allNamespaces.map((ns) => [ns, read(fileOf(locale, ns))]))]),
) as Record<string, Record<string, Tree>>;

const baseKeys = (keys: Iterable<string>) => new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, '')));
const keysOf = (locale: string, ns: string) => baseKeys(flatten(files[locale][ns]));

/** Which namespace holds each English key. */
const namespaceOfKey = new Map<string, string>();
for (const ns of allNamespaces) for (const key of keysOf('en', ns)) namespaceOfKey.set(key, ns);

// Keys held in lookup tables (e.g. app/ui/labels.ts) are literals that start with a top-level
// section of an English file.
const sections = new Set(allNamespaces.flatMap((ns) => Object.keys(files.en[ns])));
const sourceText = new Map(sourceFiles('app').map((f) => [f, readFileSync(f, 'utf8')]));

function keysIn(text: string): string[] {
  const literals = [...text.matchAll(/['"`]([a-zA-Z][\w]*(?:\.[\w]+)+)['"`]/g)].map((m) => m[1]);
  const tCalls = [...text.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return [...new Set([...tCalls, ...literals.filter((key) => sections.has(key.split('.')[0]))])];
}

const source = [...sourceText.values()].join('\n');
const literals = new Set([...source.matchAll(/['"`]([a-zA-Z][\w]*(?:\.[\w]+)+)['"`]/g)].map((m) => m[1]));
const referenced = keysIn(source);

/** The modules whose keys a route's page may show. */
const graph = readImportGraph(projectRoot, ['app']);
const runtimeImports = (file: string) =>
  (graph[file] ?? []).flatMap((i) => (!i.typeOnly && i.target.kind === 'file' && /^app\/.*\.tsx?$/.test(i.target.path) ? [{ path: i.target.path, specifier: i.specifier }] : []));

/** Names `file` imports from `specifier` (`import { a, b as c } from '...'`). */
function importedNames(file: string, specifier: string): string[] {
  const text = sourceText.get(file) ?? '';
  const escaped = specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...text.matchAll(new RegExp(`import\\s*\\{([^}]*)\\}\\s*from\\s*['"]${escaped}['"]`, 'g'))].flatMap((m) =>
    m[1]
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part && !part.startsWith('type '))
      .map((part) => part.split(/\s+as\s+/)[0].trim()),
  );
}

const exportsName = (file: string, name: string) =>
  new RegExp(`export\\s+(?:async\\s+)?(?:function\\*?|const|let|class)\\s+${name}\\b|export\\s*\\{[^}]*\\b${name}\\b[^}]*\\}`).test(sourceText.get(file) ?? '');

function pageModules(route: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const { path, specifier } of runtimeImports(file)) {
      if (!path.includes('.server')) visit(path);
      else if (path.endsWith('/index.server.ts')) {
        // Through a feature's entry: only the modules that declare what is imported.
        const names = importedNames(file, specifier);
        for (const inner of runtimeImports(path)) if (names.some((name) => exportsName(inner.path, name))) seen.add(inner.path);
      } else seen.add(path);
    }
  };
  visit(route);
  return seen;
}

// Pages only: a resource route (no component) sends no words to a browser.
const routes = Object.keys(graph).filter((f) => f.startsWith('app/routes/') && /export default/.test(sourceText.get(f) ?? ''));

function declaredNamespaces(route: string): string[] {
  const match = (sourceText.get(route) ?? '').match(/namespaces:\s*\[([^\]]*)\]/);
  return match ? [...match[1].matchAll(/['"](\w+)['"]/g)].map((m) => m[1]) : [];
}

describe('translations', () => {
  it('has a folder for each supported language and no others', () => {
    const folders = readdirSync('public/locales').filter((d) => statSync(join('public/locales', d)).isDirectory());
    expect(folders.sort()).toEqual([...supportedLocales].sort());
  });

  it('has one file per namespace in each language, and email wording only on the server', () => {
    for (const locale of supportedLocales) {
      expect(readdirSync(`public/locales/${locale}`).sort()).toEqual(browserNamespaces.map((ns) => `${ns}.json`).sort());
    }
    expect(readdirSync('app/mail/locales').sort()).toEqual(supportedLocales.map((locale) => `${locale}.json`).sort());
    const served = browserNamespaces.flatMap((ns) => Object.keys(files.en[ns]));
    expect(served.filter((section) => Object.keys(files.en.mail).includes(section))).toEqual([]);
  });

  it('keeps each key in one namespace only', () => {
    const seen = new Map<string, string>();
    const twice = allNamespaces.flatMap((ns) =>
      [...keysOf('en', ns)].flatMap((key) => {
        const other = seen.get(key);
        seen.set(key, ns);
        return other ? [`${key} (${other}, ${ns})`] : [];
      }),
    );
    expect(twice).toEqual([]);
  });

  it('uses email keys on the server only', () => {
    const mailKeys = keysOf('en', mailNamespace);
    const misplaced = [...sourceText].flatMap(([file, text]) =>
      file.includes('.server.') ? [] : keysIn(text).filter((key) => mailKeys.has(key)).map((key) => `${file}: ${key}`),
    );
    expect(misplaced).toEqual([]);
  });

  it('every route names the namespaces of the keys its page uses', () => {
    const missing = routes.flatMap((route) => {
      const loads = new Set([commonNamespace, mailNamespace, ...declaredNamespaces(route)]);
      const used = [...new Set([...pageModules(route)].flatMap((file) => keysIn(sourceText.get(file) ?? '')))];
      return used.flatMap((key) => {
        const ns = namespaceOfKey.get(key.replace(PLURAL_SUFFIX, ''));
        return ns && !loads.has(ns) ? [`${route}: ${ns} (${key})`] : [];
      });
    });
    expect(missing).toEqual([]);
  });

  it('every route names only namespaces that exist and that its page uses', () => {
    const extra = routes.flatMap((route) => {
      const used = new Set([...pageModules(route)].flatMap((file) => keysIn(sourceText.get(file) ?? '')));
      const needs = new Set([...used].map((key) => namespaceOfKey.get(key.replace(PLURAL_SUFFIX, ''))));
      return declaredNamespaces(route)
        .filter((ns) => !(pageNamespaces as readonly string[]).includes(ns) || !needs.has(ns))
        .map((ns) => `${route}: ${ns}`);
    });
    expect(extra).toEqual([]);
  });

  for (const locale of supportedLocales) {
    it(`${locale}: every key the code refers to exists`, () => {
      const available = new Set(allNamespaces.flatMap((ns) => [...keysOf(locale, ns)]));
      const missing = referenced.filter((key) => !available.has(key));
      expect(missing).toEqual([]);
    });

    for (const ns of allNamespaces) {
      it(`${locale}/${ns}: has exactly the English keys`, () => {
        expect([...keysOf(locale, ns)].sort()).toEqual([...keysOf('en', ns)].sort());
      });
    }

    it(`${locale}: has every plural form the language needs (Intl.PluralRules), for each key English counts with`, () => {
      const needed = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      const missing = allNamespaces.flatMap((ns) => {
        const english = flatten(files.en[ns]).filter((k) => PLURAL_SUFFIX.test(k));
        const own = new Set(flatten(files[locale][ns]));
        const counted = new Set(english.map((k) => k.replace(PLURAL_SUFFIX, '')));
        return [...counted].flatMap((base) => needed.filter((category) => !own.has(`${base}_${category}`)).map((category) => `${ns}:${base}_${category}`));
      });
      expect(missing).toEqual([]);
    });

    it(`${locale}: has no unused keys`, () => {
      const unused = allNamespaces.flatMap((ns) => [...keysOf(locale, ns)].filter((key) => !literals.has(key)));
      expect(unused).toEqual([]);
    });

    it(`${locale}: keeps the same placeholders as English`, () => {
      const valueAt = (obj: Tree, path: string) =>
        path.split('.').reduce<unknown>((o, k) => (o as Tree | undefined)?.[k], obj) as string | undefined;
      const placeholders = (s: string | undefined) => [...(s ?? '').matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const mismatched = allNamespaces.flatMap((ns) =>
        flatten(files.en[ns])
          .filter((key) => !PLURAL_SUFFIX.test(key))
          .filter((key) => JSON.stringify(placeholders(valueAt(files.en[ns], key))) !== JSON.stringify(placeholders(valueAt(files[locale][ns], key))))
          .map((key) => `${ns}: ${key}`),
      );
      expect(mismatched).toEqual([]);
    });
  }
});

describe('placeholders are filled', () => {
  it('every t() call whose English text has a {{placeholder}} passes values for it (never a raw "{{first}}" on a page)', () => {
    const english = (key: string) => {
      const ns = namespaceOfKey.get(key);
      if (!ns) return undefined;
      const leaf = key.split('.').reduce<unknown>((o, k) => (o as Tree | undefined)?.[k], files.en[ns]);
      return typeof leaf === 'string' ? leaf : undefined;
    };
    const bare = [...sourceText].flatMap(([file, text]) =>
      [...text.matchAll(/\bt\(\s*['"]([\w.]+)['"]\s*\)/g)].flatMap((m) => (/{{\s*\w+\s*}}/.test(english(m[1]) ?? '') ? [`${file}: ${m[1]}`] : [])),
    );
    expect(bare).toEqual([]);
  });
});
