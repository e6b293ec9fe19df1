/**
 * Approximate US dollars per unit, for ranking only (losses are always shown in their own currency).
 * A fixed table keeps scoring pure and repeatable; update it with releases.
 */
export const USD_PER_UNIT: Record<string, number> = {
  USD: 1,
  EUR: 1.08,
  GBP: 1.27,
  CAD: 0.73,
  AUD: 0.66,
  NZD: 0.6,
  JPY: 0.0067,
  INR: 0.012,
  CHF: 1.12,
  SEK: 0.095,
  NOK: 0.093,
  DKK: 0.145,
  SGD: 0.74,
  HKD: 0.128,
  ZAR: 0.054,
  MXN: 0.058,
  BRL: 0.19,
  PLN: 0.25,
  BTC: 60_000,
  ETH: 3_000,
  USDT: 1,
};

/** A sum in US dollars (unknown currencies count as 0: better unranked than wrongly ranked). */
export function toUsd(amounts: Array<{ currency: string; value: number }>): number {
  let total = 0;
  for (const a of amounts) total += a.value * (USD_PER_UNIT[a.currency.toUpperCase()] ?? 0);
  return total;
}
