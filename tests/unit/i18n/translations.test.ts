import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { supportedLocales } from '~/i18n/config';

/**
 * Every key the code uses exists in every language, and every key in the files is used.
 * Keys are found as string literals in app/ (the code never builds a key from parts, so a
 * literal search is complete); plural variants (_one, _few, ...) count as their base key.
 */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const keysByLocale = Object.fromEntries(
  supportedLocales.map((locale) => [
    locale,
    new Set(flatten(JSON.parse(readFileSync(`public/locales/${locale}/translation.json`, 'utf8')))),
  ]),
) as Record<(typeof supportedLocales)[number], Set<string>>;

const baseKeys = (keys: Set<string>) => new Set([...keys].map((k) => k.replace(PLURAL_SUFFIX, '')));

const source = sourceFiles('app')
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n');
const literals = new Set([...source.matchAll(/['"`]([a-zA-Z][\w]*(?:\.[\w]+)+)['"`]/g)].map((m) => m[1]));
const tCalls = [...source.matchAll(/\bt\(\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
// Keys held in lookup tables (e.g. app/ui/labels.ts) are literals that start with a top-level
// section of the English file.
const sections = new Set(Object.keys(JSON.parse(readFileSync('public/locales/en/translation.json', 'utf8'))));
const referenced = [...new Set([...tCalls, ...[...literals].filter((key) => sections.has(key.split('.')[0]))])];

describe('translations', () => {
  it('has a folder for each supported language and no others', () => {
    const folders = readdirSync('public/locales').filter((d) => statSync(join('public/locales', d)).isDirectory());
    expect(folders.sort()).toEqual([...supportedLocales].sort());
  });

  for (const locale of supportedLocales) {
    it(`${locale}: every key the code refers to exists`, () => {
      const available = baseKeys(keysByLocale[locale]);
      const missing = referenced.filter((key) => !available.has(key));
      expect(missing).toEqual([]);
    });

    it(`${locale}: has every English key`, () => {
      const available = baseKeys(keysByLocale[locale]);
      const missing = [...baseKeys(keysByLocale.en)].filter((key) => !available.has(key));
      expect(missing).toEqual([]);
    });

    it(`${locale}: has no unused keys`, () => {
      const unused = [...baseKeys(keysByLocale[locale])].filter((key) => !literals.has(key));
      expect(unused).toEqual([]);
    });

    it(`${locale}: keeps the same placeholders as English`, () => {
      const en = JSON.parse(readFileSync('public/locales/en/translation.json', 'utf8'));
      const other = JSON.parse(readFileSync(`public/locales/${locale}/translation.json`, 'utf8'));
      const valueAt = (obj: Record<string, unknown>, path: string) =>
        path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj) as string | undefined;
      const placeholders = (s: string | undefined) => [...(s ?? '').matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();
      const mismatched = [...keysByLocale.en]
        .filter((key) => !PLURAL_SUFFIX.test(key))
        .filter((key) => JSON.stringify(placeholders(valueAt(en, key))) !== JSON.stringify(placeholders(valueAt(other, key))));
      expect(mismatched).toEqual([]);
    });
  }
});
