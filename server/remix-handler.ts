import type { Readable } from 'node:stream';
import { createReadableStreamFromReadable, createRequestHandler, writeReadableStreamToWritable, type AppLoadContext, type ServerBuild } from '@remix-run/node';
import type { NextFunction, Request, Response } from 'express';

/**
 * Remix behind Express, as @remix-run/express does it, with three differences:
 * - the body the app reads is `res.locals.requestBody` (server/request-body.ts counts it and
 *   cuts it off), never the raw request;
 * - the request's address is the Host it arrived with: the X-Forwarded-Host port that
 *   @remix-run/express also reads is not trusted (and no emailed link is built from it anyway:
 *   app/http.server.ts originOf);
 * - every answer from the app is `Cache-Control: no-store`: pages and downloads show personal
 *   data, which must not stay in a shared computer's browser cache or in a proxy. Static files
 *   (/build, /assets, /css) are served before this and keep their own caching.
 * A request already answered by a guard (a body over the limit) is not answered twice.
 */
export function remixHandler(build: ServerBuild, mode: string, loadContext: (res: Response) => AppLoadContext) {
  const handleRequest = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    let request: globalThis.Request;
    try {
      request = remixRequest(req, res);
    } catch {
      res.status(400).type('text/plain').send('Bad Request');
      return;
    }
    try {
      const response = await handleRequest(request, loadContext(res));
      if (res.headersSent) return;
      await sendResponse(res, response);
    } catch (error) {
      next(error);
    }
  };
}

function remixRequest(req: Request, res: Response): globalThis.Request {
  const url = new URL(req.originalUrl, `${req.protocol}://${req.get('Host') ?? ''}`);
  const controller = new AbortController();
  // Stop loaders and actions once no answer can be written (the client went away).
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const init: RequestInit & { duplex?: 'half' } = { method: req.method, headers: requestHeaders(req), signal: controller.signal };
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    init.body = createReadableStreamFromReadable((res.locals.requestBody as Readable | undefined) ?? req);
    init.duplex = 'half';
  }
  return new globalThis.Request(url.href, init);
}

function requestHeaders(req: Request) {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  return headers;
}

async function sendResponse(res: Response, response: globalThis.Response) {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) {
    if (name !== 'cache-control') res.append(name, value);
  }
  res.setHeader('Cache-Control', 'no-store');
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}
