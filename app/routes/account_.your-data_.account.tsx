import type { LoaderFunctionArgs } from '@remix-run/node';
import { requirePermission } from '~/auth/access.server';
import { PORTAL } from '~/auth/policy';
import { clientAddress } from '~/client-address.server';
import { auditAccountDownload, buildDataExport, exportArchive, zipDownload } from '~/features/data-rights/index.server';

/** GET /account/your-data/account — the person's own account data, at any time (ADR 0034). Audited. */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'download:own-data', PORTAL);
  const data = await buildDataExport({ user, laId: null });
  await auditAccountDownload(user.id, clientAddress(request));
  return zipDownload(await exportArchive(data, user.locale, { forStaff: false }), `account-data-${data.generatedAt.slice(0, 10)}.zip`);
}
