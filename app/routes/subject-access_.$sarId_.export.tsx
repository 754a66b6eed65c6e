import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireSubjectAccessRequest } from '~/auth/access.server';
import { buildDataExport, exportArchive, redactedForRelease, requesterOf, zipDownload } from '~/features/data-rights/index.server';

/**
 * GET /subject-access/:sarId/export — the copy for the manager to check before release, with
 * the review list in it; once released, the copy as the person got it. The guard audits it.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, record } = await requireSubjectAccessRequest(request, params.sarId ?? '', 'manage:subject-access');
  const requester = await requesterOf(record);
  const built = await buildDataExport({ user: requester, laId: record.laId });
  const released = record.status === 'released';
  const data = released ? redactedForRelease(built, record.redactions, record.releasedRows) : built;
  return zipDownload(await exportArchive(data, user.locale, { forStaff: !released }), `subject-access-${record.id.slice(0, 8)}.zip`);
}
