/**
 * Which slice of a long list a page shows. A page past the end (an old link, a list that has
 * shrunk) shows the last page rather than nothing; an empty list is one empty page.
 */
export type PageWindow = {
  total: number;
  page: number;
  pages: number;
  /** Rows to skip before this page (SQL OFFSET). */
  offset: number;
  /** The positions of the first and last rows shown, counting from 1; both 0 for an empty list. */
  first: number;
  last: number;
};

export function pageWindow(total: number, requested: number, size: number): PageWindow {
  const pages = Math.max(1, Math.ceil(total / size));
  const page = Math.min(Math.max(1, Math.floor(requested) || 1), pages);
  const offset = (page - 1) * size;
  return { total, page, pages, offset, first: total === 0 ? 0 : offset + 1, last: Math.min(total, offset + size) };
}
