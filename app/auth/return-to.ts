/**
 * Where to go after signing in or switching language: only a path on this site (no open
 * redirect). Anything else, or anything a browser could read as another site, gives `fallback`.
 *
 * Browsers are lenient with Location headers: they drop tabs and line breaks ("/\t/evil" is
 * "//evil"), read a backslash as a slash ("/\evil" is "//evil") and some decode %2F and %5C
 * before deciding. So a value is refused if it, or any percent-decoding of it, holds a control
 * character or a backslash or starts with two slashes; what is left is re-serialised by the URL
 * parser, which also percent-encodes non-ASCII text (a Location header must be ASCII).
 */
const MAX_LENGTH = 2048;
const MAX_ENCODING_LAYERS = 4;
const PROBE_ORIGIN = 'http://return-to.invalid';

export function safeReturnTo(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_LENGTH) return fallback;
  // Every layer of encoding is checked ("%252F%252F" decodes to "%2F%2F", then to "//"); a value
  // still changing after a few layers is not one of our links.
  let decoded = value;
  for (let layer = 0; ; layer++) {
    if (!isPlainPath(decoded) || layer === MAX_ENCODING_LAYERS) return fallback;
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return fallback;
    }
    if (next === decoded) break;
    decoded = next;
  }
  const url = new URL(value, PROBE_ORIGIN);
  if (url.origin !== PROBE_ORIGIN) return fallback;
  return url.pathname + url.search + url.hash;
}

/** Starts with one slash, and holds no backslash and no control character. */
function isPlainPath(value: string) {
  // eslint-disable-next-line no-control-regex
  return value.startsWith('/') && !value.startsWith('//') && !/[\\\u0000-\u001f\u007f-\u009f]/.test(value);
}
