import { createHash } from 'node:crypto';
import type { Rng } from './rng.js';

// Payment identifiers with real checksums, so an extractor that validates them (as it should, to avoid
// false positives from random strings) finds the simulator's wallets and IBANs.

const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';

function sha256(data: Uint8Array): Uint8Array {
  return createHash('sha256').update(data).digest();
}

/** Base58Check encoding (version byte + payload + 4-byte double-SHA-256 checksum). */
export function base58check(version: number, payload: Uint8Array): string {
  const body = new Uint8Array(1 + payload.length);
  body[0] = version;
  body.set(payload, 1);
  const check = sha256(sha256(body)).subarray(0, 4);
  const full = new Uint8Array(body.length + 4);
  full.set(body);
  full.set(check, body.length);
  let n = 0n;
  for (const b of full) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) {
    out = BASE58[Number(n % 58n)] + out;
    n /= 58n;
  }
  for (const b of full) {
    if (b !== 0) break;
    out = `1${out}`;
  }
  return out;
}

/** Decodes Base58Check and verifies its checksum; undefined when invalid (used by the tests). */
export function base58checkValid(address: string): boolean {
  let n = 0n;
  for (const ch of address) {
    const v = BASE58.indexOf(ch);
    if (v < 0) return false;
    n = n * 58n + BigInt(v);
  }
  const bytes: number[] = [];
  while (n > 0n) {
    bytes.unshift(Number(n & 0xffn));
    n >>= 8n;
  }
  for (const ch of address) {
    if (ch !== '1') break;
    bytes.unshift(0);
  }
  if (bytes.length < 5) return false;
  const body = Uint8Array.from(bytes.slice(0, -4));
  const check = sha256(sha256(body));
  return bytes.slice(-4).every((b, i) => b === check[i]);
}

function bech32Polymod(values: number[]): number {
  const gen = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
  let chk = 1;
  for (const v of values) {
    const top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ v;
    for (let i = 0; i < 5; i++) if ((top >>> i) & 1) chk ^= gen[i]!;
  }
  return chk >>> 0;
}

function hrpExpand(hrp: string): number[] {
  const out: number[] = [];
  for (const c of hrp) out.push(c.charCodeAt(0) >> 5);
  out.push(0);
  for (const c of hrp) out.push(c.charCodeAt(0) & 31);
  return out;
}

/** Segwit v0 address (BIP 173 bech32) for a 20-byte witness program. */
export function bech32Segwit(hrp: string, program: Uint8Array): string {
  const data = [0];
  let acc = 0;
  let bits = 0;
  for (const b of program) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      data.push((acc >> bits) & 31);
    }
  }
  if (bits > 0) data.push((acc << (5 - bits)) & 31);
  const mod = bech32Polymod([...hrpExpand(hrp), ...data, 0, 0, 0, 0, 0, 0]) ^ 1;
  let out = `${hrp}1`;
  for (const d of data) out += BECH32[d];
  for (let i = 0; i < 6; i++) out += BECH32[(mod >>> (5 * (5 - i))) & 31];
  return out;
}

/** True when a bech32 string's checksum holds (used by the tests). */
export function bech32Valid(address: string): boolean {
  const pos = address.lastIndexOf('1');
  if (pos < 1) return false;
  const data = [...address.slice(pos + 1)].map((c) => BECH32.indexOf(c));
  if (data.some((d) => d < 0)) return false;
  return bech32Polymod([...hrpExpand(address.slice(0, pos)), ...data]) === 1;
}

/** A crypto wallet an operation receives payments on. */
export interface Wallet {
  address: string;
  chain: 'bitcoin' | 'ethereum' | 'tron';
}

/** A fresh wallet: BTC legacy or segwit, ETH (lower-case), or TRON (USDT), in realistic proportions. */
export function newWallet(rng: Rng): Wallet {
  const kind = rng.weighted([
    ['btc_legacy', 3],
    ['btc_segwit', 4],
    ['eth', 2],
    ['tron', 1],
  ] as const);
  if (kind === 'btc_legacy') return { address: base58check(0x00, rng.bytes(20)), chain: 'bitcoin' };
  if (kind === 'btc_segwit') return { address: bech32Segwit('bc', rng.bytes(20)), chain: 'bitcoin' };
  if (kind === 'tron') return { address: base58check(0x41, rng.bytes(20)), chain: 'tron' };
  return { address: `0x${rng.chars('0123456789abcdef', 40)}`, chain: 'ethereum' };
}

/** IBAN layouts used by money mules and merchant banks abroad: country, total length, BBAN template. */
const IBAN_FORMATS: Record<string, { banks: readonly string[]; rest: string }> = {
  // Template letters: 9 = digit, A = upper-case letter.
  GB: { banks: ['BARC', 'HBUK', 'LOYD', 'NWBK', 'MIDL', 'REVO', 'MONZ'], rest: '999999' + '99999999' },
  IE: { banks: ['AIBK', 'BOFI', 'IPBS', 'ULSB'], rest: '999999' + '99999999' },
  NL: { banks: ['INGB', 'ABNA', 'RABO', 'BUNQ', 'KNAB'], rest: '9999999999' },
  DE: { banks: ['10010010', '37040044', '50010517', '10011001'], rest: '9999999999' },
  LT: { banks: ['32500', '73000', '70440'], rest: '99999999999' },
  CY: { banks: ['00200128', '00500195', '00300105'], rest: '9999999999999999' },
};

/** Countries an operation can hold IBANs in. */
export const IBAN_COUNTRIES = Object.keys(IBAN_FORMATS);

/** The two ISO 13616 check digits for a country and BBAN (mod 97 = 1 over the rearranged string). */
export function ibanCheckDigits(country: string, bban: string): string {
  const numeric = `${bban}${country}00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of numeric) rem = (rem * 10 + Number(ch)) % 97;
  return String(98 - rem).padStart(2, '0');
}

/** True when an IBAN (no spaces) passes the mod-97 check. */
export function ibanValid(iban: string): boolean {
  const moved = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rem = 0;
  for (const ch of moved) rem = (rem * 10 + Number(ch)) % 97;
  return rem === 1;
}

/** A valid IBAN (electronic form, no spaces) in `country`, one of IBAN_COUNTRIES. */
export function newIban(rng: Rng, country: string): string {
  const format = IBAN_FORMATS[country] ?? IBAN_FORMATS.GB!;
  const cc = IBAN_FORMATS[country] ? country : 'GB';
  let bban = rng.pick(format.banks);
  for (const t of format.rest)
    bban += t === '9' ? String(rng.int(10)) : rng.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 1);
  return `${cc}${ibanCheckDigits(cc, bban)}${bban}`;
}

/** An IBAN in the grouped paper form victims copy from an invoice ("GB29 NWBK 6016 ..."). */
export function ibanPrintForm(iban: string): string {
  return iban.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A US bank account: ABA routing number (3-7-1 checksum) and an account number. */
export function newUsBankAccount(rng: Rng): { routing: string; account: string } {
  const digits = [rng.range(0, 1), rng.range(1, 9)];
  for (let i = 0; i < 6; i++) digits.push(rng.int(10));
  const w = [3, 7, 1, 3, 7, 1, 3, 7];
  const sum = digits.reduce((s, d, i) => s + d * w[i]!, 0);
  digits.push((10 - (sum % 10)) % 10);
  return {
    routing: digits.join(''),
    account: String(rng.range(1, 9)) + rng.chars('0123456789', rng.range(8, 11)),
  };
}
