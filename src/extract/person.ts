import { INDICATOR_REGISTRY } from '../core/indicator-kinds.js';
import { isBrandName } from './brand.js';
import { indicatorAt, type Source } from './found.js';
import type { Indicator } from './types.js';

const NAME = String.raw`((?:(?:Mr|Mrs|Ms|Dr|Herr|Frau|M|Mme|Sr|Sra|Monsieur|Madame)\.?\s+)?\p{Lu}[\p{Ll}'’-]+(?:[ \t]+\p{Lu}[\p{Ll}'’-]+){0,2})`;
const LABELS = [
  `(?:[Hh]is|[Hh]er|[Tt]heir|[Tt]he (?:scammer|caller|agent|technician|tech|man|woman|guy|lady)'?s?) name (?:was|is)`,
  `(?:called|calling|introduced|identified) (?:himself|herself)(?: as)?`,
  `[Ss]aid (?:his|her) name was`,
  `(?:who )?(?:goes|went) by(?: the name)?`,
  `(?:technician|tech|agent|scammer|caller|supervisor|manager|man|woman|guy|lady|someone|person|gentleman) (?:named|called)`,
  `(?:Agent|Technician|Supervisor|Scammer|Caller) ?:`,
  `(?:s'appelait|s’appelait|se présentait comme|se faisait appeler|se nommait|prénommée?|nommée?)`,
  `(?:namens|nannte sich|hieß|stellte sich als|sein Name war|ihr Name war)`,
  `(?:se llamaba|dijo llamarse|llamad[oa]|se hacía llamar|se presentó como|su nombre era)`,
];
const LABELLED_RE = new RegExp(String.raw`(?:${LABELS.join('|')})\s+["“]?${NAME}`, 'gu');
const NAME_HINT_RE =
  /name|named|called|calling|introduced|identified|goes by|went by|Agent|Technician|Supervisor|Scammer|Caller|appel|présent|nomm|prénom|namens|nannte|hieß|stellte|llam|nombre/i;
const JA_RE =
  /([\p{Script=Katakana}ー・]{2,15}|[\p{Script=Han}]{2,4})(?:と名乗る|と名乗った|と名乗り|という名前の|と申す)/gu;
// Capitalised words a label can be followed by that are not names.
const NOT_NAMES = new Set([
  'support',
  'tech',
  'technical',
  'windows',
  'security',
  'the',
  'customer',
  'service',
  'help',
  'desk',
  'department',
  'team',
  'agent',
  'senior',
  'he',
  'she',
  'from',
  'and',
  'i',
  'it',
  'they',
]);

/** Finds scammer names only where labelled ("his name was David Miller", "se llamaba Carlos"). */
export function findPersons(src: Source): Indicator[] {
  const text = src.view.text;
  const out: Indicator[] = [];
  // A cheap gate: the full label pattern is costly and most reports name nobody.
  if (NAME_HINT_RE.test(text))
    for (const m of text.matchAll(LABELLED_RE)) {
      const raw = m[1]!;
      const value = INDICATOR_REGISTRY.person.normalise(raw);
      if (!value || NOT_NAMES.has(value.split(' ')[0]!) || isBrandName(value)) continue;
      const end = m.index + m[0].length;
      out.push(indicatorAt(src, 'person', value, end - raw.length, end));
    }
  if (/名乗|名前|申す/.test(text)) {
    for (const m of text.matchAll(JA_RE)) {
      const raw = m[1]!;
      const value = INDICATOR_REGISTRY.person.normalise(raw);
      if (value && !isBrandName(value))
        out.push(indicatorAt(src, 'person', value, m.index, m.index + raw.length));
    }
  }
  return out;
}
