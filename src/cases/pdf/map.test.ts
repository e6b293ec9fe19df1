import { describe, expect, it } from 'vitest';
import { mappable, shadeClasses } from './map.js';

describe('shadeClasses', () => {
  it('splits 1..max into at most five ranges on a square-root scale, darkest last', () => {
    const classes = shadeClasses(100);
    expect(classes.map((c) => [c.from, c.to])).toEqual([
      [1, 4],
      [5, 16],
      [17, 36],
      [37, 64],
      [65, 100],
    ]);
    expect(classes[4]?.colour).toBe('#08306B');
  });

  it('has fewer ranges than five when there are few victims, and none without', () => {
    expect(shadeClasses(2).map((c) => [c.from, c.to])).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(shadeClasses(0)).toEqual([]);
  });
});

describe('mappable', () => {
  it('knows countries of the atlas, Kosovo by name, and small places drawn as dots', () => {
    expect(['US', 'JP', 'XK', 'SG'].every(mappable)).toBe(true);
    expect(mappable('ZZ')).toBe(false);
  });
});
