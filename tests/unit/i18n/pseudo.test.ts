import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { interpolationOptions } from '~/i18n/bidi';
import { pseudoLocalise, pseudoPostProcessor } from '~/i18n/pseudo';

describe('pseudo-localised English', () => {
  it('is accented, bracketed and about a third longer, still readable', () => {
    const out = pseudoLocalise('Sign in');
    expect(out).toBe('⟦Šîĝñ îñ ···⟧');
    const long = pseudoLocalise('Tell us what support they have had so far');
    expect(long.startsWith('⟦') && long.endsWith('⟧')).toBe(true);
    expect(long.length).toBeGreaterThanOrEqual(Math.floor('Tell us what support they have had so far'.length * 1.3));
    expect(long).not.toMatch(/[a-zA-Z]/);
  });

  it('leaves interpolated values (names, dates, references) as they are', () => {
    expect(pseudoLocalise('Case NFB-2026-00042 for Maya', ['NFB-2026-00042', 'Maya'])).toBe('⟦Çášé NFB-2026-00042 ƒöŕ Maya ···⟧');
  });

  it('runs on every string of an i18next instance that asks for it, after interpolation', () => {
    const i18n = createInstance();
    void i18n.use(pseudoPostProcessor).init({
      lng: 'en',
      resources: { en: { translation: { hello: 'Hello {{name}}', items_one: '{{count}} item', items_other: '{{count}} items' } } },
      interpolation: interpolationOptions,
      postProcess: ['pseudo'],
      initImmediate: false,
    });
    expect(i18n.t('hello', { name: 'Ruby' })).toBe('⟦Ĥéļļö Ruby ··⟧');
    expect(i18n.t('items', { count: 3 })).toBe('⟦3 îţéɱš ··⟧');
  });

  it('leaves an empty string empty', () => {
    expect(pseudoLocalise('')).toBe('');
  });
});
