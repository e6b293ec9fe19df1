import { extractReport } from './index.js';
import type { Extraction, ExtractOptions } from './types.js';

/** One labelled report of the corpus: the text, the victim's country and what a careful analyst found in it. */
export interface CorpusCase {
  id: string;
  /** 'dev' cases may be looked at while improving the extractor; 'heldout' cases only scored. */
  split: 'dev' | 'heldout';
  lang: string;
  country?: string;
  text: string;
  /** Why the case is hard, for people reading failures. */
  note?: string;
  expected: {
    indicators: Array<{ kind: string; value: string }>;
    amounts: Array<{ value: number; currency: string }>;
    isTechSupportScam?: boolean;
  };
}

/** Counts and rates for one kind on one split. */
export interface KindScore {
  kind: string;
  split: string;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Targets from issue 3 where the issue sets one. */
  target?: { precision: number; recall: number };
  ok?: boolean;
}

/** A mistake, to show what to fix. */
export interface EvalError {
  id: string;
  split: string;
  kind: string;
  type: 'fp' | 'fn';
  value: string;
}

/** What `dragnet eval extract` reports. */
export interface EvalReport {
  cases: { dev: number; heldout: number };
  scores: KindScore[];
  errors: EvalError[];
}

const TARGETS: Record<string, { precision: number; recall: number }> = {
  phone: { precision: 0.98, recall: 0.95 },
  domain: { precision: 0.98, recall: 0.95 },
  url: { precision: 0.98, recall: 0.95 },
  email: { precision: 0.98, recall: 0.95 },
  amount: { precision: 0.98, recall: 0.95 },
};

/** Scores an extractor (the real one by default) on labelled cases, per indicator kind and split. */
export function scoreCorpus(
  cases: CorpusCase[],
  extract: (c: CorpusCase, o: ExtractOptions) => Extraction = (c, o) =>
    extractReport({ narrative: c.text }, o),
): EvalReport {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>();
  const errors: EvalError[] = [];
  const bump = (kind: string, split: string, field: 'tp' | 'fp' | 'fn', n = 1) => {
    for (const s of [split, 'all']) {
      const key = `${kind}\u0000${s}`;
      const c = counts.get(key) ?? { tp: 0, fp: 0, fn: 0 };
      c[field] += n;
      counts.set(key, c);
    }
  };
  for (const c of cases) {
    const got = extract(c, c.country ? { country: c.country } : {});
    const found = new Set(got.indicators.map((i) => `${i.kind}\u0000${i.value}`));
    for (const a of got.amounts) found.add(`amount\u0000${amountKey(a)}`);
    const expected = new Set(c.expected.indicators.map((i) => `${i.kind}\u0000${i.value}`));
    for (const a of c.expected.amounts) expected.add(`amount\u0000${amountKey(a)}`);
    for (const key of new Set([...found, ...expected])) {
      const [kind, value] = key.split('\u0000') as [string, string];
      const type = found.has(key) ? (expected.has(key) ? 'tp' : 'fp') : 'fn';
      bump(kind, c.split, type);
      if (type !== 'tp') errors.push({ id: c.id, split: c.split, kind, type, value });
    }
    if (c.expected.isTechSupportScam !== undefined) {
      const right = got.triage.isTechSupportScam === c.expected.isTechSupportScam;
      // Triage as a binary classifier: positives are tech support scams.
      if (c.expected.isTechSupportScam) bump('triage', c.split, right ? 'tp' : 'fn');
      else if (!right) bump('triage', c.split, 'fp');
      const type = c.expected.isTechSupportScam ? 'fn' : 'fp';
      if (!right)
        errors.push({ id: c.id, split: c.split, kind: 'triage', type, value: `score ${got.triage.score}` });
    }
  }
  const scores: KindScore[] = [];
  for (const [key, c] of counts) {
    const [kind, split] = key.split('\u0000') as [string, string];
    const precision = c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp);
    const recall = c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn);
    const target = TARGETS[kind];
    scores.push({
      kind,
      split,
      ...c,
      precision,
      recall,
      ...(target ? { target, ok: precision >= target.precision && recall >= target.recall } : {}),
    });
  }
  const order = ['dev', 'heldout', 'all'];
  scores.sort((a, b) => a.kind.localeCompare(b.kind) || order.indexOf(a.split) - order.indexOf(b.split));
  return {
    cases: {
      dev: cases.filter((c) => c.split === 'dev').length,
      heldout: cases.filter((c) => c.split === 'heldout').length,
    },
    scores,
    errors,
  };
}

function amountKey(a: { value: number; currency: string }): string {
  return `${Math.round(a.value * 100) / 100} ${a.currency.toUpperCase()}`;
}
