import { censusDateOf, defaultCensusDate, parseCensusDate } from '~/domain/sen2/census';
import { todayInLondon, type IsoDate } from '~/domain/timescales';

/**
 * The census date a report page asks for (`?census=YYYY-MM-DD`): the default collection's when
 * none is given; a date that is not a valid January date is refused with the field's error and
 * the default is shown instead. The choices are this collection's census date and the four before.
 */
export function chosenCensusDate(url: URL, today: IsoDate = todayInLondon()): { censusDate: IsoDate; error: string | null; choices: IsoDate[] } {
  const fallback = defaultCensusDate(today);
  const year = Number(fallback.slice(0, 4));
  const choices = [0, 1, 2, 3, 4].map((back) => censusDateOf(year - back));
  const asked = url.searchParams.get('census');
  if (asked === null || asked === '') return { censusDate: fallback, error: null, choices };
  const parsed = parseCensusDate(asked);
  if (!parsed) return { censusDate: fallback, error: 'errors.sen2.censusDate', choices };
  return { censusDate: parsed, error: null, choices: choices.includes(parsed) ? choices : [parsed, ...choices] };
}
