/**
 * What a family may upload, decided from the file's content (magic bytes), never from its name
 * or the browser's Content-Type. Pure: no I/O, so it is unit-tested with hand-made bytes.
 *
 * Errors are translation keys (errors.upload.*). Scanning for viruses (infected / scanFailed) is
 * done by app/services/virus-scan.server.ts; the keys live here so every upload error is in one
 * union.
 */

export const ALLOWED_UPLOAD_KINDS = ['pdf', 'docx', 'doc', 'jpeg', 'png', 'heic'] as const;
export type UploadFileType = (typeof ALLOWED_UPLOAD_KINDS)[number];

/** 20 MB: the largest file a family may upload. */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The longest display name kept (in characters, extension included). */
export const MAX_DISPLAY_NAME_LENGTH = 100;

/** Per type: the MIME type we serve it with, the extension we store it under, and the extensions that name it. */
export const UPLOAD_FILE_TYPES: Record<UploadFileType, { mimeType: string; extension: string; extensions: readonly string[] }> = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf', extensions: ['pdf'] },
  docx: {
    mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    extensions: ['docx'],
  },
  doc: { mimeType: 'application/msword', extension: 'doc', extensions: ['doc'] },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg', extensions: ['jpg', 'jpeg', 'jpe', 'jfif'] },
  png: { mimeType: 'image/png', extension: 'png', extensions: ['png'] },
  heic: { mimeType: 'image/heic', extension: 'heic', extensions: ['heic', 'heif'] },
};

/** For `<input type="file" accept="...">`: a hint to the browser only; the server decides. */
export const UPLOAD_ACCEPT = [
  ...ALLOWED_UPLOAD_KINDS.flatMap((k) => UPLOAD_FILE_TYPES[k].extensions.map((e) => `.${e}`)),
  ...ALLOWED_UPLOAD_KINDS.map((k) => UPLOAD_FILE_TYPES[k].mimeType),
].join(',');

export const uploadErrorKeys = [
  'errors.upload.empty',
  'errors.upload.tooBig',
  'errors.upload.type',
  'errors.upload.nameMismatch',
  'errors.upload.infected',
  'errors.upload.scanFailed',
] as const;
export type UploadErrorKey = (typeof uploadErrorKeys)[number];

// ---------------------------------------------------------------------------------------------
// Detection
//
// An upload (up to 20 MB) is never held in memory: its type is read as it streams by, chunk by
// chunk (`fileTypeReader`), keeping its first 12 bytes and the last few dozen bytes not yet
// searched, whatever its size.

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const HEIC_BRANDS = ['heic', 'heix', 'mif1'];
/** What is read from the start of a file: an ISO-BMFF brand ends at byte 12. */
const HEAD_BYTES = 12;
/** "WordDocument" as an OLE2 directory entry name (UTF-16LE): what makes an OLE2 file a Word .doc. */
const WORD_DOCUMENT_STREAM = Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]);
/** OLE2's directory entries come after its 512-byte header. */
const OLE2_HEADER_BYTES = 512;
/** The two ZIP entries that make a Word document (compared case-insensitively). */
const CONTENT_TYPES_PART = '[content_types].xml';
const WORD_PART_PREFIX = 'word/';
/** A ZIP local file header: 30 bytes, then the entry's name (its length at offset 26). */
const LOCAL_HEADER_BYTES = 30;
/** Enough of a local header to tell whether it names one of those two entries. */
const LOCAL_RECORD_BYTES = LOCAL_HEADER_BYTES + CONTENT_TYPES_PART.length;

function startsWith(bytes: ArrayLike<number>, signature: readonly number[], offset = 0) {
  if (bytes.length < offset + signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (bytes[offset + i] !== signature[i]) return false;
  return true;
}

function ascii(bytes: ArrayLike<number>, start: number, end: number) {
  let s = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);

/**
 * Where `needle` (at least 2 bytes) starts in `bytes`, trying starts from `from` up to
 * `to - needle.length`; -1 if nowhere. A plain loop: as fast as it gets when every byte looks
 * like the start of a match (a file of "PPPP..." sent to slow the server down).
 */
function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length) {
  const last = Math.min(to, bytes.length) - needle.length;
  const [first, second] = needle;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (bytes[i] === first && bytes[i + 1] === second && startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

function concat(a: Uint8Array, b: Uint8Array) {
  const joined = new Uint8Array(a.byteLength + b.byteLength);
  joined.set(a);
  joined.set(b, a.byteLength);
  return joined;
}

/** Reads a file's type as its bytes are handed over in order, holding a few dozen bytes of it at most. */
export interface FileTypeReader {
  /** The file's next bytes (not kept: the caller may reuse the chunk). */
  push(chunk: Uint8Array): void;
  /** Once every byte has been pushed: the file's type, or null when it is not one we accept. */
  result(): UploadFileType | null;
}

/**
 * The file's type from its content:
 *
 * - PDF: `%PDF-` at the very start.
 * - DOCX: a ZIP with entries named `[Content_Types].xml` and `word/...` (so an arbitrary ZIP, or
 *   an Excel/PowerPoint file, is not a DOCX). Every entry has a local header before its data,
 *   found by its signature anywhere in the file, which also copes with entries whose sizes are
 *   only given after their data (streaming writers).
 * - DOC: an OLE2 compound file with a directory entry named `WordDocument` anywhere after its
 *   header (so an .xls, .msg or .msi, which are OLE2 too, is not a DOC).
 * - JPEG `FF D8 FF`; PNG its 8-byte signature; HEIC an ISO-BMFF `ftyp` box of brand heic, heix
 *   or mif1 at offset 4.
 */
export function fileTypeReader(): FileTypeReader {
  const head: number[] = [];
  let size = 0;
  /** What is searched beyond the head, known once the head has its first 8 bytes. */
  let container: 'zip' | 'ole2' | null | undefined;
  /** Bytes not yet searched as the start of a record, and their offset in the file. */
  let pending = new Uint8Array(0);
  let pendingAt = 0;
  let contentTypesPart = false;
  let wordPart = false;
  let wordDocumentStream = false;

  const containerOf = () => (startsWith(head, OLE2_SIGNATURE) ? 'ole2' : startsWith(head, ZIP_LOCAL_HEADER) ? 'zip' : null);

  /** Searches `pending`; keeps only the bytes a record may still start in. `final`: nothing more is coming. */
  const search = (final: boolean) => {
    let keepFrom = pending.length;
    if (container === 'ole2') {
      const from = Math.max(0, OLE2_HEADER_BYTES - pendingAt);
      if (!wordDocumentStream && indexOf(pending, WORD_DOCUMENT_STREAM, from) !== -1) wordDocumentStream = true;
      if (!final) keepFrom = Math.max(0, pending.length - WORD_DOCUMENT_STREAM.length + 1);
    } else if (container === 'zip') {
      // Not final: only headers whose record is all here; the rest wait for the next chunk.
      const lastStart = pending.length - (final ? LOCAL_HEADER_BYTES : LOCAL_RECORD_BYTES);
      for (let at = indexOf(pending, ZIP_LOCAL_HEADER, 0, lastStart + ZIP_LOCAL_HEADER.length); at !== -1; at = indexOf(pending, ZIP_LOCAL_HEADER, at + 1, lastStart + ZIP_LOCAL_HEADER.length)) {
        const nameLength = u16(pending, at + 26);
        // A name cut off by the end of the file names nothing.
        if (at + LOCAL_HEADER_BYTES + Math.min(nameLength, CONTENT_TYPES_PART.length) > pending.length) continue;
        const name = ascii(pending, at + LOCAL_HEADER_BYTES, at + LOCAL_HEADER_BYTES + Math.min(nameLength, CONTENT_TYPES_PART.length)).toLowerCase();
        if (nameLength === CONTENT_TYPES_PART.length && name === CONTENT_TYPES_PART) contentTypesPart = true;
        if (name.startsWith(WORD_PART_PREFIX)) wordPart = true;
      }
      if (!final) keepFrom = Math.max(0, lastStart + 1);
    }
    pending = pending.slice(keepFrom);
    pendingAt += keepFrom;
  };

  return {
    push(chunk) {
      if (chunk.byteLength === 0) return;
      for (let i = 0; head.length < HEAD_BYTES && i < chunk.byteLength; i++) head.push(chunk[i]);
      size += chunk.byteLength;
      if (container === null) return;
      pending = concat(pending, chunk);
      if (container === undefined && head.length >= OLE2_SIGNATURE.length) container = containerOf();
      // Until the container is known everything is kept (under 8 bytes); then only what it needs.
      if (container !== undefined) search(false);
    },
    result() {
      if (container === undefined) container = containerOf();
      search(true);
      if (size < 3) return null;
      if (ascii(head, 0, 5) === '%PDF-') return 'pdf';
      if (startsWith(head, PNG_SIGNATURE)) return 'png';
      if (startsWith(head, [0xff, 0xd8, 0xff])) return 'jpeg';
      if (ascii(head, 4, 8) === 'ftyp' && HEIC_BRANDS.includes(ascii(head, 8, 12))) return 'heic';
      if (container === 'ole2') return wordDocumentStream ? 'doc' : null;
      if (container === 'zip') return contentTypesPart && wordPart ? 'docx' : null;
      return null;
    },
  };
}

/** The type of a file held in memory (see `fileTypeReader`). */
export function detectFileType(bytes: Uint8Array): UploadFileType | null {
  const reader = fileTypeReader();
  reader.push(bytes);
  return reader.result();
}

// ---------------------------------------------------------------------------------------------
// Names

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name safe to show and to offer as a download name: no folders (`C:\...\`, `../`), no
 * control or invisible formatting characters (such as the right-to-left override used to
 * disguise `invoice‮fdp.exe`), none of `<>:"/\|?*`, no leading dots, at most
 * MAX_DISPLAY_NAME_LENGTH characters with the extension kept. Never empty: "document".
 */
export function safeDisplayName(filename: string | null | undefined): string {
  let name = String(filename ?? '').normalize('NFC');
  name = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  name = name
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\p{Co}\p{Cn}]/gu, '')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s.]+|[\s.]+$/gu, '');
  const { stem, extension } = splitExtension(name);
  const safeStem = WINDOWS_RESERVED.test(stem) ? `_${stem}` : stem;
  return truncate(safeStem, extension) || 'document';
}

function truncate(stem: string, extension: string) {
  const chars = Array.from(stem);
  const suffix = extension ? `.${extension}` : '';
  const room = MAX_DISPLAY_NAME_LENGTH - Array.from(suffix).length;
  if (chars.length <= room) return stem + suffix;
  if (room < 1) return Array.from(stem + suffix).slice(0, MAX_DISPLAY_NAME_LENGTH).join('').trim();
  return chars.slice(0, room).join('').trimEnd() + suffix;
}

/** "report.final.PDF" -> { stem: "report.final", extension: "PDF" }; an extension is 1-10 letters/digits. */
function splitExtension(name: string) {
  const match = /^(.+)\.([\p{L}\p{N}]{1,10})$/u.exec(name);
  return match ? { stem: match[1], extension: match[2] } : { stem: name, extension: '' };
}

function typeOfExtension(extension: string): UploadFileType | undefined {
  const e = extension.toLowerCase();
  return ALLOWED_UPLOAD_KINDS.find((k) => UPLOAD_FILE_TYPES[k].extensions.includes(e));
}

// ---------------------------------------------------------------------------------------------
// The check

export type UploadCheck =
  | { ok: true; type: UploadFileType; mimeType: string; extension: string; displayName: string }
  | { ok: false; error: UploadErrorKey };

export interface CheckUploadInput {
  sizeBytes: number;
  /** What the content is (`fileTypeReader`, `detectFileType`): null when not a type we accept. */
  type: UploadFileType | null;
  /** As the browser sent it; may be a full path, empty, or anything at all. */
  filename: string | null | undefined;
  maxBytes?: number;
  /**
   * When the content is an allowed type but the name's extension is another allowed type's (a
   * PNG named scan.pdf): 'rename' (default) accepts it and names it for what it is (scan.png);
   * 'reject' answers errors.upload.nameMismatch.
   */
  onNameMismatch?: 'rename' | 'reject';
}

/**
 * Decides whether an upload may be kept. Checks, in order: something was chosen and is not
 * empty; not over maxBytes; the content is an allowed type; the name agrees with the content.
 *
 * The display name always ends with an extension of the detected type, so the file opens in the
 * right program when downloaded: a matching extension is kept as typed (PHOTO.JPEG), another
 * allowed type's extension is replaced (scan.pdf -> scan.png, or rejected with 'reject'), and any
 * other ending is kept and the right extension added (minutes 12.03.2025 -> minutes 12.03.2025.pdf).
 */
export function checkUpload({ sizeBytes, type, filename, maxBytes = MAX_UPLOAD_BYTES, onNameMismatch = 'rename' }: CheckUploadInput): UploadCheck {
  if (sizeBytes === 0) return { ok: false, error: 'errors.upload.empty' };
  if (sizeBytes > maxBytes) return { ok: false, error: 'errors.upload.tooBig' };
  if (!type) return { ok: false, error: 'errors.upload.type' };
  const { mimeType, extension } = UPLOAD_FILE_TYPES[type];

  const cleaned = safeDisplayName(filename);
  const { stem, extension: given } = splitExtension(cleaned);
  const named = given ? typeOfExtension(given) : undefined;
  let displayName: string;
  if (named === type) displayName = cleaned;
  else if (named) {
    if (onNameMismatch === 'reject') return { ok: false, error: 'errors.upload.nameMismatch' };
    displayName = truncate(stem, extension);
  } else displayName = truncate(cleaned, extension);
  return { ok: true, type, mimeType, extension, displayName };
}

/** A file's size as shown to people: whole kilobytes, never 0. */
export function sizeInKb(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1024));
}
