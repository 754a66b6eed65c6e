import type { LoaderFunctionArgs } from '@remix-run/node';
import { eq } from 'drizzle-orm';
import { assessmentRequests, children, type StoredDocument, type User } from '../../db/schema';
import { requireCaseAccess, requireUser } from '~/auth/access.server';
import { decide, isStaff } from '~/auth/policy';
import { getAdviceRequest } from '~/services/advice.server';
import { getDb } from '~/db.server';
import { recordAudit } from '~/services/audit.server';
import { familySideOf } from '~/services/family.server';
import { todayInLondon } from '~/domain/timescales';
import { getDocument, readDocumentFile } from '~/services/documents.server';

/**
 * GET /documents/:documentId — downloads an uploaded document, after the policy says yes.
 *
 * - A document of a case, or of a submitted request (which is part of its case): whoever may
 *   read the case (requireCaseAccess, audited).
 * - A document of a draft request: whoever the policy lets read the draft (decideDraft): the
 *   person who started it, the child's parents, the young person; LA staff only when a
 *   caseworker recorded the draft. Staff do not see a family's draft until it is submitted.
 * - Anyone else, and any id that does not exist: 404. Signed out: sign in first.
 *
 * Always a download (never shown inline), with the type we detected, not one the browser guesses.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const documentId = params.documentId ?? '';
  const row = await getDocument(documentId);
  if (!row) {
    await auditDocument(request, user, 'document', documentId, 'denied', { reason: 'no such document' });
    throw notFound();
  }
  await authorise(request, user, row);

  const bytes = await readDocumentFile(row);
  // A view on the same memory (no copy); readFile never hands out a SharedArrayBuffer.
  const body = new Uint8Array(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': row.mimeType,
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(row.originalName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // Should a browser ever render it anyway, it runs nothing and loads nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    },
  });
}

async function authorise(request: Request, user: User, row: StoredDocument) {
  if (row.adviceRequestId && row.caseId) {
    // An advice report: staff of the case; the professional who wrote it; the family once the
    // advice is submitted and not held back. Never another professional on the case.
    const { user: reader } = await requireCaseAccess(request, row.caseId, 'read');
    const advice = await getAdviceRequest(row.adviceRequestId);
    const allowed =
      advice !== null &&
      (isStaff(reader) || (reader.role === 'professional' ? advice.professionalId === reader.id : advice.state === 'submitted' && !advice.withheldReason));
    if (!allowed) {
      await auditDocument(request, user, 'case', row.caseId, 'denied', { documentId: row.id, reason: 'advice not released to this reader' });
      throw notFound();
    }
    return;
  }
  if (row.caseId) {
    await requireCaseAccess(request, row.caseId, 'read');
    return;
  }
  const db = await getDb();
  const [draft] = row.requestId
    ? await db
        .select({
          id: assessmentRequests.id,
          status: assessmentRequests.status,
          caseId: assessmentRequests.caseId,
          createdBy: assessmentRequests.createdBy,
          childId: assessmentRequests.childId,
          youngPersonId: children.youngPersonUserId,
          laId: children.laId,
        })
        .from(assessmentRequests)
        .innerJoin(children, eq(children.id, assessmentRequests.childId))
        .where(eq(assessmentRequests.id, row.requestId))
    : [];
  if (!draft) throw notFound();
  if (draft.status !== 'draft') {
    // Submitted: the request and its documents are part of the case.
    if (!draft.caseId) throw notFound();
    await requireCaseAccess(request, draft.caseId, 'read');
    return;
  }
  // A draft: the one policy decides (decideDraft: its creator, the child's family side as it
  // stands today, advisers with the family's consent; LA staff only for a draft a caseworker recorded).
  const [child] = await db.select().from(children).where(eq(children.id, draft.childId));
  const { control: _control, ...family } = await familySideOf(child, todayInLondon(), db);
  const decision = decide(user, 'read', { ...family, type: 'draft_request', laId: draft.laId, createdBy: draft.createdBy });
  const allowed = decision === 'allow';
  await auditDocument(request, user, 'assessment_request', draft.id, allowed ? 'allowed' : 'denied', { documentId: row.id });
  if (!allowed) throw notFound();
}

function auditDocument(request: Request, user: User, subjectType: string, subjectId: string, outcome: 'allowed' | 'denied', details: Record<string, unknown>) {
  return recordAudit({
    userId: user.id,
    action: 'read:document',
    subjectType,
    subjectId: subjectId.slice(0, 64),
    outcome,
    details: { path: new URL(request.url).pathname, method: request.method, ...details },
  });
}

function notFound() {
  return new Response('Not Found', { status: 404 });
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
