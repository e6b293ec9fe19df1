import { describe, expect, it } from 'vitest';
import { findBrands } from './brand.js';

describe('impersonated brands', () => {
  it('finds brands at word boundaries, canonical, in order of first mention', () => {
    expect(findBrands('A Windows Defender popup, then "Microsoft support" and Norton called')).toEqual([
      'Microsoft',
      'Norton',
    ]);
    expect(findBrands('マイクロソフトのサポートを名乗る男')).toEqual(['Microsoft']);
  });

  it('ignores aliases inside longer words and brands that were only the payment', () => {
    expect(findBrands('the applesauce and the microsoftware shop')).toEqual([]);
    expect(findBrands('he asked for $500 in Apple gift cards')).toEqual([]);
  });
});
