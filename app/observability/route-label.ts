/**
 * An address as a route label for logs and metrics: the path without its query (a search may
 * be a child's name), keeping only the words the app's own routes are made of; an id becomes
 * `:id` and anything else `:param`. Labels then stay few (a label per case would be unbounded)
 * and no link secret (a password reset, an invitation) or typed value is ever written down.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Folders of files served as they are (public/): one label each. */
const STATIC_FOLDERS = new Set(['build', 'assets', 'css', 'locales']);

/** The literal segments of route paths (`cases/:caseId/messages` gives `cases`, `messages`). */
export function routeWords(paths: readonly (string | undefined)[]): Set<string> {
  return new Set(paths.flatMap((path) => (path ?? '').split('/')).filter((segment) => segment && !segment.startsWith(':') && segment !== '*'));
}

export function routeLabel(pathname: string, words: ReadonlySet<string>): string {
  const segments = (pathname.split(/[?#]/)[0] ?? '').split('/').filter(Boolean);
  if (segments.length > 0 && STATIC_FOLDERS.has(segments[0])) return `/${segments[0]}/*`;
  const labelled = segments.map((segment) => (words.has(segment) ? segment : UUID.test(segment) ? ':id' : ':param'));
  return `/${labelled.join('/')}`;
}
