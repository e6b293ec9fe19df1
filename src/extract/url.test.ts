import { domainToASCII } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.js';

const of = (text: string, kind: string) =>
  extractText(text)
    .indicators.filter((i) => i.kind === kind)
    .map((i) => i.value);

describe('URLs and domains', () => {
  it('refangs hxxp, [.] and (dot)', () => {
    expect(of('go to hxxps://micros0ft-help[.]azurewebsites[.]net/x', 'url')).toEqual([
      'https://micros0ft-help.azurewebsites.net/x',
    ]);
    expect(of('site: secure-pc-alert(dot)com', 'domain')).toEqual(['secure-pc-alert.com']);
  });

  it('keeps a popup served from a bare IPv4 address as a URL, with no domain', () => {
    const text =
      'the popup was at http://45.61.12.9/win/alert.html?ph=18443290175 and version 10.0.19045 ran';
    expect(of(text, 'url')).toEqual(['http://45.61.12.9/win/alert.html?ph=18443290175']);
    expect(of(text, 'domain')).toEqual([]);
  });

  it('keeps the full hostname on hosting suffixes, with the registrable domain alongside', () => {
    const [d] = extractText('https://abc-support.azurewebsites.net/').indicators.filter(
      (i) => i.kind === 'domain',
    );
    expect(d?.value).toBe('abc-support.azurewebsites.net');
    expect(d?.meta?.hostingSuffix).toBe('azurewebsites.net');
    expect(d?.meta?.registrableDomain).toBe('abc-support.azurewebsites.net');
    expect(d?.meta?.common).toBeUndefined();
  });

  it('finds bare domains but not sentences run together or file names', () => {
    expect(of('I went to windows-alert-center.online and paid.Then he left', 'domain')).toEqual([
      'windows-alert-center.online',
    ]);
    expect(of('he told me.so I ran setup.zip and AnyDesk.exe', 'domain')).toEqual([]);
  });

  it('matches punycode in ASCII and shows Unicode', () => {
    const [d] = extractText('visit https://micrоsoft-support.com/ now').indicators.filter(
      (i) => i.kind === 'domain',
    );
    expect(d?.value).toBe(domainToASCII('micrоsoft-support.com'));
    expect(d?.value).toMatch(/^xn--/);
    expect(d?.display).toBe('micrоsoft-support.com');
  });

  it('flags brand apexes as common values', () => {
    const [d] = extractText('he said go to support.microsoft.com').indicators.filter(
      (i) => i.kind === 'domain',
    );
    expect(d?.meta?.common).toMatchObject({ mode: 'block' });
  });

  it('reads e-mails, defanged too, without a separate domain', () => {
    const r = extractText('mail from Help.Desk@Secure-Fix.co.uk and billing[at]pc-care[.]net.');
    expect(r.indicators.filter((i) => i.kind === 'email').map((i) => i.value)).toEqual([
      'help.desk@secure-fix.co.uk',
      'billing@pc-care.net',
    ]);
    expect(r.indicators.filter((i) => i.kind === 'domain')).toEqual([]);
  });
});
