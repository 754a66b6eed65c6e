import { describe, expect, it } from 'vitest';
import { emptyPlan, type PlanContent, type PlanOutcome, type PlanProvision } from '~/domain/plan-content';
import { WORD_DIFF_MAX_EDITS, diffPlans, diffWords, tokenize, type TextChange } from '~/domain/plan-diff';

/** The text a reader of the older (same + removed) or newer (same + added) version sees. */
const side = (runs: TextChange[], kind: 'removed' | 'added') =>
  runs
    .filter((run) => run.kind === 'same' || run.kind === kind)
    .map((run) => run.text)
    .join('');

/** Runs the way a test reads best: "=same", "-removed", "+added". */
const show = (runs: TextChange[]) => runs.map((run) => `${{ same: '=', added: '+', removed: '-' }[run.kind]}${run.text}`);

const provision = (id: string, over: Partial<PlanProvision> = {}): PlanProvision => ({
  id,
  what: `Provision ${id}`,
  who: 'Class teacher',
  howOften: 'Daily',
  forHowLong: 'One year',
  ...over,
});
const outcome = (id: string, over: Partial<PlanOutcome> = {}): PlanOutcome => ({ id, outcome: `Outcome ${id}`, byWhen: 'July 2027', steps: '', ...over });

function plan(edit: (content: PlanContent) => void = () => {}): PlanContent {
  const content = emptyPlan();
  content.A.text = 'Sam likes trains.';
  content.B = { text: 'Sam finds speech hard.', needs: { primary: 'SLCN', secondary: '' } };
  content.E.outcomes = [outcome('o1'), outcome('o2')];
  content.F.provision = [provision('p1'), provision('p2'), provision('p3')];
  edit(content);
  return content;
}

describe('tokenize', () => {
  it('splits words, whitespace runs and each punctuation mark', () => {
    expect(tokenize("Sam's  speech, weekly.\n")).toEqual(["Sam's", '  ', 'speech', ',', ' ', 'weekly', '.', '\n']);
  });

  it('loses no character', () => {
    const text = 'Ćwiczenia — 2×/tydzień (45 min); café\u0301 🚂!';
    expect(tokenize(text).join('')).toBe(text);
  });
});

describe('diffWords', () => {
  it('shows an insertion in the middle as one added phrase', () => {
    const runs = diffWords('Sam has speech therapy weekly.', 'Sam has speech and language therapy weekly.');
    expect(show(runs)).toEqual(['=Sam has speech ', '+and language ', '=therapy weekly.']);
  });

  it('shows a deletion', () => {
    const runs = diffWords('Sam has one to one support every day.', 'Sam has support every day.');
    expect(show(runs)).toEqual(['=Sam has ', '-one to one ', '=support every day.']);
  });

  it('shows a replaced phrase removed then added, not word by word', () => {
    const runs = diffWords('Therapy the cat sat today.', 'Therapy a dog ran today.');
    expect(show(runs)).toEqual(['=Therapy ', '-the cat sat', '+a dog ran', '= today.']);
  });

  it('shows a change of punctuation alone', () => {
    expect(show(diffWords('Speech therapy weekly.', 'Speech therapy weekly!'))).toEqual(['=Speech therapy weekly', '-.', '+!']);
    expect(show(diffWords('Weekly, in class.', 'Weekly in class.'))).toEqual(['=Weekly', '-,', '= in class.']);
  });

  it('always rebuilds both versions from the runs', () => {
    const pairs: [string, string][] = [
      ['', 'New text'],
      ['Old text', ''],
      ['a b c d e f', 'a x c y e z'],
      ['one\n\ntwo three', 'one\ntwo four three'],
      ['Sam will read.', 'By July, Sam will read and write.'],
    ];
    for (const [before, after] of pairs) {
      const runs = diffWords(before, after);
      expect(side(runs, 'removed')).toBe(before);
      expect(side(runs, 'added')).toBe(after);
    }
  });

  it('rebuilds both versions of many random edits (seeded)', () => {
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const vocabulary = ['Sam', 'will', 'read', ',', '.', ' ', '  ', '\n', 'weekly', 'therapy', "Sam's"];
    const text = () => Array.from({ length: random(30) }, () => vocabulary[random(vocabulary.length)]).join('');
    for (let i = 0; i < 300; i++) {
      const before = text();
      const after = random(2) ? text() : before.slice(0, random(before.length + 1)) + text() + before.slice(random(before.length + 1));
      const runs = diffWords(before, after);
      expect(side(runs, 'removed')).toBe(before);
      expect(side(runs, 'added')).toBe(after);
      expect(runs.every((run) => run.text !== '')).toBe(true);
    }
  });

  it('merges neighbouring runs of the same kind', () => {
    const runs = diffWords('a b c d e f', 'a x c y e z');
    for (let i = 1; i < runs.length; i++) expect(runs[i].kind === runs[i - 1].kind).toBe(false);
  });

  it('gives identical texts as one unchanged run, and ignores line endings', () => {
    expect(diffWords('Same words.', 'Same words.')).toEqual([{ kind: 'same', text: 'Same words.' }]);
    expect(diffWords('', '')).toEqual([]);
    expect(diffWords('one\r\ntwo', 'one\ntwo')).toEqual([{ kind: 'same', text: 'one\ntwo' }]);
  });

  it('compares a long text with a few edits word by word', () => {
    const words = Array.from({ length: 3_000 }, (_, i) => `word${i}`);
    const before = words.join(' ');
    const edited = [...words];
    edited[10] = 'first';
    edited[2_990] = 'last';
    const runs = diffWords(before, edited.join(' '));
    expect(runs.filter((run) => run.kind !== 'same').map((run) => `${run.kind} ${run.text}`)).toEqual([
      'removed word10',
      'added first',
      'removed word2990',
      'added last',
    ]);
  });

  it('shows long texts rewritten beyond comparing as the whole old text removed and the new one added', () => {
    const before = Array.from({ length: 6_000 }, (_, i) => `old${i}`).join(' ');
    const after = Array.from({ length: 6_000 }, (_, i) => `new${i}`).join(' ');
    expect(tokenize(before).length).toBeGreaterThan(2 * WORD_DIFF_MAX_EDITS);
    expect(diffWords(before, after)).toEqual([
      { kind: 'removed', text: before },
      { kind: 'added', text: after },
    ]);
  });

  it('keeps a common start and end outside the fallback', () => {
    const middle = (prefix: string) => Array.from({ length: 2_000 }, (_, i) => `${prefix}${i}`).join(' ');
    const runs = diffWords(`Start. ${middle('old')} End.`, `Start. ${middle('new')} End.`);
    expect(runs.map((run) => run.kind)).toEqual(['removed', 'added']);
    expect(runs[0].text.startsWith('Start. old0')).toBe(true);
  });
});

describe('diffPlans', () => {
  it('finds no change between equal plans', () => {
    expect(diffPlans(plan(), plan())).toEqual([]);
    expect(diffPlans(emptyPlan(), emptyPlan())).toEqual([]);
  });

  it('lists only the sections that changed, in A-K order', () => {
    const after = plan((c) => {
      c.K.text = 'Advice from the educational psychologist.';
      c.A.text = 'Sam likes trains and buses.';
    });
    const diffs = diffPlans(plan(), after);
    expect(diffs.map((d) => d.section)).toEqual(['A', 'K']);
    expect(diffs[0]).toEqual({
      section: 'A',
      text: [
        { kind: 'same', text: 'Sam likes trains' },
        { kind: 'added', text: ' and buses' },
        { kind: 'same', text: '.' },
      ],
    });
    expect(diffs[1]).toEqual({ section: 'K', text: [{ kind: 'added', text: 'Advice from the educational psychologist.' }] });
  });

  it('shows an added provision item', () => {
    const added = provision('p4', { what: 'Sensory breaks' });
    const diffs = diffPlans(plan(), plan((c) => c.F.provision!.push(added)));
    expect(diffs).toEqual([{ section: 'F', provision: [{ change: 'added', id: 'p4', item: added }] }]);
  });

  it('shows a removed outcome', () => {
    const diffs = diffPlans(plan(), plan((c) => c.E.outcomes!.shift()));
    expect(diffs).toEqual([{ section: 'E', outcomes: [{ change: 'removed', id: 'o1', item: outcome('o1') }] }]);
  });

  it('shows one changed field of an item, with both versions of the item', () => {
    const after = plan((c) => {
      c.F.provision![1] = provision('p2', { who: 'Speech and language therapist' });
    });
    expect(diffPlans(plan(), after)).toEqual([
      {
        section: 'F',
        provision: [
          {
            change: 'changed',
            id: 'p2',
            before: provision('p2'),
            after: provision('p2', { who: 'Speech and language therapist' }),
            fields: [
              {
                field: 'who',
                before: 'Class teacher',
                after: 'Speech and language therapist',
                words: [
                  { kind: 'removed', text: 'Class teacher' },
                  { kind: 'added', text: 'Speech and language therapist' },
                ],
              },
            ],
          },
        ],
      },
    ]);
  });

  it('ignores a new order of the same items', () => {
    const after = plan((c) => {
      c.F.provision!.reverse();
      c.E.outcomes!.reverse();
    });
    expect(diffPlans(plan(), after)).toEqual([]);
  });

  it('lists added and changed items in the new order, then removed ones', () => {
    const after = plan((c) => {
      c.F.provision = [provision('p9'), provision('p3', { howOften: 'Weekly' }), provision('p1')];
    });
    const [diff] = diffPlans(plan(), after);
    expect(diff.provision!.map((change) => `${change.change} ${change.id}`)).toEqual(['added p9', 'changed p3', 'removed p2']);
  });

  it('shows needs, setting and personal budget as before and after', () => {
    const after = plan((c) => {
      c.B.needs = { primary: 'ASD', secondary: 'SLCN' };
      c.I.setting = { name: 'Hillside Primary', urn: '123456', ukprn: '', withoutUrn: '', kind: '' };
      c.J.personalBudget = true;
    });
    expect(diffPlans(plan(), after)).toEqual([
      {
        section: 'B',
        needs: [
          { field: 'primary', before: 'SLCN', after: 'ASD' },
          { field: 'secondary', before: '', after: 'SLCN' },
        ],
      },
      {
        section: 'I',
        setting: [
          { field: 'name', before: '', after: 'Hillside Primary' },
          { field: 'urn', before: '', after: '123456' },
        ],
      },
      { section: 'J', personalBudget: { before: false, after: true } },
    ]);
  });

  it('shows text and list changes of one section together', () => {
    const after = plan((c) => {
      c.E.text = 'Outcomes agreed at the meeting.';
      c.E.outcomes![0] = outcome('o1', { byWhen: 'December 2027' });
    });
    const [diff] = diffPlans(plan(), after);
    expect(diff.section).toBe('E');
    expect(diff.text).toEqual([{ kind: 'added', text: 'Outcomes agreed at the meeting.' }]);
    expect(diff.outcomes).toEqual([
      expect.objectContaining({ change: 'changed', id: 'o1', fields: [expect.objectContaining({ field: 'byWhen', before: 'July 2027', after: 'December 2027' })] }),
    ]);
  });

  it('reads missing sections and lists as empty', () => {
    const partial = { A: { text: 'Sam likes trains.' } } as unknown as PlanContent;
    const diffs = diffPlans(partial, plan());
    expect(diffs.map((d) => d.section)).toEqual(['B', 'E', 'F']);
    expect(diffs[2].provision!.every((change) => change.change === 'added')).toBe(true);
  });
});
