import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireCaseAccess } from '~/auth/access.server';
import { personName } from '~/domain/names';
import { caseSummary } from '~/features/case-progress/index.server';
import { sentRequestOfCase, sentRequestPdf } from '~/features/requests/index.server';
import { resolveLocale } from '~/i18n/i18n.server';

/** The request as sent, as a PDF, for whoever may read it; the fixed wording in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:request');
  const [sent, summary] = await Promise.all([sentRequestOfCase(caseRecord.id), caseSummary(caseRecord.id)]);
  if (!sent || !summary) throw new Response('Not Found', { status: 404 });
  const pdf = await sentRequestPdf(sent, personName(summary.child), resolveLocale(request, user.locale));
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      // No name in the file name: it may be forwarded or saved to a shared computer.
      'Content-Disposition': 'attachment; filename="request-for-assessment.pdf"',
      'Content-Length': String(pdf.length),
    },
  });
}
