import type { LoaderFunctionArgs } from '@remix-run/node';
import { requireLaPermission } from '~/auth/access.server';
import { clientAddress } from '~/client-address.server';
import { chosenCensusDate, sen2File } from '~/features/sen2/index.server';

/** The council's SEN2 return as CSV for the census date asked for; every download audited (ADR 0053). */
export async function loader({ request }: LoaderFunctionArgs) {
  const manager = await requireLaPermission(request, 'read:sen2-return');
  const { censusDate, error } = chosenCensusDate(new URL(request.url));
  // A file is never made for a date the page would refuse: the page says what is wrong.
  if (error) return new Response(null, { status: 303, headers: { Location: `/reports/sen2?census=${encodeURIComponent(new URL(request.url).searchParams.get('census') ?? '')}` } });
  const file = await sen2File(manager, censusDate, 'csv', clientAddress(request));
  return new Response(file.body, {
    headers: {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
