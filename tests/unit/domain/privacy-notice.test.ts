import { describe, expect, it } from 'vitest';
import { changedFields, EMPTY_PRIVACY_NOTICE, paragraphsOf, privacyNoticeOf } from '~/domain/privacy-notice';

const council = { name: 'Eastmoor Borough Council', code: 'EBC', contactEmail: 'send@eastmoor.example' };

describe("a council's privacy notice", () => {
  it('with nothing written, the council is the controller and every part shows the default wording', () => {
    expect(privacyNoticeOf(council, null)).toEqual({
      council: { name: 'Eastmoor Borough Council', code: 'EBC' },
      controller: 'Eastmoor Borough Council',
      dpo: null,
      councilEmail: 'send@eastmoor.example',
      lawfulBases: null,
      sharedWith: null,
      retention: null,
      extraRights: null,
    });
  });

  it("shows what the admin wrote: the DPO's email and postal address by line, each section by paragraph", () => {
    const notice = privacyNoticeOf(council, {
      ...EMPTY_PRIVACY_NOTICE,
      controllerName: '  Eastmoor Council (Children’s Services) ',
      dpoPostalAddress: 'Data Protection Officer\r\nTown Hall\n\n  Eastmoor EM1 1AA ',
      lawfulBases: 'Public task.\n\n\nSubstantial public interest.\nSecond line.',
      retention: '   ',
    });
    expect(notice.controller).toBe('Eastmoor Council (Children’s Services)');
    expect(notice.dpo).toEqual({ email: null, postalAddressLines: ['Data Protection Officer', 'Town Hall', 'Eastmoor EM1 1AA'] });
    expect(notice.lawfulBases).toEqual(['Public task.', 'Substantial public interest.\nSecond line.']);
    expect(notice.retention).toBeNull();
  });

  it('a DPO email alone is enough', () => {
    expect(privacyNoticeOf(council, { ...EMPTY_PRIVACY_NOTICE, dpoEmail: 'dpo@eastmoor.example' }).dpo).toEqual({ email: 'dpo@eastmoor.example', postalAddressLines: [] });
  });

  it('paragraphs: none from empty or blank text', () => {
    expect(paragraphsOf(null)).toBeNull();
    expect(paragraphsOf('\n \n')).toBeNull();
    expect(paragraphsOf('One')).toEqual(['One']);
  });

  it('names the fields that changed, for the audit log', () => {
    expect(changedFields(EMPTY_PRIVACY_NOTICE, EMPTY_PRIVACY_NOTICE)).toEqual([]);
    expect(changedFields(EMPTY_PRIVACY_NOTICE, { ...EMPTY_PRIVACY_NOTICE, retention: 'Until 31', dpoEmail: 'a@b.example' })).toEqual(['dpoEmail', 'retention']);
  });
});
