import { describe, expect, it } from 'vitest';
import { ragOf, thresholdsProblem } from '~/domain/scrutiny/rag';

describe('red, amber and green', () => {
  it('rates a figure where more is better: at a threshold counts as reaching it', () => {
    const t = { green: 60, amber: 40 };
    expect(ragOf(60, 'higher', t)).toBe('green');
    expect(ragOf(100, 'higher', t)).toBe('green');
    expect(ragOf(59.9, 'higher', t)).toBe('amber');
    expect(ragOf(40, 'higher', t)).toBe('amber');
    expect(ragOf(39.9, 'higher', t)).toBe('red');
    expect(ragOf(0, 'higher', t)).toBe('red');
  });
  it('rates a figure where less is better', () => {
    const t = { green: 25, amber: 40 };
    expect(ragOf(0, 'lower', t)).toBe('green');
    expect(ragOf(25, 'lower', t)).toBe('green');
    expect(ragOf(25.1, 'lower', t)).toBe('amber');
    expect(ragOf(40, 'lower', t)).toBe('amber');
    expect(ragOf(40.1, 'lower', t)).toBe('red');
  });
  it('says "no data" for no value, never red', () => {
    expect(ragOf(null, 'higher', { green: 60, amber: 40 })).toBe('none');
    expect(ragOf(null, 'lower', { green: 0, amber: 0 })).toBe('none');
    expect(ragOf(Number.NaN, 'higher', { green: 60, amber: 40 })).toBe('none');
  });
  it('allows equal thresholds (no amber band)', () => {
    expect(ragOf(50, 'higher', { green: 50, amber: 50 })).toBe('green');
    expect(ragOf(49, 'higher', { green: 50, amber: 50 })).toBe('red');
    expect(thresholdsProblem('higher', { green: 50, amber: 50 })).toBeNull();
  });
  it('refuses amber on the wrong side of green', () => {
    expect(thresholdsProblem('higher', { green: 60, amber: 70 })).toBe('amberAboveGreen');
    expect(thresholdsProblem('lower', { green: 25, amber: 10 })).toBe('amberBelowGreen');
    expect(thresholdsProblem('lower', { green: 25, amber: 40 })).toBeNull();
  });
});
