import { createReadStream } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { getEnv } from '~/env.server';

/**
 * Virus scanning with ClamAV's daemon (clamd) over TCP, speaking its INSTREAM protocol directly:
 *
 *   -> "zINSTREAM\0", then chunks of <4-byte big-endian length><bytes>, then <0 0 0 0>
 *   <- "stream: OK\0" | "stream: <signature> FOUND\0" | "<problem> ERROR\0"
 *
 * Configured by CLAMAV_HOST / CLAMAV_PORT. Without CLAMAV_HOST nothing is scanned
 * ('not_scanned'). With it, anything but a clear answer (no connection, a timeout, an ERROR
 * reply) throws: callers refuse the upload (errors.upload.scanFailed) rather than keep a file
 * that was meant to be scanned and was not.
 */

export type ScanVerdict = 'clean' | 'infected' | 'not_scanned';

export class VirusScanError extends Error {
  override name = 'VirusScanError';
}

export interface ClamdOptions {
  host: string;
  port: number;
  /** Longest wait for the connection and then for each step of the exchange (default 10 s). */
  timeoutMs?: number;
}

const CHUNK_BYTES = 64 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;
/** clamd's replies are one short line; anything longer is not clamd. */
const MAX_REPLY_BYTES = 4096;

/**
 * Scans the file at `path` with the configured clamd, streaming it a chunk at a time (an upload
 * is never held in memory). Throws VirusScanError when scanning was configured but failed.
 */
export async function scanFile(path: string, options: Partial<ClamdOptions> = {}): Promise<ScanVerdict> {
  const env = getEnv();
  const host = options.host ?? env.CLAMAV_HOST;
  if (!host) return 'not_scanned';
  const reply = await clamdInstream(chunksOf(path), { host, port: options.port ?? env.CLAMAV_PORT, timeoutMs: options.timeoutMs });
  return parseScanReply(reply).verdict;
}

/** The file's bytes, opened only once clamd is there to take them (and closed if it goes). */
async function* chunksOf(path: string): AsyncGenerator<Uint8Array> {
  yield* createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>;
}

/** Reads clamd's INSTREAM reply. Exported for tests. */
export function parseScanReply(reply: string): { verdict: 'clean' | 'infected'; signature?: string } {
  const text = reply.replace(/\0+$/, '').trim();
  const found = /^stream: (.+) FOUND$/.exec(text);
  if (found) return { verdict: 'infected', signature: found[1] };
  if (text === 'stream: OK') return { verdict: 'clean' };
  throw new VirusScanError(`clamd could not scan the file: ${text.slice(0, 200) || '(no reply)'}`);
}

/**
 * Sends `content` with zINSTREAM, as it is read, and returns clamd's reply (without the trailing
 * NUL). Reading is paced by the socket: the next chunk is read once clamd has taken the last.
 */
export function clamdInstream(content: AsyncIterable<Uint8Array>, options: ClamdOptions): Promise<string> {
  return exchange(options, async (socket) => {
    await write(socket, Buffer.from('zINSTREAM\0', 'latin1'));
    for await (const piece of content) {
      for (let at = 0; at < piece.byteLength; at += CHUNK_BYTES) {
        const chunk = piece.subarray(at, Math.min(at + CHUNK_BYTES, piece.byteLength));
        const length = Buffer.alloc(4);
        length.writeUInt32BE(chunk.byteLength);
        await write(socket, length);
        await write(socket, chunk);
      }
    }
    await write(socket, Buffer.alloc(4)); // zero-length chunk: end of stream
  });
}

/** True when clamd answers zPING with PONG (used by health checks and tests). */
export async function pingClamd(options: ClamdOptions): Promise<boolean> {
  try {
    return (await exchange(options, (socket) => write(socket, Buffer.from('zPING\0', 'latin1')))) === 'PONG';
  } catch {
    return false;
  }
}

/**
 * Opens a connection, lets `send` write the command, and resolves with the NUL-terminated reply.
 * clamd may answer early (e.g. "INSTREAM size limit exceeded. ERROR") and close while we are
 * still writing: the reply wins over the write error.
 */
function exchange(options: ClamdOptions, send: (socket: Socket) => Promise<void>): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise<string>((resolve, reject) => {
    const socket = connect({ host: options.host, port: options.port });
    const received: Buffer[] = [];
    let receivedBytes = 0;
    let settled = false;
    const finish = (error: Error | null, reply?: string) => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) reject(error);
      else resolve(reply ?? '');
    };
    const replyIfComplete = (closed: boolean) => {
      const all = Buffer.concat(received);
      const end = all.indexOf(0);
      if (end !== -1) finish(null, all.subarray(0, end).toString('utf8'));
      else if (closed && all.length > 0) finish(null, all.toString('utf8'));
      else if (closed) finish(new VirusScanError(`clamd at ${options.host}:${options.port} closed the connection without answering`));
    };

    // An idle timeout: no connection, or no progress either way, for timeoutMs.
    socket.setTimeout(timeoutMs, () => finish(new VirusScanError(`clamd at ${options.host}:${options.port} did not answer within ${timeoutMs} ms`)));
    socket.on('data', (data: Buffer) => {
      received.push(data);
      receivedBytes += data.length;
      if (receivedBytes > MAX_REPLY_BYTES) finish(new VirusScanError('clamd sent an unexpectedly long reply'));
      else replyIfComplete(false);
    });
    socket.on('end', () => replyIfComplete(true));
    socket.on('close', () => replyIfComplete(true));
    socket.on('error', (error) => {
      // A reply already received (clamd refusing mid-stream) is the answer; otherwise fail.
      if (received.length > 0) replyIfComplete(true);
      else finish(new VirusScanError(`clamd at ${options.host}:${options.port}: ${error.message}`));
    });
    socket.once('connect', () => {
      send(socket).catch((error: Error) => {
        // A socket that failed or closed is reported through 'error' / 'close' (with clamd's
        // reply, if it sent one); otherwise what was being sent could not be read.
        if (!socket.destroyed) finish(new VirusScanError(`could not send the file to clamd: ${error.message}`));
      });
    });
  });
}

function write(socket: Socket, data: Uint8Array): Promise<void> {
  if (socket.destroyed) return Promise.reject(new Error('socket closed'));
  if (socket.write(data)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.once('drain', done);
    socket.once('close', done);
  });
}
