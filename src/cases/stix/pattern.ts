// STIX 2.1 patterning (§9): building the one shape Dragnet writes, and a parser for every pattern, so that a
// bundle's patterns are checked and the simple ones of other producers can be read back into values.

/** A pattern string literal: only the quote and the backslash are escaped (§9.2), anything else is literal. */
export function patternString(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** `[type:property = 'value']`: the pattern of one observable value. */
export function equalityPattern(type: string, property: string, value: string): string {
  return `[${type}:${property} = ${patternString(value)}]`;
}

/** `type:property = 'value'`, the only comparison an importer turns into a value. */
export interface SimpleComparison {
  type: string;
  property: string;
  value: string;
}

type Token =
  | { kind: 'word'; text: string; at: number }
  | { kind: 'string'; text: string; at: number }
  | { kind: 'typed'; prefix: 't' | 'h' | 'b'; text: string; at: number }
  | { kind: 'number'; text: string; at: number }
  | { kind: 'punct'; text: string; at: number };

interface Comparison {
  path: { type: string; steps: string[] };
  op: string;
  negated: boolean;
  value: Token | Token[] | null;
}
type ComparisonTree = Comparison | { join: 'AND' | 'OR'; parts: ComparisonTree[] };
interface Observation {
  comparisons: ComparisonTree;
  qualified: boolean;
}
type ObservationTree = Observation | { join: 'AND' | 'OR' | 'FOLLOWEDBY'; parts: ObservationTree[] };

/** A pattern that does not follow the STIX patterning grammar. */
export class PatternSyntaxError extends Error {}

const TIMESTAMP_RE =
  /^\d{4}-(0[1-9]|1[012])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?Z$/;
const BASE64_RE = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const MAX_NESTING = 100;
const PUNCT = ['>=', '<=', '!=', '<>', '=', '<', '>', '[', ']', '(', ')', ',', ':', '.', '*'];

function tokenize(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (what: string): never => {
    throw new PatternSyntaxError(`${what} at offset ${i}`);
  };
  const quoted = (from: number): { text: string; end: number } => {
    let text = '';
    let j = from + 1;
    for (;;) {
      const c = pattern[j];
      if (c === undefined) fail('unterminated string');
      if (c === "'") return { text, end: j + 1 };
      if (c === '\\') {
        const next = pattern[j + 1];
        if (next !== "'" && next !== '\\') fail('invalid escape in string');
        text += next;
        j += 2;
      } else {
        text += c;
        j += 1;
      }
    }
  };
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (/\s/.test(c)) {
      i += 1;
      continue;
    }
    const at = i;
    if (c === "'") {
      const q = quoted(i);
      tokens.push({ kind: 'string', text: q.text, at });
      i = q.end;
    } else if ((c === 't' || c === 'h' || c === 'b') && pattern[i + 1] === "'") {
      const q = quoted(i + 1);
      tokens.push({ kind: 'typed', prefix: c, text: q.text, at });
      i = q.end;
    } else if (/[-+\d]/.test(c)) {
      const m = /^[-+]?(?:\d+(?:\.\d+)?|\.\d+)/.exec(pattern.slice(i, i + 64));
      if (!m) fail('invalid number');
      tokens.push({ kind: 'number', text: m![0], at });
      i += m![0].length;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_-]*/.exec(pattern.slice(i, i + 300));
      tokens.push({ kind: 'word', text: m![0], at });
      i += m![0].length;
    } else {
      const p = PUNCT.find((x) => pattern.startsWith(x, i));
      if (!p) fail(`unexpected character ${JSON.stringify(c)}`);
      tokens.push({ kind: 'punct', text: p!, at });
      i += p!.length;
    }
  }
  return tokens;
}

/** Recursive descent over the grammar of §9.3; throws PatternSyntaxError on the first problem. */
class Parser {
  private i = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): ObservationTree {
    const tree = this.observations();
    if (this.peek()) this.fail('unexpected input');
    return tree;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }
  private fail(what: string): never {
    const t = this.peek();
    throw new PatternSyntaxError(t ? `${what} at offset ${t.at}` : `${what} at the end`);
  }
  private isWord(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'word' && t.text === text;
  }
  private isPunct(text: string): boolean {
    const t = this.peek();
    return t?.kind === 'punct' && t.text === text;
  }
  private expectPunct(text: string): void {
    if (!this.isPunct(text)) this.fail(`expected "${text}"`);
    this.i += 1;
  }
  private expectWord(text: string): void {
    if (!this.isWord(text)) this.fail(`expected ${text}`);
    this.i += 1;
  }

  // Parentheses nest recursion: a hostile pattern of 100,000 "(" would overflow the stack.
  private nested<T>(parse: () => T): T {
    if (++this.depth > MAX_NESTING) this.fail('parentheses nested too deeply');
    const out = parse();
    this.depth -= 1;
    return out;
  }

  private joined<T>(join: string, part: () => T): T | { join: string; parts: T[] } {
    const parts = [part()];
    while (this.isWord(join)) {
      this.i += 1;
      parts.push(part());
    }
    return parts.length === 1 ? (parts[0] as T) : { join, parts };
  }

  private observations(): ObservationTree {
    return this.joined('FOLLOWEDBY', () =>
      this.joined('OR', () => this.joined('AND', () => this.observation())),
    ) as ObservationTree;
  }

  private observation(): ObservationTree {
    let tree: ObservationTree;
    if (this.isPunct('[')) {
      this.i += 1;
      tree = { comparisons: this.comparisons(), qualified: false };
      this.expectPunct(']');
    } else if (this.isPunct('(')) {
      this.i += 1;
      tree = this.nested(() => this.observations());
      this.expectPunct(')');
    } else return this.fail('expected "[" or "("');
    let qualified = false;
    while (this.qualifier()) qualified = true;
    return qualified ? { comparisons: flatten(tree), qualified: true } : tree;
  }

  private qualifier(): boolean {
    if (this.isWord('WITHIN')) {
      this.i += 1;
      this.literal('number');
      this.expectWord('SECONDS');
    } else if (this.isWord('REPEATS')) {
      this.i += 1;
      this.literal('number');
      this.expectWord('TIMES');
    } else if (this.isWord('START')) {
      this.i += 1;
      this.timestamp();
      this.expectWord('STOP');
      this.timestamp();
    } else return false;
    return true;
  }

  private comparisons(): ComparisonTree {
    return this.joined('OR', () => this.joined('AND', () => this.comparison())) as ComparisonTree;
  }

  private comparison(): ComparisonTree {
    if (this.isPunct('(')) {
      this.i += 1;
      const tree = this.nested(() => this.comparisons());
      this.expectPunct(')');
      return tree;
    }
    if (this.isWord('EXISTS')) {
      this.i += 1;
      return { path: this.objectPath(), op: 'EXISTS', negated: false, value: null };
    }
    const path = this.objectPath();
    const negated = this.isWord('NOT');
    if (negated) this.i += 1;
    const t = this.peek();
    if (t?.kind === 'punct' && ['=', '!=', '<>', '<', '>', '<=', '>='].includes(t.text)) {
      this.i += 1;
      return { path, op: t.text, negated, value: this.literal() };
    }
    if (t?.kind === 'word' && ['LIKE', 'MATCHES', 'ISSUBSET', 'ISSUPERSET'].includes(t.text)) {
      this.i += 1;
      return { path, op: t.text, negated, value: this.literal('string') };
    }
    if (t?.kind === 'word' && t.text === 'IN') {
      this.i += 1;
      this.expectPunct('(');
      const set: Token[] = [];
      while (!this.isPunct(')')) {
        if (set.length > 0) this.expectPunct(',');
        set.push(this.literal());
      }
      this.i += 1;
      return { path, op: 'IN', negated, value: set };
    }
    return this.fail('expected a comparison operator');
  }

  private objectPath(): { type: string; steps: string[] } {
    const type = this.peek();
    if (type?.kind !== 'word' || !/^[a-z0-9-]+$/.test(type.text)) this.fail('expected an object type');
    this.i += 1;
    this.expectPunct(':');
    const steps = [this.pathName()];
    for (;;) {
      if (this.isPunct('.')) {
        this.i += 1;
        steps.push(this.pathName());
      } else if (this.isPunct('[')) {
        this.i += 1;
        const index = this.peek();
        if (index?.kind === 'number' && /^\d+$/.test(index.text)) steps.push(`[${index.text}]`);
        else if (index?.kind === 'punct' && index.text === '*') steps.push('[*]');
        else this.fail('expected a list index or "*"');
        this.i += 1;
        this.expectPunct(']');
      } else return { type: type!.text, steps };
    }
  }

  private pathName(): string {
    const t = this.peek();
    if (t?.kind === 'string' || (t?.kind === 'word' && !t.text.includes('-'))) {
      this.i += 1;
      return t.text;
    }
    return this.fail('expected a property name');
  }

  private literal(only?: 'number' | 'string'): Token {
    const t = this.peek();
    if (!t) return this.fail('expected a value');
    const ok =
      only === 'number'
        ? t.kind === 'number'
        : only === 'string'
          ? t.kind === 'string'
          : t.kind === 'string' ||
            t.kind === 'number' ||
            t.kind === 'typed' ||
            (t.kind === 'word' && (t.text === 'true' || t.text === 'false'));
    if (!ok) this.fail(only ? `expected a ${only}` : 'expected a value');
    if (t.kind === 'typed') checkTyped(t, (what) => this.fail(what));
    this.i += 1;
    return t;
  }

  private timestamp(): void {
    const t = this.peek();
    if (t?.kind !== 'typed' || t.prefix !== 't') this.fail("expected a timestamp t'…'");
    this.literal();
  }
}

function checkTyped(t: Token & { kind: 'typed' }, fail: (what: string) => never): void {
  if (t.prefix === 't' && !TIMESTAMP_RE.test(t.text)) fail('invalid timestamp');
  if (t.prefix === 'h' && !/^(?:[0-9a-fA-F]{2})*$/.test(t.text)) fail('invalid hex value');
  if (t.prefix === 'b' && !BASE64_RE.test(t.text)) fail('invalid base64 value');
}

function flatten(tree: ObservationTree): ComparisonTree {
  if ('comparisons' in tree) return tree.comparisons;
  return { join: tree.join === 'FOLLOWEDBY' ? 'AND' : tree.join, parts: tree.parts.map(flatten) };
}

/** Parses a STIX pattern; throws PatternSyntaxError (with the offset) when it does not follow the grammar. */
export function parsePattern(pattern: string): ObservationTree {
  return new Parser(tokenize(pattern)).parse();
}

/** The reason a pattern is not valid STIX patterning, or null when it is. */
export function patternProblem(pattern: string): string | null {
  try {
    parsePattern(pattern);
    return null;
  } catch (e) {
    if (e instanceof PatternSyntaxError) return e.message;
    throw e;
  }
}

/**
 * The values of a pattern that only says "any of these": observations and comparisons joined by OR, each an
 * unqualified `type:property = 'string'`. Null for anything else (AND, FOLLOWEDBY, other operators, NOT,
 * qualifiers): such a pattern describes behaviour, not values, and is not read as one.
 */
export function simpleComparisons(pattern: string): SimpleComparison[] | null {
  let tree: ObservationTree;
  try {
    tree = parsePattern(pattern);
  } catch {
    return null;
  }
  const out: SimpleComparison[] = [];
  const comparisons = (c: ComparisonTree): boolean => {
    if ('join' in c) return c.join === 'OR' && c.parts.every(comparisons);
    const v = c.value;
    if (c.op !== '=' || c.negated || c.path.steps.length !== 1 || !v || Array.isArray(v)) return false;
    if (v.kind !== 'string') return false;
    out.push({ type: c.path.type, property: c.path.steps[0] as string, value: v.text });
    return true;
  };
  const observations = (o: ObservationTree): boolean => {
    if ('join' in o) return o.join === 'OR' && o.parts.every(observations);
    return !o.qualified && comparisons(o.comparisons);
  };
  return observations(tree) ? out : null;
}
