import { describe, expect, it } from 'vitest';
import { changesAsked, isRectificationOverdue, normaliseDetail, rectificationDueOn } from '~/domain/rectification';
import { subjectAccessDueOn } from '~/domain/subject-access';

const held = { firstName: 'Kacper', lastName: 'Nowak', dateOfBirth: '2009-03-14', school: 'Northfield Academy' };

describe('a correction request', () => {
  it('is due by the subject access rule: one calendar month, on to a working day', () => {
    // The rule's cases are in subject-access.test.ts: here, that it is the one applied.
    for (const day of ['2026-01-14', '2026-01-31', '2026-11-25', '2028-01-31']) expect(rectificationDueOn(day)).toBe(subjectAccessDueOn(day));
    expect(rectificationDueOn('2026-01-31')).toBe('2026-03-02');
  });

  it('is overdue only while undecided after its last day', () => {
    expect(isRectificationOverdue({ dueOn: '2026-03-02', status: 'pending' }, '2026-03-02')).toBe(false);
    expect(isRectificationOverdue({ dueOn: '2026-03-02', status: 'pending' }, '2026-03-03')).toBe(true);
    expect(isRectificationOverdue({ dueOn: '2026-03-02', status: 'approved' }, '2026-04-01')).toBe(false);
    expect(isRectificationOverdue({ dueOn: '2026-03-02', status: 'refused' }, '2026-04-01')).toBe(false);
  });

  it('asks for the details that differ, and only those', () => {
    expect(changesAsked(held, { ...held, dateOfBirth: '2009-04-14' })).toEqual([{ field: 'dateOfBirth', from: '2009-03-14', to: '2009-04-14' }]);
    expect(changesAsked(held, { ...held, firstName: 'Kacpar', lastName: 'Nowak-Smith' })).toEqual([
      { field: 'firstName', from: 'Kacper', to: 'Kacpar' },
      { field: 'lastName', from: 'Nowak', to: 'Nowak-Smith' },
    ]);
  });

  it('does not count spacing as a change; an empty school is nothing recorded', () => {
    expect(changesAsked(held, { ...held, firstName: '  Kacper ', school: 'Northfield   Academy' })).toEqual([]);
    expect(changesAsked(held, { ...held, school: '' })).toEqual([{ field: 'school', from: 'Northfield Academy', to: null }]);
    expect(changesAsked({ ...held, school: null }, { ...held, school: ' ' })).toEqual([]);
    expect(normaliseDetail('  a  b ')).toBe('a b');
    expect(normaliseDetail(undefined)).toBeNull();
  });
});
