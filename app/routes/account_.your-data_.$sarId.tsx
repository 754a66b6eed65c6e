import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireSubjectAccessRequest } from '~/auth/access.server';
import { buildDataExport, exportArchive, redactedForRelease, requesterOf, zipDownload } from '~/features/data-rights/index.server';

/**
 * GET /account/your-data/:sarId — the person's copy, once released (ADR 0034): built afresh
 * from the records, with what staff held back replaced. The guard writes the audit entry.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { record } = await requireSubjectAccessRequest(request, params.sarId ?? '', 'download:subject-access');
  const requester = await requesterOf(record);
  const data = redactedForRelease(await buildDataExport({ user: requester, laId: record.laId }), record.redactions, record.releasedRows);
  return zipDownload(await exportArchive(data, requester.locale, { forStaff: false }), `your-data-${data.generatedAt.slice(0, 10)}.zip`);
}
