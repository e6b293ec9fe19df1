import { expiresAt } from '../../score/decay.js';
import type { FeedEntry, FeedKind } from './entries.js';
import { strictestTlp } from './strictest-tlp.js';

/** What a plain-text feed's header says. */
export interface TextFeedOptions {
  now: Date;
  kind: FeedKind;
  /** Who publishes it (default Dragnet). */
  producer?: string;
}

const WHAT: Record<FeedKind, string> = {
  phone: 'phone numbers (E.164)',
  domain: 'hostnames (exact hosts: a listed host does not cover its parent domain)',
  url: 'URLs',
};

const DAY = 86_400_000;
/** Control characters and Unicode line breaks: any of them would split or hide a line. */
const UNSAFE = /[\p{Cc}\u2028\u2029]/u;

/** True when a value can stand alone on one line of a plain-text feed and be read back unchanged. */
export function isTextFeedValue(value: string): boolean {
  return value.length > 0 && !value.startsWith('#') && value.isWellFormed() && !UNSAFE.test(value);
}

/**
 * A feed as plain text: a '#' header (name, generated time, count, marking, expiry), then one value per
 * line. A value that could not stand on one line (control characters, line breaks, a leading '#') is left
 * out rather than altered: a blocklist must not carry a value nobody reported.
 */
export function toText(entries: FeedEntry[], opts: TextFeedOptions): string {
  const values = entries.filter((e) => isTextFeedValue(e.value));
  const producer = (opts.producer ?? 'Dragnet').replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  const lifetimeDays = expiresAt(opts.kind, 0) / DAY;
  const tlp = strictestTlp(values.map((e) => e.tlp)) ?? 'clear';
  const header = [
    `${producer} tech support scam blocklist: ${WHAT[opts.kind]}`,
    `Generated: ${opts.now.toISOString()}`,
    `Entries: ${values.length}`,
    ...(values.length > 0 ? [`TLP: ${tlp.toUpperCase()}`] : []),
    `Expiry: a value stays listed until its score decays below the threshold, about ${lifetimeDays.toFixed(1)} days after it was last reported. Fetch this feed again at least daily.`,
  ];
  return [...header.map((line) => `# ${line}`), ...values.map((e) => e.value)].map((l) => `${l}\n`).join('');
}
