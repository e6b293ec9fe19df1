import { decodeEntities } from './entities.js';

const CALL = /\b(?:alert|confirm|prompt|SpeechSynthesisUtterance)\s*\(\s*/g;

/**
 * The texts a page's inline scripts pass as string literals to `alert(`, `confirm(`, `prompt(` and
 * `new SpeechSynthesisUtterance(`: what a crawler records as dialog texts, recovered from the HTML so the
 * text model sees them at training time too. Literals joined with `+` are concatenated; an argument that
 * is not a literal (a variable, a call) is skipped. Inline `on…` handlers count too.
 */
export function dialogsOf(html: string): string[] {
  const texts: string[] = [];
  for (const code of inlineScripts(html)) {
    CALL.lastIndex = 0;
    for (let match = CALL.exec(code); match; match = CALL.exec(code)) {
      const text = literalExpression(code, CALL.lastIndex);
      if (text !== null && text.trim() !== '') texts.push(text);
    }
  }
  return texts;
}

function inlineScripts(html: string): string[] {
  const scripts: string[] = [];
  const scriptTag = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
  for (let m = scriptTag.exec(html); m; m = scriptTag.exec(html)) {
    const attributes = m[1] ?? '';
    const type = /\btype\s*=\s*["']?([^"'\s>]+)/i.exec(attributes)?.[1]?.toLowerCase();
    if (type && !/javascript|ecmascript|module/.test(type)) continue;
    scripts.push(m[2] ?? '');
  }
  const handler = /\son[a-z]+\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;
  for (let m = handler.exec(html); m; m = handler.exec(html)) {
    scripts.push(decodeEntities(m[1] ?? m[2] ?? ''));
  }
  return scripts;
}

/** A `'a' + "b" + \`c\`` expression starting at `start`, concatenated; null when it is not only literals. */
function literalExpression(code: string, start: number): string | null {
  let position = start;
  let result = '';
  for (;;) {
    const literal = stringLiteral(code, position);
    if (!literal) return null;
    result += literal.value;
    position = skipSpace(code, literal.end);
    if (code[position] !== '+') break;
    position = skipSpace(code, position + 1);
  }
  return code[position] === ')' || code[position] === ',' ? result : null;
}

function skipSpace(code: string, position: number): number {
  let p = position;
  while (p < code.length && /\s/.test(code[p]!)) p++;
  return p;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  v: '\v',
  '0': '\0',
};

function stringLiteral(code: string, start: number): { value: string; end: number } | null {
  const quote = code[start];
  if (quote !== '"' && quote !== "'" && quote !== '`') return null;
  let value = '';
  let p = start + 1;
  while (p < code.length) {
    const ch = code[p]!;
    if (ch === quote) return { value, end: p + 1 };
    if (quote === '`' && ch === '$' && code[p + 1] === '{') return null;
    if (ch === '\\') {
      const next = code[p + 1] ?? '';
      if (next === 'u' && code[p + 2] === '{') {
        const close = code.indexOf('}', p);
        value += String.fromCodePoint(Number.parseInt(code.slice(p + 3, close), 16));
        p = close + 1;
      } else if (next === 'u') {
        value += String.fromCharCode(Number.parseInt(code.slice(p + 2, p + 6), 16));
        p += 6;
      } else if (next === 'x') {
        value += String.fromCharCode(Number.parseInt(code.slice(p + 2, p + 4), 16));
        p += 4;
      } else if (next === '\n') {
        p += 2;
      } else {
        value += SIMPLE_ESCAPES[next] ?? next;
        p += 2;
      }
      continue;
    }
    if (ch === '\n' && quote !== '`') return null;
    value += ch;
    p++;
  }
  return null;
}
