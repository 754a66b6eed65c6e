/**
 * The identifiers a school, college or early-years setting is known by (issue 14). Pure.
 *
 * - URN (unique reference number, Get Information about Schools): 6 digits; an early-years
 *   provider registered with Ofsted has "EY" and 6 digits (EY411001).
 * - UKPRN (UK Register of Learning Providers): 8 digits, starting with 1 (colleges and other
 *   post-16 providers).
 *
 * A setting needs at least one of them. Each check answers with the translation key of what is
 * wrong, or null.
 */

/** As typed, without spaces, letters upper-cased ("ey 411001" is EY411001). */
export function normaliseIdentifier(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export function urnProblem(urn: string): string | null {
  if (urn === '') return null;
  return /^(EY)?\d{6}$/.test(urn) ? null : 'errors.setting.urnFormat';
}

export function ukprnProblem(ukprn: string): string | null {
  if (ukprn === '') return null;
  return /^1\d{7}$/.test(ukprn) ? null : 'errors.setting.ukprnFormat';
}

/** Field errors for a setting's identifiers, after normalising: each field's own, and one when both are empty. */
export function identifierProblems(urn: string, ukprn: string): Partial<Record<'urn' | 'ukprn', string>> {
  if (urn === '' && ukprn === '') return { urn: 'errors.setting.identifierRequired' };
  const problems: Partial<Record<'urn' | 'ukprn', string>> = {};
  const urnError = urnProblem(urn);
  const ukprnError = ukprnProblem(ukprn);
  if (urnError) problems.urn = urnError;
  if (ukprnError) problems.ukprn = ukprnError;
  return problems;
}
