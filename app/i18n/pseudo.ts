import type { PostProcessorModule } from 'i18next';

/**
 * Pseudo-localisation (docs/decisions/0040-right-to-left-and-fonts.md): English made to look
 * foreign, so what a translator could never reach, and what a longer language would cut off,
 * shows on the page. Each translated string comes out as "⟦Šîĝñ îñ ···⟧": accented letters (the
 * words are still readable), about 35% longer (German, Romanian and Polish often are) and
 * bracketed, so a string that is not bracketed was never translated and a bracket that is
 * missing marks a cut. Only for testing: `PSEUDO_LOCALE=true` lets a browser ask for it
 * (app/env.server.ts refuses the setting on a production server outside the demo).
 */

export const PSEUDO_START = '⟦';
export const PSEUDO_END = '⟧';

const accented: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ĝ', h: 'ĥ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ļ', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ţ', u: 'û', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Á', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ĝ', H: 'Ĥ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ļ', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ţ', U: 'Û', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};

function accent(text: string): string {
  return text.replace(/[a-zA-Z]/g, (letter) => accented[letter] ?? letter);
}

/**
 * `kept`: the values interpolated into the string (a child's name, a date, a reference): left as
 * they are, so a page still shows the data it shows in English.
 */
export function pseudoLocalise(text: string, kept: readonly string[] = []): string {
  if (text === '') return text;
  const values = [...new Set(kept.filter((value) => value.length > 0))].sort((a, b) => b.length - a.length);
  let body = '';
  let letters = 0;
  let rest = text;
  while (rest.length > 0) {
    const at = values.map((value) => ({ value, index: rest.indexOf(value) })).filter((hit) => hit.index >= 0).sort((a, b) => a.index - b.index)[0];
    const plain = at ? rest.slice(0, at.index) : rest;
    body += accent(plain);
    letters += plain.replace(/[^a-zA-Z]/g, '').length;
    if (!at) break;
    body += at.value;
    rest = rest.slice(at.index + at.value.length);
  }
  // About a third longer, in a filler that reads as padding, not as words: in groups of up to
  // four, so it wraps as words of a longer language would rather than as one unbreakable run.
  const extra = Math.ceil(letters * 0.35);
  const groups = Array.from({ length: Math.ceil(extra / 4) }, (_, i) => '·'.repeat(Math.min(4, extra - i * 4)));
  const padding = groups.length > 0 ? ` ${groups.join(' ')}` : '';
  return `${PSEUDO_START}${body}${padding}${PSEUDO_END}`;
}

function interpolatedValues(options: unknown): string[] {
  if (!options || typeof options !== 'object') return [];
  return Object.entries(options as Record<string, unknown>)
    .filter(([name]) => !['lng', 'lngs', 'ns', 'defaultValue', 'postProcess', 'interpolation', 'returnObjects', 'context'].includes(name))
    .map(([, value]) => (typeof value === 'string' || typeof value === 'number' ? String(value) : ''))
    .filter((value) => value !== '');
}

/** i18next's post-processor: every string the English pages show, pseudo-localised. */
export const pseudoPostProcessor: PostProcessorModule = {
  type: 'postProcessor',
  name: 'pseudo',
  process(value: string, _key: string | string[], options: unknown) {
    return typeof value === 'string' ? pseudoLocalise(value, interpolatedValues(options)) : value;
  },
};
