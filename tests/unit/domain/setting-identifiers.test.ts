import { describe, expect, it } from 'vitest';
import { identifierProblems, normaliseIdentifier, ukprnProblem, urnProblem } from '~/domain/setting-identifiers';

describe('URN', () => {
  it.each(['131001', '100000', 'EY411001'])('%s is a URN', (urn) => expect(urnProblem(urn)).toBeNull());
  it.each(['13100', '1310011', 'EY41100', 'XY411001', '13100a', 'EY4110011', 'ey411001'])('%s is not', (urn) => expect(urnProblem(urn)).toBe('errors.setting.urnFormat'));
  it('is typed with spaces and in lower case as it appears in letters', () => expect(normaliseIdentifier(' ey 411 001 ')).toBe('EY411001'));
});

describe('UKPRN', () => {
  it.each(['10004567', '19999999'])('%s is a UKPRN', (ukprn) => expect(ukprnProblem(ukprn)).toBeNull());
  it.each(['20004567', '1000456', '100045678', '1000456x', '00004567'])('%s is not', (ukprn) => expect(ukprnProblem(ukprn)).toBe('errors.setting.ukprnFormat'));
});

describe('a setting needs one of them', () => {
  it('neither: the URN field says so', () =>
    expect(identifierProblems('', '')).toEqual({
      urn: 'errors.setting.identifierRequired',
    }));
  it('either or both, when each is well formed', () => {
    expect(identifierProblems('131001', '')).toEqual({});
    expect(identifierProblems('', '10004567')).toEqual({});
    expect(identifierProblems('131001', '10004567')).toEqual({});
  });
  it('each wrong one next to its own field', () =>
    expect(identifierProblems('1310', '2000')).toEqual({
      urn: 'errors.setting.urnFormat',
      ukprn: 'errors.setting.ukprnFormat',
    }));
});
