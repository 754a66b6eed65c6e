import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { isbot } from 'isbot';
import { renderToPipeableStream } from 'react-dom/server';
import { resources } from './i18n/i18n.server';
import { ServerTranslations } from './i18n/page-translations';
import { CspNonce } from './ui/csp-nonce';
import { logError, REQUEST_ID_HEADER } from './observability/log.server';

/** The page's namespaces are rendered from every namespace the server holds (app/i18n/page-translations.tsx). */
const serverTranslations = (locale: keyof typeof resources, namespace: Exclude<keyof (typeof resources)['en'], 'mail'>) =>
  resources[locale][namespace];

const ABORT_DELAY = 5_000;

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined;
  // Bots get the whole document at once; browsers get it as soon as the shell is ready.
  const waitForAll = isbot(request.headers.get('user-agent') ?? '');
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const page = (
      <CspNonce.Provider value={nonce}>
        <ServerTranslations.Provider value={serverTranslations}>
          <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />
        </ServerTranslations.Provider>
      </CspNonce.Provider>
    );
    const { pipe, abort } = renderToPipeableStream(page, {
      nonce,
      [waitForAll ? 'onAllReady' : 'onShellReady']() {
        shellRendered = true;
        const body = new PassThrough();
        responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
        resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
        pipe(body);
      },
      onShellError(error: unknown) {
        reject(error);
      },
      onError(error: unknown) {
        responseStatusCode = 500;
        if (shellRendered) logError('remix.render-failed', error, { requestId: request.headers.get(REQUEST_ID_HEADER) });
      },
    });
    setTimeout(abort, ABORT_DELAY);
  });
}

/** Errors are logged here, never shown: the error page says only that something went wrong. */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  logError('remix.request-failed', error, { requestId: request.headers.get(REQUEST_ID_HEADER) });
}
