import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { getFixedT, resolveLocale } from '~/i18n/i18n.server';
import { auditExport, scrutinyCsv, scrutinyReportFor, scrutinyScope } from '~/features/scrutiny/index.server';

/** The scrutiny figures for the period and team in the address as CSV (formulas neutralised); audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:scrutiny');
  const scope = await scrutinyScope(manager.laId, new URL(request.url));
  const report = await scrutinyReportFor(manager.laId, scope);
  await auditExport(manager.id, manager.laId, 'csv', report, clientAddress(request));
  return new Response(scrutinyCsv(report, getFixedT(resolveLocale(request, manager.locale))), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="scrutiny-${report.period.from}-to-${report.period.to}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
