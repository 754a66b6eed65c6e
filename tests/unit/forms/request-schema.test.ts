import { describe, expect, it } from 'vitest';
import { validateSection } from '~/features/requests/index.server';
import { sectionBySlug } from '~/features/requests';
import { answersFrom } from '~/features/requests/request-schema';

describe('request section schemas (shared by the browser and the action)', () => {
  const communication = sectionBySlug('communication')!;

  it('asks for every required answer, with its own message', () => {
    const result = validateSection(communication, answersFrom(communication, {}));
    expect(result).toEqual({ ok: false, errors: { contactLanguage: 'errors.request.contactLanguage', interpreter: 'errors.request.interpreter' } });
  });

  it('needs the interpreter language only when an interpreter is wanted, and drops it otherwise', () => {
    const wanted = validateSection(communication, { contactLanguage: 'Polish', interpreter: 'yes', interpreterLanguage: '', formats: '' });
    expect(wanted).toEqual({ ok: false, errors: { interpreterLanguage: 'errors.request.interpreterLanguage' } });
    const notWanted = validateSection(communication, { contactLanguage: ' Polish ', interpreter: 'no', interpreterLanguage: 'Polish', formats: '' });
    expect(notWanted).toEqual({ ok: true, answers: { contactLanguage: 'Polish', interpreter: 'no', interpreterLanguage: '', formats: '' } });
  });

  it('refuses a choice that is not offered, and answers that are too long', () => {
    expect(validateSection(communication, { contactLanguage: 'x'.repeat(101), interpreter: 'maybe', interpreterLanguage: '', formats: '' })).toEqual({
      ok: false,
      errors: { contactLanguage: 'errors.request.tooLong', interpreter: 'errors.request.interpreter' },
    });
  });

  it('reads checkboxes from the browser (a list) and from a posted form (comma-joined) alike', () => {
    const consent = sectionBySlug('consent')!;
    expect(answersFrom(consent, { shareWith: ['school', 'health'], consent: 'yes' })).toEqual({ shareWith: 'school,health', consent: 'yes' });
    expect(answersFrom(consent, { shareWith: 'school,health', consent: true })).toEqual({ shareWith: 'school,health', consent: 'yes' });
    expect(validateSection(consent, { shareWith: 'school,spies', consent: 'yes' })).toEqual({ ok: false, errors: { shareWith: 'errors.request.shareWith' } });
  });
});
