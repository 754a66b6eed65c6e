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

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const HEIC_BRANDS = ['heic', 'heix', 'mif1'];
/** How far into a ZIP we look for local file headers before falling back to the central directory. */
const ZIP_SCAN_WINDOW = 64 * 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0) {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

function ascii(bytes: Uint8Array, start: number, end: number) {
  let s = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) s += String.fromCharCode(bytes[i]);
  return s;
}

const u16 = (b: Uint8Array, i: number) => b[i] | (b[i + 1] << 8);
const u32 = (b: Uint8Array, i: number) => (b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0;

function indexOf(bytes: Uint8Array, needle: readonly number[], from = 0, to = bytes.length) {
  const first = needle[0];
  const last = Math.min(to, bytes.length) - needle.length;
  for (let i = bytes.indexOf(first, from); i !== -1 && i <= last; i = bytes.indexOf(first, i + 1)) {
    if (startsWith(bytes, needle, i)) return i;
  }
  return -1;
}

/**
 * Entry names of a ZIP: from the local file headers in the first 64 KB (Word writes
 * [Content_Types].xml first and word/ soon after), and, when that is not conclusive, from the
 * central directory at the end, which lists every entry. Searching for header signatures (rather
 * than walking entry by entry) copes with entries whose sizes are only given after their data.
 */
function zipEntryNames(bytes: Uint8Array): { early: string[]; all: () => string[] } {
  const early: string[] = [];
  const LOCAL = [0x50, 0x4b, 0x03, 0x04];
  for (let at = 0; (at = indexOf(bytes, LOCAL, at, ZIP_SCAN_WINDOW)) !== -1; at += 4) {
    if (at + 30 > bytes.length) break;
    const nameLength = u16(bytes, at + 26);
    if (nameLength === 0 || at + 30 + nameLength > bytes.length) continue;
    early.push(ascii(bytes, at + 30, at + 30 + nameLength));
  }
  return { early, all: () => [...early, ...centralDirectoryNames(bytes)] };
}

function centralDirectoryNames(bytes: Uint8Array): string[] {
  // End of central directory: 22 bytes + a comment of up to 64 KB, at the end of the file.
  const END = [0x50, 0x4b, 0x05, 0x06];
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (startsWith(bytes, END, i)) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return [];
  const entries = u16(bytes, eocd + 10);
  let at = u32(bytes, eocd + 16);
  const names: string[] = [];
  const CENTRAL = [0x50, 0x4b, 0x01, 0x02];
  for (let n = 0; n < entries && at + 46 <= bytes.length && startsWith(bytes, CENTRAL, at); n++) {
    const nameLength = u16(bytes, at + 28);
    names.push(ascii(bytes, at + 46, at + 46 + nameLength));
    at += 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
  }
  return names;
}

function isWordprocessingZip(bytes: Uint8Array) {
  const looksLikeWord = (names: string[]) =>
    names.some((n) => n.toLowerCase() === '[content_types].xml') && names.some((n) => n.toLowerCase().startsWith('word/'));
  const names = zipEntryNames(bytes);
  return looksLikeWord(names.early) || looksLikeWord(names.all());
}

/** "WordDocument" as an OLE2 directory entry name (UTF-16LE): what makes an OLE2 file a Word .doc. */
const WORD_DOCUMENT_STREAM = Array.from('WordDocument').flatMap((c) => [c.charCodeAt(0), 0]);

/**
 * The file's type from its first bytes, or null when it is not one we accept.
 *
 * - PDF: `%PDF-` at the very start.
 * - DOCX: a ZIP whose entries include `[Content_Types].xml` and a `word/` part (so an arbitrary
 *   ZIP, or an Excel/PowerPoint file, is not a DOCX).
 * - DOC: an OLE2 compound file holding a `WordDocument` stream (so an .xls, .msg or .msi, which
 *   are OLE2 too, is not a DOC).
 * - JPEG `FF D8 FF`; PNG its 8-byte signature; HEIC an ISO-BMFF `ftyp` box of brand heic, heix
 *   or mif1 at offset 4.
 */
export function detectFileType(bytes: Uint8Array): UploadFileType | null {
  if (bytes.length < 3) return null;
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, PNG_SIGNATURE)) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (ascii(bytes, 4, 8) === 'ftyp' && HEIC_BRANDS.includes(ascii(bytes, 8, 12))) return 'heic';
  if (startsWith(bytes, OLE2_SIGNATURE)) return indexOf(bytes, WORD_DOCUMENT_STREAM, 512) !== -1 ? 'doc' : null;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return isWordprocessingZip(bytes) ? 'docx' : null;
  return null;
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
  bytes: Uint8Array;
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
export function checkUpload({ bytes, filename, maxBytes = MAX_UPLOAD_BYTES, onNameMismatch = 'rename' }: CheckUploadInput): UploadCheck {
  if (!bytes || bytes.byteLength === 0) return { ok: false, error: 'errors.upload.empty' };
  if (bytes.byteLength > maxBytes) return { ok: false, error: 'errors.upload.tooBig' };
  const type = detectFileType(bytes);
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
