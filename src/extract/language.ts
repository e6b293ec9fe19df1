import { franc } from 'franc';

/** Languages Dragnet reports on (ISO 639-1). */
export const SUPPORTED_LANGUAGES = [
  'en',
  'fr',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'ja',
  'zh',
  'ko',
  'ru',
  'ar',
  'hi',
] as const;

// Function words: on short texts they decide better and far faster than trigram models.
const STOPWORDS: Record<string, string[]> = {
  en: [
    'the',
    'and',
    'to',
    'my',
    'was',
    'he',
    'they',
    'me',
    'i',
    'of',
    'it',
    'that',
    'said',
    'with',
    'for',
    'from',
    'on',
    'a',
    'is',
    'called',
    'have',
    'had',
    'would',
    'asked',
  ],
  fr: [
    'le',
    'la',
    'les',
    'et',
    'un',
    'une',
    'des',
    'de',
    'du',
    'je',
    'il',
    'mon',
    'ma',
    'ont',
    'est',
    'pour',
    'qui',
    'que',
    'avec',
    'pas',
    "j'ai",
    'sur',
    'au',
    'mes',
    'ils',
    'été',
  ],
  de: [
    'der',
    'die',
    'das',
    'und',
    'ich',
    'ist',
    'nicht',
    'mit',
    'ein',
    'eine',
    'mein',
    'meine',
    'hat',
    'habe',
    'er',
    'sie',
    'zu',
    'auf',
    'den',
    'dem',
    'sich',
    'von',
    'wurde',
    'auch',
  ],
  es: [
    'el',
    'la',
    'los',
    'las',
    'y',
    'que',
    'de',
    'un',
    'una',
    'mi',
    'me',
    'por',
    'con',
    'para',
    'se',
    'del',
    'lo',
    'su',
    'pero',
    'dijo',
    'es',
    'al',
    'como',
    'fue',
  ],
  it: [
    'il',
    'lo',
    'la',
    'che',
    'di',
    'e',
    'un',
    'una',
    'mio',
    'mia',
    'per',
    'con',
    'non',
    'ho',
    'mi',
    'sono',
    'del',
    'della',
    'ha',
    'gli',
    'hanno',
  ],
  pt: [
    'o',
    'a',
    'os',
    'as',
    'e',
    'que',
    'de',
    'um',
    'uma',
    'meu',
    'minha',
    'por',
    'com',
    'para',
    'não',
    'eu',
    'do',
    'da',
    'foi',
    'ele',
    'disse',
    'em',
  ],
  nl: [
    'de',
    'het',
    'een',
    'en',
    'ik',
    'mijn',
    'is',
    'niet',
    'met',
    'van',
    'dat',
    'die',
    'hij',
    'zij',
    'op',
    'voor',
    'heb',
    'werd',
    'naar',
    'ze',
  ],
};
const WORD_LANG = new Map<string, string[]>();
for (const [lang, words] of Object.entries(STOPWORDS))
  for (const w of words) WORD_LANG.set(w, [...(WORD_LANG.get(w) ?? []), lang]);
const FRANC_TO_ISO: Record<string, string> = {
  eng: 'en',
  fra: 'fr',
  deu: 'de',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
};
const SCRIPTS: Array<[string, RegExp]> = [
  ['ja', /[\p{Script=Hiragana}\p{Script=Katakana}]/gu],
  ['ko', /\p{Script=Hangul}/gu],
  ['zh', /\p{Script=Han}/gu],
  ['ru', /\p{Script=Cyrillic}/gu],
  ['ar', /\p{Script=Arabic}/gu],
  ['hi', /\p{Script=Devanagari}/gu],
];

/** The language of a narrative (ISO 639-1), limited to supported languages; null when too short to say. */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, 800);
  const letters = countLetters(sample);
  if (letters < 8) return null;
  // Latin-only text (most reports) skips the per-script counts.
  if (/[\u0370-\uffff]/.test(sample))
    for (const [lang, re] of SCRIPTS) {
      const n = (sample.match(re) ?? []).length;
      // Japanese mixes kana and kanji: a little kana is enough; other scripts must dominate.
      if ((lang === 'ja' && n >= 3) || n / letters > 0.3) return lang;
    }
  const scores = new Map<string, number>();
  // Latin words only: function words of the supported Latin-script languages are all in this range.
  for (const w of sample.toLowerCase().match(/[a-zà-öø-ÿœæ'’]+/g) ?? []) {
    for (const lang of WORD_LANG.get(w.replace('’', "'")) ?? [])
      scores.set(lang, (scores.get(lang) ?? 0) + 1);
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (first && first[1] >= 3 && first[1] >= 1.5 * (second?.[1] ?? 0)) return first[0];
  if (letters < 20) return first && first[1] >= 2 && first[1] > (second?.[1] ?? 0) ? first[0] : null;
  // Close call between function-word counts: let the trigram model decide, within supported languages only.
  const code = franc(sample.slice(0, 400), { only: Object.keys(FRANC_TO_ISO), minLength: 10 });
  return FRANC_TO_ISO[code] ?? first?.[0] ?? null;
}

function countLetters(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    // ASCII letters, Latin-1 and beyond (every non-ASCII code unit above the punctuation blocks counts).
    if (
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      (c >= 0xc0 &&
        c !== 0xd7 &&
        c !== 0xf7 &&
        !(c >= 0x2000 && c <= 0x206f) &&
        !(c >= 0x3000 && c <= 0x303f) &&
        !(c >= 0xff00 && c <= 0xff20))
    )
      n++;
  }
  return n;
}
