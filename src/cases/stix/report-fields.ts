import { CHANNELS, LIMITS, type ReportInput } from '../../core/report-input.js';
import type { ReportSlot } from './observables.js';

/** A value or object an import leaves out, and why. */
export interface Skipped {
  id: string;
  reason: string;
}

// The longest value ReportInput takes in each slot (report-input.ts).
const MAX_LENGTH: Record<ReportSlot | 'companyNames' | 'scammerNames', number> = {
  callbackNumbers: LIMITS.phone,
  urls: LIMITS.url,
  emails: LIMITS.email,
  companyNames: LIMITS.shortText,
  scammerNames: LIMITS.shortText,
  sessionIds: 100,
  merchantDescriptor: LIMITS.shortText,
  iban: 64,
  accountNumber: 64,
  walletAddress: 128,
};
type Slot = keyof typeof MAX_LENGTH;
const PAYMENT_SLOTS = ['merchantDescriptor', 'iban', 'accountNumber', 'walletAddress'] as const;

/** Text PostgreSQL can store: well-formed Unicode without NUL (report-input.ts `storableText`). */
export const storable = (s: string) => s.length > 0 && s.isWellFormed() && !s.includes('\u0000');

/** Free text made storable: lone surrogates replaced, NUL dropped, cut to `max` characters. */
export function storableNarrative(s: string, max: number): string {
  const text = s.toWellFormed().replaceAll('\u0000', '');
  return text.length > max ? text.slice(0, max).replace(/[\uD800-\uDBFF]$/, '') : text;
}

/**
 * The values of one report as they are read from STIX objects: deduplicated, each kept only when the report
 * contract takes it (storable, short enough, within the list limits); every value left out is recorded with
 * the object it came from.
 */
export class ReportFields {
  private readonly values = new Map<Slot, Map<string, string>>();
  readonly skipped: Skipped[] = [];
  private readonly tools: string[] = [];
  brands: Array<{ name: string; weight: number }> = [];
  countries: Array<{ code: string; weight: number }> = [];
  narrative: string[] = [];

  /** Adds a value read from object `from`. */
  add(slot: Slot, value: string, from: string): void {
    if (!storable(value)) {
      this.skipped.push({ id: from, reason: `${slot}: not storable text (empty, NUL or lone surrogate)` });
      return;
    }
    if (value.length > MAX_LENGTH[slot]) {
      this.skipped.push({ id: from, reason: `${slot}: longer than ${MAX_LENGTH[slot]} characters` });
      return;
    }
    const values = this.values.get(slot) ?? new Map<string, string>();
    if (!values.has(value)) values.set(value, from);
    this.values.set(slot, values);
  }

  /** Records the remote-access tool a session id was given for. */
  addTool(tool: string): void {
    if (!this.tools.includes(tool)) this.tools.push(tool);
  }

  private list(slot: Slot, max: number): string[] {
    const entries = [...(this.values.get(slot) ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [value, from] of entries.slice(max))
      this.skipped.push({
        id: from,
        reason: `${slot}: a report holds at most ${max} (${value.slice(0, 80)})`,
      });
    return entries.slice(0, max).map(([value]) => value);
  }

  /** The ReportInput fields (without externalId and source); lists over the contract's limits are cut. */
  toInput(context: { channels: unknown; tools: unknown }): Omit<ReportInput, 'externalId' | 'source'> {
    const lists = (slot: Slot) => this.list(slot, LIMITS.listItems);
    const payments = PAYMENT_SLOTS.flatMap((slot) =>
      this.list(slot, LIMITS.payments).map((value) => ({ recipient: { [slot]: value } })),
    );
    const cutPayments = payments.slice(LIMITS.payments);
    if (cutPayments.length > 0)
      this.skipped.push({ id: 'payments', reason: `a report holds at most ${LIMITS.payments} payments` });
    const sessionIds = lists('sessionIds');
    const tool = this.tools[0] ?? firstString(context.tools);
    const channel = firstString(context.channels);
    const brand = [...this.brands].sort((a, b) => b.weight - a.weight)[0]?.name;
    const country = [...this.countries].sort((a, b) => b.weight - a.weight)[0]?.code;
    const narrative = storableNarrative(this.narrative.join('\n\n'), LIMITS.narrative);
    const input: Omit<ReportInput, 'externalId' | 'source'> = {
      channel: CHANNELS.find((c) => c === channel),
      impersonatedBrand: brand,
      callbackNumbers: lists('callbackNumbers'),
      urls: lists('urls'),
      emails: lists('emails'),
      companyNames: lists('companyNames'),
      scammerNames: lists('scammerNames'),
      remoteAccess:
        sessionIds.length > 0
          ? { ...(tool && storable(tool) && tool.length <= LIMITS.shortText ? { tool } : {}), sessionIds }
          : undefined,
      payments: payments.slice(0, LIMITS.payments),
      narrative: narrative.length > 0 ? narrative : undefined,
      victim: country ? { country } : undefined,
    };
    return Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
    ) as Omit<ReportInput, 'externalId' | 'source'>;
  }
}

function firstString(v: unknown): string | undefined {
  return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
}
