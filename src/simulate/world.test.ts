import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ReportInput, reportInputSchema } from '../core/report-input.js';
import { base58checkValid, bech32Valid } from './accounts.js';
import { BRANDS, CHEAP_TLDS, REMOTE_TOOLS, TRUSTED_HOSTING } from './catalogue.js';
import { simulate } from './simulate.js';
import { parseTruth, type Truth, type TruthOperation } from './truth.js';
import { demoWorldOptions, type WorldOptions } from './world.js';

const OPTIONS: WorldOptions = { reports: 30_000, seed: 42, start: '2025-01-01', days: 365, operations: 120 };
const DAY = 86_400_000;

let reports: ReportInput[];
let lines: string[];
let truth: Truth;
let opOf: Map<string, TruthOperation>;

function run(options: WorldOptions): { lines: string[]; truth: Truth } {
  const sim = simulate(options);
  const out: string[] = [];
  for (const g of sim.reports()) out.push(JSON.stringify(g.report));
  return { lines: out, truth: parseTruth([...sim.truth()].join('')) };
}

beforeAll(() => {
  ({ lines, truth } = run(OPTIONS));
  reports = lines.map((l) => JSON.parse(l) as ReportInput);
  const byId = new Map(truth.operations.map((o) => [o.id, o]));
  opOf = new Map();
  for (const r of truth.reports) if (r.operation) opOf.set(r.externalId, byId.get(r.operation)!);
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tssReports = () => reports.filter((r) => opOf.has(r.externalId!));

describe('the simulated world', () => {
  it('writes only valid ReportInput records, with simulator ids and submission times inside the period, in order', () => {
    const start = Date.parse(OPTIONS.start);
    let previous = 0;
    reports.forEach((r, n) => {
      const parsed = reportInputSchema.safeParse(r);
      if (!parsed.success) throw new Error(`${r.externalId}: ${parsed.error.message}`);
      expect(r.externalId).toBe(`sim-42-${n}`);
      expect(r.source).toBe('simulator');
      const t = Date.parse(r.submittedAt!);
      expect(t).toBeGreaterThanOrEqual(start);
      expect(t).toBeLessThan(start + 365 * DAY);
      expect(t).toBeGreaterThanOrEqual(previous);
      previous = t;
    });
    expect(truth.reports.map((r) => r.externalId)).toEqual(reports.map((r) => r.externalId));
  });

  it('is deterministic for a seed and different for another seed', () => {
    const small = { ...OPTIONS, reports: 1500 };
    const a = run(small);
    const b = run(small);
    expect(a.lines).toEqual(b.lines);
    expect(JSON.stringify(a.truth)).toBe(JSON.stringify(b.truth));
    expect(run({ ...small, seed: 43 }).lines).not.toEqual(a.lines);
  });

  it('mixes tech support scams with other scams (~12%) and noise (~8%)', () => {
    const share = (kind: string) =>
      truth.reports.filter((r) => r.kind === kind).length / truth.reports.length;
    expect(share('noise')).toBeGreaterThan(0.065);
    expect(share('noise')).toBeLessThan(0.095);
    expect(share('other_scam')).toBeGreaterThan(0.105);
    expect(share('other_scam')).toBeLessThan(0.135);
    for (const r of truth.reports) expect(r.operation === null).toBe(r.kind !== 'tss');
  });

  it('has skewed operation sizes: a few large, many small', () => {
    const sizes = truth.operations.map((o) => o.size).sort((a, b) => b - a);
    const total = sizes.reduce((s, x) => s + x, 0);
    const top = sizes.slice(0, Math.ceil(sizes.length * 0.1)).reduce((s, x) => s + x, 0);
    expect(top / total).toBeGreaterThan(0.45);
    expect(sizes[0]!).toBeGreaterThan(10 * median(sizes));
    expect(median(sizes)).toBeLessThan(total / sizes.length / 2);
    expect(
      truth.operations.every((o) => o.size === truth.reports.filter((r) => r.operation === o.id).length),
    ).toBe(true);
  });

  it('rotates phone numbers every one to three weeks (median about two), about half of them VoIP', () => {
    const lifetimes: number[] = [];
    let voip = 0;
    let phones = 0;
    for (const op of truth.operations) {
      const from = Date.parse(op.activeFrom);
      const to = Date.parse(op.activeTo);
      for (const i of op.indicators) {
        if (i.kind !== 'phone' || i.shared) continue;
        phones++;
        if (i.voip) voip++;
        const a = Date.parse(i.firstUse);
        const b = Date.parse(i.lastUse);
        // Only numbers whose whole life lies inside the operation's activity show their true lifetime.
        if (a > from && b < to) lifetimes.push((b - a) / DAY);
      }
    }
    expect(lifetimes.length).toBeGreaterThan(200);
    expect(Math.min(...lifetimes)).toBeGreaterThanOrEqual(7);
    expect(Math.max(...lifetimes)).toBeLessThanOrEqual(22);
    expect(median(lifetimes)).toBeGreaterThan(12);
    expect(median(lifetimes)).toBeLessThan(17);
    expect(voip / phones).toBeGreaterThan(0.4);
    expect(voip / phones).toBeLessThan(0.7);
  });

  it('takes most numbers from sequential blocks (same prefix, adjacent line numbers)', () => {
    let adjacent = 0;
    let total = 0;
    for (const op of truth.operations) {
      const numbers = op.indicators.filter((i) => i.kind === 'phone' && !i.shared).map((i) => i.value);
      const set = new Set(numbers);
      for (const n of numbers) {
        total++;
        const prev = `${n.slice(0, -4)}${String((Number(n.slice(-4)) + 9999) % 10_000).padStart(4, '0')}`;
        const next = `${n.slice(0, -4)}${String((Number(n.slice(-4)) + 1) % 10_000).padStart(4, '0')}`;
        if (set.has(prev) || set.has(next)) adjacent++;
      }
    }
    expect(adjacent / total).toBeGreaterThan(0.5);
  });

  it('puts numbers in the target countries and merchant accounts in other countries', () => {
    for (const op of truth.operations) {
      for (const i of op.indicators)
        if (i.kind === 'phone' && !i.shared) expect(op.targetCountries).toContain(i.country);
      for (const c of op.merchantCountries) expect(op.targetCountries).not.toContain(c);
      for (const i of op.indicators)
        if (i.kind === 'iban' && !i.shared) expect(op.targetCountries).not.toContain(i.country);
    }
  });

  it('names domains with brand words on cheap TLDs, or under trusted hosting or a reseller apex', () => {
    const words = BRANDS.flatMap((b) => b.domainWords);
    let trusted = 0;
    let total = 0;
    for (const op of truth.operations)
      for (const i of op.indicators.filter((x) => x.kind === 'domain')) {
        total++;
        if (TRUSTED_HOSTING.some((h) => i.value.endsWith(`.${h}`))) trusted++;
        else if (op.hosting === 'cheap-tld') {
          expect(CHEAP_TLDS).toContain(i.value.split('.').pop());
          expect(words.some((w) => i.value.includes(w))).toBe(true);
        } else expect(i.value.endsWith(`.${op.hosting}`)).toBe(true);
      }
    expect(trusted / total).toBeGreaterThan(0.2);
    expect(trusted / total).toBeLessThan(0.8);
  });

  it('has fast-moving operations whose volume climbs sharply in the last weeks', () => {
    const end = Date.parse(OPTIONS.start) + 365 * DAY;
    const fast = truth.operations.filter((o) => o.fastMoving);
    expect(fast.length).toBe(6);
    const recentShare = (op: TruthOperation, days: number) => {
      const mine = truth.reports.filter((r) => r.operation === op.id);
      const recent = mine.filter((r) => {
        const rep = reports[Number(r.externalId.split('-')[2])]!;
        return Date.parse(rep.submittedAt!) > end - days * DAY;
      });
      return recent.length / mine.length;
    };
    for (const op of fast) {
      expect(op.size).toBeGreaterThan(30);
      expect(recentShare(op, 28)).toBeGreaterThan(0.5);
      expect(recentShare(op, 7) * 28).toBeGreaterThan(recentShare(op, 28) * 7);
    }
    const big = truth.operations.filter((o) => !o.fastMoving && o.size > 200);
    expect(median(big.map((o) => recentShare(o, 28)))).toBeLessThan(0.2);
  });

  it('mentions common values (real brand sites and numbers, tool sites, gift cards) in a fair share of reports', () => {
    const common = [
      ...BRANDS.flatMap((b) => [...b.realSites, ...b.realPhones.map(([, shown]) => shown)]),
      ...REMOTE_TOOLS.map((t) => t.site),
    ];
    const tss = tssReports();
    const withCommon = tss.filter((r) => {
      const text = JSON.stringify(r);
      return common.some((c) => text.includes(c)) || r.payments?.some((p) => p.recipient?.giftCardBrand);
    });
    const share = withCommon.length / tss.length;
    expect(share).toBeGreaterThan(0.15);
    expect(share).toBeLessThan(0.6);
  });

  it('garbles some callback numbers (typos, half numbers) but keeps most exact', () => {
    let exact = 0;
    let garbled = 0;
    for (const r of tssReports()) {
      const op = opOf.get(r.externalId!)!;
      const values = new Set(op.indicators.filter((i) => i.kind === 'phone').map((i) => i.value));
      for (const raw of r.callbackNumbers ?? []) {
        const parsed = parsePhoneNumberFromString(raw, (r.victim?.country ?? 'US') as 'US');
        if (parsed && values.has(parsed.number)) exact++;
        else garbled++;
      }
    }
    const share = garbled / (exact + garbled);
    expect(share).toBeGreaterThan(0.03);
    expect(share).toBeLessThan(0.15);
  });

  it('varies how reports are filled in: narrative only, structured fields, defanged URLs, several languages', () => {
    const tss = tssReports();
    const structured = (r: ReportInput) =>
      Boolean(r.callbackNumbers || r.urls || r.payments || r.companyNames || r.scammerNames);
    expect(tss.filter((r) => !structured(r)).length / tss.length).toBeGreaterThan(0.25);
    expect(tss.filter((r) => r.callbackNumbers).length / tss.length).toBeGreaterThan(0.2);
    expect(tss.some((r) => r.narrative === undefined)).toBe(true);
    expect(lines.some((l) => l.includes('hxxp') || l.includes('[.]'))).toBe(true);
    const languages = new Map<string, number>();
    for (const r of reports) if (r.language) languages.set(r.language, (languages.get(r.language) ?? 0) + 1);
    for (const lang of ['en', 'fr', 'de', 'es', 'ja']) expect(languages.get(lang) ?? 0).toBeGreaterThan(50);
    expect(reports.some((r) => r.language === 'ja' && /[ぁ-んァ-ン一-龯]/.test(r.narrative ?? ''))).toBe(
      true,
    );
    const ages = new Set(reports.map((r) => r.victim?.ageBand).filter(Boolean));
    expect(ages.size).toBe(8);
    expect(new Set(reports.map((r) => r.victim?.country).filter(Boolean)).size).toBeGreaterThan(8);
  });

  it('puts checksum-valid wallets in payments, and true indicators in the reports that count them', () => {
    let wallets = 0;
    for (const r of reports)
      for (const p of r.payments ?? []) {
        const w = p.recipient?.walletAddress;
        if (!w) continue;
        wallets++;
        if (w.startsWith('0x')) expect(w).toMatch(/^0x[0-9a-f]{40}$/);
        else expect(w.startsWith('bc1') ? bech32Valid(w) : base58checkValid(w)).toBe(true);
      }
    expect(wallets).toBeGreaterThan(100);
    const textOf = new Map<string, string>();
    for (const r of truth.reports)
      if (r.operation)
        textOf.set(
          r.operation,
          `${textOf.get(r.operation) ?? ''}${lines[Number(r.externalId.split('-')[2])]}`,
        );
    for (const op of truth.operations.slice(0, 20)) {
      // Victims defang some URLs: refang before looking for the hostname.
      const text = (textOf.get(op.id) ?? '').replace(/\[\.\]|\(\.\)|\[dot\]/g, '.');
      for (const i of op.indicators)
        if (i.reports > 0 && ['domain', 'crypto_wallet', 'merchant', 'email'].includes(i.kind))
          expect(text.includes(i.value), `${op.id} ${i.kind} ${i.value}`).toBe(true);
    }
  });

  it('records shared infrastructure that several operations really use, and other scams that share nothing', () => {
    expect(new Set(truth.sharedGroups.map((g) => g.type))).toEqual(
      new Set(['payment_processor', 'hosting', 'kit']),
    );
    let usedByTwo = 0;
    for (const g of truth.sharedGroups) {
      expect(new Set(g.operations).size).toBe(g.operations.length);
      expect(g.operations.length).toBeGreaterThanOrEqual(2);
      const users = truth.operations.filter((o) =>
        o.indicators.some((i) => i.shared === g.id && i.reports > 0),
      );
      if (users.length >= 2) usedByTwo++;
    }
    expect(usedByTwo).toBeGreaterThan(0);
    const opValues = new Set(truth.operations.flatMap((o) => o.indicators.map((i) => i.value)));
    for (const [r, t] of reports.map((r, i) => [r, truth.reports[i]!] as const))
      if (t.kind === 'other_scam')
        for (const p of r.payments ?? []) expect(opValues.has(p.recipient!.walletAddress!)).toBe(false);
  });

  it('offers a demo world of a few thousand reports over a year', () => {
    const demo = demoWorldOptions();
    expect(demo.reports).toBeGreaterThanOrEqual(2000);
    expect(demo.reports).toBeLessThanOrEqual(10_000);
    expect(demo.days).toBe(365);
    const sim = simulate(demo);
    let n = 0;
    for (const g of sim.reports()) {
      expect(reportInputSchema.safeParse(g.report).success).toBe(true);
      n++;
    }
    expect(n).toBe(demo.reports);
  });
});
