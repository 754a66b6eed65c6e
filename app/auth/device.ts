/**
 * A readable summary of a browser's User-Agent header for the list of active sessions ("Firefox
 * on Windows"), so someone can recognise their own devices. A guess from a string the browser
 * chooses: it never decides anything. Names of products are not translated; null means "not
 * recognised" (the page says so in the reader's language).
 *
 * Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", iOS browsers say
 * "Safari" with their own token, and Android also says "Linux".
 */
export type DeviceSummary = { browser: string | null; system: string | null };

const browsers: readonly (readonly [RegExp, string])[] = [
  [/\bEdg(e|A|iOS)?\//, 'Microsoft Edge'],
  [/\b(OPR|Opera)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(Firefox|FxiOS)\//, 'Firefox'],
  [/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

const systems: readonly (readonly [RegExp, string])[] = [
  [/\biPad\b/, 'iPadOS'],
  [/\b(iPhone|iPod)\b/, 'iOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
  [/\bLinux\b/, 'Linux'],
];

const firstMatch = (list: readonly (readonly [RegExp, string])[], userAgent: string) => list.find(([pattern]) => pattern.test(userAgent))?.[1] ?? null;

export function describeDevice(userAgent: string | null): DeviceSummary {
  if (!userAgent) return { browser: null, system: null };
  return { browser: firstMatch(browsers, userAgent), system: firstMatch(systems, userAgent) };
}
