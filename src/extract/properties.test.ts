import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_KINDS, normaliseIndicator } from '../core/indicator-kinds.js';
import { extractReport, extractText } from './index.js';

// Any text around, letters and digits included; only a sentence break separates it from the indicator.
const around = fc.string({ maxLength: 200, unit: 'grapheme' }).map((s) => s.replace(/[\r\n]/g, ' '));

describe('extraction never fails on hostile input', () => {
  it('survives a megabyte of random characters', () => {
    const chars = 'ab1+-.()/@[]: \n\t€$£9xX0hxxp://%=&?*ÿ中é';
    let s = '';
    let seed = 7;
    while (s.length < 1_000_000) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      s += chars[seed % chars.length];
    }
    const t0 = performance.now();
    expect(() => extractText(s, { country: 'US' })).not.toThrow();
    expect(performance.now() - t0).toBeLessThan(20_000);
  });

  it('never throws on arbitrary strings, lone surrogates and RTL text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 500, unit: 'binary' }),
          fc.string({ maxLength: 500, unit: 'grapheme' }),
          fc
            .array(fc.integer({ min: 0xd800, max: 0xdfff }), { maxLength: 50 })
            .map((xs) => String.fromCharCode(...xs)),
          fc
            .string({ maxLength: 300 })
            .map(
              (s) => `\u202e${s}\u05e9\u05dc\u05d5\u05dd 1-855-442-8444 \u0645\u0631\u062d\u0628\u0627\u202c`,
            ),
        ),
        fc.constantFrom(undefined, 'US', 'GB', 'FR', 'JP', 'zz', 'XX'),
        (text, country) => {
          const r = extractText(text, { country });
          expect(r.triage.score).toBeGreaterThanOrEqual(0);
          expect(r.triage.score).toBeLessThanOrEqual(1);
          for (const i of r.indicators) expect(i.start! <= i.end!).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary report objects', () => {
    fc.assert(
      fc.property(
        fc.record(
          {
            narrative: fc.string({ maxLength: 200 }),
            callbackNumbers: fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }),
            urls: fc.array(fc.string({ maxLength: 60 }), { maxLength: 3 }),
            payments: fc.array(
              fc.record(
                {
                  amount: fc.double({ min: 0, max: 1e9, noNaN: true }),
                  currency: fc.constantFrom('USD', 'eur', 'GBP'),
                  recipient: fc.record(
                    { iban: fc.string(), walletAddress: fc.string(), accountNumber: fc.string() },
                    { requiredKeys: [] },
                  ),
                },
                { requiredKeys: [] },
              ),
              { maxLength: 2 },
            ),
          },
          { requiredKeys: [] },
        ),
        (report) => {
          expect(() => extractReport(report)).not.toThrow();
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('normalisation is idempotent', () => {
  it('normalise(normalise(x)) = normalise(x) for every kind', () => {
    fc.assert(
      fc.property(fc.constantFrom(...INDICATOR_KINDS), fc.string({ maxLength: 80 }), (kind, raw) => {
        const once = normaliseIndicator(kind, raw);
        if (once !== null) expect(normaliseIndicator(kind, once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });

  it('holds on values that look like real indicators too', () => {
    const samples: Array<[(typeof INDICATOR_KINDS)[number], string]> = [
      ['phone', '+1 (855) 442-8444'],
      ['domain', 'WWW.Bücher-Hilfe.DE.'],
      ['url', 'HTTP://Micros0ft-Help.AzureWebsites.net:80/a/../b?x=1#y'],
      ['email', 'Help.Desk@Secure-Fix.CO.UK'],
      ['company', 'Easy-Net Express Pvt. Ltd.'],
      ['merchant', 'sq *pc  geeks'],
      ['person', 'Mr.  David MILLER'],
      ['iban', 'gb82 west 1234 5698 7654 32'],
    ];
    for (const [kind, raw] of samples) {
      const once = normaliseIndicator(kind, raw);
      expect(once).not.toBeNull();
      expect(normaliseIndicator(kind, once!)).toBe(once);
    }
  });
});

describe('an indicator inserted into any text is found', () => {
  const nanp = fc
    .tuple(
      fc.constantFrom('800', '833', '844', '855', '866', '877', '888', '212', '646'),
      fc.integer({ min: 200, max: 999 }),
      fc.integer({ min: 0, max: 9999 }),
    )
    .filter(([, ex, line]) => !(ex === 555 && line >= 100 && line <= 199))
    .map(([a, ex, line]) => ({
      e164: `+1${a}${ex}${String(line).padStart(4, '0')}`,
      parts: [a, String(ex), String(line).padStart(4, '0')] as const,
    }));
  const label = fc.stringMatching(/^[a-z0-9]{1,12}$/);

  it('phone numbers, in any of the usual layouts', () => {
    fc.assert(
      fc.property(around, around, nanp, fc.integer({ min: 0, max: 4 }), (before, after, n, style) => {
        const [a, e, l] = n.parts;
        const written = [
          `1-${a}-${e}-${l}`,
          `(${a}) ${e}-${l}`,
          `${a}.${e}.${l}`,
          `+1 ${a} ${e} ${l}`,
          `1-(${a}) ${e}-${l}`,
        ][style]!;
        const r = extractText(`${before}. Please call ${written} now. ${after}`, { country: 'US' });
        expect(r.indicators.filter((i) => i.kind === 'phone').map((i) => i.value)).toContain(n.e164);
      }),
      { numRuns: 300 },
    );
  });

  it('domains, URLs and e-mails, plain or defanged', () => {
    fc.assert(
      fc.property(
        around,
        around,
        label,
        label,
        fc.constantFrom('com', 'net', 'online', 'co.uk', 'azurewebsites.net', 'pages.dev'),
        fc.boolean(),
        (before, after, a, b, tld, defanged) => {
          const host = `${a}-${b}.${tld}`;
          const shownHost = defanged ? host.replace(/\./g, '[.]') : host;
          const r = extractText(
            `${before}. The site https://${shownHost}/x and the mail ${a}@${shownHost} then. ${after}`,
          );
          const values = r.indicators.map((i) => `${i.kind} ${i.value}`);
          expect(values).toContain(`domain ${host}`);
          expect(values).toContain(`url https://${host}/x`);
          expect(values).toContain(`email ${a}@${host}`);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('amounts with their currency', () => {
    fc.assert(
      fc.property(
        around,
        around,
        fc.integer({ min: 1, max: 999_999 }),
        fc.constantFrom(['$', 'USD'], ['£', 'GBP'], ['€', 'EUR']),
        (before, after, n, [sym, code]) => {
          const written = `${sym}${n.toLocaleString('en-US')}`;
          const r = extractText(`${before}. I paid ${written} today. ${after}`);
          expect(r.amounts.map((x) => `${x.value} ${x.currency}`)).toContain(`${n} ${code}`);
        },
      ),
      { numRuns: 300 },
    );
  });
});
