import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireDocumentAccess } from '~/auth/access.server';
import { readDocumentFile } from '~/features/documents/index.server';

/**
 * GET /documents/:documentId — downloads an uploaded document, after the policy says yes.
 *
 * One rule decides (app/auth/policy.ts, DocumentSubject): whoever may read what the document
 * belongs to on its page may download it — a request's documents with the request, a message's
 * attachment with the thread, a report with its advice, the plan with the plan page, a picture
 * with the family's views. Anyone else, and any id that is not a document, gets a 404; every
 * attempt is audited. Signed out: sign in first.
 *
 * Always a download (never shown inline), with the type we detected, not one the browser guesses.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { document } = await requireDocumentAccess(request, params.documentId ?? '');
  const bytes = await readDocumentFile(document);
  // A view on the same memory (no copy); readFile never hands out a SharedArrayBuffer.
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': document.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(document.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // Should a browser ever render it anyway, it runs nothing and loads nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded name>` (RFC 6266,
 * RFC 8187). Browsers use filename*; the fallback has no quotes, backslashes or non-ASCII.
 */
export function contentDisposition(name: string) {
  const fallback =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\%]/g, '_')
      .trim() || 'document';
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
