import { describe, expect, it } from 'vitest';
import { segmentText } from './highlight';

const narrative = 'Call +1 (800) 555-0199 now <img src=x onerror=alert(1)> or visit fix-pc.com';

describe('segmentText', () => {
  it('cuts the text at the highlights and keeps everything between as plain text', () => {
    const start = narrative.indexOf('+1');
    const segments = segmentText(narrative, [
      { start, end: start + 17, kind: 'phone', value: '+18005550199' },
    ]);
    expect(segments.map((s) => [s.text, s.highlight?.kind])).toEqual([
      ['Call ', undefined],
      ['+1 (800) 555-0199', 'phone'],
      [' now <img src=x onerror=alert(1)> or visit fix-pc.com', undefined],
    ]);
  });

  it('orders highlights by position whatever order they come in', () => {
    const d = narrative.indexOf('fix-pc.com');
    const p = narrative.indexOf('+1');
    const marked = segmentText(narrative, [
      { start: d, end: d + 10, kind: 'domain' },
      { start: p, end: p + 17, kind: 'phone' },
    ]).filter((s) => s.highlight);
    expect(marked.map((s) => s.text)).toEqual(['+1 (800) 555-0199', 'fix-pc.com']);
  });

  it('lets the earlier, longer highlight win an overlap and trims the other to what is left', () => {
    const text = 'https://fix-pc.com/lock';
    const segments = segmentText(text, [
      { start: 8, end: 18, kind: 'domain' },
      { start: 0, end: 23, kind: 'url' },
    ]);
    expect(segments).toHaveLength(1);
    expect(segments[0]?.highlight?.kind).toBe('url');
    const partial = segmentText('abcdef', [
      { start: 0, end: 4, kind: 'a' },
      { start: 2, end: 6, kind: 'b' },
    ]);
    expect(partial.map((s) => s.text)).toEqual(['abcd', 'ef']);
  });

  it('drops empty, reversed and out-of-range offsets without losing text', () => {
    const segments = segmentText('short', [
      { start: 3, end: 3, kind: 'x' },
      { start: 4, end: 2, kind: 'x' },
      { start: 3, end: 99, kind: 'y' },
      { start: Number.NaN, end: 2, kind: 'z' },
    ]);
    expect(segments.map((s) => [s.text, s.highlight?.kind])).toEqual([
      ['sho', undefined],
      ['rt', 'y'],
    ]);
  });

  it('always gives back the whole text, in order', () => {
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let round = 0; round < 500; round++) {
      const highlights = Array.from({ length: rand(6) }, () => ({
        start: rand(narrative.length + 10) - 5,
        end: rand(narrative.length + 10) - 5,
        kind: 'k',
      }));
      expect(
        segmentText(narrative, highlights)
          .map((s) => s.text)
          .join(''),
      ).toBe(narrative);
    }
  });
});
