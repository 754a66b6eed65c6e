import { describe, expect, it } from 'vitest';
import { pageWindow } from '~/domain/paging';

describe('pageWindow', () => {
  it('an empty list is one empty page', () => {
    expect(pageWindow(0, 1, 25)).toEqual({ total: 0, page: 1, pages: 1, offset: 0, first: 0, last: 0 });
  });

  it('counts the rows a full and a part page show', () => {
    expect(pageWindow(60, 1, 25)).toMatchObject({ pages: 3, offset: 0, first: 1, last: 25 });
    expect(pageWindow(60, 3, 25)).toMatchObject({ page: 3, offset: 50, first: 51, last: 60 });
  });

  it('a page past the end shows the last page; nonsense shows the first', () => {
    expect(pageWindow(60, 99, 25)).toMatchObject({ page: 3, first: 51, last: 60 });
    expect(pageWindow(60, 0, 25).page).toBe(1);
    expect(pageWindow(60, Number.NaN, 25).page).toBe(1);
  });

  it('an exact multiple of the size has no empty last page', () => {
    expect(pageWindow(50, 2, 25)).toMatchObject({ pages: 2, first: 26, last: 50 });
  });
});
