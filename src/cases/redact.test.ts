import { describe, expect, it } from 'vitest';
import { redactNarrative } from './redact.js';

describe('redactNarrative', () => {
  const who = { name: 'Margaret Ann Whitfield', email: 'maggie.w@example.org', phone: '+1 (503) 555-0187' };

  it("blanks the victim's name, parts of it, e-mail, phone and card numbers; keeps the scammers' indicators", () => {
    const text =
      'Hello, I am Margaret Whitfield (maggie.w@EXAMPLE.org, 503.555.0187). Whitfield is my late husband’s name. ' +
      'The popup said call +1 888 555 0142. I paid with card 4111 1111 1111 1111 to TECHFIX.';
    const out = redactNarrative(text, who);
    expect(out).not.toMatch(/Margaret|Whitfield|maggie|0187|4111/i);
    expect(out).toContain('+1 888 555 0142');
    expect(out).toContain('TECHFIX');
    expect(out).toContain('[name]');
    expect(out).toContain('[e-mail]');
    expect(out).toContain('[phone]');
    expect(out).toContain('[card number]');
  });

  it('leaves words that merely contain a name part alone, and survives regex characters in the name', () => {
    expect(redactNarrative('Anne went to Annecy', { name: 'Anne' })).toBe('[name] went to Annecy');
    expect(redactNarrative('I am (J.) Smith+', { name: '(J.) Smith+' })).toBe('I am [name]');
  });
});
