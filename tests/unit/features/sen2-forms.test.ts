import { describe, expect, it } from 'vitest';
import { parsePlacement, parseReturnDetails } from '~/features/sen2/return-details-form.server';

describe('the Return details form', () => {
  it('keeps empty items as not recorded, normalises identifiers and postcodes', () => {
    const parsed = parseReturnDetails({ upn: ' h801 2000 01001 ', postcode: 'nf1   2ab', sex: 'F' });
    expect(parsed).toMatchObject({
      ok: true,
      data: { upn: 'H801200001001', upnUnknown: null, uln: null, sex: 'F', ethnicity: null, postcode: 'NF1 2AB', primaryNeed: null, secondaryNeed: null, personalBudget: null, ceaseReason: null },
    });
  });

  it('says what is wrong with each item', () => {
    const parsed = parseReturnDetails({ upn: 'A801200001001', uln: '12', postcode: 'nowhere', sex: 'X', secondaryNeed: 'ASD', ceaseReason: '0' });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.errors).toEqual({
      upn: 'errors.sen2.upnInvalid',
      uln: 'errors.sen2.ulnInvalid',
      postcode: 'errors.sen2.postcodeInvalid',
      sex: 'errors.sen2.codeUnknown',
      ceaseReason: 'errors.sen2.codeUnknown',
      primaryNeed: 'errors.sen2.primaryFirst',
    });
    const order = parseReturnDetails({ secondaryNeed: 'ASD' });
    expect(!order.ok && order.errors).toEqual({ primaryNeed: 'errors.sen2.primaryFirst' });
    const same = parseReturnDetails({ primaryNeed: 'ASD', secondaryNeed: 'ASD', upn: 'H801200001001', upnUnknown: 'UN2' });
    expect(!same.ok && same.errors).toEqual({ secondaryNeed: 'errors.sen2.needRepeated', upnUnknown: 'errors.sen2.upnAndReason' });
  });
});

describe('the placement form', () => {
  const key = '7d1c3a4e-1b2c-4d5e-8f90-123456789abc';
  const setting = '0b6f0a52-54c6-4a8f-9a3e-6a1f7f2d9c10';

  it('needs a setting, or a SENsetting type for a placement with no URN or UKPRN', () => {
    const dated = { 'entryDate-day': '3', 'entryDate-month': '9', 'entryDate-year': '2025', formKey: key };
    expect(parsePlacement({ ...dated })).toEqual({ ok: false, errors: { settingId: 'errors.sen2.placementWhereRequired' } });
    expect(parsePlacement({ ...dated, settingId: 'not-an-id' })).toEqual({ ok: false, errors: { settingId: 'errors.sen2.settingRequired' } });
    expect(parsePlacement({ ...dated, settingId: setting })).toEqual({ ok: true, placement: { settingCode: null, settingId: setting, entryDate: '2025-09-03', leavingDate: null, formKey: key } });
    expect(parsePlacement({ ...dated, settingCode: 'EHE' })).toEqual({ ok: true, placement: { settingCode: 'EHE', settingId: null, entryDate: '2025-09-03', leavingDate: null, formKey: key } });
    // A nursery on the council's list with no URN: both.
    expect(parsePlacement({ ...dated, settingCode: 'EYP', settingId: setting })).toEqual({ ok: true, placement: { settingCode: 'EYP', settingId: setting, entryDate: '2025-09-03', leavingDate: null, formKey: key } });
    // Codes from before the 2025 guide are refused.
    expect(parsePlacement({ ...dated, settingCode: 'EOTAS' })).toEqual({ ok: false, errors: { settingCode: 'errors.sen2.codeUnknown' } });
    expect(parsePlacement({ ...dated, settingCode: 'MS', settingId: setting })).toEqual({ ok: false, errors: { settingCode: 'errors.sen2.codeUnknown' } });
  });

  it('checks the dates and their order', () => {
    expect(parsePlacement({ settingId: setting, formKey: key })).toEqual({ ok: false, errors: { entryDate: 'errors.sen2.entryDateRequired' } });
    expect(parsePlacement({ settingId: setting, 'entryDate-day': '31', 'entryDate-month': '2', 'entryDate-year': '2025', formKey: key })).toEqual({ ok: false, errors: { entryDate: 'errors.date.invalid' } });
    expect(parsePlacement({ settingId: setting, 'entryDate-day': '3', 'entryDate-month': '9', 'entryDate-year': '2025', 'leavingDate-day': '2', 'leavingDate-month': '9', 'leavingDate-year': '2025', formKey: key })).toEqual({
      ok: false,
      errors: { leavingDate: 'errors.sen2.leavingBeforeEntry' },
    });
  });
});
