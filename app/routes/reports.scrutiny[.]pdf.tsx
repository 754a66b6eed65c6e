import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { getFixedT, resolveLocale } from '~/i18n/i18n.server';
import { auditExport, scrutinyPdf, scrutinyReportFor, scrutinyScope } from '~/features/scrutiny/index.server';

/** The scrutiny report for the period and team in the address, as a PDF in the manager's language; audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:scrutiny');
  const scope = await scrutinyScope(manager.laId, new URL(request.url));
  const report = await scrutinyReportFor(manager.laId, scope);
  const locale = resolveLocale(request, manager.locale);
  await auditExport(manager.id, manager.laId, 'pdf', report, clientAddress(request));
  const pdf = await scrutinyPdf(report, getFixedT(locale), locale);
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="scrutiny-${report.period.from}-to-${report.period.to}.pdf"`,
      'Content-Length': String(pdf.length),
      'Cache-Control': 'private, no-store',
    },
  });
}
