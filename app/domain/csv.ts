/**
 * CSV for spreadsheets, the one way the portal writes it (the timeliness figures, the SEN2
 * return). Pure.
 */

/**
 * Quotes every text cell; a leading = + - @ (or a tab or carriage return, which some spreadsheets
 * skip before one) is neutralised with an apostrophe so a spreadsheet never runs it as a formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replaceAll('"', '""')}"`;
}

/** Rows as a CSV document: CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function csvDocument(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return rows.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
