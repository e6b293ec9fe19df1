import { describe, expect, it } from 'vitest';
import { clusterReports } from './cluster.js';
import { DEFAULT_LINK_POLICY, type LinkIndicator, type LinkReport, type Suppression } from './types.js';

const noSuppression = (): Suppression => null;

/** Cluster of every report, by id. */
function clusterOf(reports: LinkReport[]) {
  const c = clusterReports(reports, DEFAULT_LINK_POLICY, noSuppression);
  return { c, byId: new Map(reports.map((r, i) => [r.id, c.cluster[i]!])) };
}

/** The clusters the reports whose id starts with `prefix` are in. */
const clustersOf = (byId: Map<string, number>, prefix: string) =>
  new Set([...byId].filter(([id]) => id.startsWith(`${prefix}-`)).map(([, c]) => c));

/** A call centre's long-lived values: its company, wallet and billing e-mail. */
function identityOf(name: string) {
  return {
    company: { kind: 'company', value: `${name} infolabs` },
    wallet: { kind: 'crypto_wallet', value: `bc1q${name}wallet0000` },
    email: { kind: 'email', value: `billing@${name}-care.com` },
  };
}

/**
 * A call centre: numbers and sites rotating every five reports chain its reports; a third name its
 * company, a fifth pay its wallet, a sixth write to its billing e-mail. `phase` gives it other numbers
 * and sites (a later period of the same centre).
 */
function callCentre(name: string, reports: number, phase = 0, from = 0): LinkReport[] {
  const own = identityOf(name);
  return Array.from({ length: reports }, (_, k) => {
    const i = from + k;
    const period = Math.floor(i / 5);
    const indicators: LinkIndicator[] = [
      {
        kind: 'phone',
        value: `+1${800 + phase}${String(name.length * 100_003 + period * 7).padStart(7, '0')}`,
      },
      { kind: 'domain', value: `${name}-${phase}-help-${Math.floor((i + 2) / 5)}.xyz` },
    ];
    if (i % 3 === 0) indicators.push(own.company);
    if (i % 5 === 1) indicators.push(own.wallet);
    if (i % 6 === 2) indicators.push(own.email);
    return { id: `${name}-${i}`, indicators };
  });
}

describe('settling values shared by established groups', () => {
  it('keeps two large call centres apart when one report of one carries the values of the other', () => {
    const zorbex = callCentre('zorbex', 400);
    const quillon = callCentre('quillon', 400);
    // A victim of quillon mixed up two calls: the report also names zorbex, its wallet and its e-mail.
    // Three facets, as the old fixed rule wanted; one report of 400 is no bridge.
    const z = identityOf('zorbex');
    quillon[7]!.indicators.push(z.company, z.wallet, z.email);
    const { byId, c } = clusterOf([...zorbex, ...quillon]);
    expect(clustersOf(byId, 'zorbex').size).toBe(1);
    expect(clustersOf(byId, 'quillon').size).toBe(1);
    expect(byId.get('zorbex-0')).not.toBe(byId.get('quillon-0'));
    const bridges = c.keptApart.flatMap((k) => k.indicators.map((i) => c.graph.values[i]));
    expect(bridges).toEqual(expect.arrayContaining([z.company.value]));
  });

  it('merges two phases of one call centre that share its company, wallet and e-mail in many reports', () => {
    // Same call centre, two periods: other numbers and sites, the same long-lived values.
    const { byId } = clusterOf([...callCentre('zorbex', 300, 0), ...callCentre('zorbex', 300, 1, 300)]);
    expect(clustersOf(byId, 'zorbex').size).toBe(1);
  });

  it('merges the phases when only a small share of the larger group carries what they share', () => {
    // A phase of 40 reports whose company and wallet are in a few dozen of the 2,000 reports of the
    // main phase: above `minBridgeShare` of each group, so the phases are one centre.
    const main = callCentre('zorbex', 2000, 0);
    const z = identityOf('zorbex');
    for (const r of main)
      r.indicators = r.indicators.filter((x) => x.kind === 'phone' || x.kind === 'domain');
    for (let i = 0; i < 2000; i += 100) main[i]!.indicators.push(z.company, z.wallet);
    const { byId } = clusterOf([...main, ...callCentre('zorbex', 40, 1, 2000)]);
    expect(clustersOf(byId, 'zorbex').size).toBe(1);
  });
});

describe('names and weak evidence', () => {
  const company = { kind: 'company', value: 'zorbex infolabs' };

  it('lets a small group join the call centre whose company it names', () => {
    const centre = callCentre('zorbex', 60);
    const stray = [0, 1].map((i) => ({
      id: `stray-${i}`,
      indicators: [{ kind: 'phone', value: '+18557771234' }, company],
    }));
    const { byId } = clusterOf([...centre, ...stray]);
    expect(byId.get('stray-0')).toBe(byId.get('zorbex-0'));
  });

  it('keeps apart a formed group that shares only the company name with a call centre', () => {
    const centre = callCentre('zorbex', 60);
    // Another call centre chose the same name: eight reports on its own number and site.
    const namesake = Array.from({ length: 8 }, (_, i) => ({
      id: `namesake-${i}`,
      indicators: [
        { kind: 'phone', value: '+18557771234' },
        { kind: 'domain', value: 'fix-now-24.top' },
        ...(i % 2 === 0 ? [company] : []),
      ],
    }));
    const { byId } = clusterOf([...centre, ...namesake]);
    expect(clustersOf(byId, 'namesake').size).toBe(1);
    expect(byId.get('namesake-0')).not.toBe(byId.get('zorbex-0'));
  });

  it('attaches a report with a mistyped number, but never merges two groups through a typo', () => {
    const centre = callCentre('zorbex', 30);
    const number = centre[0]!.indicators[0]!.value; // carried by five reports
    const typo = `${number.slice(0, 4)}${number[4] === '9' ? '8' : '9'}${number.slice(5)}`;
    const stray = { id: 'stray-0', indicators: [{ kind: 'phone', value: typo }] };
    expect(clusterOf([...centre, stray]).byId.get('stray-0')).toBe(
      clusterOf([...centre, stray]).byId.get('zorbex-0'),
    );
    // The same typo in a report of another, formed call centre links nothing.
    const other = callCentre('quillon', 30);
    other[3]!.indicators.push({ kind: 'phone', value: typo });
    const { byId } = clusterOf([...centre, ...other]);
    expect(byId.get('quillon-3')).toBe(byId.get('quillon-0'));
    expect(byId.get('quillon-0')).not.toBe(byId.get('zorbex-0'));
  });
});
