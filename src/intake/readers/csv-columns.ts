import { UsageError } from '../../core/errors.js';

/** How one CSV column fills a ReportInput field. */
interface Column {
  /** Path in ReportInput; `payments.*` columns are aligned by position across multi-value cells. */
  path: string;
  kind: 'text' | 'list' | 'number' | 'boolean';
}

/**
 * The documented CSV mapping (README, "CSV import"). Headers are matched case-insensitively, ignoring
 * spaces, dots, dashes and underscores, so `victim.country`, `Victim Country` and `victim_country` agree.
 * Multi-value cells separate values with `|`; in payment columns the n-th value of each column
 * belongs to the n-th payment.
 */
export const CSV_COLUMNS: Record<string, Column> = {
  externalId: { path: 'externalId', kind: 'text' },
  source: { path: 'source', kind: 'text' },
  submittedAt: { path: 'submittedAt', kind: 'text' },
  channel: { path: 'channel', kind: 'text' },
  firstContactAt: { path: 'firstContactAt', kind: 'text' },
  impersonatedBrand: { path: 'impersonatedBrand', kind: 'text' },
  callbackNumbers: { path: 'callbackNumbers', kind: 'list' },
  urls: { path: 'urls', kind: 'list' },
  emails: { path: 'emails', kind: 'list' },
  companyNames: { path: 'companyNames', kind: 'list' },
  scammerNames: { path: 'scammerNames', kind: 'list' },
  'remoteAccess.tool': { path: 'remoteAccess.tool', kind: 'text' },
  'remoteAccess.sessionIds': { path: 'remoteAccess.sessionIds', kind: 'list' },
  'payments.method': { path: 'payments.*.method', kind: 'list' },
  'payments.amount': { path: 'payments.*.amount', kind: 'number' },
  'payments.currency': { path: 'payments.*.currency', kind: 'list' },
  'payments.date': { path: 'payments.*.date', kind: 'list' },
  'payments.recipient.name': { path: 'payments.*.recipient.name', kind: 'list' },
  'payments.recipient.merchantDescriptor': { path: 'payments.*.recipient.merchantDescriptor', kind: 'list' },
  'payments.recipient.accountNumber': { path: 'payments.*.recipient.accountNumber', kind: 'list' },
  'payments.recipient.iban': { path: 'payments.*.recipient.iban', kind: 'list' },
  'payments.recipient.walletAddress': { path: 'payments.*.recipient.walletAddress', kind: 'list' },
  'payments.recipient.chain': { path: 'payments.*.recipient.chain', kind: 'list' },
  'payments.recipient.giftCardBrand': { path: 'payments.*.recipient.giftCardBrand', kind: 'list' },
  narrative: { path: 'narrative', kind: 'text' },
  'victim.country': { path: 'victim.country', kind: 'text' },
  'victim.region': { path: 'victim.region', kind: 'text' },
  'victim.ageBand': { path: 'victim.ageBand', kind: 'text' },
  'victim.name': { path: 'victim.name', kind: 'text' },
  'victim.email': { path: 'victim.email', kind: 'text' },
  'victim.phone': { path: 'victim.phone', kind: 'text' },
  'consent.lawEnforcementContact': { path: 'consent.lawEnforcementContact', kind: 'boolean' },
  'consent.partnerSharing': { path: 'consent.partnerSharing', kind: 'boolean' },
  language: { path: 'language', kind: 'text' },
};

const ALIASES: Record<string, string> = {
  id: 'externalId',
  reference: 'externalId',
  date: 'submittedAt',
  brand: 'impersonatedBrand',
  phone: 'callbackNumbers',
  phones: 'callbackNumbers',
  phoneNumbers: 'callbackNumbers',
  url: 'urls',
  website: 'urls',
  email: 'emails',
  company: 'companyNames',
  remoteTool: 'remoteAccess.tool',
  paymentMethod: 'payments.method',
  amount: 'payments.amount',
  currency: 'payments.currency',
  country: 'victim.country',
  description: 'narrative',
};

const key = (h: string) => h.toLowerCase().replace(/[\s._-]+/g, '');
const lookup = new Map<string, Column>();
for (const [name, col] of Object.entries(CSV_COLUMNS)) lookup.set(key(name), col);
for (const [alias, name] of Object.entries(ALIASES)) lookup.set(key(alias), CSV_COLUMNS[name]!);

/** Maps a header row to columns; unknown headers are a usage error naming them (nothing is silently dropped). */
export function mapHeader(header: string[]): Column[] {
  const unknown = header.filter((h) => !lookup.has(key(h)));
  if (unknown.length > 0) {
    throw new UsageError(
      `unknown CSV column${unknown.length === 1 ? '' : 's'}: ${unknown.map((u) => JSON.stringify(u)).join(', ')}. ` +
        `Known columns: ${Object.keys(CSV_COLUMNS).join(', ')} (see the README, "CSV import")`,
    );
  }
  return header.map((h) => lookup.get(key(h))!);
}

/** Builds a ReportInput-shaped object from one CSV row; values that do not convert stay strings so validation names them. */
export function rowToRecord(columns: Column[], cells: string[]): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  const payments: Record<string, unknown>[] = [];
  columns.forEach((col, i) => {
    const cell = (cells[i] ?? '').trim();
    if (cell === '') return;
    if (col.path.startsWith('payments.*.')) {
      splitCell(cell).forEach((v, n) => {
        payments[n] ??= {};
        if (v !== '') setPath(payments[n]!, col.path.slice('payments.*.'.length), convert(v, col.kind));
      });
      return;
    }
    const value = col.kind === 'list' ? splitCell(cell).filter((v) => v !== '') : convert(cell, col.kind);
    setPath(record, col.path, value);
  });
  if (payments.length > 0) record.payments = Array.from(payments, (p) => p ?? {});
  return record;
}

function splitCell(cell: string): string[] {
  return cell.split(/\s*[|\n]\s*/);
}

function convert(v: string, kind: Column['kind']): unknown {
  if (kind === 'number') {
    const n = Number(v.replace(/,/g, ''));
    return Number.isFinite(n) && v !== '' ? n : v;
  }
  if (kind === 'boolean') {
    const b = v.toLowerCase();
    if (['true', 'yes', 'y', '1'].includes(b)) return true;
    if (['false', 'no', 'n', '0'].includes(b)) return false;
    return v;
  }
  return v;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const p of parts.slice(0, -1)) {
    node[p] ??= {};
    node = node[p] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}
