import { newIban } from './accounts.js';
import { ALL_GIFT_CARDS, BRANDS, ERROR_CODES, REMOTE_TOOLS } from './catalogue.js';
import { newKitPath, newResellerApex } from './domains.js';
import { type IndicatorKind, indicator, type TrueIndicator } from './indicators.js';
import { companyName, facilitatorPrefix, merchantDescriptor } from './names.js';
import {
  buildOperation,
  type Kit,
  type Operation,
  type OperationSeed,
  type Processor,
} from './operations.js';
import { openBlock, takeNumber } from './phones.js';
import { Rng } from './rng.js';

/** What to simulate. Everything that varies is an argument: no clock, no global randomness. */
export interface WorldOptions {
  /** Number of reports to generate. */
  reports: number;
  seed: number;
  /** First day of the simulated period (ISO date or date-time). */
  start: string;
  /** Length of the period in days. */
  days: number;
  /** Number of operations; default grows with the number of reports. */
  operations?: number;
  /** Number of fast-moving operations; default 5% of operations, at least 1, at most 10. */
  fastMoving?: number;
  /** Share of reports about other scams (romance, investment, delivery); default 0.12. */
  otherScamShare?: number;
  /** Share of reports that are no scam at all (tests, questions, spam); default 0.08. */
  noiseShare?: number;
}

/** A group of operations sharing one piece of infrastructure: it must not merge them. */
export interface SharedGroup {
  id: string;
  type: 'payment_processor' | 'hosting' | 'kit';
  operations: string[];
  /** The shared values; a hosting group's value is the reseller apex under which each has its own hosts. */
  values: Array<{ kind: IndicatorKind | 'url_path'; value: string }>;
}

/** The simulated world: operations over a period, shared infrastructure, and the common values. */
export interface World {
  options: Required<WorldOptions>;
  /** Period start in epoch milliseconds, and its length in seconds. */
  startMs: number;
  periodSeconds: number;
  operations: Operation[];
  sharedGroups: SharedGroup[];
  /** Values that appear across operations by nature (brand sites, real support numbers, tool sites). */
  commonValues: Array<{ kind: IndicatorKind | 'gift_card_brand'; value: string }>;
}

/** Default number of operations for a number of reports (about 200 reports per operation). */
export function defaultOperationCount(reports: number): number {
  return Math.max(3, Math.min(5000, Math.round(reports / 200)));
}

/** Options for the demo world `dragnet serve --demo` seeds: a few thousand reports over a year. */
export function demoWorldOptions(): WorldOptions {
  return { reports: 4000, seed: 20240601, start: '2025-01-01', days: 365, operations: 40 };
}

/** Fills defaults and checks ranges; throws RangeError with a readable message on bad values. */
export function resolveOptions(o: WorldOptions): Required<WorldOptions> {
  if (!Number.isInteger(o.reports) || o.reports < 0)
    throw new RangeError('reports must be a whole number ≥ 0');
  if (!Number.isInteger(o.seed)) throw new RangeError('seed must be a whole number');
  if (!Number.isFinite(o.days) || o.days < 7 || o.days > 3650)
    throw new RangeError('days must be from 7 to 3650');
  if (Number.isNaN(Date.parse(o.start))) throw new RangeError(`start is not a date: ${o.start}`);
  const operations = o.operations ?? defaultOperationCount(o.reports);
  if (!Number.isInteger(operations) || operations < 1 || operations > 100_000)
    throw new RangeError('operations must be a whole number from 1 to 100000');
  const fastMoving = o.fastMoving ?? Math.max(1, Math.min(10, Math.round(operations * 0.05)));
  const otherScamShare = o.otherScamShare ?? 0.12;
  const noiseShare = o.noiseShare ?? 0.08;
  if (otherScamShare < 0 || noiseShare < 0 || otherScamShare + noiseShare > 1)
    throw new RangeError('otherScamShare and noiseShare must be ≥ 0 and sum to at most 1');
  return {
    reports: o.reports,
    seed: o.seed,
    start: o.start,
    days: o.days,
    operations,
    fastMoving: Math.min(fastMoving, operations),
    otherScamShare,
    noiseShare,
  };
}

/** Builds the world for the options: deterministic for a seed. */
export function buildWorld(input: WorldOptions): World {
  const options = resolveOptions(input);
  const rng = new Rng(options.seed, 1);
  const startMs = Date.parse(options.start);
  const periodSeconds = options.days * 86_400;
  const k = options.operations;
  const tssReports = options.reports * (1 - options.otherScamShare - options.noiseShare);

  // Zipf-like sizes with log-normal jitter: a few large operations, a long tail of small ones.
  const weights = Array.from({ length: k }, (_, i) => (1 / (i + 1) ** 1.1) * rng.lognormal(1, 0.3));
  const fast = chooseFastMovers(rng, k, options.fastMoving);
  const visible = weights[Math.min(k - 1, Math.max(2, Math.round(k * 0.03)))]!;
  for (const i of fast) weights[i] = Math.max(weights[i]!, visible);
  const total = weights.reduce((s, w) => s + w, 0);

  const seeds: OperationSeed[] = weights.map((w, index) => ({
    index,
    weight: w / total,
    expectedReports: (tssReports * w) / total,
    periodSeconds,
    fastMoving: fast.has(index),
    sharedGroups: [],
  }));
  const sharedGroups = planSharedInfrastructure(rng, seeds, periodSeconds);
  const operations = seeds.map((s) => buildOperation(rng.fork(s.index), s));
  for (const g of sharedGroups) g.operations = g.operations.map((i) => operations[Number(i)]!.id);

  const commonValues: World['commonValues'] = [];
  for (const b of BRANDS) {
    for (const site of b.realSites) commonValues.push({ kind: 'domain', value: site });
    for (const [e164] of b.realPhones) commonValues.push({ kind: 'phone', value: e164 });
  }
  for (const t of REMOTE_TOOLS) commonValues.push({ kind: 'domain', value: t.site });
  for (const g of ALL_GIFT_CARDS) commonValues.push({ kind: 'gift_card_brand', value: g });

  return { options, startMs, periodSeconds, operations, sharedGroups, commonValues };
}

function chooseFastMovers(rng: Rng, k: number, count: number): Set<number> {
  // Fast movers come from the middle of the size ranking, not the top: ranking must see velocity, not size.
  const lo = Math.min(k - 1, 2);
  const hi = Math.max(lo + 1, Math.ceil(k * 0.5));
  const pool = Array.from({ length: hi - lo }, (_, i) => lo + i);
  const chosen = new Set(rng.sample(pool, count));
  for (let i = 0; chosen.size < count && i < k; i++) chosen.add(i);
  return chosen;
}

/**
 * Groups of 2–4 operations that share a payment processor, a reseller's hosting apex, or a page kit with a
 * default phone number: about a fifth of operations sit in one. Each member gets its own copy of the shared
 * indicator so the truth counts its use per operation.
 */
function planSharedInfrastructure(rng: Rng, seeds: OperationSeed[], periodSeconds: number): SharedGroup[] {
  const groups: SharedGroup[] = [];
  const k = seeds.length;
  // Too few operations to share without every one sharing everything: no groups.
  if (k < 8) return groups;
  const perType = Math.max(1, Math.round(k / 40));
  const taken = new Set<number>();
  const members = () => {
    const size = Math.min(k, rng.range(2, 4));
    const free = seeds.map((s) => s.index).filter((i) => !taken.has(i));
    const pool = free.length >= size ? free : seeds.map((s) => s.index);
    const chosen = rng.sample(pool, size);
    for (const i of chosen) taken.add(i);
    return chosen;
  };
  const copy = (ind: TrueIndicator): TrueIndicator => ({ ...ind });

  for (let g = 0; g < perType; g++) {
    const id = `shared-processor-${g + 1}`;
    const ops = members();
    const merchant = indicator(
      'merchant',
      merchantDescriptor(rng, companyName(rng), facilitatorPrefix(rng)),
      0,
      periodSeconds,
    );
    const iban = indicator('iban', newIban(rng, 'LT'), 0, periodSeconds);
    iban.country = 'LT';
    merchant.shared = id;
    iban.shared = id;
    for (const i of ops) {
      const processor: Processor = { id, merchant: copy(merchant), iban: copy(iban) };
      seeds[i]!.processor = processor;
      seeds[i]!.sharedGroups.push(id);
    }
    groups.push({
      id,
      type: 'payment_processor',
      operations: ops.map(String),
      values: [
        { kind: 'merchant', value: merchant.value },
        { kind: 'iban', value: iban.value },
      ],
    });
  }
  for (let g = 0; g < perType; g++) {
    const id = `shared-hosting-${g + 1}`;
    const ops = members();
    const apex = newResellerApex(rng);
    for (const i of ops) {
      seeds[i]!.hosting = { kind: 'reseller', apex };
      seeds[i]!.sharedGroups.push(id);
    }
    groups.push({
      id,
      type: 'hosting',
      operations: ops.map(String),
      values: [{ kind: 'domain', value: apex }],
    });
  }
  for (let g = 0; g < perType; g++) {
    const id = `shared-kit-${g + 1}`;
    const ops = members();
    // Kits are built for the US market: their fallback number is a US one.
    const country = 'US';
    const number = takeNumber(openBlock(rng, country, 0.5));
    const phone = indicator('phone', number.e164, 0, periodSeconds);
    phone.phone = number;
    phone.voip = number.range.voip;
    phone.country = country;
    phone.shared = id;
    const path = newKitPath(rng);
    const errorCode = rng.pick(ERROR_CODES);
    for (const i of ops) {
      const kit: Kit = { id, path, errorCode, defaultPhone: copy(phone) };
      seeds[i]!.kit = kit;
      seeds[i]!.sharedGroups.push(id);
    }
    groups.push({
      id,
      type: 'kit',
      operations: ops.map(String),
      values: [
        { kind: 'phone', value: phone.value },
        { kind: 'url_path', value: path },
      ],
    });
  }
  return groups;
}
