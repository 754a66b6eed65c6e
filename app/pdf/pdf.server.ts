import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { textRuns, type TextRun } from './text-runs';

/**
 * Documents families keep (a plan version, the request they sent) as tagged PDFs made on the
 * server from the same content as the page: headings, paragraphs and labelled values in a
 * logical structure a screen reader can follow, the document's language and title set. One
 * small vocabulary of blocks keeps every PDF alike.
 *
 * Every portal language has a font with its letters (ADR 0041): DejaVu Sans for Latin (and
 * anything else), Noto Sans Gurmukhi for Punjabi, Noto Nastaliq Urdu for Urdu and Noto Naskh
 * Arabic for Arabic (the @fontsource packages' WOFF files, which fontkit reads and pdfkit
 * embeds as subsets). A line may mix scripts (a child's name in Latin letters in an Urdu
 * heading), so each line is laid out here as runs, each in the font that has its letters, and
 * right-to-left lines are placed from the right margin with their runs in visual order
 * (app/pdf/text-runs.ts).
 */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: readonly { label: string; value: string }[] };

export type PdfMeta = { title: string; lang: string; subject?: string };

const resolve = (path: string) => createRequire(import.meta.url).resolve(path);
const fontFiles = {
  latin: { body: 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf', bold: 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf' },
  gurmukhi: { body: '@fontsource/noto-sans-gurmukhi/files/noto-sans-gurmukhi-gurmukhi-400-normal.woff', bold: '@fontsource/noto-sans-gurmukhi/files/noto-sans-gurmukhi-gurmukhi-700-normal.woff' },
  nastaliq: { body: '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-400-normal.woff', bold: '@fontsource/noto-nastaliq-urdu/files/noto-nastaliq-urdu-arabic-700-normal.woff' },
  naskh: { body: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-400-normal.woff', bold: '@fontsource/noto-naskh-arabic/files/noto-naskh-arabic-arabic-700-normal.woff' },
} as const;
type Family = keyof typeof fontFiles;
type Weight = 'body' | 'bold';

/** Urdu is read in Nastaliq; every other Arabic-script text here is Arabic, in Naskh. */
const arabicFamily = (lang: string): Family => (lang.split('-')[0] === 'ur' ? 'nastaliq' : 'naskh');
const rtlLanguages = new Set(['ur', 'ar']);

/** The fontkit font behind one of the document's registered fonts (pdfkit lays text out with fontkit). */
type FontKitFont = { hasGlyphForCodePoint(codePoint: number): boolean; layout(text: string, features?: Record<string, boolean>): unknown };
function fontkitFont(doc: PDFKit.PDFDocument, family: Family, weight: Weight): FontKitFont {
  const { x, y } = doc;
  const font = (doc.font(`${family}-${weight}`) as unknown as { _font: { font: FontKitFont } })._font.font;
  Object.assign(doc, { x, y });
  return font;
}

/**
 * fontkit 2.0.4 fails on a mark whose anchor for a base is NULL (which the OpenType spec allows:
 * that mark class has no place on that base), as Noto Nastaliq Urdu and Noto Sans Gurmukhi
 * have. Such a mark is left where it is, as HarfBuzz does, instead of the layout throwing:
 * the one change made to fontkit, on its GPOS processor, once.
 */
let anchorsPatched = false;
function tolerateNullAnchors() {
  if (anchorsPatched) return;
  anchorsPatched = true;
  // A document never ended, only to reach pdfkit's fontkit: nothing of it is written.
  const scratch = new PDFDocument({ autoFirstPage: false });
  scratch.registerFont('gurmukhi-body', resolve(fontFiles.gurmukhi.body));
  const probe = fontkitFont(scratch, 'gurmukhi', 'body') as unknown as { layout(text: string): unknown; _layoutEngine?: { engine?: { GPOSProcessor?: object } } };
  probe.layout('\u0A05');
  const processor = probe._layoutEngine?.engine?.GPOSProcessor;
  if (!processor) return;
  const prototype = Object.getPrototypeOf(processor) as { applyAnchor?: (markRecord: { markAnchor: unknown }, baseAnchor: unknown, index: number) => void };
  const applyAnchor = prototype.applyAnchor;
  if (typeof applyAnchor !== 'function') return;
  prototype.applyAnchor = function (markRecord, baseAnchor, index) {
    if (!baseAnchor || !markRecord?.markAnchor) return;
    applyAnchor.call(this, markRecord, baseAnchor, index);
  };
}

/** Should the patch above not take (another fontkit), a run that still fails is laid out without mark positioning. */
function featuresFor(doc: PDFKit.PDFDocument, family: Family, weight: Weight, text: string): Record<string, boolean> {
  if (family === 'latin') return {};
  const fallbacks: Record<string, boolean>[] = [{}, family === 'gurmukhi' ? { abvm: false } : { mark: false }];
  for (const features of fallbacks) {
    try {
      fontkitFont(doc, family, weight).layout(text, { ...features });
      return features;
    } catch {
      // try the next
    }
  }
  return { abvm: false, blwm: false, mark: false, mkmk: false };
}

const ARABIC_DIGITS = /[\u0660-\u0669\u06F0-\u06F9]/;
const HEADING_SIZE = { 1: 20, 2: 15, 3: 12 } as const;
const BODY_SIZE = 11;

type Span = { text: string; weight: Weight };

export function renderPdf(meta: PdfMeta, blocks: readonly PdfBlock[], now = new Date()): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    pdfVersion: '1.7',
    tagged: true,
    lang: meta.lang,
    displayTitle: true,
    info: { Title: meta.title, Subject: meta.subject ?? meta.title, CreationDate: now, ModDate: now },
  });
  for (const family of Object.keys(fontFiles) as Family[]) {
    for (const weight of ['body', 'bold'] as const) doc.registerFont(`${family}-${weight}`, resolve(fontFiles[family][weight]));
  }
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  tolerateNullAnchors();
  const writer = new LineWriter(doc, meta.lang);
  const document = doc.struct('Document');
  doc.addStructure(document);
  for (const block of blocks) document.add(structureOf(doc, writer, block));
  document.end();
  doc.end();
  return done;
}

function structureOf(doc: PDFKit.PDFDocument, writer: LineWriter, block: PdfBlock) {
  switch (block.kind) {
    case 'heading':
      return doc.struct(`H${block.level}`, writer.actualText(block.text), () => {
        doc.moveDown(block.level === 1 ? 0 : 0.8);
        writer.write([{ text: block.text, weight: 'bold' }], HEADING_SIZE[block.level]);
        doc.moveDown(0.3);
      });
    case 'paragraph':
      return doc.struct('P', writer.actualText(block.text), () => {
        writer.write([{ text: block.text, weight: 'body' }], BODY_SIZE);
        doc.moveDown(0.5);
      });
    case 'fields': {
      const list = doc.struct('L');
      for (const row of block.rows) {
        list.add(doc.struct('LI', writer.actualText(`${row.label}: ${row.value}`), () => writer.write([{ text: `${row.label}: `, weight: 'bold' }, { text: row.value, weight: 'body' }], BODY_SIZE)));
      }
      list.add(doc.struct('P', {}, () => void doc.moveDown(0.5)));
      return list;
    }
  }
}

/** A piece of a line in one font and one direction, with its measured width. */
type Piece = { text: string; family: Family; weight: Weight; rtl: boolean; width: number; features: Record<string, boolean> };

/**
 * Lays out a paragraph (spans of body or bold text) in the document's language: splits it into
 * runs by direction and font, breaks it into lines at spaces within the page's width, and draws
 * each line from the left margin (left-to-right languages) or the right margin (Urdu, Arabic),
 * runs in visual order. Runs are drawn in logical order (each at its place), so the text a
 * reader copies or a screen reader reads comes out in reading order.
 */
class LineWriter {
  private readonly rtl: boolean;
  private readonly arabic: Family;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    lang: string,
  ) {
    this.rtl = rtlLanguages.has(lang.split('-')[0]);
    this.arabic = arabicFamily(lang);
  }

  /**
   * Shaped Arabic-script and Gurmukhi text is drawn as glyphs in visual order (a vowel sign
   * before its consonant, words from the right), and a right-to-left line places its runs from
   * the right, which a reader copying the text or a screen reader would otherwise get jumbled:
   * such an element carries its text as written (ActualText).
   */
  actualText(text: string): { actual?: string } {
    return this.rtl || /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\u0A00-\u0A7F\uFB50-\uFDFF\uFE70-\uFEFF]/.test(text) ? { actual: text } : {};
  }

  private familyOf(run: TextRun, codePoint: number, weight: Weight): Family {
    const wanted: Family = run.script === 'arabic' ? this.arabic : run.script === 'gurmukhi' ? 'gurmukhi' : 'latin';
    if (wanted === 'latin' || fontkitFont(this.doc, wanted, weight).hasGlyphForCodePoint(codePoint)) return wanted;
    return 'latin';
  }

  /** Words (with the space after them) as pieces, each split further where the font changes. */
  private words(spans: readonly Span[]): Piece[][] {
    const words: Piece[][] = [];
    let current: Piece[] = [];
    for (const span of spans) {
      for (const run of textRuns(span.text, this.rtl ? 'rtl' : 'ltr')) {
        for (const part of run.text.split(/(?<= )/)) {
          let piece: Piece | undefined;
          for (const char of part) {
            const family = this.familyOf(run, char.codePointAt(0)!, span.weight);
            if (piece && piece.family === family) piece.text += char;
            else {
              piece = { text: char, family, weight: span.weight, rtl: run.rtl, width: 0, features: {} };
              current.push(piece);
            }
          }
          if (part.endsWith(' ')) {
            words.push(current);
            current = [];
          }
        }
      }
    }
    if (current.length) words.push(current);
    return words;
  }

  write(spans: readonly Span[], size: number) {
    const doc = this.doc;
    const left = doc.page.margins.left;
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const words = this.words(spans);
    for (const piece of words.flat()) {
      piece.features = featuresFor(doc, piece.family, piece.weight, piece.text);
      piece.width = doc.font(`${piece.family}-${piece.weight}`).fontSize(size).widthOfString(piece.text, { features: piece.features } as unknown as PDFKit.Mixins.TextOptions);
    }
    const lines: Piece[][] = [];
    let line: Piece[] = [];
    let lineWidth = 0;
    for (const word of words) {
      const wordWidth = word.reduce((sum, piece) => sum + piece.width, 0);
      if (line.length && lineWidth + wordWidth > width) {
        lines.push(line);
        line = [];
        lineWidth = 0;
      }
      line.push(...word);
      lineWidth += wordWidth;
    }
    if (line.length) lines.push(line);
    for (const pieces of lines) this.drawLine(pieces, size, left, width);
  }

  private drawLine(pieces: Piece[], size: number, left: number, width: number) {
    const doc = this.doc;
    const lineHeight = Math.max(...pieces.map((piece) => doc.font(`${piece.family}-${piece.weight}`).fontSize(size).currentLineHeight(true)));
    if (doc.y + lineHeight > doc.page.height - doc.page.margins.bottom) doc.addPage();
    const y = doc.y;
    // Each font puts its baseline at its own ascent below the top of the line (Nastaliq's is
    // far below DejaVu's), so every piece is drawn against the line's lowest one.
    const ascent = (piece: Piece) => (doc.font(`${piece.family}-${piece.weight}`).fontSize(size) as unknown as { _font: { ascender: number } })._font.ascender * (size / 1000);
    const baseline = y + Math.max(...pieces.map(ascent));
    // Visual order: left to right for a left-to-right line; for a right-to-left line the runs
    // read from the right, and a left-to-right run inside it (digits, a name in Latin letters)
    // keeps its own order, so consecutive left-to-right pieces stay together.
    const order = this.rtl ? visualOrder(pieces) : pieces;
    const used = pieces.reduce((sum, piece) => sum + piece.width, 0);
    let x = this.rtl ? left + Math.max(0, width - used) : left;
    const placed = new Map<Piece, number>();
    for (const piece of order) {
      placed.set(piece, x);
      x += piece.width;
    }
    for (const piece of pieces) {
      const top = baseline - ascent(piece);
      // fontkit lays out anything in the Arabic script right to left, Arabic-Indic and Urdu
      // digits too; a number reads left to right, so its digits are handed over reversed.
      const text = !piece.rtl && ARABIC_DIGITS.test(piece.text) ? [...piece.text].reverse().join('') : piece.text;
      doc.text(text, placed.get(piece)!, top, { lineBreak: false, features: piece.features } as unknown as PDFKit.Mixins.TextOptions);
    }
    doc.x = left;
    doc.y = y + lineHeight;
  }
}

/** Pieces of a right-to-left line from left to right: reversed, but left-to-right stretches kept in order. */
function visualOrder(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let i = pieces.length - 1;
  while (i >= 0) {
    if (!pieces[i].rtl) {
      let start = i;
      while (start > 0 && !pieces[start - 1].rtl) start--;
      out.push(...pieces.slice(start, i + 1));
      i = start - 1;
    } else {
      out.push(pieces[i]);
      i--;
    }
  }
  return out;
}
