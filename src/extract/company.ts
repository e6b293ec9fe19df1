import { normaliseCompany } from '../core/indicator-kinds.js';
import { isBrandName } from './brand.js';
import { indicatorAt, type Source } from './found.js';
import { overlaps } from './text.js';
import type { Indicator, Span } from './types.js';

const WORD = String.raw`(?:(?!(?:Pvt|Private|Pty|Co|Ltd|LLC|Inc|GmbH)\b)\p{Lu}[\p{L}\p{N}&'’.-]*|\p{N}+[\p{L}]*|&)`;
const LINK = `(?:of|and|de|du|des|la|y|et|und|for)`;
const SUFFIX = String.raw`(?:Pvt\.?\s?Ltd\.?|Private\s+Limited|Pty\.?\s?Ltd\.?|Co\.,?\s?Ltd\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|Inc\.?|Incorporated|Corp\.?|Corporation|GmbH|SARL|S\.A\.R\.L\.|S\.A\.S\.|SAS|S\.A\.|S\.L\.|LLP|PLC|plc|AG|B\.V\.|S\.R\.L\.|SRL)`;
const SUFFIXED_RE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(${WORD}(?:[ \t]+(?:${WORD}|${LINK})){0,5})[ \t]*,?[ \t]+(${SUFFIX})(?![\p{L}\p{N}])`,
  'gu',
);
const LABELLED_RE = new RegExp(
  String.raw`(?:company|firm|business|société|entreprise|Firma|Unternehmen|empresa|compañía)\s+(?:name\s+(?:was|is)\s*|(?:was\s+|is\s+)?(?:called|named)\s+|appelée\s+|nommée\s+|namens\s+|llamada\s+|que se llama\s+|:\s*)["“]?(${WORD}(?:[ \t]+(?:${WORD}|${LINK})){0,4})`,
  'gu',
);
const SUFFIX_HINT_RE =
  /Ltd|LLC|L\.L\.C|Inc|Corp|GmbH|SARL|S\.A|S\.L|SAS|LLP|PLC|plc|AG\b|B\.V|SRL|Limited|Incorporated/;
const LABEL_HINT_RE = /company|firm|business|société|entreprise|Firma|Unternehmen|empresa|compañía/i;
const JA_RE =
  /株式会社([\p{Script=Katakana}\p{Script=Han}ー・A-Za-z0-9]{2,20})|([\p{Script=Katakana}ー・A-Za-z0-9]{2,20})株式会社/gu;
// Sentence words that a capitalised run picks up before the real name ("Then Easy Net Express Pvt Ltd").
const LEADING_NOISE =
  /^(?:(?:The|Then|From|By|To|A|An|Called|Named|Paid|Via|With|And|For|At|In|On|My|Our|I|He|She|They|It|This|That|After|Before|When|Later|Also|But|So|Company|Firm|Le|La|Les|Der|Die|Das|El|Los|Une|Un|Eine|Ein|Una|Mit|Par|Por|Von)\s+)+/u;

/** Finds company names: a capitalised name before a legal suffix, or a labelled name; brands are skipped. */
export function findCompanies(src: Source, claimed: Span[]): Indicator[] {
  const text = src.view.text;
  const out: Indicator[] = [];
  const spans: Span[] = [];
  const push = (name: string, start: number, end: number, suffix?: string) => {
    if (overlaps(claimed, start, end) || overlaps(spans, start, end)) return;
    const value = normaliseCompany(suffix ? `${name} ${suffix}` : name);
    if (!value || value.length < 3 || isBrandName(value)) return;
    spans.push({ start, end });
    out.push(indicatorAt(src, 'company', value, start, end, suffix ? { legalSuffix: suffix } : undefined));
  };
  // Cheap gates first: most reports name no company, and the full patterns are the costly part.
  if (SUFFIX_HINT_RE.test(text))
    for (const m of text.matchAll(SUFFIXED_RE)) {
      const full = m[1]!;
      const name = full.replace(LEADING_NOISE, '');
      const start = m.index + (full.length - name.length);
      push(name, start, m.index + m[0].length, m[2]!);
    }
  if (LABEL_HINT_RE.test(text))
    for (const m of text.matchAll(LABELLED_RE)) {
      const name = m[1]!.replace(/[.,]+$/, '');
      const start = m.index + m[0].length - m[1]!.length;
      push(name, start, start + name.length);
    }
  if (text.includes('株式会社')) {
    for (const m of text.matchAll(JA_RE)) push(m[1] ?? m[2]!, m.index, m.index + m[0].length, '株式会社');
  }
  return out;
}
