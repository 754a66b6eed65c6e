import { Transform, type TransformCallback } from 'node:stream';
import type { NextFunction, Request, Response } from 'express';
import { readSessionToken, validateSessionToken } from '../app/auth/session.server';
import { MAX_UPLOAD_BYTES } from '../app/domain/file-types';
import { refusalPage } from '../app/http.server';

/**
 * Request bodies are bounded before anything reads them and before the app looks at who is
 * signed in (issue 11, item 6):
 * - signed out: SIGNED_OUT_BODY_LIMIT, enough for every form a signed-out person sends (signing
 *   in, registering, a message kept while their session had run out, at most 5,000 characters).
 *   Nothing else is needed, so an anonymous client can make the server hold at most that much;
 * - signed in, a form without a file: FORM_BODY_LIMIT, far above the longest text a form
 *   accepts (the advice form's four 10,000-character parts, percent-encoded);
 * - signed in, a form with a file (multipart): one upload (MAX_UPLOAD_BYTES) plus room for the
 *   text beside it.
 * Only a body that needs more than the signed-out limit (or does not say how long it is) costs
 * a session lookup. A declared Content-Length over the limit is answered 413 at once, unread; a
 * body without one (chunked) is counted as it streams and cut off, with the same 413, once it
 * passes the limit. Whatever of a body is left unread once it has its answer (refused, or a
 * route that answered without reading, like a redirect to sign in) is read and dropped up to
 * LEFTOVER_LIMIT, so a client that sent a small body can use its connection again; a client that
 * goes on sending past that has its connection closed once it has had time to read the answer.
 */
export const SIGNED_OUT_BODY_LIMIT = 256 * 1024;
export const FORM_BODY_LIMIT = 2 * 1024 * 1024;
export const UPLOAD_BODY_LIMIT = MAX_UPLOAD_BYTES + FORM_BODY_LIMIT;
/** What is read and dropped of a body left unread after its answer... */
const LEFTOVER_LIMIT = 1024 * 1024;
/** ...and how long the client has to read that answer before a connection still sending is closed. */
const CLOSE_AFTER_MS = 5_000;

/** Express middleware: sets `res.locals.requestBody`, the only stream the app reads the body from. */
export async function limitRequestBodies(req: Request, res: Response, next: NextFunction) {
  if (req.method === 'GET' || req.method === 'HEAD') {
    next();
    return;
  }
  try {
    const declared = req.get('Content-Length') === undefined ? undefined : Number(req.get('Content-Length'));
    const limit = await bodyLimit(req, declared);
    if (declared !== undefined && declared > limit) {
      refuse(req, res);
      return;
    }
    const counter = new BodyCounter(limit, () => refuse(req, res));
    // The app sees the failure as an unreadable body; the client gets the 413 from refuse().
    counter.on('error', () => {});
    res.locals.requestBody = req.pipe(counter);
    res.once('finish', () => dropLeftover(req));
    next();
  } catch (error) {
    next(error);
  }
}

async function bodyLimit(req: Request, declared: number | undefined): Promise<number> {
  if (declared !== undefined && declared <= SIGNED_OUT_BODY_LIMIT) return SIGNED_OUT_BODY_LIMIT;
  const token = readSessionToken(new globalThis.Request('http://localhost/', { headers: { Cookie: req.get('Cookie') ?? '' } }));
  if (!token || !(await validateSessionToken(token))) return SIGNED_OUT_BODY_LIMIT;
  return req.is('multipart/form-data') === 'multipart/form-data' ? UPLOAD_BODY_LIMIT : FORM_BODY_LIMIT;
}

function refuse(req: Request, res: Response) {
  dropLeftover(req);
  if (res.headersSent) return;
  // No next request on this connection: the client may still be sending this body. Node closes
  // such a connection outright once the answer is written, which, with the body still arriving,
  // resets it and can lose the answer on its way to the client; so only our side is closed here,
  // and dropLeftover reads on briefly and closes the rest (a "lingering close").
  res.set('Connection', 'close');
  const socket = req.socket;
  socket.destroySoon = () => socket.end();
  res
    .status(413)
    .type('html')
    .send(refusalPage('tooLarge', { cookie: req.get('Cookie'), acceptLanguage: req.get('Accept-Language') }));
}

/** Requests whose leftover body is being dropped (the answer and a refusal may both ask). */
const dropping = new WeakSet<Request>();

/**
 * The app will read no more of this body: read and drop what is left, at most LEFTOVER_LIMIT
 * (held only as garbage, a chunk at a time), then stop reading; close the connection if the body
 * has not ended CLOSE_AFTER_MS later. Node would otherwise drain an unread body to its end, which
 * for a 150 MB body is 150 MB pulled through the server's memory.
 */
function dropLeftover(req: Request) {
  if (req.complete || dropping.has(req)) return;
  dropping.add(req);
  req.unpipe();
  let dropped = 0;
  req.on('data', (chunk: Buffer) => {
    dropped += chunk.byteLength;
    if (dropped > LEFTOVER_LIMIT) req.pause();
  });
  req.resume();
  const cutOff = setTimeout(() => req.socket.destroy(), CLOSE_AFTER_MS);
  cutOff.unref();
  req.once('end', () => clearTimeout(cutOff));
  req.socket.once('close', () => clearTimeout(cutOff));
}

/** Passes the body through while counting; past the limit it fails the app's read and calls `onOverflow` once. */
class BodyCounter extends Transform {
  private received = 0;

  constructor(
    private readonly limit: number,
    private readonly onOverflow: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    this.received += chunk.byteLength;
    if (this.received > this.limit) {
      this.onOverflow();
      callback(new Error('Request body over the limit'));
      return;
    }
    callback(null, chunk);
  }
}
