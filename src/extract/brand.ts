import brandsData from '../core/data/brands.json' with { type: 'json' };

interface BrandEntry {
  name: string;
  sector: string;
  aliases: string[];
  caseSensitive?: string[];
}

const BRANDS = (brandsData as { brands: BrandEntry[] }).brands;
const sortLongFirst = (xs: string[]) => [...xs].sort((a, b) => b.length - a.length);
const escapeAlias = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '[\\s-]?');
/**
 * One alternation of aliases, longest first. ASCII aliases share one word-boundary check outside their
 * group: inside a word the look-behind fails at once and the hundreds of alternatives are never tried.
 */
function aliasPattern(aliases: string[]): string {
  const sorted = sortLongFirst(aliases);
  const ascii = sorted.filter((a) => /^[ -~]+$/.test(a)).map(escapeAlias);
  const other = sorted.filter((a) => !/^[ -~]+$/.test(a)).map(escapeAlias);
  const parts = [`(?<![A-Za-z0-9])(?:${ascii.join('|')})(?![A-Za-z0-9'’])`];
  if (other.length > 0) parts.push(`(?:${other.join('|')})`);
  return parts.join('|');
}

const byAlias = new Map<string, BrandEntry>();
for (const b of BRANDS) {
  byAlias.set(b.name.toLowerCase(), b);
  for (const a of b.aliases) byAlias.set(a.toLowerCase(), b);
  for (const a of b.caseSensitive ?? []) byAlias.set(a.toLowerCase(), b);
}
const INSENSITIVE_RE = new RegExp(
  aliasPattern(BRANDS.flatMap((b) => [...b.aliases, ...(b.caseSensitive ? [] : [b.name])])),
  'gi',
);
const SENSITIVE_RE = new RegExp(aliasPattern(BRANDS.flatMap((b) => b.caseSensitive ?? [])), 'g');
// "Apple gift card", "Amazon voucher", "Google Play card": the brand is how they were paid, not who was impersonated.
const GIFT_AFTER_RE =
  /^\s*(?:gift|store|itunes|play)?\s*(?:gift\s?cards?|cards?|vouchers?|cartes?|karten?|gutschein|tarjetas?|ギフト|カード|券)/i;

/** The canonical brand for an alias or a free-text brand name ("icloud" → "Apple"), if known. */
export function canonicalBrand(name: string): string | null {
  const k = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, ' ');
  const hit = byAlias.get(k);
  if (hit) return hit.name;
  INSENSITIVE_RE.lastIndex = 0;
  const m = INSENSITIVE_RE.exec(name);
  return m ? (byAlias.get(m[0].toLowerCase().replace(/[\s-]+/g, ' '))?.name ?? null) : null;
}

/** True when a normalised name is a known brand or alias (a brand is impersonated, never the operator). */
export function isBrandName(normalised: string): boolean {
  return byAlias.has(normalised) || byAlias.has(normalised.replace(/\s+/g, ''));
}

/** The sector of a canonical brand ('tech', 'bank'…), used by triage. */
export function brandSector(name: string): string | null {
  return byAlias.get(name.toLowerCase())?.sector ?? null;
}

/** Impersonated brands mentioned in a text, canonical names in order of first mention. */
export function findBrands(text: string): string[] {
  const found: Array<{ at: number; name: string }> = [];
  for (const re of [INSENSITIVE_RE, SENSITIVE_RE]) {
    for (const m of text.matchAll(re)) {
      if (GIFT_AFTER_RE.test(text.slice(m.index + m[0].length, m.index + m[0].length + 20))) continue;
      const b = byAlias.get(m[0].toLowerCase().replace(/[\s-]+/g, ' ')) ?? byAlias.get(m[0].toLowerCase());
      if (b) found.push({ at: m.index, name: b.name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.name))];
}
