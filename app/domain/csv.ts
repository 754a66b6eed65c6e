/**
 * CSV for a scrutiny panel's spreadsheet. Pure. Every text cell is quoted; one starting with
 * = + - @ is neutralised with a leading apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows of cells as a CSV document, CRLF line ends as RFC 4180 asks. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
