import { describe, expect, it } from 'vitest';
import { personName } from '~/domain/names';

describe('personName', () => {
  it('writes a full name given name first by default', () => {
    expect(personName({ firstName: 'Ruby', lastName: 'Jones' })).toBe('Ruby Jones');
    expect(personName({ firstName: 'Ruby', lastName: 'Jones' }, 'full')).toBe('Ruby Jones');
  });

  it('gives the name a person is called by', () => {
    expect(personName({ firstName: 'Ruby', lastName: 'Jones' }, 'given')).toBe('Ruby');
  });

  it('leaves no stray space when a part is missing or padded', () => {
    expect(personName({ firstName: 'Ruby', lastName: '' })).toBe('Ruby');
    expect(personName({ firstName: '', lastName: 'Jones' })).toBe('Jones');
    expect(personName({ firstName: ' Ruby ', lastName: ' Jones ' })).toBe('Ruby Jones');
  });

  it('keeps names in any script as they were given', () => {
    expect(personName({ firstName: 'Zoë', lastName: 'Łukasiewicz-Nowak' })).toBe('Zoë Łukasiewicz-Nowak');
  });

  it('never reorders, re-cases or transliterates a name for the reader’s language', () => {
    // The same child read by an English caseworker and an Arabic-reading parent: one name, as the family wrote it.
    expect(personName({ firstName: 'مريم', lastName: 'الحسن' })).toBe('مريم الحسن');
    expect(personName({ firstName: 'عائشہ', lastName: 'خان' })).toBe('عائشہ خان');
    expect(personName({ firstName: 'ਹਰਪ੍ਰੀਤ', lastName: 'ਕੌਰ' })).toBe('ਹਰਪ੍ਰੀਤ ਕੌਰ');
    expect(personName({ firstName: 'ana-maria', lastName: 'POPESCU' })).toBe('ana-maria POPESCU');
    expect(personName({ firstName: 'Nguyễn Thị', lastName: 'Lan' }, 'given')).toBe('Nguyễn Thị');
  });
});
