import { decodeEntities } from './entities.js';

/** Elements whose content a browser never shows as text. */
const INVISIBLE = [
  'script',
  'style',
  'noscript',
  'template',
  'head',
  'title',
  'textarea',
  'select',
  'svg',
  'object',
];

/** Elements that start a new line in rendered text (innerText's block-level boxes). */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'caption',
  'tr',
  'ul',
]);

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/**
 * What a browser shows of an HTML document, approximately (`document.body.innerText`), without a browser:
 * script, style, noscript, template and head are dropped (the title is returned apart), elements hidden by
 * the `hidden` attribute or an inline `display:none` are skipped, character references are decoded,
 * whitespace collapses (line breaks in `<pre>` stay), and block elements, `<br>` and table rows break lines.
 * Stylesheet rules are not applied (a class that hides text is not seen).
 */
export function visibleText(html: string): { title: string; text: string } {
  const titleMatch = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const title = titleMatch ? collapse(decodeEntities(titleMatch[1]!)).trim() : '';
  let source = html
    .replace(/<!--[\s\S]*?(?:-->|$)/g, '')
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
    .replace(/<[!?][^>]*>/g, '');
  for (const name of INVISIBLE) {
    source = source.replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?(?:<\\/${name}\\s*>|$)`, 'gi'), ' ');
  }
  return { title, text: render(source) };
}

function render(source: string): string {
  /** Text pieces, and numbers standing for required line breaks (consecutive ones merge to their max). */
  const out: (string | number)[] = [];
  let preDepth = 0;
  let skipName: string | null = null;
  let skipDepth = 0;
  let last = 0;
  TAG.lastIndex = 0;
  for (let match = TAG.exec(source); match; match = TAG.exec(source)) {
    if (skipName === null) emitText(out, source.slice(last, match.index), preDepth > 0);
    last = TAG.lastIndex;
    const closing = match[1] === '/';
    const name = match[2]!.toLowerCase();
    const attributes = match[3] ?? '';
    if (skipName !== null) {
      if (name === skipName && !VOID.has(name)) skipDepth += closing ? -1 : 1;
      if (skipDepth === 0) skipName = null;
      continue;
    }
    if (!closing && !VOID.has(name) && !attributes.trimEnd().endsWith('/') && isHidden(attributes)) {
      skipName = name;
      skipDepth = 1;
      continue;
    }
    if (name === 'br') out.push('\n');
    else if (name === 'td' || name === 'th') {
      if (!closing) out.push('\t');
    } else if (BLOCK.has(name)) out.push(name === 'p' ? 2 : 1);
    if (name === 'pre') preDepth = Math.max(0, preDepth + (closing ? -1 : 1));
  }
  if (skipName === null) emitText(out, source.slice(last), preDepth > 0);
  return tidy(joinBreaks(out));
}

/** Joins text pieces, turning each run of required line breaks into its largest count of newlines. */
function joinBreaks(out: readonly (string | number)[]): string {
  let text = '';
  let pending = 0;
  for (const piece of out) {
    if (typeof piece === 'number') {
      pending = Math.max(pending, piece);
    } else if (piece.trim() === '' && !piece.includes('\n')) {
      if (pending === 0) text += piece;
    } else {
      if (pending > 0 && text !== '') text += '\n'.repeat(pending);
      pending = 0;
      text += piece;
    }
  }
  return text;
}

function isHidden(attributes: string): boolean {
  if (!attributes) return false;
  if (/(?:^|\s)hidden(?:\s|=|$)/i.test(attributes)) return true;
  const style = /\sstyle\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(attributes);
  const css = style ? (style[1] ?? style[2] ?? '') : '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(css);
}

function emitText(out: (string | number)[], raw: string, pre: boolean): void {
  if (!raw) return;
  const text = decodeEntities(raw);
  out.push(pre ? text.replaceAll('\u00a0', ' ') : collapse(text));
}

function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').replaceAll('\u00a0', ' ');
}

/** Trims each line, keeps at most one blank line between blocks. */
function tidy(text: string): string {
  const lines = text.split('\n').map((line) => line.replace(/[ \t]+/g, ' ').trim());
  const kept: string[] = [];
  for (const line of lines) {
    if (line === '' && (kept.length === 0 || kept[kept.length - 1] === '')) continue;
    kept.push(line);
  }
  while (kept.length > 0 && kept[kept.length - 1] === '') kept.pop();
  return kept.join('\n');
}
