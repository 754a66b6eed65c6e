import { describe, expect, it } from 'vitest';
import { ALL_ROLE_KEYS, ALL_WHAT_KEYS, describeOpening, GENERIC_WHAT_KEY, mostTelling, pageParam, pageWindow, whatKeyOf, type OpeningRecord } from '~/domain/access-history';

const base: OpeningRecord = {
  at: '2026-11-22T17:30:00.000Z',
  action: 'read:case',
  userId: 'cw',
  name: 'Priya Shah',
  role: 'caseworker',
  professionalKind: null,
  laName: 'Northfield Borough Council',
  teamName: 'North',
  adviceOrgName: null,
};

describe('what an opening says it opened', () => {
  it('names the pages a family knows, in plain words', () => {
    expect(whatKeyOf('read:thread')).toBe('accessLog.what.messages');
    expect(whatKeyOf('read:case-notes')).toBe('accessLog.what.caseNotes');
    expect(whatKeyOf('download:document')).toBe('accessLog.what.document');
  });

  it('anything it does not know is "opened the case record", never the raw permission', () => {
    expect(whatKeyOf('read:something-new')).toBe(GENERIC_WHAT_KEY);
    expect(whatKeyOf('constructor')).toBe(GENERIC_WHAT_KEY);
    expect(ALL_WHAT_KEYS).toContain(GENERIC_WHAT_KEY);
  });

  it("of one request's checks, the page's own permission tells, not its layout's read:case", () => {
    expect(mostTelling(['read:case', 'read:thread'])).toBe('read:thread');
    expect(mostTelling(['read:case', 'read:case'])).toBe('read:case');
    expect(mostTelling(['read:child', 'read:case'])).toBe('read:case');
    expect(mostTelling([])).toBe('');
  });
});

describe('who opened it', () => {
  it("the case's own caseworker is told apart from other staff, with their council and team", () => {
    expect(describeOpening(base, 'cw')).toEqual({ at: '2026-11-22T17:30:00.000Z', name: 'Priya Shah', roleKey: 'accessLog.role.caseCaseworker', organisation: 'Northfield Borough Council', team: 'North', whatKey: 'accessLog.what.case' });
    expect(describeOpening(base, 'someone-else').roleKey).toBe('accessLog.role.caseworker');
  });

  it('a manager, a professional by kind, an adviser by advice service', () => {
    expect(describeOpening({ ...base, role: 'manager', teamName: null }, 'cw')).toMatchObject({ roleKey: 'accessLog.role.manager', organisation: 'Northfield Borough Council', team: null });
    expect(describeOpening({ ...base, role: 'professional', professionalKind: 'educational_psychologist', teamName: 'North' }, 'cw')).toMatchObject({ roleKey: 'accessLog.role.educationalPsychologist', team: null });
    expect(describeOpening({ ...base, role: 'professional' }, 'cw').roleKey).toBe('accessLog.role.professional');
    expect(describeOpening({ ...base, role: 'advocate', laName: null, teamName: null, adviceOrgName: 'Northfield SENDIASS' }, 'cw')).toMatchObject({ roleKey: 'accessLog.role.adviser', organisation: 'Northfield SENDIASS', team: null });
    expect(ALL_ROLE_KEYS).toContain('accessLog.role.adviser');
  });

  it('keeps the instant as ISO, for the page to format in the reader’s language', () => {
    expect(describeOpening({ ...base, at: new Date('2026-06-01T08:00:00Z') }, null).at).toBe('2026-06-01T08:00:00.000Z');
  });
});

describe('pages of the log', () => {
  it('page 2 of 60 rows starts at the 26th', () => {
    expect(pageWindow(2, 60, 25)).toEqual({ page: 2, pages: 3, offset: 25, limit: 25 });
  });

  it('an empty log is page 1 of 1', () => {
    expect(pageWindow(1, 0, 25)).toEqual({ page: 1, pages: 1, offset: 0, limit: 25 });
    expect(pageWindow(4, 0, 25).page).toBe(1);
  });

  it('past the last page shows the last', () => {
    expect(pageWindow(99, 60, 25)).toEqual({ page: 3, pages: 3, offset: 50, limit: 25 });
    expect(pageWindow(3, 50, 25).page).toBe(2);
  });

  it('the address gives a whole page number or page 1', () => {
    expect(pageParam('2')).toBe(2);
    expect(pageParam(null)).toBe(1);
    expect(pageParam('0')).toBe(1);
    expect(pageParam('-3')).toBe(1);
    expect(pageParam('2.5')).toBe(1);
    expect(pageParam('1e9')).toBe(1);
    expect(pageParam('99999999999')).toBe(1);
  });
});
