/**
 * A line of text as runs of one direction and one script, for laying it out in a PDF
 * (app/pdf/pdf.server.ts): enough of the Unicode bidirectional algorithm for the portal's text,
 * not all of it (ADR 0041 says what is left out).
 *
 * - Arabic-script letters are right-to-left; every other letter (Latin, Gurmukhi) left-to-right.
 * - Numbers (0-9, Arabic-Indic and Urdu digits) always read left to right, so in a right-to-left
 *   paragraph a number, or a Latin name with a number beside it, is one left-to-right run.
 * - Spaces and punctuation take the direction of the letters on both sides when those agree,
 *   else the paragraph's (at either end of the paragraph too).
 * Not handled: explicit embeddings and isolates (U+202A-202E, U+2066-2069), mirrored brackets
 * (a "(" in right-to-left text is drawn as it is), and numbers' separators such as "1,000" inside
 * right-to-left text beyond keeping a number with its neighbouring digits.
 */
export type Script = 'arabic' | 'gurmukhi' | 'latin';
export type TextRun = { text: string; rtl: boolean; script: Script };

type Kind = 'R' | 'L' | 'N' | 'NUM';

const ARABIC_LETTER = /[\u0600-\u065F\u066A-\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ARABIC_DIGIT = /[\u0660-\u0669\u06F0-\u06F9]/;
const GURMUKHI = /[\u0A00-\u0A7F]/;
const LETTER = /\p{L}|\p{M}/u;

function kindOf(char: string): Kind {
  if (ARABIC_LETTER.test(char)) return 'R';
  if (/[0-9]/.test(char) || ARABIC_DIGIT.test(char)) return 'NUM';
  if (LETTER.test(char)) return 'L';
  return 'N';
}

function scriptOf(char: string): Script | undefined {
  if (ARABIC_LETTER.test(char) || ARABIC_DIGIT.test(char)) return 'arabic';
  if (GURMUKHI.test(char)) return 'gurmukhi';
  if (LETTER.test(char) || /[0-9]/.test(char)) return 'latin';
  return undefined;
}

export function textRuns(text: string, direction: 'ltr' | 'rtl'): TextRun[] {
  const chars = [...text];
  const paragraphRtl = direction === 'rtl';
  // Numbers read left to right; in a right-to-left paragraph they are left-to-right runs.
  const strong = chars.map((char): boolean | undefined => {
    const kind = kindOf(char);
    if (kind === 'R') return true;
    if (kind === 'L' || kind === 'NUM') return false;
    return undefined;
  });
  const rtl = strong.map((value, index) => {
    if (value !== undefined) return value;
    let before: boolean | undefined;
    for (let i = index - 1; i >= 0 && before === undefined; i--) before = strong[i];
    let after: boolean | undefined;
    for (let i = index + 1; i < chars.length && after === undefined; i++) after = strong[i];
    return before !== undefined && before === after ? before : paragraphRtl;
  });
  const runs: TextRun[] = [];
  let script: Script = 'latin';
  chars.forEach((char, index) => {
    // Punctuation and spaces are drawn in the font of the letters before them.
    script = scriptOf(char) ?? (runs.at(-1)?.rtl === rtl[index] ? runs.at(-1)!.script : script);
    const last = runs.at(-1);
    if (last && last.rtl === rtl[index] && last.script === script) last.text += char;
    else runs.push({ text: char, rtl: rtl[index], script });
  });
  return runs;
}
