import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import { assessmentRequests, documents, type documentKinds, type StoredDocument } from '../../db/schema';
import type { Database, Transaction } from '../../db/client';
import { checkUpload, type UploadErrorKey } from '../domain/file-types';
import { getDb } from '../db.server';
import { getEnv } from '../env.server';
import { recordAudit } from './audit.server';
import { scanBytes, type ScanVerdict } from './virus-scan.server';

/**
 * Uploaded documents: checked (content type, size), scanned (when clamd is configured), kept in
 * UPLOAD_DIR under a server-generated name, recorded in `documents`.
 *
 * The file is written first and its row second (write, then link). An upload that belongs to
 * something made in the same transaction (a message's attachment) is recorded inside that
 * transaction and its file removed if the transaction does not commit; a crash between the two
 * leaves a file no row names, which `sweepOrphanUploads` deletes once it is an hour old.
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

export interface StoreUploadInput extends DocumentOwner {
  bytes: Uint8Array;
  /** The name the browser sent; only a cleaned display name is kept. */
  filename: string | null | undefined;
  maxBytes?: number;
}

/** A checked, scanned file written to UPLOAD_DIR and not yet recorded: record it (`recordUpload`) or discard it. */
export type PreparedUpload = { storedName: string; originalName: string; mimeType: string; sizeBytes: number; sha256: string };

export type PrepareUploadResult = { ok: true; upload: PreparedUpload; scan: ScanVerdict } | { ok: false; error: UploadErrorKey };
export type StoreUploadResult = { ok: true; document: StoredDocument; scan: ScanVerdict } | { ok: false; error: UploadErrorKey };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Every stored name is one we made: a UUID and an extension. Anything else is never opened. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z]{2,5}$/;

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

/**
 * Checks, scans and writes an upload, without recording it. The caller records it in the
 * transaction that links it to its owner, and discards it if that transaction fails.
 */
export async function prepareUpload(input: StoreUploadInput): Promise<PrepareUploadResult> {
  if (!input.requestId && !input.caseId) throw new Error('prepareUpload: a document belongs to a request or a case');
  const check = checkUpload({ bytes: input.bytes, filename: input.filename, maxBytes: input.maxBytes });
  if (!check.ok) return check;

  let scan: ScanVerdict;
  try {
    scan = await scanBytes(input.bytes);
  } catch (error) {
    // Scanning is configured but did not happen: never keep an unscanned file.
    console.error(`Upload refused: virus scan failed (${(error as Error).message})`);
    return { ok: false, error: 'errors.upload.scanFailed' };
  }
  if (scan === 'infected') {
    await recordAudit({
      userId: input.uploadedBy,
      action: 'upload:document',
      subjectType: input.requestId ? 'assessment_request' : 'case',
      subjectId: (input.requestId ?? input.caseId) as string,
      outcome: 'denied',
      details: { reason: 'infected', sizeBytes: input.bytes.byteLength },
    });
    return { ok: false, error: 'errors.upload.infected' };
  }

  const dir = uploadDirectory();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const storedName = `${randomUUID()}.${check.extension}`;
  // 'wx': never overwrite; 0o600: readable by the portal's user only.
  await writeFile(storedPath(storedName), input.bytes, { flag: 'wx', mode: 0o600 });
  return {
    ok: true,
    upload: { storedName, originalName: check.displayName, mimeType: check.mimeType, sizeBytes: input.bytes.byteLength, sha256: sha256(input.bytes) },
    scan,
  };
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

/** Checks, scans, writes and records an upload that needs nothing else to belong where it does. */
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
 * period: what a crash between writing a file and committing its row leaves behind. Younger
 * files may still be waiting for their row. Names we did not make are never touched. Returns
 * the names deleted (the job worker runs this hourly).
 */
export async function sweepOrphanUploads(now = new Date(), graceMs = ORPHAN_GRACE_MS): Promise<string[]> {
  const dir = uploadDirectory();
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const candidates: string[] = [];
  for (const name of names.filter((n) => STORED_NAME.test(n))) {
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
  if (swept.length > 0) console.info(`[uploads] removed ${swept.length} file(s) no document names`);
  return swept;
}

/** The document's row, or null (also for an id that is not a UUID). */
export async function getDocument(id: string): Promise<StoredDocument | null> {
  if (!UUID.test(id)) return null;
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
  if (!UUID.test(caseId)) return [];
  const db = await getDb();
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), isNotNull(documents.requestId), inArray(documents.kind, REQUEST_DOCUMENT_KINDS)))
    .orderBy(asc(documents.createdAt), asc(documents.id));
}

/** A request's documents, oldest first. */

export async function documentsOfRequest(requestId: string): Promise<StoredDocument[]> {
  if (!UUID.test(requestId)) return [];
  const db = await getDb();
  return db.select().from(documents).where(eq(documents.requestId, requestId)).orderBy(asc(documents.createdAt), asc(documents.id));
}

export type DeleteDocumentResult = { ok: true } | { ok: false; reason: 'not_found' | 'not_draft' };

/**
 * Removes a document from a draft request (row, then file). Documents of a submitted request or
 * of a case are part of the record and are never deleted here.
 */
export async function deleteDocument(id: string, by: string): Promise<DeleteDocumentResult> {
  if (!UUID.test(id)) return { ok: false, reason: 'not_found' };
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
