import { sha256 } from '@noble/hashes/sha2.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { extractText } from './index.js';
import { eip55, walletChain } from './wallet.js';

const wallets = (text: string) =>
  extractText(text)
    .indicators.filter((i) => i.kind === 'crypto_wallet')
    .map((i) => [i.value, i.meta?.chain]);
const bytes = (n: number, seed: number) => Uint8Array.from({ length: n }, (_, i) => (i * 37 + seed) & 0xff);

describe('crypto wallets', () => {
  it('accepts BTC legacy and P2SH addresses whose base58check holds', () => {
    expect(wallets('send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 now')).toEqual([
      ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'btc'],
    ]);
    expect(walletChain('3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy')).toBe('btc');
    // One character changed breaks the checksum: nothing is invented.
    expect(wallets('send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3 now')).toEqual([]);
  });

  it('accepts segwit v0 (bech32) and taproot (bech32m), not the wrong codec', () => {
    const v0 = bech32.encode('bc', [0, ...bech32.toWords(bytes(20, 1))]);
    const v1 = bech32m.encode('bc', [1, ...bech32m.toWords(bytes(32, 2))]);
    const wrong = bech32.encode('bc', [1, ...bech32.toWords(bytes(32, 2))]);
    expect(wallets(`to ${v0.toUpperCase()} and ${v1}`)).toEqual([
      [v0, 'btc'],
      [v1, 'btc'],
    ]);
    expect(walletChain(wrong)).toBeNull();
  });

  it('checks EIP-55 when an ETH address is mixed case', () => {
    const good = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
    expect(eip55(good.toLowerCase())).toBe(good);
    expect(wallets(`eth ${good}`)).toEqual([[good.toLowerCase(), 'eth']]);
    expect(wallets(`eth ${good.replace('aAeb', 'AAeb')}`)).toEqual([]);
    expect(wallets(`eth ${good.toLowerCase()}`)).toEqual([[good.toLowerCase(), 'eth']]);
  });

  it('accepts TRON addresses (base58check, 0x41)', () => {
    const trx = createBase58check(sha256).encode(Uint8Array.from([0x41, ...bytes(20, 3)]));
    expect(trx.startsWith('T')).toBe(true);
    expect(wallets(`USDT TRC20: ${trx}.`)).toEqual([[trx, 'trx']]);
  });
});
