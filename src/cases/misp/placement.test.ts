import { describe, expect, it } from 'vitest';
import { INDICATOR_KINDS } from '../../core/indicator-kinds.js';
import { coinSymbol, isBitcoinAddress, MISP_PLACEMENT, relationType } from './placement.js';

describe('where each indicator kind goes in MISP', () => {
  it('places every kind but the victim’s own card digits (the one MISP mapping: the registry has none)', () => {
    const unplaced = INDICATOR_KINDS.filter((kind) => !MISP_PLACEMENT[kind]);
    expect(unplaced).toEqual(['card_last4']);
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
