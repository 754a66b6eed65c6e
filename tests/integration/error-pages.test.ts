import { createRequestHandler, type ServerBuild } from '@remix-run/node';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import * as entryServer from '~/entry.server';
import * as root from '~/root';
import { useTestDatabase } from '../support/test-database';

/**
 * Issue 11, item 6: a 500 page never shows raw translation keys, even when the error happened
 * before the page's translations were loaded (the root loader itself failed). The real root and
 * document entry are served through Remix's own request handler, with one route whose loader throws.
 */
const future = { v3_fetcherPersist: true, v3_relativeSplatPath: true, v3_throwAbortReason: true, v3_lazyRouteDiscovery: true, v3_singleFetch: false };
const entryRoute = { hasAction: false, hasLoader: true, hasClientAction: false, hasClientLoader: false, imports: [] };
const failing = { default: () => null, loader: () => Promise.reject(new Error('The database went away')) };

function serve(rootModule: ServerBuild['routes'][string]['module']) {
  const build: ServerBuild = {
    mode: 'production',
    // The document entry as the compiler would load it (its promise is typed loosely).
    entry: { module: entryServer as ServerBuild['entry']['module'] },
    routes: {
      root: { id: 'root', path: '', module: rootModule },
      'routes/failing': { id: 'routes/failing', parentId: 'root', path: 'failing', module: failing },
    },
    assets: {
      entry: { module: '/build/entry.client.js', imports: [] },
      routes: {
        root: { ...entryRoute, id: 'root', path: '', module: '/build/root.js', hasErrorBoundary: true },
        'routes/failing': { ...entryRoute, id: 'routes/failing', parentId: 'root', path: 'failing', module: '/build/routes/failing.js', hasErrorBoundary: false },
      },
      url: '/build/manifest.js',
      version: 'test',
    },
    publicPath: '/build/',
    assetsBuildDirectory: 'public/build',
    future,
    isSpaMode: false,
  };
  const handle = createRequestHandler(build, 'production');
  return async (headers: Record<string, string> = {}) => {
    const response = await handle(new Request('http://localhost/failing', { headers }));
    return { status: response.status, html: await response.text() };
  };
}

/** Anything that looks like a key of the locale files (`section.key`) in the page's text or title. */
const RAW_KEY = /\b(errorPages|layout|service|common)\.[a-zA-Z]+/;

beforeAll(async () => {
  await useTestDatabase();
  // The failures below are logged by the document entry; they are expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});

describe('the 500 page', () => {
  it('when a page fails, speaks the visitor’s language and shows no keys', async () => {
    const page = await serve(root)({ 'Accept-Language': 'pl' });
    expect(page.status).toBe(500);
    expect(page.html).toContain('<html lang="pl"');
    expect(page.html).toContain('Przepraszamy');
    expect(page.html).not.toMatch(RAW_KEY);
  });

  it('when the failure came before the translations (the root loader failed), still shows words, never keys', async () => {
    const rootLoaderFails = { ...root, loader: () => Promise.reject(new Error('Translations could not be loaded')) };
    const page = await serve(rootLoaderFails)();
    expect(page.status).toBe(500);
    expect(page.html).toContain('Sorry, there is a problem with the service');
    expect(page.html).toContain('<title>Sorry, there is a problem with the service – EHCP portal</title>');
    expect(page.html).not.toMatch(RAW_KEY);
    expect(page.html).not.toContain('Translations could not be loaded');
  });
});
