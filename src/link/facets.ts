import { degreeOf, type ReportGraph } from './graph.js';

/** Independent facets of evidence: how the operation is paid, contacted, and who it says it is. */
const FACETS: Record<string, string> = {
  merchant: 'payment',
  iban: 'payment',
  bank_account: 'payment',
  crypto_wallet: 'payment',
  card_last4: 'payment',
  phone: 'contact',
  email: 'contact',
  domain: 'contact',
  url: 'contact',
  remote_access_id: 'contact',
  company: 'identity',
  person: 'identity',
  tracking_id: 'kit',
  asset_hash: 'kit',
};

/** The facet of a kind of value. */
export function facetOf(kind: string): string {
  return FACETS[kind] ?? kind;
}

/** A contact channel: a page's URL and its host are one channel, not two. */
export function channelOf(kind: string, value: string): string {
  if (kind !== 'url') return `${kind}:${value}`;
  const host = /^[a-z][a-z0-9+.-]*:\/\/([^/?#:]+)/i.exec(value)?.[1];
  return host ? `domain:${host.toLowerCase()}` : `url:${value}`;
}

/** Descriptors squeeze the business name to this many letters before a city or reference number. */
const DESCRIPTOR_NAME_LETTERS = 12;
/** Names shorter than this are too easily the start of another word to be recognised in a descriptor. */
const MIN_NAME_LETTERS = 6;

/** A facilitator's prefix ("SQ*") or a reference number names one merchant account, not a trading name. */
const FACILITATOR_OR_REFERENCE = /\*|\d{4,}/;

const lettersOf = (value: string) => value.toLowerCase().replace(/[^\p{L}]/gu, '');

/**
 * The facet of every value of the graph. A card descriptor carries the merchant's trading name (card
 * schemes require it: "QUICKSYSTEMS DUBLIN", "NOVA GUARD PC SOLUTION"), so a descriptor that begins with
 * a company name seen in the reports is that name again: identity, not payment. Two call centres that
 * chose the same name share both by chance; counted as two facets they would merge. A descriptor behind
 * a facilitator's prefix ("SQ*…", "PAYPAL*…") or with a reference number ("TECHSYSTEMS 8443970648")
 * names one merchant account: payment.
 */
export function facetsOf(graph: ReportGraph): string[] {
  const names = new Set<string>();
  for (let i = 0; i < graph.kinds.length; i++) {
    if (graph.kinds[i] !== 'company' || degreeOf(graph, i) < 1) continue;
    const letters = lettersOf(graph.values[i]!);
    if (letters.length >= MIN_NAME_LETTERS) names.add(letters.slice(0, DESCRIPTOR_NAME_LETTERS));
  }
  return graph.kinds.map((kind, i) => {
    if (kind !== 'merchant' || FACILITATOR_OR_REFERENCE.test(graph.values[i]!)) return facetOf(kind);
    return descriptorNamesCompany(graph.values[i]!, names) ? 'identity' : 'payment';
  });
}

/** True when the descriptor's letters begin with one of the names (each cut to the descriptor's length). */
function descriptorNamesCompany(descriptor: string, names: Set<string>): boolean {
  const letters = lettersOf(descriptor);
  const longest = Math.min(letters.length, DESCRIPTOR_NAME_LETTERS);
  for (let k = MIN_NAME_LETTERS; k <= longest; k++) if (names.has(letters.slice(0, k))) return true;
  return false;
}
