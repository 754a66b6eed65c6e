/**
 * Reading a date as people type it into a search box in England: day first. "3/4/2019",
 * "03-04-2019" and "3.4.2019" are 3 April 2019, never 4 March; "3 April 2019", "3rd Apr 2019"
 * and the Polish "3 kwietnia 2019" too; an ISO "2019-04-03" is read as written. Two-digit
 * years are not guessed at (a child's year of birth is ambiguous across centuries).
 * Pure: anything that is not one real calendar date gives null, never an exception.
 */
import { isValidIsoDate, type IsoDate } from './timescales';

// English names and their usual short forms, and the Polish names as written after a day
// number (genitive) and as a heading (nominative); Polish letters also without their accents.
const MONTHS: Record<string, number> = {};
const monthNames: readonly (readonly string[])[] = [
  ['january', 'jan', 'stycznia', 'styczen', 'styczeń', 'sty'],
  ['february', 'feb', 'lutego', 'luty', 'lut'],
  ['march', 'mar', 'marca', 'marzec'],
  ['april', 'apr', 'kwietnia', 'kwiecien', 'kwiecień', 'kwi'],
  ['may', 'maja', 'maj'],
  ['june', 'jun', 'czerwca', 'czerwiec', 'cze'],
  ['july', 'jul', 'lipca', 'lipiec', 'lip'],
  ['august', 'aug', 'sierpnia', 'sierpien', 'sierpień', 'sie'],
  ['september', 'sep', 'sept', 'wrzesnia', 'września', 'wrzesien', 'wrzesień', 'wrz'],
  ['october', 'oct', 'pazdziernika', 'października', 'pazdziernik', 'październik', 'paz', 'paź'],
  ['november', 'nov', 'listopada', 'listopad', 'lis'],
  ['december', 'dec', 'grudnia', 'grudzien', 'grudzień', 'gru'],
];
monthNames.forEach((names, index) => names.forEach((name) => (MONTHS[name] = index + 1)));

const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORDS = /^(\d{1,2})(?:st|nd|rd|th)?\.?\s+([\p{L}]+)\.?,?\s+(\d{4})$/u;

function isoOf(year: string, month: number, day: string): IsoDate | null {
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isValidIsoDate(iso) ? iso : null;
}

/** The calendar date `text` names, read day first, or null if it names none. */
export function parseUkDate(text: string): IsoDate | null {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  const iso = ISO.exec(trimmed);
  if (iso) return isoOf(iso[1], Number(iso[2]), iso[3]);
  const numeric = NUMERIC.exec(trimmed);
  if (numeric) return isoOf(numeric[3], Number(numeric[2]), numeric[1]);
  const words = WORDS.exec(trimmed);
  if (words) {
    const month = MONTHS[words[2].toLowerCase()];
    return month ? isoOf(words[3], month, words[1]) : null;
  }
  return null;
}
