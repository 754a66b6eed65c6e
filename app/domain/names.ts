/**
 * The one place a person's name is put together from its parts. Every page, email and list asks
 * here, so the order a family gives for a name (family name first, say) can later be added once:
 * stored with the person, passed in `NameParts` and honoured in `personName`. Until then a name is
 * shown exactly as the family typed it, in every language: never reordered, re-cased or
 * transliterated for the reader (docs/decisions/0040-right-to-left-and-fonts.md).
 */

export type NameParts = { firstName: string; lastName: string };

/** 'full': the name as it is written out; 'given': the name a person is called by (the first name). */
export type NameForm = 'full' | 'given';

export function personName(person: NameParts, form: NameForm = 'full'): string {
  const given = person.firstName.trim();
  if (form === 'given') return given;
  // Given name first: the one order the service knows today. A family's own order goes here.
  const parts = [given, person.lastName.trim()];
  // A missing part leaves no stray space.
  return parts.filter((part) => part !== '').join(' ');
}
