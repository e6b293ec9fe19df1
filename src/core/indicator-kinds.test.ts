import { describe, expect, it } from 'vitest';
import {
  commonValue,
  INDICATOR_KINDS,
  INDICATOR_REGISTRY,
  normaliseCompany,
  normaliseIndicator,
} from './indicator-kinds.js';

describe('indicator-kind registry', () => {
  it('has one complete entry per kind', () => {
    for (const kind of INDICATOR_KINDS) {
      const spec = INDICATOR_REGISTRY[kind];
      expect(spec.kind).toBe(kind);
      expect(spec.stix.type.length).toBeGreaterThan(0);
    }
  });

  it('normalises each kind to one canonical form', () => {
    expect(normaliseIndicator('phone', '+1 (855) 442-8444')).toBe('+18554428444');
    expect(normaliseIndicator('phone', '0044 20 3807 1102')).toBe('+442038071102');
    expect(normaliseIndicator('domain', 'WWW.Secure-Fix.COM.')).toBe('secure-fix.com');
    expect(normaliseIndicator('domain', 'bücher-hilfe.de')).toBe('xn--bcher-hilfe-thb.de');
    expect(normaliseIndicator('url', 'HTTPS://Secure-Fix.com:443/a?b=1#frag')).toBe(
      'https://secure-fix.com/a?b=1',
    );
    expect(normaliseIndicator('email', 'Help@Secure-Fix.COM')).toBe('help@secure-fix.com');
    expect(normaliseIndicator('iban', 'gb82 west 1234 5698 7654 32')).toBe('GB82WEST12345698765432');
    expect(normaliseIndicator('merchant', 'sq *pc  geeks')).toBe('SQ*PC GEEKS');
    expect(normaliseIndicator('card_last4', '4111 1111 1111 1234')).toBe('1234');
    expect(normaliseIndicator('person', 'Mr. David  Miller')).toBe('david miller');
  });

  it('strips legal suffixes from company names', () => {
    expect(normaliseCompany('Easy-Net Express Pvt. Ltd.')).toBe('easy net express');
    expect(normaliseCompany('EASY NET EXPRESS PRIVATE LIMITED')).toBe('easy net express');
    expect(normaliseCompany('Techfix Solutions, LLC')).toBe('techfix solutions');
    expect(normaliseCompany('Ltd')).toBe('ltd');
  });

  it('blocks brand apexes, hosts under them and real support numbers', () => {
    expect(commonValue('domain', 'microsoft.com')?.mode).toBe('block');
    expect(commonValue('domain', 'support.microsoft.com')?.mode).toBe('block');
    expect(commonValue('domain', 'anydesk.com')?.mode).toBe('block');
    expect(commonValue('url', 'https://get.teamviewer.com/abc')?.mode).toBe('block');
    expect(commonValue('phone', '+1 800 642 7676')?.mode).toBe('block');
    expect(commonValue('phone', '+18002752273')?.mode).toBe('block');
    expect(commonValue('domain', 'gmail.com')?.mode).toBe('inform');
    expect(commonValue('company', 'Microsoft Corporation')?.mode).toBe('block');
  });

  it('never treats a host on a hosting suffix, or a look-alike, as common', () => {
    expect(commonValue('domain', 'micros0ft-help.azurewebsites.net')).toBeNull();
    expect(commonValue('domain', 'azurewebsites.net')).toBeNull();
    expect(commonValue('domain', 'x.web.core.windows.net')).toBeNull();
    expect(commonValue('domain', 'microsoft.com.support-desk.xyz')).toBeNull();
    expect(commonValue('domain', 'notmicrosoft.com')).toBeNull();
    expect(commonValue('phone', '+18554428444')).toBeNull();
    expect(commonValue('email', 'scammer@gmail.com')).toBeNull();
  });
});
