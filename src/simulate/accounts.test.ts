import { describe, expect, it } from 'vitest';
import {
  base58check,
  base58checkValid,
  bech32Segwit,
  bech32Valid,
  IBAN_COUNTRIES,
  ibanCheckDigits,
  ibanPrintForm,
  ibanValid,
  newIban,
  newUsBankAccount,
  newWallet,
} from './accounts.js';
import { Rng } from './rng.js';

const hex = (s: string) => Uint8Array.from(s.match(/../g)!.map((b) => Number.parseInt(b, 16)));

describe('payment identifiers carry real checksums', () => {
  it('encodes the BIP 173 segwit test vector', () => {
    expect(bech32Segwit('bc', hex('751e76e8199196d454941c45d1b3a323f1433bd6'))).toBe(
      'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4',
    );
    expect(bech32Valid('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4')).toBe(true);
    expect(bech32Valid('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5')).toBe(false);
  });

  it('encodes a known P2PKH address (hash160 of the genesis coinbase key)', () => {
    expect(base58check(0, hex('62e907b15cbf27d5425399ebf6f0fb50ebb88f18'))).toBe(
      '1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa',
    );
    expect(base58checkValid('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa')).toBe(true);
    expect(base58checkValid('1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb')).toBe(false);
  });

  it('computes IBAN check digits that match a published example', () => {
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
    expect(ibanValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanValid('GB83WEST12345698765432')).toBe(false);
    expect(ibanPrintForm('GB82WEST12345698765432')).toBe('GB82 WEST 1234 5698 7654 32');
  });

  it('generates only valid wallets and IBANs, ETH in lower case', () => {
    const rng = new Rng(5);
    const chains = new Set<string>();
    for (let i = 0; i < 400; i++) {
      const w = newWallet(rng);
      chains.add(w.chain);
      if (w.chain === 'ethereum') expect(w.address).toMatch(/^0x[0-9a-f]{40}$/);
      else if (w.address.startsWith('bc1')) expect(bech32Valid(w.address)).toBe(true);
      else expect(base58checkValid(w.address)).toBe(true);
      if (w.chain === 'tron') expect(w.address.startsWith('T')).toBe(true);
    }
    expect(chains).toEqual(new Set(['bitcoin', 'ethereum', 'tron']));
    for (const country of IBAN_COUNTRIES)
      for (let i = 0; i < 50; i++) {
        const iban = newIban(rng, country);
        expect(iban.startsWith(country)).toBe(true);
        expect(ibanValid(iban)).toBe(true);
      }
  });

  it('generates ABA routing numbers that pass the 3-7-1 checksum', () => {
    const rng = new Rng(9);
    for (let i = 0; i < 100; i++) {
      const { routing } = newUsBankAccount(rng);
      const d = [...routing].map(Number);
      const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
      expect(sum % 10).toBe(0);
    }
  });
});
