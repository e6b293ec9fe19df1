// How the workbench writes dates, money and numbers. Dates are shown in UTC (reports arrive from every
// time zone, and chain of custody is recorded in UTC), money in its own currency.

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  year: 'numeric',
  month: 'short',
  day: '2-digit',
  timeZone: 'UTC',
});
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
  timeZone: 'UTC',
});
const integerFormat = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const moneyFormats = new Map<string, Intl.NumberFormat>();

/** A sum of money in one currency. */
export interface Money {
  currency: string;
  value: number;
}

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "04 Mar 2025" (UTC), or "—" for no date. */
export function formatDate(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? dateFormat.format(d) : '—';
}

/** "04 Mar 2025 13:22 UTC", or "—" for no date. */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const d = toDate(value);
  return d ? `${dateFormat.format(d)} ${timeFormat.format(d)} UTC` : '—';
}

/** "04 Mar – 19 Apr 2025" style period of two dates (either may be missing). */
export function formatPeriod(first: string | null | undefined, last: string | null | undefined): string {
  if (!first && !last) return '—';
  const a = formatDate(first);
  const b = formatDate(last);
  return a === b ? a : `${a} – ${b}`;
}

/** An integer with thousands separators: 12,345. */
export function formatCount(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '—' : integerFormat.format(n);
}

/** A number with at most `digits` decimals. */
export function formatNumber(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '—';
  return n.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** A probability or share in [0, 1] as a percentage: "87%". */
export function formatPercent(p: number | null | undefined, digits = 0): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return `${(p * 100).toFixed(digits)}%`;
}

/** A sum in its currency: "$1,200", "€350", "1,000 XYZ" for a code Intl does not know. */
export function formatMoney(value: number, currency: string): string {
  let f = moneyFormats.get(currency);
  if (!f) {
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      return `${integerFormat.format(value)} ${currency}`;
    }
    moneyFormats.set(currency, f);
  }
  return f.format(value);
}

/** Several sums, largest first: "$1,200 + €350"; "—" for none. */
export function formatLosses(losses: readonly Money[] | null | undefined): string {
  if (!losses || losses.length === 0) return '—';
  return [...losses]
    .sort((a, b) => b.value - a.value)
    .map((l) => formatMoney(l.value, l.currency))
    .join(' + ');
}

/** A machine word for people: "gift_card" → "gift card". */
export function humanise(word: string): string {
  return word.replace(/_/g, ' ');
}
