import type { Dossier, DossierVictim } from '../types.js';

/** An amount in one currency. */
export interface Amount {
  currency: string;
  value: number;
}

/** The case in numbers, for the cover. */
export interface KeyFigures {
  operations: number;
  /** Reports across the case's operations. */
  reports: number;
  /** Victims in the dossier. */
  victims: number;
  /** Victims' countries (alpha-2), from the operations' reports and the dossier's victims. */
  countries: string[];
  /** Losses per currency across all reports of the operations, largest first. */
  losses: Amount[];
}

const finite = (n: number) => (Number.isFinite(n) ? n : 0);

function sumByCurrency(amounts: Iterable<Amount>): Amount[] {
  const totals = new Map<string, number>();
  for (const a of amounts) totals.set(a.currency, (totals.get(a.currency) ?? 0) + finite(a.value));
  return [...totals]
    .map(([currency, value]) => ({ currency, value: Math.round(value * 100) / 100 }))
    .sort((a, b) => b.value - a.value || (a.currency < b.currency ? -1 : 1));
}

/** Victims per country across the operations' reports (the map), most first. */
export function victimsByCountry(dossier: Dossier): Array<{ country: string; count: number }> {
  const counts = new Map<string, number>();
  for (const op of dossier.operations)
    for (const v of op.geography.victims) {
      const code = v.country.toUpperCase();
      counts.set(code, (counts.get(code) ?? 0) + finite(v.count));
    }
  return [...counts]
    .map(([country, count]) => ({ country, count }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || (a.country < b.country ? -1 : 1));
}

/** The key figures of a dossier. */
export function keyFigures(dossier: Dossier): KeyFigures {
  const countries = new Set(victimsByCountry(dossier).map((c) => c.country));
  for (const v of dossier.victims) if (v.country) countries.add(v.country.toUpperCase());
  return {
    operations: dossier.operations.length,
    reports: dossier.operations.reduce((s, op) => s + finite(op.reportCount), 0),
    victims: dossier.victims.length,
    countries: [...countries].sort(),
    losses: sumByCurrency(dossier.operations.flatMap((op) => op.profile.lossesByCurrency)),
  };
}

/** One line of the losses table: a country and a currency, with its total and how many victims lost in it. */
export interface CountryCurrencyLoss {
  country: string | null;
  /** Victims from the country (all, whatever they lost). */
  victims: number;
  /** null: victims of this country reported no loss. */
  currency: string | null;
  total: number;
  /** Victims of this country who lost money in this currency. */
  victimsWithLoss: number;
}

/** Victims' losses by country and currency, countries with the most victims first. */
export function lossesByCountry(victims: DossierVictim[]): CountryCurrencyLoss[] {
  const byCountry = new Map<string | null, DossierVictim[]>();
  for (const v of victims) {
    const key = v.country ? v.country.toUpperCase() : null;
    const list = byCountry.get(key);
    if (list) list.push(v);
    else byCountry.set(key, [v]);
  }
  // Unknown country last among equals.
  const countries = [...byCountry].sort(
    ([a, va], [b, vb]) => vb.length - va.length || ((a ?? '~') < (b ?? '~') ? -1 : 1),
  );
  return countries.flatMap(([country, ofCountry]): CountryCurrencyLoss[] => {
    const totals = sumByCurrency(ofCountry.flatMap((v) => v.losses));
    if (totals.length === 0)
      return [{ country, victims: ofCountry.length, currency: null, total: 0, victimsWithLoss: 0 }];
    return totals.map((t) => ({
      country,
      victims: ofCountry.length,
      currency: t.currency,
      total: t.value,
      victimsWithLoss: ofCountry.filter((v) => v.losses.some((l) => l.currency === t.currency)).length,
    }));
  });
}

/** Victims' losses per currency across the dossier. */
export function victimLosses(victims: DossierVictim[]): Amount[] {
  return sumByCurrency(victims.flatMap((v) => v.losses));
}

/** How many victims paid by each method, most first. */
export function paymentMethodCounts(victims: DossierVictim[]): Array<{ method: string; victims: number }> {
  const counts = new Map<string, number>();
  for (const v of victims) for (const m of new Set(v.paymentMethods)) counts.set(m, (counts.get(m) ?? 0) + 1);
  return [...counts]
    .map(([method, n]) => ({ method, victims: n }))
    .sort((a, b) => b.victims - a.victims || (a.method < b.method ? -1 : 1));
}
