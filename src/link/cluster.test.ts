import { describe, expect, it } from 'vitest';
import { clusterReports } from './cluster.js';
import { DEFAULT_LINK_POLICY, type LinkIndicator, type LinkReport, type Suppression } from './types.js';

const COMMON = new Set(['domain\u0000microsoft.com', 'phone\u0000+18006427676']);
const suppress = (kind: string, value: string): Suppression =>
  COMMON.has(`${kind}\u0000${value}`) ? { mode: 'block', reason: 'brand apex' } : null;

/** An operation whose reports rotate through phones and domains but keep its company, merchant and agent. */
function operation(name: string, reports: number, processor?: LinkIndicator[]): LinkReport[] {
  return Array.from({ length: reports }, (_, i) => {
    const period = Math.floor(i / 5);
    const indicators: LinkIndicator[] = [
      { kind: 'phone', value: `+1855${name.charCodeAt(0)}${String(period).padStart(5, '0')}` },
      { kind: 'domain', value: `${name}-help-${Math.floor((i + 2) / 5)}.xyz` },
      { kind: 'domain', value: 'microsoft.com' },
    ];
    if (i % 3 === 0) indicators.push({ kind: 'company', value: `${name} tech solutions` });
    if (i % 4 === 0) indicators.push({ kind: 'merchant', value: `${name.toUpperCase()}*SUPPORT` });
    if (i % 5 === 1) indicators.push({ kind: 'crypto_wallet', value: `bc1q${name}wallet` });
    if (i % 6 === 2) indicators.push({ kind: 'email', value: `billing@${name}-care.com` });
    if (processor && i % 7 === 0) indicators.push(...processor);
    return { id: `${name}-${i}`, indicators };
  });
}

const clusterOf = (reports: LinkReport[]) => {
  const c = clusterReports(reports, DEFAULT_LINK_POLICY, suppress);
  const byId = new Map(reports.map((r, i) => [r.id, c.cluster[i]!]));
  return { c, byId };
};

describe('clusterReports', () => {
  it('joins an operation across rotating numbers and domains', () => {
    const { byId } = clusterOf(operation('alpha', 40));
    expect(new Set(byId.values()).size).toBe(1);
  });

  it('never links through a common value such as microsoft.com', () => {
    const reports = [
      {
        id: 'a',
        indicators: [
          { kind: 'domain', value: 'microsoft.com' },
          { kind: 'phone', value: '+18551110000' },
        ],
      },
      {
        id: 'b',
        indicators: [
          { kind: 'domain', value: 'microsoft.com' },
          { kind: 'phone', value: '+18552220000' },
        ],
      },
    ];
    const { byId, c } = clusterOf(reports);
    expect(byId.get('a')).not.toBe(byId.get('b'));
    expect(c.weights.reason[c.graph.index.get('domain\u0000microsoft.com')!]).toBe('common');
  });

  it('keeps two operations apart when a payment processor is all they share, and says so', () => {
    const processor = [
      { kind: 'merchant', value: 'PAYPRO*GLOBAL' },
      { kind: 'iban', value: 'GB33BUKB20201555555555' },
    ];
    const reports = [...operation('alpha', 60, processor), ...operation('bravo', 45, processor)];
    const { byId, c } = clusterOf(reports);
    const alpha = new Set(reports.filter((r) => r.id.startsWith('alpha')).map((r) => byId.get(r.id)));
    const bravo = new Set(reports.filter((r) => r.id.startsWith('bravo')).map((r) => byId.get(r.id)));
    expect(alpha.size).toBe(1);
    expect(bravo.size).toBe(1);
    expect([...alpha][0]).not.toBe([...bravo][0]);
    const kept = c.keptApart.flatMap((k) => k.indicators.map((i) => c.graph.values[i]));
    expect(kept).toEqual(expect.arrayContaining(['PAYPRO*GLOBAL']));
  });

  it('attaches a report whose number sits next to the numbers of an operation in their block, not one further off', () => {
    const alpha = operation('alpha', 40); // numbers +18559700000 … +18559700007, one block
    const near = { id: 'near', indicators: [{ kind: 'phone', value: '+18559700009' }] };
    const far = { id: 'far', indicators: [{ kind: 'phone', value: '+18559700050' }] };
    const { byId } = clusterOf([...alpha, near, far]);
    expect(byId.get('near')).toBe(byId.get('alpha-0'));
    expect(byId.get('far')).not.toBe(byId.get('alpha-0'));
  });

  it('cuts two operations that met early through one number a report of each gave (the number of a kit)', () => {
    const kit = { kind: 'phone', value: '+18884441234' };
    const alpha = operation('alpha', 60);
    const bravo = operation('bravo', 45);
    alpha[0]!.indicators.push(kit);
    bravo[0]!.indicators.push(kit);
    const { byId, c } = clusterOf([...alpha, ...bravo]);
    expect(new Set(alpha.map((r) => byId.get(r.id))).size).toBe(1);
    expect(new Set(bravo.map((r) => byId.get(r.id))).size).toBe(1);
    expect(byId.get('alpha-0')).not.toBe(byId.get('bravo-0'));
    const kept = c.keptApart.flatMap((k) => k.indicators.map((i) => c.graph.values[i]));
    expect(kept).toContain(kit.value);
  });

  it('links two reports on weak evidence only when it adds up: a typo of a number plus the company', () => {
    const reports: LinkReport[] = [
      {
        id: 'a',
        indicators: [
          { kind: 'phone', value: '+18554428444' },
          { kind: 'company', value: 'easy net express' },
        ],
      },
      {
        id: 'b',
        indicators: [
          { kind: 'phone', value: '+18554428454' },
          { kind: 'company', value: 'easy net express' },
        ],
      },
      { id: 'c', indicators: [{ kind: 'phone', value: '+18554428464' }] },
    ];
    const { byId } = clusterOf(reports);
    expect(byId.get('a')).toBe(byId.get('b'));
    expect(byId.get('c')).not.toBe(byId.get('a'));
  });

  it('links an operation through its long-lived value however many small groups that value touches', () => {
    // A large world: 80 pairs of reports, each pair chained by a number used for a week, all naming the
    // same company. The company touches 80 groups at once, none established: it is the operation's, not a hub.
    const reports: LinkReport[] = Array.from({ length: 160 }, (_, i) => ({
      id: `r${i}`,
      indicators: [
        { kind: 'phone', value: `+1855${String(3000000 + Math.floor(i / 2) * 7919).padStart(7, '0')}` },
        { kind: 'company', value: 'zephyrion labs' },
      ],
    }));
    const { byId, c } = clusterOf(reports);
    expect(new Set(byId.values()).size).toBe(1);
    expect(c.hubs).toEqual([]);
  });

  it('merges two established groups that share three contact channels, not a kit number and one page', () => {
    // Two halves of one operation, each chained by its own number; then the operation's e-mail, site
    // and second number reach both halves. A URL and its host are one channel, not two.
    const half = (name: string, own: string, shared: (i: number) => LinkIndicator[]): LinkReport[] =>
      Array.from({ length: 30 }, (_, i) => ({
        id: `${name}-${i}`,
        indicators: [{ kind: 'phone', value: own }, ...shared(i)],
      }));
    const channels = (i: number): LinkIndicator[] => [
      ...(i < 16 ? [{ kind: 'email', value: 'billing@orion-desk.com' }] : []),
      ...(i >= 14 ? [{ kind: 'domain', value: 'orion-desk.com' }] : []),
      ...(i % 2 === 0 || i === 1 ? [{ kind: 'phone', value: '+18884441234' }] : []),
    ];
    const one = clusterOf([
      ...half('a', '+18554110000', channels),
      ...half('b', '+18557220000', channels),
    ]).byId;
    expect(one.get('a-0')).toBe(one.get('b-0'));

    const kitAndPage = (i: number): LinkIndicator[] => [
      ...(i < 16 ? [{ kind: 'url', value: 'https://alert-page.com/err/x1/' }] : []),
      ...(i >= 14 ? [{ kind: 'domain', value: 'alert-page.com' }] : []),
      ...(i % 2 === 0 || i === 1 ? [{ kind: 'phone', value: '+18884441234' }] : []),
    ];
    const two = clusterOf([
      ...half('a', '+18554110000', kitAndPage),
      ...half('b', '+18557220000', kitAndPage),
    ]).byId;
    expect(two.get('a-0')).not.toBe(two.get('b-0'));
  });

  it('sends a newcomer named like two call centres to the one that uses the name most, not the larger', () => {
    const phone = (k: number) => ({ kind: 'phone', value: `+1855${String(k * 1_234_567).padStart(7, '0')}` });
    const company = { kind: 'company', value: 'smart shield' };
    // A: 60 reports in two established halves (a number each) joined by its e-mail; a third name itself so.
    const a = Array.from({ length: 60 }, (_, i) => ({
      id: `a-${i}`,
      indicators: [
        phone(i < 30 ? 1 : 2),
        { kind: 'email', value: 'help@a-fix.com' },
        ...(i % 3 === 0 ? [company] : []),
      ],
    }));
    // B: 30 reports on one number, every one naming the company.
    const b = Array.from({ length: 30 }, (_, i) => ({ id: `b-${i}`, indicators: [phone(3), company] }));
    const newcomers = [0, 1].map((i) => ({ id: `new-${i}`, indicators: [phone(10 + i), company] }));
    const { byId } = clusterOf([...a, ...b, ...newcomers]);
    expect(byId.get('a-0')).toBe(byId.get('a-59'));
    expect(byId.get('a-0')).not.toBe(byId.get('b-0'));
    expect(byId.get('new-0')).toBe(byId.get('b-0'));
    expect(byId.get('new-1')).toBe(byId.get('b-0'));
  });
});
