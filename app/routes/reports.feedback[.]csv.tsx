import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { csvDocument } from '~/domain/csv';
import { recentQuarters, satisfactionScores } from '~/domain/feedback';
import { todayInLondon } from '~/domain/timescales';
import { satisfactionKeys, stepKeys } from '~/features/feedback';
import { auditFeedbackExport, feedbackResults, REPORT_QUARTERS } from '~/features/feedback/index.server';
import { getFixedT, resolveLocale } from '~/i18n/i18n.server';

/** The family feedback results as CSV, one row per step and quarter; every download is audited. No comments: they stay on the page. */
export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:feedback');
  const today = todayInLondon();
  const quarters = recentQuarters(today, REPORT_QUARTERS);
  const results = await feedbackResults(manager.laId, quarters);
  await auditFeedbackExport(manager, quarters, clientAddress(request));
  const t = getFixedT(resolveLocale(request, manager.locale));
  const rows: (string | number)[][] = [
    [t('feedbackReport.step'), t('feedbackReport.quarter'), t('feedbackReport.offers'), t('feedbackReport.responses'), t('feedbackReport.rate'), t('feedbackReport.satisfied'), ...satisfactionScores.map((s) => t(satisfactionKeys[s]))],
  ];
  for (const r of results) {
    rows.push([t(stepKeys[r.step]), r.quarter === 'all' ? t('feedbackReport.allQuarters') : r.quarter, r.offers ?? '', r.responses, r.responseRate ?? '', r.percentSatisfied ?? '', ...satisfactionScores.map((s) => r.distribution[s])]);
  }
  return new Response(csvDocument(rows), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="family-feedback-${today}.csv"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
