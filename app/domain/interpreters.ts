/**
 * Interpreters for families (issue 18): what a family asks for, and which of the council's
 * interpreters fit. Pure, so the matching is tested on its own.
 *
 * Interpreters come from the council's own list, never from the family: an interpreter who is a
 * relative or friend cannot be independent, and families who need one are those most often left
 * out of assessments.
 */

export const interpreterPurposes = ['meeting', 'call'] as const;
export type InterpreterPurpose = (typeof interpreterPurposes)[number];

export const genderPreferences = ['none', 'female', 'male'] as const;
export type GenderPreference = (typeof genderPreferences)[number];

/** An interpreter's stated gender, for families who ask for one (optional on the list). */
export const interpreterGenders = ['female', 'male'] as const;
export type InterpreterGender = (typeof interpreterGenders)[number];

export const interpreterRequestStatuses = ['requested', 'booked', 'cancelled'] as const;
export type InterpreterRequestStatus = (typeof interpreterRequestStatuses)[number];

export type InterpreterOnList = { id: string; name: string; languages: readonly string[]; gender: InterpreterGender | null; active: boolean };

/** Languages compared as people type them: case, spacing and a trailing "(dialect)" do not matter. */
export function sameLanguage(a: string, b: string): boolean {
  const norm = (s: string) =>
    s
      .replace(/\(.*\)/, '')
      .trim()
      .replace(/\s+/g, ' ')
      .toLocaleLowerCase('en-GB');
  return norm(a) !== '' && norm(a) === norm(b);
}

/** The languages typed on the list form ("Urdu, Punjabi; Pothwari"): one per comma, semicolon or line. */
export function parseLanguages(typed: string): string[] {
  const seen: string[] = [];
  for (const part of typed.split(/[,;\n]/)) {
    const language = part.trim().replace(/\s+/g, ' ');
    if (language && !seen.some((s) => sameLanguage(s, language))) seen.push(language);
  }
  return seen;
}

/**
 * The council's active interpreters who speak the language asked for, those matching the
 * family's gender preference first, then by name. Others are not offered: booking someone who
 * does not speak the family's language is never what the caseworker means.
 */
export function interpretersFor<T extends InterpreterOnList>(list: readonly T[], language: string, preference: GenderPreference): { interpreter: T; matchesPreference: boolean }[] {
  return list
    .filter((i) => i.active && i.languages.some((l) => sameLanguage(l, language)))
    .map((interpreter) => ({ interpreter, matchesPreference: preference === 'none' || interpreter.gender === preference }))
    .sort((a, b) => Number(b.matchesPreference) - Number(a.matchesPreference) || a.interpreter.name.localeCompare(b.interpreter.name, 'en-GB'));
}

/**
 * A time of day as people type it: "14:30", "2:30pm", "2pm", "9.15 am". Returns "HH:MM" (24-hour)
 * or null.
 */
export function parseTimeOfDay(typed: string): string | null {
  const match = /^\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?\s*$/i.exec(typed);
  if (!match) return null;
  let hour = Number(match[1]);
  const minute = match[2] === undefined ? 0 : Number(match[2]);
  const half = match[3]?.toLowerCase();
  if (minute > 59) return null;
  if (half) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (half === 'pm' ? 12 : 0);
  } else if (match[2] === undefined || hour > 23) {
    // "14" alone is ambiguous (2pm? 14 minutes?): ask for "14:00" or "2pm".
    return null;
  }
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}
