import { INDICATOR_REGISTRY, isIndicatorKind } from '../../core/indicator-kinds.js';
import { cleanLine } from './text.js';

const MONEY = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const COUNT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const REGIONS = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function parseTime(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isFinite(date.getTime()) ? date : null;
}

/** A timestamp as `2026-11-19 08:05 UTC` (an unparseable one as it came, cleaned; null as a dash). */
export function formatTime(iso: string | null | undefined): string {
  const date = parseTime(iso);
  if (!date) return iso ? cleanLine(iso, 40) : '—';
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A timestamp's day, `2026-11-19`. */
export function formatDay(iso: string | null | undefined): string {
  const date = parseTime(iso);
  if (!date) return iso ? cleanLine(iso, 40) : '—';
  return date.toISOString().slice(0, 10);
}

/** A period between two timestamps, by day. */
export function formatPeriod(first: string | null | undefined, last: string | null | undefined): string {
  if (!first && !last) return '—';
  return `${formatDay(first)} to ${formatDay(last)}`;
}

/** A count with thousands separators. */
export function formatCount(n: number): string {
  return Number.isFinite(n) ? COUNT.format(n) : '—';
}

/** An amount with its currency code, `18,250.00 USD`. */
export function formatMoney(value: number, currency: string): string {
  const code = cleanLine(currency, 8) || '???';
  return Number.isFinite(value) ? `${MONEY.format(value)} ${code}` : `— ${code}`;
}

/** Amounts per currency on one line. */
export function formatLosses(losses: Array<{ currency: string; value: number }>): string {
  return losses.length ? losses.map((l) => formatMoney(l.value, l.currency)).join('; ') : '—';
}

/** A country code as its English name and code, `United States (US)`. */
export function formatCountry(code: string | null | undefined): string {
  const clean = cleanLine(code, 12).toUpperCase();
  if (!clean) return '—';
  if (!/^[A-Z]{2}$/.test(clean)) return clean;
  const name = REGIONS.of(clean);
  return name && name !== clean ? `${name} (${clean})` : clean;
}

/** A vocabulary code for a reader: `gift_card` → `gift card`. */
export function humanise(code: string | null | undefined): string {
  const clean = cleanLine(code, 80);
  return clean ? clean.replace(/_/g, ' ') : '—';
}

/** A tri-state consent: yes, no, or not asked. */
export function formatConsent(value: boolean | null): string {
  if (value === null) return 'not asked';
  return value ? 'yes' : 'no';
}

/** An indicator kind's label from the registry (`phone number`), or the code itself. */
export function indicatorLabel(kind: string): string {
  return isIndicatorKind(kind) ? INDICATOR_REGISTRY[kind].label : humanise(kind);
}

/**
 * An indicator's value as a reader should see it (the registry's display form: `+1 888-555-0142`), with
 * the stored form beside it when the display form is Unicode (an IDN can imitate another domain).
 */
export function indicatorDisplay(kind: string, value: string): string {
  const stored = cleanLine(value);
  if (!isIndicatorKind(kind)) return stored;
  let shown: string;
  try {
    shown = cleanLine(INDICATOR_REGISTRY[kind].display(value.slice(0, 2_000)));
  } catch {
    return stored;
  }
  if (!shown) return stored;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ASCII is exactly the range tested for
  return shown !== stored && /[^\u0000-\u007f]/.test(shown) ? `${shown} (${stored})` : shown;
}
