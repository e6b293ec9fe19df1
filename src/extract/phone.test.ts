import { describe, expect, it } from 'vitest';
import { extractText } from './index.js';

const phones = (text: string, country?: string) =>
  extractText(text, { country }).indicators.filter((i) => i.kind === 'phone');
const values = (text: string, country?: string) => phones(text, country).map((p) => p.value);

describe('phone numbers', () => {
  it('reads the spaced, dotted, bracketed and 1-(888) forms as E.164', () => {
    expect(values('call 1- 855-442-8444 now')).toEqual(['+18554428444']);
    expect(values('ring 1.844.201.0390 today')).toEqual(['+18442010390']);
    expect(values('the number (866) 901-2387 on screen')).toEqual(['+18669012387']);
    expect(values('Call 1-(888) 720-3141 immediately')).toEqual(['+18887203141']);
    expect(values('+44 20 3807 1102 was the number')).toEqual(['+442038071102']);
  });

  it("uses the victim's country as the default region", () => {
    expect(values('ils m’ont dit d’appeler le 09 70 73 25 44', 'FR')).toEqual(['+33970732544']);
    expect(values('Rufen Sie 030 25 55 71 90 an', 'DE')).toEqual(['+493025557190']);
    expect(values('call 0800 098 8571 to fix it', 'GB')).toEqual(['+448000988571']);
    // A national number without a country cannot be placed, except NANP forms people write everywhere.
    expect(values('call 0800 098 8571 to fix it')).toEqual([]);
    expect(values('call 1-855-442-8444', 'GB')).toEqual(['+18554428444']);
  });

  it('reads numbers grouped like dates when they cannot be dates, and skips real dates', () => {
    expect(values('サポートに電話してください：0120-95-3471', 'JP')).toEqual(['+81120953471']);
    expect(values('it happened on 2024-05-12 and again 12.05.2024', 'DE')).toEqual([]);
    expect(values('paid on 5/12/24', 'US')).toEqual([]);
  });

  it('keeps an extension apart and never swallows the following number', () => {
    const [a, b] = phones('Call +44 20 3807 1102 ext. 204, 0800 098 8571 after', 'GB');
    expect(a?.value).toBe('+442038071102');
    expect(a?.meta?.ext).toBe('204');
    expect(b?.value).toBe('+448000988571');
    expect(values('tel (855) 442.8444 x12 then 0100, 0800 098 8571', 'GB')).toEqual([
      '+18554428444',
      '+448000988571',
    ]);
  });

  it('drops fictitious and redacted numbers', () => {
    expect(values('call 1-888-555-0123 or 555-0199')).toEqual([]);
    expect(values('the number was 800-XXX-XXXX')).toEqual([]);
    expect(values('call 020 7946 0958', 'GB')).toEqual([]);
  });

  it('finds numbers in URL query parameters, plain, percent-encoded and base64', () => {
    expect(values('hxxps://alert-pc[.]com/?phone=18554428444')).toEqual(['+18554428444']);
    expect(values('https://x-help.web.app/index.html?pn=%2B18554428444&lang=en')).toEqual(['+18554428444']);
    expect(values(`https://x-help.web.app/?pn=${btoa('+18554428444')}`)).toEqual(['+18554428444']);
  });

  it('does not read case numbers, remote IDs, dates, amounts or card numbers as phones', () => {
    expect(values('case number 8554428444 was given')).toEqual([]);
    expect(values('AnyDesk ID 855 442 844', 'US')).toEqual([]);
    expect(values('on 12.03.2024 I paid $1,855.00', 'DE')).toEqual([]);
    expect(values('card 4111 1111 1111 1111')).toEqual([]);
  });

  it('gives offsets into the text and the line type', () => {
    const text = 'Popup said call 1-855-442-8444.';
    const [p] = phones(text);
    expect(text.slice(p!.start, p!.end)).toBe('1-855-442-8444');
    expect(p!.meta?.lineType).toBe('toll_free');
  });

  it('reads full-width Japanese digits', () => {
    expect(values('０１２０－９４６－３８１に電話してください', 'JP')).toEqual(['+81120946381']);
  });
});
