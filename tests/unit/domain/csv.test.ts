import { describe, expect, it } from 'vitest';
import { csvCell, csvDocument } from '~/domain/csv';

describe('CSV for spreadsheets', () => {
  it('neutralises a cell a spreadsheet would run as a formula', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe(`"'+1"`);
    expect(csvCell('-2')).toBe(`"'-2"`);
    expect(csvCell('@SUM(A1)')).toBe(`"'@SUM(A1)"`);
    expect(csvCell('2026 Q4')).toBe('"2026 Q4"');
    expect(csvCell(-3)).toBe('-3');
  });

  it('joins rows with CRLF and ends with one', () => {
    expect(csvDocument([['a', 1], ['b', 2.5]])).toBe('"a",1\r\n"b",2.5\r\n');
  });
});
