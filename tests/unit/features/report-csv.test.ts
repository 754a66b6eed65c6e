import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '~/features/reporting/csv';

describe('report CSV cells', () => {
  it('neutralise a leading formula character so a spreadsheet never runs it', () => {
    for (const start of ['=', '+', '-', '@']) expect(csvCell(`${start}SUM(A1)`)).toBe(`"'${start}SUM(A1)"`);
    expect(csvCell('North =1')).toBe('"North =1"');
  });
  it('quote text, doubling quotes, and leave numbers as they are', () => {
    expect(csvCell('The "North" team')).toBe('"The ""North"" team"');
    expect(csvCell(62.5)).toBe('62.5');
    expect(csvCell(-3)).toBe('-3');
  });
  it('end every row with CRLF', () => {
    expect(csvText([['a', 1], ['b', 2]])).toBe('"a",1\r\n"b",2\r\n');
  });
});
