import { describe, expect, it } from 'vitest';
import { parseUkDate } from '~/domain/uk-date';

describe('reading a date typed into a search box, day first', () => {
  it.each([
    ['3/4/2019', '2019-04-03'],
    ['03/04/2019', '2019-04-03'],
    ['3-4-2019', '2019-04-03'],
    ['3.4.2019', '2019-04-03'],
    ['3 April 2019', '2019-04-03'],
    ['3 april 2019', '2019-04-03'],
    ['3rd Apr 2019', '2019-04-03'],
    ['  3   Sept 2019 ', '2019-09-03'],
    ['29 February 2020', '2020-02-29'],
    ['3 kwietnia 2019', '2019-04-03'],
    ['12 października 2015', '2015-10-12'],
    ['12 pazdziernika 2015', '2015-10-12'],
    ['2019-04-03', '2019-04-03'],
    ['31/12/2016', '2016-12-31'],
  ])('%s is %s', (typed, iso) => {
    expect(parseUkDate(typed)).toBe(iso);
  });

  it.each(['', 'Sam', 'NFB-2026-0001', '31/2/2019', '29 February 2019', '3/4/19', '13/13/2019', '3 Smarch 2019', '2019', '3/4', '0/4/2019'])('%j is no date', (typed) => {
    expect(parseUkDate(typed)).toBeNull();
  });
});
