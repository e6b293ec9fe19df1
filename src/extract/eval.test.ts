import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorpusCase, scoreCorpus } from './eval.js';

const dir = path.resolve(import.meta.dirname, '../../test/fixtures/extract');
const load = (f: string) =>
  (JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { cases: CorpusCase[] }).cases;

describe('the labelled corpus', () => {
  const cases = [...load('hand.json'), ...load('generated.json')];

  it('is large, varied and split', () => {
    expect(cases.length).toBeGreaterThanOrEqual(300);
    expect(new Set(cases.map((c) => c.lang))).toEqual(
      new Set(['en', 'fr', 'de', 'es', 'ja', 'it', 'pt', 'nl']),
    );
    expect(cases.filter((c) => c.split === 'heldout').length).toBeGreaterThan(100);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('meets the issue targets for phones, domains, URLs, e-mails and amounts, held-out included', () => {
    const report = scoreCorpus(cases);
    const targeted = report.scores.filter((s) => s.target);
    expect(targeted.map((s) => `${s.kind}/${s.split}`)).toEqual(
      expect.arrayContaining(['phone/heldout', 'amount/heldout', 'url/heldout']),
    );
    for (const s of targeted)
      expect({ kind: s.kind, split: s.split, ok: s.ok }).toEqual({ kind: s.kind, split: s.split, ok: true });
  });

  it('counts a wrong value as both a false positive and a false negative', () => {
    const c: CorpusCase = {
      id: 't',
      split: 'dev',
      lang: 'en',
      text: 'call 1-855-442-8444',
      expected: { indicators: [{ kind: 'phone', value: '+18554428445' }], amounts: [] },
    };
    const phone = scoreCorpus([c]).scores.find((s) => s.kind === 'phone' && s.split === 'dev');
    expect(phone).toMatchObject({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0 });
  });
});
