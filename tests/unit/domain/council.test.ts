import { describe, expect, it } from 'vitest';
import { councilFrom, deploymentCouncil, feedbackLink, isBareOrigin, isHexColour, isHttpsUrl, isUkPhoneNumber, linkTo, parseMailbox, senderOf, telHref, type CouncilRecord } from '~/domain/council';

const defaults = { baseUrl: 'https://ehcp.example.gov.uk', sender: { name: 'EHCP portal', address: 'no-reply@ehcp.example.gov.uk' } };
const northfield: CouncilRecord = {
  id: 'la-1',
  name: 'Northfield Borough Council',
  contactEmail: 'send@northfield.example',
  contactPhone: '01632 960000',
  publicBaseUrl: null,
  emailFromName: null,
  emailFromAddress: null,
  contactHours: null,
  sendiassName: null,
  sendiassPhone: null,
  sendiassEmail: null,
  sendiassUrl: null,
  localOfferUrl: null,
  feedbackUrl: null,
  brandColour: null,
};

describe('the council an email or page speaks for', () => {
  it('a council that has set nothing uses the deployment address and sender, with its own name and contact', () => {
    expect(councilFrom(northfield, defaults)).toEqual({
      laId: 'la-1',
      name: 'Northfield Borough Council',
      baseUrl: 'https://ehcp.example.gov.uk',
      sender: defaults.sender,
      contact: { email: 'send@northfield.example', phone: '01632 960000', hours: null },
      sendiass: null,
      localOfferUrl: null,
      feedbackUrl: null,
      brandColour: null,
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
    expect(deploymentCouncil(defaults)).toEqual({
      laId: null,
      name: null,
      baseUrl: defaults.baseUrl,
      sender: defaults.sender,
      contact: null,
      sendiass: null,
      localOfferUrl: null,
      feedbackUrl: null,
      brandColour: null,
    });
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

describe("a council's help details, feedback link and colour", () => {
  const full: CouncilRecord = {
    ...northfield,
    contactHours: ' Monday to Friday, 9am to 5pm ',
    sendiassName: 'Northfield SENDIASS',
    sendiassPhone: '01632 960111',
    sendiassEmail: 'info@sendiass.northfield.example',
    sendiassUrl: 'https://sendiass.northfield.example',
    localOfferUrl: 'https://www.northfield.example/local-offer',
    feedbackUrl: 'https://www.northfield.example/feedback',
    brandColour: '#1D70B8',
  };

  it('are carried as the council set them, the colour in lower case', () => {
    expect(councilFrom(full, defaults)).toMatchObject({
      contact: { email: 'send@northfield.example', phone: '01632 960000', hours: 'Monday to Friday, 9am to 5pm' },
      sendiass: { name: 'Northfield SENDIASS', phone: '01632 960111', email: 'info@sendiass.northfield.example', url: 'https://sendiass.northfield.example' },
      localOfferUrl: 'https://www.northfield.example/local-offer',
      feedbackUrl: 'https://www.northfield.example/feedback',
      brandColour: '#1d70b8',
    });
  });

  it('a stored link that is not https, or a colour that is not #rrggbb, is left out rather than used', () => {
    const bad = { ...full, sendiassUrl: 'http://sendiass.example', localOfferUrl: 'javascript:alert(1)', feedbackUrl: 'not a url', brandColour: 'red;}body{display:none' };
    expect(councilFrom(bad, defaults)).toMatchObject({ localOfferUrl: null, feedbackUrl: null, brandColour: null, sendiass: { url: null, name: 'Northfield SENDIASS' } });
  });

  it('SENDIASS is null when nothing of it is given, and kept when only part is', () => {
    expect(councilFrom({ ...northfield, sendiassName: '  ' }, defaults).sendiass).toBeNull();
    expect(councilFrom({ ...northfield, sendiassPhone: '01632 960111' }, defaults).sendiass).toEqual({ name: null, phone: '01632 960111', email: null, url: null });
  });

  it("feedback goes to the council's page, else its SEND team's email, else the deployment's help page", () => {
    expect(feedbackLink(councilFrom(full, defaults))).toBe('https://www.northfield.example/feedback');
    expect(feedbackLink(councilFrom(northfield, defaults))).toBe('mailto:send@northfield.example');
    expect(feedbackLink(deploymentCouncil(defaults))).toBe('/help');
    expect(feedbackLink(null)).toBe('/help');
  });
});

describe('what a council may set', () => {
  it.each(['https://www.northfield.example/local-offer', 'https://a.example'])('%s is an https link', (url) => expect(isHttpsUrl(url)).toBe(true));
  it.each(['http://a.example', 'javascript:alert(1)', 'https://user:pw@a.example', 'https://localhost', 'www.a.example', ''])('%s is not', (url) => expect(isHttpsUrl(url)).toBe(false));

  it.each(['#1d70b8', '#ABCDEF'])('%s is a colour', (colour) => expect(isHexColour(colour)).toBe(true));
  it.each(['1d70b8', '#fff', '#1d70b8 ', 'red', '#1d70b8;color:red'])('%s is not', (colour) => expect(isHexColour(colour)).toBe(false));

  it.each(['01632 960000', '01632960000', '0800 123 4567', '020 7946 0000', '+44 1632 960000', '+44 (0)1632 960000', '(01632) 960-000'])('%s is a UK phone number', (phone) =>
    expect(isUkPhoneNumber(phone)).toBe(true),
  );
  it.each(['12345', '01632', '+1 555 123 4567', '00 1632 960000', '01632 960000 ext 2', '01632 9600000000', 'phone me'])('%s is not', (phone) => expect(isUkPhoneNumber(phone)).toBe(false));

  it('a phone number becomes a tel: link of its digits', () => {
    expect(telHref('01632 960000')).toBe('tel:01632960000');
    expect(telHref('+44 (0)1632 960-000')).toBe('tel:+441632960000');
  });
});
