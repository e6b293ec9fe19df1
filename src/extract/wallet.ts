import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, bech32m, createBase58check } from '@scure/base';
import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

const base58check = createBase58check(sha256);
const BASE58_RE = /(?<![\p{L}\p{N}])[13T][1-9A-HJ-NP-Za-km-z]{25,34}(?![\p{L}\p{N}])/gu;
const BECH32_RE = /(?<![\p{L}\p{N}])(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{6,87}(?![\p{L}\p{N}])/gu;
const ETH_RE = /(?<![\p{L}\p{N}])0x[0-9a-fA-F]{40}(?![\p{L}\p{N}])/gu;

/** The chain an address belongs to, when its checksum proves it; null for anything else. */
export function walletChain(address: string): 'btc' | 'eth' | 'trx' | null {
  if (/^0x[0-9a-fA-F]{40}$/.test(address)) return ethOk(address) ? 'eth' : null;
  if (/^bc1/i.test(address)) return segwitOk(address) ? 'btc' : null;
  const version = base58Version(address);
  if (version === 0x00 || version === 0x05) return address[0] === '1' || address[0] === '3' ? 'btc' : null;
  if (version === 0x41 && address[0] === 'T') return 'trx';
  return null;
}

/** Finds BTC (legacy and segwit), ETH and TRON addresses whose checksum holds; nothing is guessed. */
export function findWallets(src: Source, claimed: Span[]): { indicators: Indicator[]; spans: Span[] } {
  const text = src.view.text;
  const out: Indicator[] = [];
  const spans: Span[] = [];
  const scan = (re: RegExp) => {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (overlaps(claimed, m.index, end)) continue;
      const chain = walletChain(m[0]);
      if (!chain) continue;
      const value = chain === 'eth' || m[0].toLowerCase().startsWith('bc1') ? m[0].toLowerCase() : m[0];
      spans.push({ start: m.index, end });
      out.push(indicatorAt(src, 'crypto_wallet', value, m.index, end, { chain }));
    }
  };
  if (/[13T]/.test(text)) scan(BASE58_RE);
  if (/bc1/i.test(text)) scan(BECH32_RE);
  if (text.includes('0x')) scan(ETH_RE);
  return { indicators: out, spans };
}

function base58Version(address: string): number | null {
  try {
    const bytes = base58check.decode(address);
    return bytes.length === 21 ? bytes[0]! : null;
  } catch {
    return null;
  }
}

function segwitOk(address: string): boolean {
  // Mixed case is invalid bech32; one case throughout is fine.
  if (address !== address.toLowerCase() && address !== address.toUpperCase()) return false;
  const a = address.toLowerCase();
  for (const codec of [bech32, bech32m]) {
    try {
      const { prefix, words } = codec.decode(a as `${string}1${string}`, 90);
      if (prefix !== 'bc' || words.length === 0) continue;
      const version = words[0]!;
      // Witness v0 uses bech32, v1+ bech32m (BIP-350): the wrong codec for the version is invalid.
      if ((version === 0) !== (codec === bech32)) continue;
      const program = codec.fromWords(words.slice(1));
      if (program.length < 2 || program.length > 40) continue;
      if (version === 0 && program.length !== 20 && program.length !== 32) continue;
      return true;
    } catch {}
  }
  return false;
}

function ethOk(address: string): boolean {
  const hex = address.slice(2);
  // All one case carries no checksum (EIP-55); mixed case must match it exactly.
  if (hex === hex.toLowerCase() || hex === hex.toUpperCase()) return true;
  return eip55(address) === address;
}

/** The EIP-55 checksummed form of an Ethereum address. */
export function eip55(address: string): string {
  const hex = address.slice(2).toLowerCase();
  const hash = keccak_256(new TextEncoder().encode(hex));
  let out = '0x';
  for (let i = 0; i < 40; i++) {
    const nibble = (hash[i >> 1]! >> (i % 2 === 0 ? 4 : 0)) & 0xf;
    const c = hex[i]!;
    out += nibble >= 8 ? c.toUpperCase() : c;
  }
  return out;
}
