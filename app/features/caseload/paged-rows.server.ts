import { sql } from 'drizzle-orm';
import { pageWindow, type PageWindow } from '~/domain/paging';

/** Spread into a list's select: every row carries how many rows match in all. */
export const totalRows = { totalRows: sql<number>`count(*) over ()`.mapWith(Number) };

/**
 * One page of a list with how many rows match in all, in one statement (issue 17: at most 6 a
 * page): `read(offset)` selects the page with `totalRows`. Only a page past the end (an old link,
 * a list that has shrunk) finds no rows, and costs a count and a read of the last page, which is
 * what it shows (app/domain/paging.ts).
 */
export async function pagedRows<Row extends { totalRows: number }>(
  requested: number,
  size: number,
  read: (offset: number) => Promise<Row[]>,
  countAll: () => Promise<number>,
): Promise<Omit<PageWindow, 'offset'> & { rows: Omit<Row, 'totalRows'>[] }> {
  const asked = pageWindow(Number.MAX_SAFE_INTEGER, requested, size);
  let rows = await read(asked.offset);
  let total = rows[0]?.totalRows ?? 0;
  if (rows.length === 0 && asked.page > 1) {
    total = await countAll();
    if (total > 0) rows = await read(pageWindow(total, requested, size).offset);
  }
  const { offset: _offset, ...window } = pageWindow(total, requested, size);
  return { ...window, rows: rows.map(({ totalRows: _total, ...row }) => row) };
}
