import { describe, expect, it } from 'vitest';
import { countryHint, type PageTexts, phonesOnPage } from './phones.js';

const page = (over: Partial<PageTexts>): PageTexts => ({
  text: '',
  title: null,
  url: 'https://win-defender-alert.azurewebsites.net/',
  finalUrl: null,
  redirectChain: [],
  dialogs: [],
  authRealms: [],
  ...over,
});
const pairs = (p: PageTexts) => phonesOnPage(p).map((f) => [f.e164, f.source]);

describe('phonesOnPage', () => {
  it('reads the number of a fake Windows Defender page in E.164 with its raw form', () => {
    const found = phonesOnPage(
      page({
        text: `Windows Defender Security Center
Access to this PC has been blocked for security reasons.
Error # 268D3 - Your computer has alerted us that it has been infected with a Trojan Spyware.
Call Microsoft Support: +1-844-329-0175 (Toll Free)
Do not restart your computer.`,
      }),
    );
    expect(found).toEqual([{ e164: '+18443290175', raw: '+1-844-329-0175', source: 'text' }]);
  });

  it('reads each source and ranks them text > title > dialog > auth realm > url > response > ocr', () => {
    const found = pairs(
      page({
        text: 'Contact support: (888) 201-7795',
        title: 'Security Alert! Call 1-877-456-1230',
        dialogs: ['** WARNING ** Your PC is infected. Call Windows Support at 1-833-614-2287 now'],
        authRealms: ['Microsoft Windows Security: call 1-855-203-1987 immediately'],
        url: 'https://alert-win32.web.app/?ph=18662220987',
        responseTexts: ['{"support_phone":"+1 (866) 943-1125","lang":"en"}'],
        ocrText: 'Call Microsoft Support 1 (844) 777-1234',
      }),
    );
    expect(found).toEqual([
      ['+18882017795', 'text'],
      ['+18774561230', 'title'],
      ['+18336142287', 'dialog'],
      ['+18552031987', 'auth_realm'],
      ['+18662220987', 'url'],
      ['+18669431125', 'response'],
      ['+18447771234', 'ocr'],
    ]);
  });

  it('keeps one entry per number, with the most direct source', () => {
    const found = phonesOnPage(
      page({
        text: 'Call now 1-844-329-0175',
        title: 'Support +1 844 329 0175',
        dialogs: ['Call +18443290175', 'Call +18443290175 again'],
        url: 'https://x.pages.dev/?phone=%2B18443290175',
        ocrText: '1 844 329 0175',
      }),
    );
    expect(found).toEqual([{ e164: '+18443290175', raw: '1-844-329-0175', source: 'text' }]);
  });

  it('reads numbers hidden in the URL: base64, percent-encoded, in the final URL or the redirect chain', () => {
    const found = pairs(
      page({
        url: 'https://track.example.net/c?pn=MTg0NDMyOTAxNzU=',
        redirectChain: ['https://hop.example.org/r?n1=%2B1%20888%20201%207795'],
        finalUrl:
          'https://errcode0x80070424.z13.web.core.windows.net/index.html?tfn=18772098811&gclid=Cj0KCQ',
      }),
    );
    expect(found).toEqual([
      ['+18443290175', 'url'],
      ['+18882017795', 'url'],
      ['+18772098811', 'url'],
    ]);
  });

  it('counts a number that is only inside a link of the text as a URL number', () => {
    const found = pairs(
      page({
        text: 'Click here: https://help-desk.example.com/call?phone=18336142287 to reach a technician',
      }),
    );
    expect(found).toEqual([['+18336142287', 'url']]);
  });

  it('reads national numbers with the country hint, and international ones without it', () => {
    const fr = page({
      text: 'Votre ordinateur est bloqué. Appelez le support Microsoft au 09 70 73 27 15 (appel gratuit)',
    });
    expect(pairs(fr)).toEqual([]);
    expect(pairs({ ...fr, country: 'FR' })).toEqual([['+33970732715', 'text']]);
    const de = page({
      text: 'Ihr Computer wurde gesperrt. Rufen Sie sofort an: 0800 183 4721',
      country: 'DE',
    });
    expect(pairs(de)).toEqual([['+498001834721', 'text']]);
    const ja = page({
      text: 'ウイルスが検出されました。サポートに電話してください：0120-945-383',
      country: 'JP',
    });
    expect(pairs(ja)).toEqual([['+81120945383', 'text']]);
    const intl = page({ text: 'Appelez le +33 9 70 73 27 15 immédiatement' });
    expect(pairs(intl)).toEqual([['+33970732715', 'text']]);
  });

  it('drops fictitious numbers, and reads an extension apart from the number', () => {
    expect(pairs(page({ text: 'Call 1-800-555-0142 now' }))).toEqual([]);
    expect(pairs(page({ text: 'Call 1-844-329-0175 ext. 204' }))).toEqual([['+18443290175', 'text']]);
  });

  it('reads defanged text', () => {
    const found = pairs(
      page({ dialogs: ['Call +1 844 329 0175 or visit hxxps://win-fix[.]com/?tel=18882017795'] }),
    );
    expect(found).toEqual([
      ['+18443290175', 'dialog'],
      ['+18882017795', 'url'],
    ]);
  });

  it('does not read the bare digit runs of scripts and JSON as phone numbers, but reads labelled or formatted ones', () => {
    const md5 =
      'var a=1732584193,b=-271733879,c=-1732584194,d=271733879;h=4023233417;k=[3614090360,3905402710];';
    const json = '{"id":4155550172123,"ts":1719834005,"campaign":8052237791,"cta":{"phone":"8443290175"}}';
    const xml = '<?xml version="1.0"?><config><number>1 (888) 201-7795</number></config>';
    expect(pairs(page({ responseTexts: [md5, json, xml] }))).toEqual([
      ['+18443290175', 'response'],
      ['+18882017795', 'response'],
    ]);
  });

  it('finds nothing on a page without numbers', () => {
    expect(phonesOnPage(page({ text: 'Welcome to our blog about gardening.', title: 'Gardening' }))).toEqual(
      [],
    );
  });
});

describe('countryHint', () => {
  it('prefers the region of the lang attribute', () => {
    expect(countryHint('fr-CA', 'https://x.fr/')).toBe('CA');
    expect(countryHint('en_GB', 'https://x.com/')).toBe('GB');
  });

  it('falls back on the country-code TLD, then on the language', () => {
    expect(countryHint('en', 'https://microsoft-hilfe.de/fehler')).toBe('DE');
    expect(countryHint(null, 'https://support-alert.co.uk/')).toBe('GB');
    expect(countryHint('ja', 'https://windows-keikoku.azurewebsites.net/')).toBe('JP');
    expect(countryHint('fr', 'https://x.com/')).toBe('FR');
  });

  it('gives nothing for English on a generic or vanity TLD, or an unreadable URL', () => {
    expect(countryHint('en', 'https://alert.pages.dev/')).toBeUndefined();
    expect(countryHint(null, 'https://win-error.io/')).toBeUndefined();
    expect(countryHint(null, 'https://win-error.co/')).toBeUndefined();
    expect(countryHint('', 'not a url')).toBeUndefined();
  });
});
