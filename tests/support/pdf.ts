import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * What a PDF says and how it is built, read with pdf.js as a reader would: its text (whitespace
 * collapsed), the roles of its structure tree (tagged PDF), title, language and page count, and
 * `spoken`: each structure element's role with the text it gives a screen reader (its ActualText,
 * set where shaped Arabic-script or Gurmukhi glyphs would not extract in reading order).
 */
export async function readPdf(pdf: Uint8Array) {
  const catalog = Buffer.from(pdf).toString('latin1');
  // pdf.js takes the bytes it is given (their buffer is detached), so it reads a copy.
  const document = await getDocument({ data: pdf.slice(), disableFontFace: true, useSystemFonts: false }).promise;
  let text = '';
  const roles: string[] = [];
  const spoken: { role: string; text: string }[] = [];
  type Node = { role?: string; alt?: string; children?: unknown[] };
  const walk = (node: Node) => {
    if (node.role) roles.push(node.role);
    if (node.role && node.alt) spoken.push({ role: node.role, text: node.alt });
    for (const child of node.children ?? []) walk(child as Node);
  };
  for (let number = 1; number <= document.numPages; number++) {
    const page = await document.getPage(number);
    text += (await page.getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' ') + '\n';
    walk((await page.getStructTree()) as Node);
  }
  const { info } = (await document.getMetadata()) as { info: { Title?: string } };
  return { text: text.replace(/\s+/g, ' '), roles, spoken, title: info.Title ?? '', pages: document.numPages, lang: /\/Lang \(([^)]*)\)/.exec(catalog)?.[1] };
}
