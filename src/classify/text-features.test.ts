import { describe, expect, it } from 'vitest';
import type { SparseVector } from './logistic.js';
import { type GramHit, gramsInBuckets, normaliseText, TEXT_DIMS, textFeatures } from './text-features.js';
import type { PageText } from './types.js';

const page = (text: string, extra: Partial<PageText> = {}): PageText => ({
  title: '',
  text,
  dialogs: [],
  ...extra,
});

function cosine(a: SparseVector, b: SparseVector): number {
  const byIndex = new Map<number, number>();
  a.indices.forEach((i, k) => {
    byIndex.set(i, a.values[k]!);
  });
  let dot = 0;
  b.indices.forEach((i, k) => {
    dot += (byIndex.get(i) ?? 0) * b.values[k]!;
  });
  return dot;
}

describe('normaliseText', () => {
  it('folds width and case, maps every digit to 0 and collapses whitespace', () => {
    expect(normaliseText('  ＣＡＬＬ  Microsoft\n\t０１２０-95-3471 ')).toBe('call microsoft 0000-00-0000');
  });

  it('keeps CJK and accented letters', () => {
    expect(normaliseText('ウイルスに感染 Sécurité')).toBe('ウイルスに感染 sécurité');
  });
});

describe('textFeatures', () => {
  it('is a unit vector with ascending, distinct indices in range', () => {
    const v = textFeatures(page('Your computer is infected. Call support now!', { title: 'Alert' }));
    let squares = 0;
    v.values.forEach((x) => {
      squares += x * x;
    });
    expect(squares).toBeCloseTo(1, 5);
    for (let k = 1; k < v.indices.length; k++) expect(v.indices[k]!).toBeGreaterThan(v.indices[k - 1]!);
    expect(v.indices[v.indices.length - 1]!).toBeLessThan(TEXT_DIMS);
  });

  it('is empty for a page without text', () => {
    expect(textFeatures(page('   ', { dialogs: [''] })).indices.length).toBe(0);
  });

  it('gives the same vector for two phone numbers of one shape', () => {
    const a = textFeatures(page('Call Windows Support at 1-888-555-0142, error 0x80070424'));
    const b = textFeatures(page('Call Windows Support at 1-877-555-0199, error 0x80040154'));
    expect(Array.from(a.indices)).toEqual(Array.from(b.indices));
    expect(Array.from(a.values)).toEqual(Array.from(b.values));
  });

  it('keeps a word in a dialog apart from the same word in the body', () => {
    const inBody = textFeatures(page('call microsoft support'));
    const inDialog = textFeatures(page('', { dialogs: ['call microsoft support'] }));
    expect(cosine(inBody, inDialog)).toBeLessThan(0.05);
  });

  it('is the same for the same page, whatever was featurised in between', () => {
    const text = page('Votre ordinateur est bloqué. Appelez le support Microsoft.');
    const first = textFeatures(text);
    textFeatures(page('Something else entirely, and much longer. '.repeat(200)));
    const again = textFeatures(text);
    expect(Array.from(again.indices)).toEqual(Array.from(first.indices));
    expect(Array.from(again.values)).toEqual(Array.from(first.values));
  });

  it('works on Japanese without tokenising: near texts are near, unrelated texts far', () => {
    const scam = textFeatures(
      page('お使いのコンピューターはウイルスに感染しています。今すぐサポートに電話してください'),
    );
    const variant = textFeatures(
      page('コンピューターがウイルスに感染しています。すぐにサポートに電話してください'),
    );
    const recipe = textFeatures(page('鶏肉を一口大に切り、醤油とみりんで二十分煮込みます'));
    expect(scam.indices.length).toBeGreaterThan(50);
    expect(cosine(scam, variant)).toBeGreaterThan(0.5);
    expect(cosine(scam, recipe)).toBeLessThan(0.1);
  });

  it('rejects a bucket count that is not a power of two', () => {
    expect(() => textFeatures(page('x'), 1000)).toThrow(RangeError);
  });
});

describe('gramsInBuckets', () => {
  it('names the n-grams that fell in a bucket, with their field and kind', () => {
    const text = page('nothing here', { dialogs: ['Call Microsoft Support'] });
    const all: GramHit[] = [];
    gramsInBuckets(text, null, (hit) => all.push(hit));
    const bigram = all.find((h) => h.field === 'dialog' && h.kind === 'word' && h.gram === 'call microsoft');
    expect(bigram).toBeDefined();
    const trigram = all.find((h) => h.kind === 'word' && h.gram === 'call microsoft support');
    expect(trigram?.field).toBe('dialog');
    const inBucket: GramHit[] = [];
    gramsInBuckets(text, new Set([bigram!.bucket]), (hit) => inBucket.push(hit));
    expect(inBucket.map((h) => h.gram)).toContain('call microsoft');
    // Every n-gram enumerated here is a feature of the page.
    const features = new Set(textFeatures(text).indices);
    expect(all.every((h) => features.has(h.bucket))).toBe(true);
  });
});
