import { BRANDS } from './catalogue.js';
import type { Rng } from './rng.js';

// Operation phone numbers in the target countries' numbering plans, taken in sequential blocks, and the ways
// victims write them down (formats, a mistyped digit, half a number).

/** A numbering range an operation buys numbers from: country, line type and the fixed leading digits. */
export interface PhoneRange {
  country: string;
  callingCode: string;
  voip: boolean;
  /** National significant number prefix (after the trunk 0): "844", "800", "50", "9". */
  prefix: string;
  /** Total digits of the national significant number. */
  length: number;
  /** Display patterns: `#` takes the next digit of the national significant number. */
  patterns: readonly string[];
}

const r = (
  country: string,
  callingCode: string,
  voip: boolean,
  prefixes: string[],
  length: number,
  patterns: string[],
): PhoneRange[] => prefixes.map((prefix) => ({ country, callingCode, voip, prefix, length, patterns }));

const NANP = [
  '(###) ###-####',
  '1-###-###-####',
  '+1 ###-###-####',
  '###.###.####',
  '###-###-####',
  '+1##########',
  '1 (###) ### ####',
  '##########',
];

/** Ranges by country: toll-free numbers and the VoIP/geographic ranges VoIP carriers hand out. */
export const PHONE_RANGES: Record<string, readonly PhoneRange[]> = {
  US: [
    ...r('US', '1', false, ['800', '833', '844', '855', '866', '877', '888'], 10, NANP),
    ...r(
      'US',
      '1',
      true,
      ['213', '312', '347', '415', '469', '602', '646', '702', '786', '917', '302'],
      10,
      NANP,
    ),
  ],
  CA: [
    ...r('CA', '1', false, ['833', '844', '855', '866', '877', '888'], 10, NANP),
    ...r('CA', '1', true, ['416', '438', '604', '647', '587'], 10, NANP),
  ],
  GB: [
    ...r('GB', '44', false, ['800', '808'], 10, [
      '0### ### ####',
      '+44 ### ### ####',
      '0###-###-####',
      '+44 (0)### ### ####',
      '0##########',
    ]),
    ...r('GB', '44', true, ['203', '208', '330'], 10, [
      '0### ### ####',
      '+44 ### ### ####',
      '0##########',
      '(0###) ### ####',
    ]),
  ],
  IE: [
    ...r('IE', '353', false, ['1800'], 10, ['#### ### ###', '+353 #### ### ###']),
    ...r('IE', '353', true, ['1'], 8, ['0# ### ####', '+353 # ### ####']),
  ],
  AU: [
    ...r('AU', '61', false, ['1800'], 10, ['#### ### ###', '+61 #### ### ###', '##########']),
    ...r('AU', '61', true, ['28', '39'], 9, ['(0#) #### ####', '0# #### ####', '+61 # #### ####']),
  ],
  FR: [
    ...r('FR', '33', false, ['800', '805'], 9, [
      '0# ## ## ## ##',
      '0### ## ## ##',
      '+33 # ## ## ## ##',
      '0#.##.##.##.##',
    ]),
    ...r('FR', '33', true, ['9', '1'], 9, [
      '0# ## ## ## ##',
      '+33 # ## ## ## ##',
      '0#########',
      '0#.##.##.##.##',
    ]),
  ],
  BE: [
    ...r('BE', '32', false, ['800'], 8, ['0### ## ###', '+32 ### ## ###']),
    ...r('BE', '32', true, ['22', '25', '27'], 8, ['0# ### ## ##', '+32 # ### ## ##']),
  ],
  CH: [
    ...r('CH', '41', false, ['800'], 9, ['0### ### ###', '+41 ### ### ###']),
    ...r('CH', '41', true, ['44', '22'], 9, ['0## ### ## ##', '+41 ## ### ## ##']),
  ],
  DE: [
    ...r('DE', '49', false, ['800'], 10, [
      '0### #######',
      '0### ### ####',
      '+49 ### #######',
      '+49 (0)### #######',
    ]),
    ...r('DE', '49', true, ['30', '40', '89'], 10, ['0## ########', '+49 ## ########', '0##/########']),
  ],
  AT: [
    ...r('AT', '43', false, ['800'], 9, ['0### ######', '+43 ### ######']),
    ...r('AT', '43', true, ['1'], 8, ['0# #######', '+43 # #######']),
  ],
  ES: [
    ...r('ES', '34', false, ['900'], 9, ['### ### ###', '+34 ### ## ## ##', '#########']),
    ...r('ES', '34', true, ['91', '93'], 9, ['### ## ## ##', '+34 ### ### ###', '#########']),
  ],
  MX: [
    ...r('MX', '52', false, ['800'], 10, ['### ### ####', '+52 ### ### ####']),
    ...r('MX', '52', true, ['55'], 10, ['## #### ####', '+52 ## #### ####']),
  ],
  JP: [
    ...r('JP', '81', false, ['120'], 9, ['0###-###-###', '0### ### ###', '+81 ### ### ###', '0#########']),
    ...r('JP', '81', true, ['50'], 10, ['0##-####-####', '+81 ## #### ####', '0##########']),
  ],
};

/** Real brand support numbers (E.164): the world never hands one to an operation. */
export const REAL_BRAND_NUMBERS: ReadonlySet<string> = new Set(
  BRANDS.flatMap((b) => b.realPhones.map(([e164]) => e164)),
);

/** A block of adjacent numbers an operation bought, handed out one after another. */
export interface PhoneBlock {
  range: PhoneRange;
  /** The national significant number of the block without its last four digits. */
  stem: string;
  next: number;
}

/** Opens a new block in `country`: VoIP with probability `voipShare` (FIELD.md: ~55%). */
export function openBlock(rng: Rng, country: string, voipShare: number): PhoneBlock {
  const ranges = PHONE_RANGES[country] ?? PHONE_RANGES.US!;
  const wantVoip = rng.chance(voipShare);
  const candidates = ranges.filter((x) => x.voip === wantVoip);
  const range = rng.pick(candidates.length > 0 ? candidates : ranges);
  const middle = range.length - range.prefix.length - 4;
  let stem = range.prefix;
  for (let i = 0; i < middle; i++) {
    // Subscriber numbers start 2–9 in most plans (NANP exchange codes must; 0/1 are often prefixes).
    stem += String(i === 0 ? rng.range(2, 9) : rng.int(10));
  }
  if (range.callingCode === '1' && stem.endsWith('555')) stem = `${stem.slice(0, -3)}556`;
  return { range, stem, next: rng.range(0, 9000) };
}

/** An operation's number: its E.164 value and what it takes to display it. */
export interface PhoneNumber {
  e164: string;
  /** National significant number (digits after the calling code). */
  nsn: string;
  range: PhoneRange;
}

/** The next number of a block (adjacent to the previous one), skipping real brand numbers. */
export function takeNumber(block: PhoneBlock): PhoneNumber {
  for (;;) {
    const line = String(block.next % 10000).padStart(4, '0');
    block.next += 1;
    const nsn = `${block.stem}${line}`;
    const e164 = `+${block.range.callingCode}${nsn}`;
    if (!REAL_BRAND_NUMBERS.has(e164)) return { e164, nsn, range: block.range };
  }
}

/** Renders a national significant number through a display pattern. */
export function applyPattern(pattern: string, nsn: string): string {
  let i = 0;
  let out = '';
  for (const ch of pattern) {
    if (ch === '#') out += nsn[i++] ?? '';
    else out += ch;
  }
  return out + nsn.slice(i);
}

/** How a victim writes the number: one of its country's usual formats. */
export function displayPhone(rng: Rng, phone: PhoneNumber): string {
  return applyPattern(rng.pick(phone.range.patterns), phone.nsn);
}

/** A display with one digit of the subscriber part mistyped (never the prefix). */
export function mistypePhone(rng: Rng, display: string): string {
  const digitPositions: number[] = [];
  for (let i = 0; i < display.length; i++)
    if (display[i]! >= '0' && display[i]! <= '9') digitPositions.push(i);
  const candidates = digitPositions.slice(-4);
  const pos = rng.pick(candidates);
  const old = Number(display[pos]);
  const replacement = (old + rng.range(1, 9)) % 10;
  return `${display.slice(0, pos)}${replacement}${display.slice(pos + 1)}`;
}

/** Half a number: what a victim noted before the popup closed (the first 50–75% of its digits). */
export function halfPhone(rng: Rng, display: string): string {
  let digits = 0;
  for (const ch of display) if (ch >= '0' && ch <= '9') digits++;
  const keep = Math.max(3, Math.floor(digits * (0.5 + rng.float() * 0.25)));
  let seen = 0;
  for (let i = 0; i < display.length; i++) {
    const ch = display[i]!;
    if (ch >= '0' && ch <= '9' && ++seen === keep) return display.slice(0, i + 1);
  }
  return display;
}
