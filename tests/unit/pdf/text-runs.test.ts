import { describe, expect, it } from 'vitest';
import { textRuns } from '~/pdf/text-runs';

const shape = (text: string, direction: 'ltr' | 'rtl') => textRuns(text, direction).map((run) => [run.text, run.rtl ? 'rtl' : 'ltr', run.script]);

describe('a line as runs of one direction and script (for PDFs)', () => {
  it('keeps English one left-to-right Latin run', () => {
    expect(shape('Final EHC plan (version 1)', 'ltr')).toEqual([['Final EHC plan (version 1)', 'ltr', 'latin']]);
  });

  it('splits Punjabi from the Latin name and digits beside it, all left to right', () => {
    expect(shape('Alfie ਦੀ ਯੋਜਨਾ 20', 'ltr')).toEqual([
      ['Alfie ', 'ltr', 'latin'],
      ['ਦੀ ਯੋਜਨਾ ', 'ltr', 'gurmukhi'],
      ['20', 'ltr', 'latin'],
    ]);
  });

  it('in Urdu, a Latin name and numbers are left-to-right runs; the words around them right to left', () => {
    expect(shape('Alfie Smith کا منصوبہ 20 نومبر 2026', 'rtl')).toEqual([
      ['Alfie Smith', 'ltr', 'latin'],
      [' ', 'rtl', 'latin'],
      ['کا منصوبہ ', 'rtl', 'arabic'],
      ['20', 'ltr', 'latin'],
      [' ', 'rtl', 'latin'],
      ['نومبر ', 'rtl', 'arabic'],
      ['2026', 'ltr', 'latin'],
    ]);
  });

  it('Arabic-Indic digits read left to right in the Arabic font; spaces and punctuation between right-to-left words stay right to left', () => {
    const runs = textRuns('الإصدار ٣، صدرت', 'rtl');
    expect(runs.map((run) => run.text).join('')).toBe('الإصدار ٣، صدرت');
    expect(runs.find((run) => run.text === '٣')).toEqual({ text: '٣', rtl: false, script: 'arabic' });
    expect(runs.filter((run) => run.rtl).every((run) => run.script === 'arabic')).toBe(true);
  });

  it('a neutral between two left-to-right runs in a right-to-left line joins them; at the end it takes the paragraph direction', () => {
    const runs = textRuns('Final EHC plan (version 1)', 'rtl');
    expect(runs).toEqual([
      { text: 'Final EHC plan (version 1', rtl: false, script: 'latin' },
      { text: ')', rtl: true, script: 'latin' },
    ]);
  });
});
