import { describe, expect, it } from 'vitest';
import { decisionDiffersFromRequest } from '~/domain/case-steps';

describe('whether a decision differs from what the family asked for (issue 15 bug 3)', () => {
  it.each([
    ['agreed', false],
    ['issue', false],
    ['refused', true],
    ['not_issue', true],
    [undefined, false],
    ['', false],
  ])('%s -> %s', (outcome, differs) => {
    expect(decisionDiffersFromRequest(outcome)).toBe(differs);
  });
});
