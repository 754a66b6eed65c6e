import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALLOWED_UPLOAD_KINDS,
  checkUpload,
  detectFileType,
  fileTypeReader,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_UPLOAD_BYTES,
  safeDisplayName,
  UPLOAD_ACCEPT,
  UPLOAD_FILE_TYPES,
} from '~/domain/file-types';
import { zip } from '../../support/zip';

// ---------------------------------------------------------------------------------------------
// Fixtures: real, minimal files built byte by byte.

const bytes = (...parts: (string | number[] | Uint8Array)[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const PDF = bytes('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
/** A complete 1x1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
/** A JPEG's start: SOI and a JFIF APP0 segment. */
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0], [0xff, 0xd9]);
/** An iPhone photo's start: an ftyp box, major brand heic. */
const HEIC = bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0], 'mif1heic');
const EXE = bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], Buffer.alloc(50), 'This program cannot be run in DOS mode.');

/** An OLE2 compound file: the header sector, then a directory sector naming `stream`. */
function ole2(stream: string) {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header);
  const directory = Buffer.alloc(512);
  directory.write('Root Entry', 0, 'utf16le');
  directory.write(stream, 128, 'utf16le');
  return Buffer.concat([header, Buffer.alloc(512), directory]);
}


const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const DOCX = zip([
  { name: '[Content_Types].xml', data: CONTENT_TYPES },
  { name: '_rels/.rels', data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>' },
  { name: 'word/document.xml', data: '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>' },
]);

/** What checkUpload is told about a file: its size and what its content is. */
const content = (file: Uint8Array) => ({ sizeBytes: file.byteLength, type: detectFileType(file) });

/** The type read by a fileTypeReader handed `file` cut at `cuts` (offsets, in any order). */
function readInChunks(file: Uint8Array, cuts: number[]) {
  const reader = fileTypeReader();
  const ends = [...new Set(cuts.map((c) => Math.min(c, file.length)))].sort((a, b) => a - b);
  let at = 0;
  for (const end of [...ends, file.length]) {
    // A fresh copy each time, overwritten once pushed: the reader must not keep the caller's chunk.
    const chunk = new Uint8Array(file.subarray(at, end));
    reader.push(chunk);
    chunk.fill(0);
    at = end;
  }
  return reader.result();
}

// ---------------------------------------------------------------------------------------------

describe('detectFileType: by content, never by name', () => {
  it.each([
    ['a PDF', PDF, 'pdf'],
    ['a PNG', PNG, 'png'],
    ['a JPEG', JPEG, 'jpeg'],
    ['a HEIC photo', HEIC, 'heic'],
    ['a HEIF image (mif1)', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0], 'mif1heic'), 'heic'],
    ['a HEIC image sequence (heix)', bytes([0, 0, 0, 0x18], 'ftypheix', [0, 0, 0, 0], 'mif1heix'), 'heic'],
    ['a Word 97-2003 document', ole2('WordDocument'), 'doc'],
    ['a Word document (DOCX)', DOCX, 'docx'],
  ] as const)('%s', (_, file, type) => {
    expect(detectFileType(file)).toBe(type);
  });

  it('finds a DOCX whose sizes follow the data (streaming writers)', () => {
    expect(detectFileType(zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: '<w/>' }], { dataDescriptor: true }))).toBe('docx');
  });

  it('finds a DOCX whose word/ part comes after a large first part (through the central directory)', () => {
    const file = zip([
      { name: '[Content_Types].xml', data: CONTENT_TYPES },
      { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(200 * 1024, 0x41) },
      { name: 'word/document.xml', data: '<w/>' },
    ]);
    expect(detectFileType(file)).toBe('docx');
  });

  it.each([
    ['an .exe (MZ)', EXE],
    ['an arbitrary ZIP', zip([{ name: 'hello.txt', data: 'hello' }])],
    ['a ZIP with a word/ folder but no [Content_Types].xml', zip([{ name: 'word/document.xml', data: '<w/>' }])],
    ['an Excel workbook (XLSX)', zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '<x/>' }])],
    ['an OLE2 file that is not Word (.xls, .msi)', ole2('Workbook')],
    ['a truncated ZIP header', bytes('PK', [3, 4, 0])],
    ['HTML', bytes('<!doctype html><script>alert(1)</script>')],
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['plain text that mentions %PDF- later', bytes('hello %PDF-1.4')],
    ['a GIF', bytes('GIF89a', [1, 0, 1, 0])],
    ['an MP4 video (ftyp isom)', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 2, 0])],
    ['two bytes', bytes([0xff, 0xd8])],
    ['nothing', new Uint8Array(0)],
  ])('refuses %s', (_, file) => {
    expect(detectFileType(file)).toBeNull();
  });

  it('never throws, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.constantFrom([], [0x50, 0x4b, 0x03, 0x04], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), (tail, head) => {
        const result = detectFileType(new Uint8Array([...head, ...tail]));
        expect(result === null || ALLOWED_UPLOAD_KINDS.includes(result)).toBe(true);
      }),
    );
  });
});

describe('fileTypeReader: the same answer from a file streamed in chunks of any size', () => {
  const ole2Far = Buffer.concat([ole2('Workbook'), Buffer.alloc(100 * 1024), ole2('WordDocument').subarray(1024)]);
  const fixtures = [
    PDF,
    PNG,
    JPEG,
    HEIC,
    EXE,
    ole2('WordDocument'),
    ole2('Workbook'),
    ole2Far,
    DOCX,
    zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'xl/workbook.xml', data: '<x/>' }]),
    zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'word/document.xml', data: '<w/>' }], { dataDescriptor: true }),
    zip([{ name: '[Content_Types].xml', data: CONTENT_TYPES }, { name: 'docProps/thumbnail.jpeg', data: Buffer.alloc(200 * 1024, 0x41) }, { name: 'word/document.xml', data: '<w/>' }]),
  ];

  it('finds a WordDocument entry far into an OLE2 file, and a word/ part after a large first part', () => {
    expect(detectFileType(ole2Far)).toBe('doc');
    expect(readInChunks(ole2Far, Array.from({ length: 200 }, (_, i) => i * 523))).toBe('doc');
    expect(readInChunks(fixtures[11], Array.from({ length: 300 }, (_, i) => 100 + i * 701))).toBe('docx');
  });

  it('whatever the cuts, including one byte at a time and cuts through every signature', () => {
    for (const file of fixtures) expect(readInChunks(file, Array.from({ length: Math.min(file.length, 2000) }, (_, i) => i))).toBe(detectFileType(file));
    fc.assert(
      fc.property(fc.constantFrom(...fixtures), fc.array(fc.nat(), { maxLength: 20 }), (file, cuts) => {
        expect(readInChunks(file, cuts.map((c) => c % (file.length + 1)))).toBe(detectFileType(file));
      }),
    );
  });
});

describe('checkUpload', () => {
  it('accepts each allowed type with its MIME type and stored extension', () => {
    const cases = [
      [PDF, 'EP report.pdf', 'pdf', 'application/pdf', 'pdf', 'EP report.pdf'],
      [PNG, 'drawing.png', 'png', 'image/png', 'png', 'drawing.png'],
      [JPEG, 'PHOTO.JPEG', 'jpeg', 'image/jpeg', 'jpg', 'PHOTO.JPEG'],
      [HEIC, 'IMG_0001.HEIC', 'heic', 'image/heic', 'heic', 'IMG_0001.HEIC'],
      [ole2('WordDocument'), 'letter.doc', 'doc', 'application/msword', 'doc', 'letter.doc'],
      [DOCX, 'views.docx', 'docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx', 'views.docx'],
    ] as const;
    for (const [file, filename, type, mimeType, extension, displayName] of cases) {
      expect(checkUpload({ ...content(file), filename, maxBytes: MAX_UPLOAD_BYTES })).toEqual({ ok: true, type, mimeType, extension, displayName });
    }
  });

  it('an empty file, or no file chosen, is errors.upload.empty', () => {
    expect(checkUpload({ ...content(new Uint8Array(0)), filename: 'report.pdf' })).toEqual({ ok: false, error: 'errors.upload.empty' });
    // What a browser sends when nothing was chosen: an empty part with an empty name.
    expect(checkUpload({ ...content(new Uint8Array(0)), filename: '' })).toEqual({ ok: false, error: 'errors.upload.empty' });
  });

  it('over maxBytes is errors.upload.tooBig; exactly maxBytes is fine', () => {
    expect(checkUpload({ ...content(PDF), filename: 'a.pdf', maxBytes: PDF.length - 1 })).toEqual({ ok: false, error: 'errors.upload.tooBig' });
    expect(checkUpload({ ...content(PDF), filename: 'a.pdf', maxBytes: PDF.length }).ok).toBe(true);
  });

  it('a 30 MB PDF is over the 20 MB limit (checked before its content is read)', () => {
    expect(MAX_UPLOAD_BYTES).toBe(20 * 1024 * 1024);
    const big = Buffer.alloc(30 * 1024 * 1024);
    PDF.copy(big);
    expect(checkUpload({ ...content(big), filename: 'scan.pdf' })).toEqual({ ok: false, error: 'errors.upload.tooBig' });
    expect(checkUpload({ ...content(big.subarray(0, MAX_UPLOAD_BYTES)), filename: 'scan.pdf' }).ok).toBe(true);
  });

  it('an .exe renamed .pdf is errors.upload.type', () => {
    expect(checkUpload({ ...content(EXE), filename: 'report.pdf' })).toEqual({ ok: false, error: 'errors.upload.type' });
    expect(checkUpload({ ...content(zip([{ name: 'a.txt', data: 'a' }])), filename: 'report.docx' })).toEqual({ ok: false, error: 'errors.upload.type' });
  });

  it('a PNG named .pdf is kept as what it is (scan.png) by default, or refused with errors.upload.nameMismatch', () => {
    expect(checkUpload({ ...content(PNG), filename: 'scan.pdf' })).toMatchObject({ ok: true, type: 'png', mimeType: 'image/png', extension: 'png', displayName: 'scan.png' });
    expect(checkUpload({ ...content(PNG), filename: 'scan.pdf', onNameMismatch: 'reject' })).toEqual({ ok: false, error: 'errors.upload.nameMismatch' });
    // Any spelling of the right type is not a mismatch.
    expect(checkUpload({ ...content(JPEG), filename: 'photo.jpg', onNameMismatch: 'reject' })).toMatchObject({ ok: true, displayName: 'photo.jpg' });
  });

  it('a name without an allowed extension gets the detected one added, so the download opens correctly', () => {
    expect(checkUpload({ ...content(PDF), filename: 'minutes 12.03.2025' })).toMatchObject({ ok: true, displayName: 'minutes 12.03.2025.pdf' });
    expect(checkUpload({ ...content(PDF), filename: 'notes.html', onNameMismatch: 'reject' })).toMatchObject({ ok: true, displayName: 'notes.html.pdf' });
    expect(checkUpload({ ...content(PDF), filename: '' })).toMatchObject({ ok: true, displayName: 'document.pdf' });
    expect(checkUpload({ ...content(PDF), filename: null })).toMatchObject({ ok: true, displayName: 'document.pdf' });
  });

  it('the display name is always safe, even when a path or a very long name is sent', () => {
    const result = checkUpload({ ...content(PDF), filename: `C:\\fakepath\\${'a'.repeat(300)}.pdf` });
    expect(result.ok && result.displayName).toBe(`${'a'.repeat(MAX_DISPLAY_NAME_LENGTH - 4)}.pdf`);
    expect(checkUpload({ ...content(PDF), filename: '../../../etc/passwd' })).toMatchObject({ ok: true, displayName: 'passwd.pdf' });
  });

  it('UPLOAD_ACCEPT lists every allowed extension and MIME type', () => {
    for (const kind of ALLOWED_UPLOAD_KINDS) {
      expect(UPLOAD_ACCEPT.split(',')).toContain(`.${UPLOAD_FILE_TYPES[kind].extension}`);
      expect(UPLOAD_ACCEPT.split(',')).toContain(UPLOAD_FILE_TYPES[kind].mimeType);
    }
  });
});

describe('safeDisplayName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['..\\..\\windows\\system32\\evil.pdf', 'evil.pdf'],
    ['C:\\Users\\Sarah\\Documents\\EP report.pdf', 'EP report.pdf'],
    ['/home/sarah/report.pdf', 'report.pdf'],
    ['report\u0000.pdf', 'report.pdf'],
    ['line\r\nbreak.pdf', 'linebreak.pdf'],
    // Right-to-left override: would display as "invoicefdp.exe" reversed to look like a PDF.
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['zero\u200Bwidth.pdf', 'zerowidth.pdf'],
    ['a<b>c:d"e|f?g*h.pdf', 'a_b_c_d_e_f_g_h.pdf'],
    ['   spaced    out   .pdf  ', 'spaced out .pdf'],
    ['.htaccess', 'htaccess'],
    ['..', 'document'],
    ['', 'document'],
    ['\u0000\u0001', 'document'],
    ['CON.pdf', '_CON.pdf'],
    ['Opinia psychologa – Zażółć.pdf', 'Opinia psychologa – Zażółć.pdf'],
    // Decomposed accents (as macOS sends them) are composed.
    ['Zaz\u0307o\u0301\u0142c\u0301.pdf', 'Za\u017c\u00f3\u0142\u0107.pdf'],
  ])('%j -> %j', (input, expected) => {
    expect(safeDisplayName(input)).toBe(expected);
  });

  it('keeps the extension when it shortens a long name, and never splits an emoji', () => {
    const name = safeDisplayName(`${'😀'.repeat(150)}.docx`);
    expect(Array.from(name)).toHaveLength(MAX_DISPLAY_NAME_LENGTH);
    expect(name.endsWith('😀.docx')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
  });

  it('whatever it is given: no folders, no control characters, not empty, not too long', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (input) => {
        const name = safeDisplayName(input);
        return (
          name.length > 0 &&
          Array.from(name).length <= MAX_DISPLAY_NAME_LENGTH &&
          !/[/\\<>:"|?*\p{Cc}\p{Cf}]/u.test(name) &&
          !name.startsWith('.') &&
          name === name.trim()
        );
      }),
    );
  });
});
