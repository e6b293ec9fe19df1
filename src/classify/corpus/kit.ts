import type { Rng } from '../../simulate/rng.js';

/** The languages the corpus is written in (ISO 639-1). */
export type Language = 'en' | 'fr' | 'de' | 'es' | 'ja';

/** Every corpus language, in a fixed order. */
export const LANGUAGES: readonly Language[] = ['en', 'fr', 'de', 'es', 'ja'];

/** One generated page before it gets its id and split: a template family's output. */
export interface GeneratedPage {
  title: string;
  html: string;
}

/** A template family: a name, a label, the languages it speaks and a seeded page maker. */
export interface FamilyTemplate {
  family: string;
  label: 'scam' | 'legitimate';
  languages: readonly Language[];
  make(rng: Rng, language: Language): GeneratedPage;
}

/** Text made safe for HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Fills `{name}` placeholders in a phrase (values are inserted as given, so escape first when needed). */
export function fill(phrase: string, values: Readonly<Record<string, string>>): string {
  return phrase.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

/** The parts of an HTML document the generators assemble. */
export interface DocumentParts {
  language: Language;
  title: string;
  css: string;
  body: string;
  /** Inline script, placed at the end of the body. */
  script?: string;
  /** Extra elements for the head (meta tags). */
  head?: string;
}

/** A complete, self-contained HTML document: inline CSS and script, nothing fetched. */
export function htmlDocument(parts: DocumentParts): string {
  const script = parts.script ? `\n<script>\n${parts.script}\n</script>` : '';
  return `<!DOCTYPE html>
<html lang="${parts.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>${parts.head ?? ''}
<style>
${parts.css}
</style>
</head>
<body>
${parts.body}${script}
</body>
</html>
`;
}

const LATIN_FONTS = [
  "'Segoe UI', Tahoma, Geneva, Verdana, sans-serif",
  'Arial, Helvetica, sans-serif',
  "-apple-system, BlinkMacSystemFont, 'Helvetica Neue', Helvetica, sans-serif",
  'system-ui, sans-serif',
  'Verdana, Geneva, sans-serif',
  "'Trebuchet MS', 'Lucida Grande', sans-serif",
  "Tahoma, 'DejaVu Sans', sans-serif",
] as const;

const SERIF_FONTS = ["Georgia, 'Times New Roman', Times, serif", "'Times New Roman', Times, serif"] as const;

const JAPANESE_FONTS = [
  "'Hiragino Kaku Gothic ProN', Meiryo, 'Noto Sans CJK JP', sans-serif",
  "'Yu Gothic', 'MS PGothic', 'Noto Sans CJK JP', sans-serif",
  "'Hiragino Mincho ProN', 'Yu Mincho', 'Noto Serif CJK JP', serif",
] as const;

/** A system font stack suited to the language (no web fonts: nothing is fetched). */
export function fontStack(rng: Rng, language: Language, serif = false): string {
  if (language === 'ja') return rng.pick(JAPANESE_FONTS);
  return serif ? rng.pick(SERIF_FONTS) : rng.pick(LATIN_FONTS);
}

/** A monospace system font stack. */
export function monoStack(rng: Rng): string {
  return rng.pick([
    "'Courier New', Courier, monospace",
    "Consolas, 'Lucida Console', monospace",
    "'DejaVu Sans Mono', Menlo, monospace",
  ]);
}

/** A colour near a base hue: the same family look, never the same pixels. */
export function hsl(rng: Rng, hue: number, saturation: number, lightness: number, jitter = 8): string {
  const h = (hue + rng.range(-jitter, jitter) + 360) % 360;
  const s = Math.max(0, Math.min(100, saturation + rng.range(-jitter, jitter)));
  const l = Math.max(0, Math.min(100, lightness + rng.range(-Math.ceil(jitter / 2), Math.ceil(jitter / 2))));
  return `hsl(${h} ${s}% ${l}%)`;
}

/** `n` random decimal digits. */
export function digits(rng: Rng, n: number): string {
  return rng.chars('0123456789', n);
}

/** `n` random upper-case hexadecimal digits. */
export function hexDigits(rng: Rng, n: number): string {
  return rng.chars('0123456789ABCDEF', n);
}

/** A date as the language writes it, drawn within a recent year (fixed epoch: output is deterministic). */
export function localDate(rng: Rng, language: Language): string {
  const day = rng.range(1, 28);
  const month = rng.range(1, 12);
  const year = rng.range(2022, 2025);
  const dd = String(day).padStart(2, '0');
  const mm = String(month).padStart(2, '0');
  switch (language) {
    case 'en':
      return rng.chance(0.5) ? `${mm}/${dd}/${year}` : `${ENGLISH_MONTHS[month - 1]} ${day}, ${year}`;
    case 'fr':
      return `${dd}/${mm}/${year}`;
    case 'de':
      return `${dd}.${mm}.${year}`;
    case 'es':
      return `${dd}/${mm}/${year}`;
    case 'ja':
      return `${year}年${month}月${day}日`;
  }
}

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A clock time, 24-hour except in English. */
export function localTime(rng: Rng, language: Language): string {
  const hour = rng.range(0, 23);
  const minute = String(rng.range(0, 59)).padStart(2, '0');
  if (language === 'en') return `${((hour + 11) % 12) + 1}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
  return `${String(hour).padStart(2, '0')}:${minute}`;
}

/** A money amount as the language writes it, in the currency of its usual market. */
export function money(amount: number, language: Language): string {
  const whole = Math.floor(amount);
  const cents = String(Math.round((amount - whole) * 100)).padStart(2, '0');
  switch (language) {
    case 'en':
      return `$${whole.toLocaleString('en-US')}.${cents}`;
    case 'fr':
      return `${whole.toLocaleString('fr-FR').replace(/\s/g, '\u00a0')},${cents}\u00a0€`;
    case 'de':
      return `${whole.toLocaleString('de-DE')},${cents}\u00a0€`;
    case 'es':
      return `${whole.toLocaleString('es-ES')},${cents}\u00a0€`;
    case 'ja':
      return `${(whole * 150).toLocaleString('ja-JP')}円`;
  }
}

/** A comma-free sentence list joined as the language does ("a, b and c"). */
export function joinList(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = { en: ' and ', fr: ' et ', de: ' und ', es: ' y ', ja: '、' }[language];
  const comma = language === 'ja' ? '、' : ', ';
  return items.slice(0, -1).join(comma) + and + items[items.length - 1];
}

/** `<p>` elements for paragraphs of (already escaped) HTML. */
export function paragraphs(items: readonly string[]): string {
  return items.map((p) => `<p>${p}</p>`).join('\n');
}

/** A `<ul>` of (already escaped) HTML items. */
export function bulletList(items: readonly string[], className = ''): string {
  const cls = className ? ` class="${className}"` : '';
  return `<ul${cls}>${items.map((i) => `<li>${i}</li>`).join('')}</ul>`;
}

/** A tiny silent-ish WAV as a data URI: an alarm `<audio>` without fetching anything. */
export const BEEP_WAV = beepWav();

function beepWav(): string {
  const samples = 400;
  const bytes = new Uint8Array(44 + samples);
  const view = new DataView(bytes.buffer);
  const ascii = (offset: number, text: string) => {
    for (let i = 0; i < text.length; i++) bytes[offset + i] = text.charCodeAt(i);
  };
  ascii(0, 'RIFF');
  view.setUint32(4, 36 + samples, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, 1, true);
  view.setUint32(24, 8000, true);
  view.setUint32(28, 8000, true);
  view.setUint16(32, 1, true);
  view.setUint16(34, 8, true);
  ascii(36, 'data');
  view.setUint32(40, samples, true);
  for (let i = 0; i < samples; i++) bytes[44 + i] = 128 + Math.round(40 * Math.sin((i * 2 * Math.PI) / 8));
  return `data:audio/wav;base64,${Buffer.from(bytes).toString('base64')}`;
}
