import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';

/**
 * Documents families keep (a plan version, the request they sent) as tagged PDFs made on the
 * server from the same content as the page: headings, paragraphs and labelled values in a
 * logical structure a screen reader can follow, the document's language and title set, and a
 * font that has every letter of the portal's languages (DejaVu Sans, shipped as an npm package
 * so nothing is installed on the machine). One small vocabulary of blocks keeps every PDF alike.
 */
export type PdfBlock =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'fields'; rows: readonly { label: string; value: string }[] };

export type PdfMeta = { title: string; lang: string; subject?: string };

const fontFile = (name: string) => createRequire(import.meta.url).resolve(`dejavu-fonts-ttf/ttf/${name}`);
const HEADING_SIZE = { 1: 20, 2: 15, 3: 12 } as const;
const BODY_SIZE = 11;

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
  doc.registerFont('body', fontFile('DejaVuSans.ttf'));
  doc.registerFont('bold', fontFile('DejaVuSans-Bold.ttf'));
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const document = doc.struct('Document');
  doc.addStructure(document);
  for (const block of blocks) document.add(structureOf(doc, block));
  document.end();
  doc.end();
  return done;
}

function structureOf(doc: PDFKit.PDFDocument, block: PdfBlock) {
  switch (block.kind) {
    case 'heading':
      return doc.struct(`H${block.level}`, {}, () => {
        doc.moveDown(block.level === 1 ? 0 : 0.8);
        doc.font('bold').fontSize(HEADING_SIZE[block.level]).text(block.text);
        doc.moveDown(0.3);
      });
    case 'paragraph':
      return doc.struct('P', {}, () => {
        doc.font('body').fontSize(BODY_SIZE).text(block.text);
        doc.moveDown(0.5);
      });
    case 'fields': {
      const list = doc.struct('L');
      for (const row of block.rows) {
        list.add(
          doc.struct('LI', {}, () => {
            doc.font('bold').fontSize(BODY_SIZE).text(`${row.label}: `, { continued: true });
            doc.font('body').text(row.value);
          }),
        );
      }
      list.add(doc.struct('P', {}, () => void doc.moveDown(0.5)));
      return list;
    }
  }
}
