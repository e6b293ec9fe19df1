import fc from 'fast-check';
import type { ReportInput } from '../../src/core/report-input.js';

/** A JSON value as the fuzzer builds it; `Raw` holds JSON text that JSON.stringify cannot produce. */
export type Fuzzed = null | boolean | number | string | Raw | Fuzzed[] | { [key: string]: Fuzzed };

/** JSON text spliced into a body as is: 1e999, 400 digits, 20,000 levels of nesting. */
export class Raw {
  constructor(readonly text: string) {}
}

/** Serialises a fuzzed value, splicing raw JSON text where `Raw` values stand. */
export function serialise(value: Fuzzed): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (!(v instanceof Raw)) return v;
    raws.push(v.text);
    return `\u0001RAW${raws.length - 1}\u0001`;
  });
  return text.replace(/"\\u0001RAW(\d+)\\u0001"/g, (_, i: string) => raws[Number(i)]!);
}

/** SQL metacharacters that must be stored and searched as the text they are. */
export const SQL_STRINGS = [
  "'; DROP TABLE reports; --",
  "' OR '1'='1",
  '$$',
  '$1',
  '\\',
  '\\x00',
  '%_',
  '%',
  '_',
  "'||pg_sleep(5)||'",
  '"; DELETE FROM operations; --',
  "E'\\\\'",
  '/* */',
  '\\N',
] as const;

/** Strings the contract refuses or that break naive code: NUL, lone surrogates, overrides, traversal. */
export const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfff',
  '\udc00\ud800',
  '\u202e',
  '\ufeff',
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%00',
  '__proto__',
  'constructor',
  '<script>alert(1)</script>',
  '{{7*7}}',
  '$' + '{7*7}',
  'NaN',
  'Infinity',
  '-1',
  '1e999',
  'op-0000000000',
  '01900000-0000-7000-8000-000000000000',
  '9'.repeat(40),
  ...SQL_STRINGS,
] as const;

const OVERSIZED = [201, 2049, 20_001, 70_000] as const;

/** Any short string (every code point, lone surrogates included), the nasty ones, and oversized ones. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.string({ unit: 'binary', maxLength: 30 }), weight: 3 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }), weight: 1 },
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 4 },
  { arbitrary: fc.constantFrom(...OVERSIZED).map((n) => 'x'.repeat(n)), weight: 1 },
);

const deepArray = (depth: number) => new Raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number) => new Raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Values of every JSON type, and the ones JSON.stringify never writes (1e999, deep nesting). */
export const hostileValue: fc.Arbitrary<Fuzzed> = fc.oneof(
  { arbitrary: hostileString, weight: 6 },
  {
    arbitrary: fc.constantFrom(
      0,
      -1,
      -0,
      1.5,
      2 ** 53 + 2,
      -(2 ** 63),
      1e308,
      5e-324,
      Number.MAX_SAFE_INTEGER,
      true,
      false,
      null,
    ),
    weight: 3,
  },
  {
    arbitrary: fc.constantFrom(
      new Raw('1e999'),
      new Raw('-1e999'),
      new Raw('1'.repeat(400)),
      deepArray(200),
      deepArray(20_000),
      deepObject(5_000),
    ),
    weight: 2,
  },
  { arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Fuzzed>, weight: 2 },
  { arbitrary: fc.array(hostileString, { maxLength: 4 }), weight: 1 },
  {
    arbitrary: fc.constantFrom(...[1_001, 5_000]).map((n) => Array.from({ length: n }, () => 'x')),
    weight: 1,
  },
);

/** One of each thing that has broken a route somewhere: every body field gets each of them in turn. */
export const KILLER_VALUES: Fuzzed[] = [
  '\u0000',
  'a\ud800',
  '\udfff',
  'x'.repeat(70_000),
  new Raw('1e999'),
  new Raw('1'.repeat(400)),
  deepArray(20_000),
  deepObject(5_000),
  { '\u0000': 1, '\ud800': 2 },
  -1,
  2 ** 53 + 2,
  [],
  {},
  null,
];

/** Keys that poison prototypes or collide with built-ins, and a few unknown ones. */
export const POLLUTING_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'x\u0000y',
  '\ud800',
] as const;

type Path = Array<string | number>;

/** Every path in a JSON value, the root included. */
export function pathsOf(value: Fuzzed, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) {
    for (const [i, x] of value.entries()) pathsOf(x, [...prefix, i], out);
  } else if (value !== null && typeof value === 'object' && !(value instanceof Raw))
    for (const [k, x] of Object.entries(value)) pathsOf(x, [...prefix, k], out);
  return out;
}

/** One change to a valid example. */
export type Mutation =
  | { op: 'drop' }
  | { op: 'set'; value: Fuzzed }
  | { op: 'add'; key: string; value: Fuzzed }
  | { op: 'wrap' };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.constant({ op: 'drop' as const }), weight: 2 },
  { arbitrary: hostileValue.map((value) => ({ op: 'set' as const, value })), weight: 6 },
  {
    arbitrary: fc
      .tuple(fc.oneof(fc.constantFrom(...POLLUTING_KEYS), fc.string({ maxLength: 8 })), hostileValue)
      .map(([key, value]) => ({ op: 'add' as const, key, value })),
    weight: 2,
  },
  { arbitrary: fc.constant({ op: 'wrap' as const }), weight: 1 },
);

/** Sets an own property, even `__proto__` (plain assignment would change the prototype instead). */
const own = (target: Record<string, Fuzzed>, key: string, value: Fuzzed) =>
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

const isRecord = (v: Fuzzed | undefined): v is { [key: string]: Fuzzed } =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Raw);

/** A deep copy that keeps `Raw` values (structuredClone would turn them into plain objects). */
function clone(value: Fuzzed): Fuzzed {
  if (Array.isArray(value)) return value.map(clone);
  if (!isRecord(value)) return value;
  const copy: { [key: string]: Fuzzed } = {};
  for (const [k, v] of Object.entries(value)) own(copy, k, clone(v));
  return copy;
}

/** Applies a mutation at a path of a copy of `value`; the root may be dropped (no body at all). */
export function mutate(value: Fuzzed, path: Path, m: Mutation): Fuzzed | undefined {
  if (path.length === 0) {
    if (m.op === 'drop') return undefined;
    if (m.op === 'set') return m.value;
    if (m.op === 'wrap') return [value];
  }
  const root = clone(value);
  let parent: Fuzzed = root;
  for (const step of path.slice(0, -1)) parent = (parent as Record<string | number, Fuzzed>)[step]!;
  const last = path.at(-1);
  const container = parent as Record<string | number, Fuzzed>;
  const target = last === undefined ? root : container[last]!;
  switch (m.op) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete container[last!];
      break;
    case 'set':
      container[last!] = m.value;
      break;
    case 'wrap':
      container[last!] = [target];
      break;
    case 'add':
      if (isRecord(target)) own(target, m.key, m.value);
      else if (isRecord(parent)) own(parent, m.key, m.value);
      break;
  }
  return root;
}

/** One to three mutations of a valid example. */
export function mutationsOf(example: Fuzzed): fc.Arbitrary<Fuzzed | undefined> {
  const paths = pathsOf(example);
  return fc
    .array(fc.tuple(fc.nat({ max: paths.length - 1 }), mutation), { minLength: 1, maxLength: 3 })
    .map((changes) => {
      let current: Fuzzed | undefined = example;
      for (const [i, m] of changes) {
        if (current === undefined) break;
        const available = pathsOf(current);
        current = mutate(current, available[i % available.length]!, m);
      }
      return current;
    });
}

/** Percent-encodes every byte but the unreserved ones (lone surrogates become U+FFFD, as a browser sends). */
export function encodeAll(s: string): string {
  return [...Buffer.from(s, 'utf8')]
    .map((b) => {
      const c = String.fromCharCode(b);
      return /[A-Za-z0-9\-_.~]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

/** Raw pieces of a URL no encoder writes: bad escapes, encoded surrogates and NUL, traversal. */
export const RAW_URL_PIECES = [
  '%',
  '%zz',
  '%FF',
  '%ED%A0%80',
  '%00',
  '..',
  '%2e%2e',
  '%2F',
  '%5C',
  '..%2F..',
] as const;

/** A report using every field of the contract. */
export const FULL_REPORT: ReportInput = {
  externalId: 'fuzz-full-1',
  source: 'fuzz-partner',
  submittedAt: '2026-01-20T10:00:00Z',
  channel: 'popup',
  firstContactAt: '2026-01-19',
  impersonatedBrand: 'Microsoft',
  callbackNumbers: ['+1 844 555 0134'],
  urls: ['https://defender-alert-5521.com/warning?id=7'],
  emails: ['billing@n0rton-renewals.com'],
  companyNames: ['PC Secure Helpdesk LLC'],
  scammerNames: ['Kevin Miller'],
  remoteAccess: { tool: 'AnyDesk', sessionIds: ['482 913 077'] },
  payments: [
    {
      method: 'gift_card',
      amount: 500,
      currency: 'USD',
      date: '2026-01-19',
      recipient: {
        name: 'Kevin Miller',
        merchantDescriptor: 'PCSECURE*HELP',
        accountNumber: '12345678',
        iban: 'GB82WEST12345698765432',
        walletAddress: 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq',
        chain: 'bitcoin',
        giftCardBrand: 'Google Play',
      },
    },
  ],
  narrative: 'A popup said my computer was infected; I called +1 844 555 0134 and paid $500 in gift cards.',
  victim: {
    country: 'US',
    region: 'Oregon',
    ageBand: '70_79',
    name: 'Margaret Whitfield',
    email: 'maggie@example.org',
    phone: '+1 503 555 0187',
  },
  consent: { lawEnforcementContact: true, partnerSharing: false },
  language: 'en',
  evidence: [{ sha256: 'a'.repeat(64), filename: 'shot.png', mediaType: 'image/png', size: 1200 }],
};
