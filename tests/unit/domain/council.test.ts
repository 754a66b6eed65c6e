import { describe, expect, it } from 'vitest';
import { councilFrom, deploymentCouncil, isBareOrigin, linkTo, parseMailbox, senderOf, type CouncilRecord } from '~/domain/council';

const defaults = { baseUrl: 'https://ehcp.example.gov.uk', sender: { name: 'EHCP portal', address: 'no-reply@ehcp.example.gov.uk' } };
const northfield: CouncilRecord = {
  id: 'la-1',
  name: 'Northfield Borough Council',
  contactEmail: 'send@northfield.example',
  contactPhone: '01632 960000',
  publicBaseUrl: null,
  emailFromName: null,
  emailFromAddress: null,
};

describe('the council an email or page speaks for', () => {
  it('a council that has set nothing uses the deployment address and sender, with its own name and contact', () => {
    expect(councilFrom(northfield, defaults)).toEqual({
      laId: 'la-1',
      name: 'Northfield Borough Council',
      baseUrl: 'https://ehcp.example.gov.uk',
      sender: defaults.sender,
      contact: { email: 'send@northfield.example', phone: '01632 960000' },
    });
  });

  it("a council's own address and sender win; its own address is sent under its name unless it chose one", () => {
    const own = { ...northfield, publicBaseUrl: 'https://send.northfield.example', emailFromAddress: 'send@northfield.example' };
    expect(councilFrom(own, defaults)).toMatchObject({ baseUrl: 'https://send.northfield.example', sender: { name: 'Northfield Borough Council', address: 'send@northfield.example' } });
    expect(councilFrom({ ...own, emailFromName: 'Northfield SEND team' }, defaults).sender).toEqual({ name: 'Northfield SEND team', address: 'send@northfield.example' });
  });

  it('a chosen name alone is shown on the deployment address', () => {
    expect(senderOf({ ...northfield, emailFromName: 'Northfield SEND' }, defaults.sender)).toEqual({ name: 'Northfield SEND', address: 'no-reply@ehcp.example.gov.uk' });
    expect(senderOf({ ...northfield, emailFromName: '  ', emailFromAddress: ' ' }, defaults.sender)).toEqual(defaults.sender);
  });

  it('a stored address that is not a bare origin is ignored rather than put into links', () => {
    expect(councilFrom({ ...northfield, publicBaseUrl: 'https://evil.example/path?x' }, defaults).baseUrl).toBe(defaults.baseUrl);
    expect(councilFrom({ ...northfield, publicBaseUrl: 'javascript:alert(1)' }, defaults).baseUrl).toBe(defaults.baseUrl);
  });

  it('no council: the deployment speaks, with no name or contact of a council', () => {
    expect(councilFrom(null, defaults)).toEqual(deploymentCouncil(defaults));
    expect(deploymentCouncil(defaults)).toEqual({ laId: null, name: null, baseUrl: defaults.baseUrl, sender: defaults.sender, contact: null });
  });
});

describe('links', () => {
  it('start with the council address and take an absolute path', () => {
    expect(linkTo({ baseUrl: 'https://send.northfield.example' }, '/cases/1/messages')).toBe('https://send.northfield.example/cases/1/messages');
    expect(linkTo({ baseUrl: 'http://localhost:3000' }, '/')).toBe('http://localhost:3000/');
  });

  it('refuse a relative or protocol-relative path, which would leave the council address', () => {
    expect(() => linkTo({ baseUrl: 'https://a.example' }, 'cases/1')).toThrow();
    expect(() => linkTo({ baseUrl: 'https://a.example' }, '//evil.example/x')).toThrow();
  });
});

describe('origins and mailboxes', () => {
  it('an origin is http(s) with no path, query, fragment or credentials', () => {
    expect(isBareOrigin('https://ehcp.example.gov.uk')).toBe(true);
    expect(isBareOrigin('http://localhost:3000/')).toBe(true);
    expect(isBareOrigin('https://ehcp.example.gov.uk/portal')).toBe(false);
    expect(isBareOrigin('https://user:pw@ehcp.example.gov.uk')).toBe(false);
    expect(isBareOrigin('ftp://ehcp.example.gov.uk')).toBe(false);
    expect(isBareOrigin('not a url')).toBe(false);
  });

  it('MAIL_FROM is read as "Name <address>" or a bare address', () => {
    expect(parseMailbox('EHCP portal <no-reply@ehcp-portal.example>', 'x')).toEqual({ name: 'EHCP portal', address: 'no-reply@ehcp-portal.example' });
    expect(parseMailbox('"Northfield SEND" <send@northfield.example>', 'x')).toEqual({ name: 'Northfield SEND', address: 'send@northfield.example' });
    expect(parseMailbox('no-reply@ehcp.example', 'EHCP portal')).toEqual({ name: 'EHCP portal', address: 'no-reply@ehcp.example' });
  });
});
