/**
 * GOV.UK date inputs post three fields (`<name>-day`, `-month`, `-year`). This joins them into
 * an ISO date, or says which translation key describes the problem.
 */
export type DateParts = { day: string; month: string; year: string };

export function datePartsFrom(values: Record<string, string | undefined>, name: string): DateParts {
  return { day: values[`${name}-day`]?.trim() ?? '', month: values[`${name}-month`]?.trim() ?? '', year: values[`${name}-year`]?.trim() ?? '' };
}

export function isoFromDateParts(parts: DateParts): { ok: true; iso: string } | { ok: false; error: 'errors.date.required' | 'errors.date.incomplete' | 'errors.date.invalid' } {
  const filled = [parts.day, parts.month, parts.year].filter((p) => p !== '').length;
  if (filled === 0) return { ok: false, error: 'errors.date.required' };
  if (filled < 3) return { ok: false, error: 'errors.date.incomplete' };
  if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
    return { ok: false, error: 'errors.date.invalid' };
  }
  const [day, month, year] = [Number(parts.day), Number(parts.month), Number(parts.year)];
  const candidate = new Date(Date.UTC(year, month - 1, day));
  if (candidate.getUTCFullYear() !== year || candidate.getUTCMonth() !== month - 1 || candidate.getUTCDate() !== day) {
    return { ok: false, error: 'errors.date.invalid' };
  }
  return { ok: true, iso: `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}` };
}

export function datePartsFromIso(iso: string): DateParts {
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year };
}
