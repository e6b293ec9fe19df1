import { describe, expect, it } from 'vitest';
import { INDICATOR_KINDS, INDICATOR_REGISTRY } from '../../core/indicator-kinds.js';
import { coinSymbol, isBitcoinAddress, MISP_PLACEMENT, relationType } from './placement.js';

const BTC = 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh';

describe('where each indicator kind goes in MISP', () => {
  it('follows the registry’s MISP mapping, except where the registry names templates we cannot vouch for', () => {
    // Registry → here: url malicious-website → url object; domain → domain-ip object; person text → full-name;
    // merchant (transaction) and remote_access_id (rmm) → standalone text; card_last4 → not exported.
    const deviations: Record<string, string> = {};
    for (const kind of INDICATOR_KINDS) {
      const registry = INDICATOR_REGISTRY[kind].misp;
      const placed = MISP_PLACEMENT[kind];
      const here = placed
        ? placed.object === null
          ? `${placed.type}`
          : `${placed.object}/${placed.relation}:${relationType(placed.object, placed.relation, BTC).type}`
        : 'none';
      const there = registry.object
        ? `${registry.object}/${registry.relation}:${registry.attribute}`
        : registry.attribute;
      if (here !== there) deviations[kind] = `${there} → ${here}`;
    }
    expect(deviations).toEqual({
      domain: 'domain → domain-ip/domain:domain',
      url: 'malicious-website/url:url → url/url:url',
      person: 'person/full-name:text → person/full-name:full-name',
      merchant: 'transaction/text:text → text',
      remote_access_id: 'rmm/remote-id:text → text',
      card_last4: 'credit-card/card-number:text → none',
    });
  });

  it('files Bitcoin addresses as btc and other chains’ as text, with their ticker where the form tells it', () => {
    expect(isBitcoinAddress('bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh')).toBe(true);
    expect(isBitcoinAddress('1BoatSLRHtKNngkdXEeobR76b53LETtpyT')).toBe(true);
    expect(relationType('coin-address', 'address', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT').type).toBe('btc');
    expect(relationType('coin-address', 'address', '0x52908400098527886e0f7030069857d2e4169ee7').type).toBe(
      'text',
    );
    expect(coinSymbol('0x52908400098527886e0f7030069857d2e4169ee7')).toBe('ETH');
    expect(coinSymbol('TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE')).toBe('TRX');
    expect(coinSymbol('ltc1qg42tkwuuxefutzxezdkdel39gfstuap288mfea')).toBe('LTC');
    expect(coinSymbol('DH5yaieqoZN36fDVciNyRueRGvGLR3mr7L')).toBeNull();
  });
});
