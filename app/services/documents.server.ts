import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { assessmentRequests, documents, type documentKinds, type StoredDocument } from '../../db/schema';
import { checkUpload, type UploadErrorKey } from '../domain/file-types';
import { getDb } from '../db.server';
import { getEnv } from '../env.server';
import { recordAudit } from './audit.server';
import { scanBytes, type ScanVerdict } from './virus-scan.server';

/**
 * Uploaded documents: checked (content type, size), scanned (when clamd is configured), kept in
 * UPLOAD_DIR under a server-generated name, recorded in `documents`.
 *
 * No access control here: routes authorise first (see app/routes/documents.$documentId.tsx).
 */

export type DocumentKind = (typeof documentKinds)[number];

export interface StoreUploadInput {
  bytes: Uint8Array;
  /** The name the browser sent; only a cleaned display name is kept. */
  filename: string | null | undefined;
  uploadedBy: string;
  requestId?: string | null;
  caseId?: string | null;
  /** A professional's report attached to their advice (app/services/advice.server.ts). */
  adviceRequestId?: string | null;
  /** A picture added to a family's views. */
  familyViewsId?: string | null;
  kind?: DocumentKind;
  maxBytes?: number;
}

export type StoreUploadResult = { ok: true; document: StoredDocument; scan: ScanVerdict } | { ok: false; error: UploadErrorKey };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Every stored name is one we made: a UUID and an extension. Anything else is never opened. */
const STORED_NAME = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.[a-z]{2,5}$/;

/** The absolute directory uploads are kept in. */
export function uploadDirectory() {
  return resolve(getEnv().UPLOAD_DIR);
}

/** Where a stored document's bytes are. */
export function storedPath(storedName: string) {
  if (!STORED_NAME.test(storedName)) throw new Error('Not a stored document name');
  return join(uploadDirectory(), storedName);
}

export async function storeUpload(input: StoreUploadInput): Promise<StoreUploadResult> {
  if (!input.requestId && !input.caseId) throw new Error('storeUpload: a document belongs to a request or a case');
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
  const path = storedPath(storedName);
  // 'wx': never overwrite; 0o600: readable by the portal's user only.
  await writeFile(path, input.bytes, { flag: 'wx', mode: 0o600 });
  try {
    const db = await getDb();
    const [document] = await db
      .insert(documents)
      .values({
        requestId: input.requestId ?? null,
        caseId: input.caseId ?? null,
        adviceRequestId: input.adviceRequestId ?? null,
        familyViewsId: input.familyViewsId ?? null,
        kind: input.kind ?? 'evidence',
        uploadedBy: input.uploadedBy,
        originalName: check.displayName,
        storedName,
        mimeType: check.mimeType,
        sizeBytes: input.bytes.byteLength,
        sha256: sha256(input.bytes),
      })
      .returning();
    return { ok: true, document, scan };
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
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

/**
 * A case's documents (those sent with its request, and any added later), oldest first. Advice
 * reports and pictures in the family's views are shown with the advice and the views (advice
 * reports only once released), not here.
 */
export async function documentsOfCase(caseId: string): Promise<StoredDocument[]> {
  if (!UUID.test(caseId)) return [];
  const db = await getDb();
  return db
    .select()
    .from(documents)
    .where(and(eq(documents.caseId, caseId), isNull(documents.adviceRequestId), isNull(documents.familyViewsId)))
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
