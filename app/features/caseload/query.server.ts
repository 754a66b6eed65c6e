import { z } from 'zod';
import { caseStages } from '~/domain/vocabulary';
import { isUuid } from '~/domain/ids';
import { caseloadOnly, caseloadSorts, DEFAULT_QUERY, PAGE_SIZES, type CaseloadQuery } from '~/ui/list-query';

/**
 * The list's address, read leniently: a value that is not one of the choices (an old link, a
 * hand-edited address) is left out, as if not chosen, and never fails the page; only a search
 * too long to be a name, reference or date is an error the page shows by the search box.
 */
const schema = z.object({
  q: z.string().trim().max(100).catch(''),
  stage: z.enum(caseStages).nullable().catch(null),
  team: z.string().refine(isUuid).nullable().catch(null),
  caseworker: z.union([z.literal('unallocated'), z.string().refine(isUuid)]).nullable().catch(null),
  only: z.array(z.string()).transform((values) => caseloadOnly.filter((o) => values.includes(o))),
  sort: z.enum(caseloadSorts).catch(DEFAULT_QUERY.sort),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
  size: z.coerce
    .number()
    .refine((n): n is CaseloadQuery['size'] => (PAGE_SIZES as readonly number[]).includes(n))
    .catch(DEFAULT_QUERY.size) as z.ZodType<CaseloadQuery['size']>,
});

export type ReadQuery = { query: CaseloadQuery; typed: string; searchError: 'errors.caseload.searchTooLong' | null };

export function readCaseloadQuery(url: URL): ReadQuery {
  const params = url.searchParams;
  const raw = {
    q: params.get('q') ?? '',
    stage: params.get('stage') || null,
    team: params.get('team') || null,
    caseworker: params.get('caseworker') || null,
    only: params.getAll('only'),
    sort: params.get('sort') ?? undefined,
    page: params.get('page') ?? undefined,
    size: params.get('size') ?? undefined,
  };
  const query = schema.parse(raw);
  const tooLong = raw.q.trim().length > 100;
  // Kept as typed, to be shown back beside the error.
  return { query: { ...query, q: tooLong ? '' : query.q }, typed: raw.q, searchError: tooLong ? 'errors.caseload.searchTooLong' : null };
}
