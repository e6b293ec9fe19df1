import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  dominantColourOf,
  extractImageFeatures,
  featuresOfPixels,
  IMAGE_FEATURE_GROUPS,
  IMAGE_FEATURE_LENGTH,
  imageFeatureName,
} from './image-features.js';
import { renderPages } from './render.js';

const ALERT = `<body style="margin:0;background:#0078d7;color:#fff;font-family:sans-serif">
  <div style="background:#fff;color:#0078d7;padding:8px 20px;font-size:18px">Windows Defender Security Center</div>
  <h1 style="font-size:44px;margin:120px 80px 20px">Access to this PC has been blocked</h1>
  <p style="font-size:26px;margin:0 80px">Your computer reported a Trojan spyware infection. Call Microsoft Support: +1 844 329 0175</p>
  <div style="position:absolute;right:80px;bottom:80px;width:360px;height:180px;background:#fff"></div>
</body>`;

const ARTICLE = `<body style="margin:0;background:#fff;color:#222;font-family:serif">
  <nav style="border-bottom:1px solid #ddd;padding:14px 40px;font:15px sans-serif">Home · World · Gardening · About</nav>
  <main style="max-width:720px;margin:30px auto;font-size:18px;line-height:1.6">
  <h1>Ten tips for spring gardening</h1>
  ${'<p>Prune the roses before the buds open, and feed the soil with compost from last autumn. '.repeat(4)}</p>
  ${'<p>Sow lettuce and radishes in short rows every two weeks, so the harvest does not come at once. '.repeat(4)}</p>
  </main></body>`;

async function screenshot(html: string): Promise<Buffer> {
  for await (const r of renderPages([{ id: 'p', html }], { concurrency: 1 })) {
    if ('png' in r) return r.png;
    throw new Error(r.error);
  }
  throw new Error('no screenshot');
}

const solid = (r: number, g: number, b: number) => {
  const pixels = new Uint8Array(160 * 90 * 3);
  for (let i = 0; i < pixels.length; i += 3) pixels.set([r, g, b], i);
  return pixels;
};
const at = (features: Float32Array, name: string) => {
  for (let i = 0; i < features.length; i++) if (imageFeatureName(i) === name) return features[i]!;
  throw new Error(`no feature ${name}`);
};

describe('featuresOfPixels', () => {
  it('describes a plain blue screen as one saturated blue colour without edges', () => {
    const f = featuresOfPixels(solid(0, 120, 215));
    expect(f).toHaveLength(IMAGE_FEATURE_LENGTH);
    expect(at(f, 'hue 180°') + at(f, 'hue 210°')).toBeCloseTo(1);
    expect(at(f, 'dominant colour share')).toBe(1);
    expect(at(f, 'share saturated')).toBe(1);
    expect(at(f, 'edge mean')).toBe(0);
    expect(dominantColourOf(f)).toEqual({ colour: '#0078d7', share: 1 });
  });

  it('keeps every value within [0, 1] and names every feature once', () => {
    const noise = new Uint8Array(160 * 90 * 3);
    let s = 7;
    for (let i = 0; i < noise.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      noise[i] = s >>> 24;
    }
    for (const f of [featuresOfPixels(noise), featuresOfPixels(solid(255, 255, 255))]) {
      expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...f)).toBeLessThanOrEqual(1);
    }
    const names = Array.from({ length: IMAGE_FEATURE_LENGTH }, (_, i) => imageFeatureName(i));
    expect(new Set(names).size).toBe(IMAGE_FEATURE_LENGTH);
    expect(IMAGE_FEATURE_GROUPS.at(-1)!.end).toBe(IMAGE_FEATURE_LENGTH);
  });

  it('refuses pixels of another size', () => {
    expect(() => featuresOfPixels(new Uint8Array(10))).toThrow();
  });
});

describe('extractImageFeatures on screenshots rendered in Chromium', () => {
  let alert: Buffer;
  let article: Buffer;

  beforeAll(async () => {
    alert = await screenshot(ALERT);
    article = await screenshot(ARTICLE);
  });

  it('is deterministic and of the documented length', async () => {
    const a = await extractImageFeatures(alert);
    expect(a).toBeInstanceOf(Float32Array);
    expect(a).toHaveLength(IMAGE_FEATURE_LENGTH);
    expect(await extractImageFeatures(alert)).toEqual(a);
  });

  it('tells a blue full-screen alert from a white article', async () => {
    const a = await extractImageFeatures(alert);
    const b = await extractImageFeatures(article);
    expect(at(a, 'share saturated')).toBeGreaterThan(0.6);
    expect(at(b, 'share saturated')).toBeLessThan(0.05);
    expect(at(b, 'share white')).toBeGreaterThan(0.8);
    expect(dominantColourOf(a).colour).toBe('#0078d7');
    expect(dominantColourOf(b).colour).toBe('#ffffff');
    expect(at(b, 'rows with edges')).toBeGreaterThan(at(a, 'rows with edges'));
    const distance = Math.hypot(...a.map((v, i) => v - b[i]!));
    expect(distance).toBeGreaterThan(5);
  });

  it('takes well under 100 ms per 1366×768 screenshot, decoding included', async () => {
    await extractImageFeatures(article);
    const started = performance.now();
    for (let i = 0; i < 10; i++) await extractImageFeatures(i % 2 ? alert : article);
    expect((performance.now() - started) / 10).toBeLessThan(100);
    expect((await sharp(alert).metadata()).width).toBe(1366);
  });
});
