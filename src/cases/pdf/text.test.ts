import { describe, expect, it } from 'vitest';
import { cleanBlock, cleanLine, truncate } from './text.js';

describe('cleanLine', () => {
  it('keeps a value on one line without controls or bidi overrides', () => {
    expect(cleanLine('call\n+1 888\t555\u0000 0142\u202e')).toBe('call +1 888 555 0142');
  });

  it('cuts a long value to the limit with an ellipsis, bounding the work on a huge one', () => {
    expect(cleanLine('x'.repeat(10), 5)).toBe('xxxx…');
    expect(cleanLine(`${'\u0000'.repeat(1_000_000)}tail`, 10)).toBe('…');
    expect(cleanLine('y'.repeat(1_000_000))).toHaveLength(300);
  });

  it('replaces a lone surrogate and never cuts a pair in half', () => {
    expect(cleanLine('a\ud800b')).toBe('a\ufffdb');
    expect(truncate('ab😀cd', 4)).toBe('ab…');
  });
});

describe('cleanBlock', () => {
  it('keeps paragraphs, drops controls and collapses blank runs', () => {
    expect(cleanBlock('First line\r\nsecond\u0007 line\n\n\n\n\tthird')).toBe(
      'First line\nsecond line\n\n third',
    );
  });

  it('bounds a narrative to 4,000 characters', () => {
    const text = cleanBlock('word '.repeat(200_000));
    expect(text).toHaveLength(4_000);
    expect(text.endsWith('…')).toBe(true);
  });
});
