import { describe, expect, it } from 'vitest';
import { caseloadHref, DEFAULT_QUERY } from '~/ui/list-query';
import { readCaseloadQuery } from '~/features/caseload/query.server';

describe('a list’s address', () => {
  it('leaves out defaults, and keeps the parameters its path already has first (the inbox’s team view)', () => {
    expect(caseloadHref('/inbox', DEFAULT_QUERY)).toBe('/inbox');
    expect(caseloadHref('/inbox?view=team', DEFAULT_QUERY)).toBe('/inbox?view=team');
    expect(caseloadHref('/inbox?view=team', { ...DEFAULT_QUERY, q: 'Freya Clarke', only: ['reply-overdue'] }, { page: 2 })).toBe('/inbox?view=team&q=Freya+Clarke&only=reply-overdue&page=2');
  });

  it('reads back what it wrote, and drops what is not a choice', () => {
    const query = { ...DEFAULT_QUERY, q: 'Freya', caseworker: 'unallocated', only: ['reply-overdue' as const], page: 3 };
    expect(readCaseloadQuery(new URL(caseloadHref('http://x/inbox?view=team', query))).query).toEqual(query);
    expect(readCaseloadQuery(new URL('http://x/inbox?team=nope&caseworker=nobody&only=odd&page=0&size=7')).query).toEqual(DEFAULT_QUERY);
  });
});
