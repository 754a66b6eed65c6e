import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireCaseAccess } from '~/auth/access.server';
import { personName } from '~/domain/names';
import { caseSummary } from '~/features/case-progress/index.server';
import { planVersion, planVersionPdf } from '~/features/plan/index.server';
import { resolveLocale } from '~/i18n/i18n.server';

/** One issued version of the plan as a PDF, for whoever may read the plan; in the reader's language. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, caseRecord } = await requireCaseAccess(request, params.caseId ?? '', 'read:plan');
  const number = /^[1-9]\d{0,8}$/.test(params.number ?? '') ? Number(params.number) : null;
  const version = number === null ? null : await planVersion(caseRecord.id, number, false);
  const summary = await caseSummary(caseRecord.id);
  if (!version || !summary) throw new Response('Not Found', { status: 404 });
  const pdf = await planVersionPdf(version, personName(summary.child), resolveLocale(request, user.locale));
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      // A name without the child's: the file may be forwarded or saved to a shared computer.
      'Content-Disposition': `attachment; filename="ehc-plan-version-${version.number}.pdf"`,
      'Content-Length': String(pdf.length),
    },
  });
}
