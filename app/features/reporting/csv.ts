/**
 * One CSV cell for a scrutiny panel's spreadsheet: numbers as they are; text quoted, with a
 * leading = + - @ neutralised (a ' before it) so a spreadsheet never runs a cell as a formula.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows to CSV text, CRLF line ends as RFC 4180 has them. */
export const csvText = (rows: readonly (readonly (string | number)[])[]) => rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
