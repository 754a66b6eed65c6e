import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { assessmentRequests, documents, type documentKinds, type StoredDocument } from '../../../db/schema';
import type { Database, Transaction } from '../../../db/client';
import { checkUpload, fileTypeReader, type UploadErrorKey } from '~/domain/file-types';
import { getDb } from '~/db.server';
import { getEnv } from '~/env.server';
import { recordAudit } from '~/audit/audit.server';
import { scanFile, type ScanVerdict } from './virus-scan.server';
import { isUuid } from '~/domain/ids';
import { logError, logEvent } from '~/observability/log.server';

/**
 * Uploaded documents: received into UPLOAD_DIR under a temporary name as the form is read
 * (`receiveUpload`: an upload is streamed to disk, never held in memory), checked (size, and
 * content type read from the file), scanned (streamed to clamd when it is configured), renamed to
 * a server-generated name and recorded in `documents`. A refused upload's file is deleted at once,
 * and one its request did not store is deleted when the request is done (withMultipartForm in
 * app/forms/form.server.ts).
 *
 * The file is stored first and its row second (write, then link). An upload that belongs to
 * something made in the same transaction (a message's attachment) is recorded inside that
 * transaction and its file removed if the transaction does not commit; a crash between the two
 * leaves a file no row names, and a crash while receiving leaves a temporary file:
 * `sweepOrphanUploads` deletes both once they are an hour old.
 *
 * No access control here: who may download a document is the policy's document rule
 * (app/auth/access.server.ts `requireDocumentAccess`).
 */

export type DocumentKind = (typeof documentKinds)[number];

/** Where a document belongs: a request or a case, and what in it. */
export interface DocumentOwner {
  uploadedBy: string;
  requestId?: string | null;
  caseId?: string | null;
  /** A professional's report attached to their advice (app/services/advice.server.ts). */
  adviceRequestId?: string | null;
  /** A picture added to a family's views. */
  familyViewsId?: string | null;
  kind?: DocumentKind;
}

/**
 * An uploaded file waiting in UPLOAD_DIR under a temporary name, not checked yet: store it
 * (`storeUpload`, `prepareUpload`) or `discardReceived` it.
 */
export interface ReceivedFile {
  tempName: string;
  /** The name the browser sent; only a cleaned display name is ever kept. */
  filename: string;
}

export type ReceiveUploadResult = { ok: true; file: ReceivedFile } | { ok: false; reason: 'empty' | 'tooBig' | 'noSpace' };

export interface StoreUploadInput extends DocumentOwner {
  file: ReceivedFile;
  maxBytes?: number;
}

/** A checked, scanned file written to UPLOAD_DIR and not yet recorded: record it (`recordUpload`) or discard it. */
export type PreparedUpload = { storedName: string; originalName: string; mimeType: string; sizeBytes: number; sha256: string };

export type PrepareUploadResult = { ok: true; upload: PreparedUpload; scan: ScanVerdict } | { ok: false; error: UploadErrorKey };
export type StoreUploadResult = { ok: true; document: StoredDocument; scan: ScanVerdict } | { ok: false; error: UploadErrorKey };

/** Every stored name is one we made: a UUID and an extension. Anything else is never opened. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z]{2,5}$/;
/** A file being received or waiting to be checked: never a stored name, so never downloaded. */
const TEMP_NAME = /^upload-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.part$/;
/** How much of a file is read at a time to check, hash and scan it. */
const READ_CHUNK_BYTES = 64 * 1024;

/** How long a file may wait for its row before the sweep treats it as left by a crash. */
export const ORPHAN_GRACE_MS = 60 * 60 * 1000;

/** The absolute directory uploads are kept in. */
export function uploadDirectory() {
  return resolve(getEnv().UPLOAD_DIR);
}

/** Where a stored document's bytes are. */
export function storedPath(storedName: string) {
  if (!STORED_NAME.test(storedName)) throw new Error('Not a stored document name');
  return join(uploadDirectory(), storedName);
}

function tempPath(tempName: string) {
  if (!TEMP_NAME.test(tempName)) throw new Error('Not a received upload name');
  return join(uploadDirectory(), tempName);
}

/**
 * Writes an uploaded file to UPLOAD_DIR, under a temporary name, as it arrives. Past `maxBytes`
 * what was written is deleted at once and the rest is read and dropped (the form's other fields
 * may follow it); nothing is written for an empty file (a file input left empty). If the disk
 * is full, what was written is deleted and the rest is read and dropped in the same way, so the
 * form can say so beside the file (issue 17). If reading fails, nothing is left behind.
 */
export async function receiveUpload(content: AsyncIterable<Uint8Array>, filename: string, maxBytes: number): Promise<ReceiveUploadResult> {
  let sizeBytes = 0;
  let receiving: { tempName: string; handle: FileHandle } | null = null;
  let noSpace = false;
  try {
    for await (const chunk of content) {
      sizeBytes += chunk.byteLength;
      if (sizeBytes > maxBytes || noSpace) {
        if (receiving) await abandon(receiving);
        receiving = null;
        continue;
      }
      if (chunk.byteLength === 0) continue;
      try {
        receiving ??= await createTempFile();
        await writeAll(receiving.handle, chunk);
      } catch (error) {
        if (!isDiskFull(error)) throw error;
        // The operators must hear of it: every upload fails until space is made.
        logError('upload.disk-full', error);
        noSpace = true;
        if (receiving) await abandon(receiving);
        receiving = null;
      }
    }
    if (sizeBytes > maxBytes) return { ok: false, reason: 'tooBig' };
    if (noSpace) return { ok: false, reason: 'noSpace' };
    if (!receiving) return { ok: false, reason: 'empty' };
    await receiving.handle.close();
    return { ok: true, file: { tempName: receiving.tempName, filename } };
  } catch (error) {
    if (receiving) await abandon(receiving);
    throw error;
  }
}

/** No space left on the device, or over the portal user's disk quota. */
function isDiskFull(error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOSPC' || code === 'EDQUOT';
}

async function createTempFile() {
  await mkdir(uploadDirectory(), { recursive: true, mode: 0o700 });
  const tempName = `upload-${randomUUID()}.part`;
  // 'wx': never an existing file; 0o600: readable by the portal's user only (kept by the rename).
  return { tempName, handle: await open(tempPath(tempName), 'wx', 0o600) };
}

async function writeAll(handle: FileHandle, chunk: Uint8Array) {
  for (let at = 0; at < chunk.byteLength; ) at += (await handle.write(chunk, at, chunk.byteLength - at)).bytesWritten;
}

async function abandon(receiving: { tempName: string; handle: FileHandle }) {
  await receiving.handle.close().catch(() => {});
  await rm(tempPath(receiving.tempName), { force: true });
}

/** Deletes a received file that will not be stored (a no-op once it has been). */
export async function discardReceived(file: ReceivedFile) {
  await rm(tempPath(file.tempName), { force: true });
}

/** Size, hash and type of a file, read once a chunk at a time. */
async function readContent(path: string) {
  const hash = createHash('sha256');
  const type = fileTypeReader();
  let sizeBytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: READ_CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    type.push(chunk);
    sizeBytes += chunk.byteLength;
  }
  return { sizeBytes, sha256: hash.digest('hex'), type: type.result() };
}

/**
 * Checks and scans a received file and moves it to its stored name, without recording it. The
 * caller records it in the transaction that links it to its owner, and discards it if that
 * transaction fails. Whatever happens, the received file is gone afterwards: stored, or deleted.
 */
export async function prepareUpload(input: StoreUploadInput): Promise<PrepareUploadResult> {
  const received = tempPath(input.file.tempName);
  let stored = false;
  try {
    if (!input.requestId && !input.caseId) throw new Error('prepareUpload: a document belongs to a request or a case');
    const content = await readContent(received);
    const check = checkUpload({ sizeBytes: content.sizeBytes, type: content.type, filename: input.file.filename, maxBytes: input.maxBytes });
    if (!check.ok) return check;

    let scan: ScanVerdict;
    try {
      scan = await scanFile(received);
    } catch (error) {
      // Scanning is configured but did not happen: never keep an unscanned file.
      logError('upload.scan-failed', error);
      return { ok: false, error: 'errors.upload.scanFailed' };
    }
    if (scan === 'infected') {
      await recordAudit({
        userId: input.uploadedBy,
        action: 'upload:document',
        subjectType: input.requestId ? 'assessment_request' : 'case',
        subjectId: (input.requestId ?? input.caseId) as string,
        outcome: 'denied',
        details: { reason: 'infected', sizeBytes: content.sizeBytes },
      });
      return { ok: false, error: 'errors.upload.infected' };
    }

    const storedName = `${randomUUID()}.${check.extension}`;
    // In the same directory: a rename, so the file is never copied and appears whole under its
    // stored name. A fresh v4 UUID names no existing file (rename would replace one).
    await rename(received, storedPath(storedName));
    stored = true;
    return {
      ok: true,
      upload: { storedName, originalName: check.displayName, mimeType: check.mimeType, sizeBytes: content.sizeBytes, sha256: content.sha256 },
      scan,
    };
  } finally {
    // Refused, or failed: nothing is left behind.
    if (!stored) await discardReceived(input.file);
  }
}

/** Records a prepared upload's row, in the caller's transaction when it links the document to something. */
export async function recordUpload(db: Database | Transaction, upload: PreparedUpload, owner: DocumentOwner): Promise<StoredDocument> {
  const [document] = await db
    .insert(documents)
    .values({
      requestId: owner.requestId ?? null,
      caseId: owner.caseId ?? null,
      adviceRequestId: owner.adviceRequestId ?? null,
      familyViewsId: owner.familyViewsId ?? null,
      kind: owner.kind ?? 'evidence',
      uploadedBy: owner.uploadedBy,
      ...upload,
    })
    .returning();
  return document;
}

/** Removes the file of an upload that was never recorded (or whose row was rolled back). */
export async function discardUpload(upload: Pick<PreparedUpload, 'storedName'>) {
  await rm(storedPath(upload.storedName), { force: true });
}

/** Checks, scans, stores and records an upload that needs nothing else to belong where it does. */
export async function storeUpload(input: StoreUploadInput): Promise<StoreUploadResult> {
  const prepared = await prepareUpload(input);
  if (!prepared.ok) return prepared;
  try {
    const document = await recordUpload(await getDb(), prepared.upload, input);
    return { ok: true, document, scan: prepared.scan };
  } catch (error) {
    await discardUpload(prepared.upload);
    throw error;
  }
}

/**
 * Deletes files in UPLOAD_DIR that no document row names and that are older than the grace
 * period: what a crash between storing a file and committing its row leaves behind, and
 * received files a crash left before they were checked (no row ever names those). Younger
 * files may still be arriving or waiting for their row. Names we did not make are never
 * touched. Returns the names deleted (the job worker runs this hourly).
 */
export async function sweepOrphanUploads(now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<string[]> {
  const dir = uploadDirectory();
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const candidates: string[] = [];
  for (const name of names.filter((n) => STORED_NAME.test(n) || TEMP_NAME.test(n))) {
    const info = await stat(join(dir, name)).catch(() => null);
    if (info?.isFile() && now.getTime() - info.mtimeMs > graceMs) candidates.push(name);
  }
  const db = await getDb();
  const swept: string[] = [];
  for (let i = 0; i < candidates.length; i += 500) {
    const batch = candidates.slice(i, i + 500);
    const known = new Set((await db.select({ storedName: documents.storedName }).from(documents).where(inArray(documents.storedName, batch))).map((r) => r.storedName));
    for (const name of batch.filter((n) => !known.has(n))) {
      await rm(join(dir, name), { force: true });
      swept.push(name);
    }
  }
  if (swept.length > 0) logEvent('uploads.swept', { files: swept.length });
  return swept;
}

/** The document's row, or null (also for an id that is not a UUID). */
export async function getDocument(id: string): Promise<StoredDocument | null> {
  if (!isUuid(id)) return null;
  const db = await getDb();
  const [row] = await db.select().from(documents).where(eq(documents.id, id));
  return row ?? null;
}

/** The document's bytes, checked against the hash taken when it was stored. */
export async function readDocumentFile(row: StoredDocument): Promise<Buffer> {
  const bytes = await readFile(storedPath(row.storedName));
  if (bytes.byteLength !== row.sizeBytes || sha256(bytes) !== row.sha256) {
    throw new Error(`Document ${row.id}: stored file does not match its record`);
  }
  return bytes;
}

/** The document and its bytes, or null when there is no such document. */
export async function readDocument(id: string): Promise<{ row: StoredDocument; bytes: Buffer } | null> {
  const row = await getDocument(id);
  if (!row) return null;
  return { row, bytes: await readDocumentFile(row) };
}

/** What a family sends with a request (app/routes/requests.$requestId_.documents.tsx). */
const REQUEST_DOCUMENT_KINDS: DocumentKind[] = ['evidence', 'child_view'];

/**
 * The documents sent with a case's request, oldest first: what the case page lists. Everything
 * else on a case is shown (and downloaded) with what it belongs to: attachments in the thread,
 * reports with their advice, the plan on the plan page, pictures with the family's views.
 */
export async function documentsOfCase(caseId: string): Promise<StoredDocument[]> {
  if (!isUuid(caseId)) return [];
  const db = await getDb();
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), isNotNull(documents.requestId), inArray(documents.kind, REQUEST_DOCUMENT_KINDS)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** A request's documents, oldest first. */

export async function documentsOfRequest(requestId: string): Promise<StoredDocument[]> {
  if (!isUuid(requestId)) return [];
  const db = await getDb();
  return db.select().from(documents).where(eq(documents.requestId, requestId)).orderBy(asc(documents.createdAt), asc(documents.id));
}

export type DeleteDocumentResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_draft' };

/**
 * Removes a document from a draft request (row, then file). Documents of a submitted request or
 * of a case are part of the record and are never deleted here.
 */
export async function deleteDocument(id: string, by: string): Promise<DeleteDocumentResult> {
  if (!isUuid(id)) return { ok: false, reason: 'not_found' };
  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx.select().from(documents).where(eq(documents.id, id)).for('update');
    if (!row) return { ok: false as const, reason: 'not_found' as const };
    // Lock the request too, so it cannot be submitted while its document is being removed.
    const [request] = row.requestId
      ? await tx.select({ status: assessmentRequests.status }).from(assessmentRequests).where(eq(assessmentRequests.id, row.requestId)).for('update')
      : [];
    if (row.caseId || request?.status !== 'draft') return { ok: false as const, reason: 'not_draft' as const };
    await tx.delete(documents).where(eq(documents.id, id));
    await recordAudit(
      {
        userId: by,
        action: 'delete:document',
        subjectType: 'assessment_request',
        subjectId: row.requestId,
        outcome: 'allowed',
        details: { documentId: row.id, sha256: row.sha256 },
      },
      tx,
    );
    return { ok: true as const, storedName: row.storedName };
  });
  if (!outcome.ok) return outcome;
  // After the commit: at worst an orphaned file, never a record without its file.
  await rm(storedPath(outcome.storedName), { force: true });
  return { ok: true };
}

function sha256(bytes: Uint8Array) {
  return createHash('sha256').update(bytes).digest('hex');
}
