import { describe, expect, it } from 'vitest';
import { interpretersFor, parseLanguages, parseTimeOfDay, sameLanguage, type InterpreterOnList } from '~/domain/interpreters';

const list: InterpreterOnList[] = [
  { id: 'a', name: 'Zainab Ali', languages: ['Urdu', 'Punjabi (Pothwari)'], gender: 'female', active: true },
  { id: 'b', name: 'Bilal Khan', languages: ['urdu'], gender: 'male', active: true },
  { id: 'c', name: 'Amira Haddad', languages: ['Arabic'], gender: 'female', active: true },
  { id: 'd', name: 'Aisha Rahman', languages: ['Urdu'], gender: 'female', active: false },
  { id: 'e', name: 'Ana Popescu', languages: ['Romanian'], gender: null, active: true },
];

describe('which interpreters fit a request', () => {
  it('only active interpreters who speak the language, the preferred gender first, then by name', () => {
    expect(interpretersFor(list, 'Urdu', 'female').map((m) => [m.interpreter.id, m.matchesPreference])).toEqual([
      ['a', true],
      ['b', false],
    ]);
    expect(interpretersFor(list, ' URDU ', 'male').map((m) => m.interpreter.id)).toEqual(['b', 'a']);
    expect(interpretersFor(list, 'Urdu', 'none').map((m) => m.interpreter.id)).toEqual(['b', 'a']);
  });

  it('a dialect written on the list still matches the language; nobody is offered for a language no one speaks', () => {
    expect(interpretersFor(list, 'Punjabi', 'none').map((m) => m.interpreter.id)).toEqual(['a']);
    expect(interpretersFor(list, 'Tigrinya', 'none')).toEqual([]);
  });

  it('an interpreter whose gender is not recorded never matches a preference, but is offered', () => {
    expect(interpretersFor(list, 'Romanian', 'female')).toEqual([{ interpreter: list[4], matchesPreference: false }]);
  });

  it('compares languages as typed: case, spaces and a (dialect) do not matter; empty never matches', () => {
    expect(sameLanguage('Punjabi (Pothwari)', ' punjabi ')).toBe(true);
    expect(sameLanguage('', '')).toBe(false);
    expect(sameLanguage('Arabic', 'Urdu')).toBe(false);
  });
});

describe('reading what staff type', () => {
  it('languages, one per comma, semicolon or line, without repeats', () => {
    expect(parseLanguages('Urdu, Punjabi;  Pothwari\nurdu\n ,')).toEqual(['Urdu', 'Punjabi', 'Pothwari']);
  });

  it.each([
    ['14:30', '14:30'],
    ['9.15 am', '09:15'],
    ['2pm', '14:00'],
    ['12am', '00:00'],
    ['12:05pm', '12:05'],
    ['0:00', '00:00'],
    ['14', null],
    ['13pm', null],
    ['10:60', null],
    ['24:00', null],
    ['noon', null],
  ])('the time %s is %s', (typed, expected) => {
    expect(parseTimeOfDay(typed)).toBe(expected);
  });
});
