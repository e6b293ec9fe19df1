import { beforeAll, describe, expect, it } from 'vitest';
import { IMAGE_FEATURE_GROUPS, IMAGE_FEATURE_LENGTH } from './image-features.js';
import {
  type ImageExample,
  type ImageModelFile,
  loadImageModel,
  scoreImage,
  screenshotSignals,
  serialiseImageModel,
  trainImageModel,
} from './image-model.js';
import { renderPages } from './render.js';
import type { PageLabel } from './types.js';

// Small families of pages, each drawn in a few variants (colours, texts, positions move with `i`).
const lorem = (i: number, n: number) =>
  Array.from(
    { length: n },
    (_, k) =>
      `<p>${'Paragraph %. The committee met on Tuesday to discuss the new library opening hours and the budget. '.replaceAll('%', String(i * 10 + k)).repeat(2 + ((i + k) % 3))}</p>`,
  ).join('');

const FAMILIES: Record<string, { label: PageLabel; page: (i: number) => string }> = {
  'scam/defender': {
    label: 'scam',
    page: (
      i,
    ) => `<body style="margin:0;background:hsl(${205 + i * 3},100%,${40 + i}%);color:#fff;font-family:sans-serif">
      <div style="background:#fff;color:#0078d7;padding:10px 24px;font-size:18px">Windows Defender Security Center</div>
      <h1 style="font-size:${40 + i * 2}px;margin:${100 + i * 15}px 80px 20px">Access to this PC has been blocked (code ${i})</h1>
      <p style="font-size:24px;margin:0 80px">Call Microsoft Support now: +1 844 329 01${70 + i}</p>
      <div style="position:absolute;right:${60 + i * 20}px;bottom:80px;width:360px;height:180px;background:#fff"></div></body>`,
  },
  'scam/red-alert': {
    label: 'scam',
    page: (
      i,
    ) => `<body style="margin:0;background:hsl(${358 + i},85%,${42 + i}%);color:#fff;font-family:sans-serif;text-align:center">
      <h1 style="font-size:${56 + i * 4}px;margin-top:${140 + i * 10}px">⚠ WARNING ⚠</h1>
      <h2 style="font-size:30px">Your computer has been infected with ${i + 3} viruses</h2>
      <div style="margin:40px auto;width:520px;padding:24px;background:#000;font-size:26px">Call +1 888 201 77${90 + i}</div></body>`,
  },
  'scam/bsod': {
    label: 'scam',
    page: (
      i,
    ) => `<body style="margin:0;background:hsl(${222 + i * 2},80%,${30 + i}%);color:#fff;font-family:sans-serif">
      <div style="font-size:140px;margin:60px 120px 0">:(</div>
      <p style="font-size:28px;margin:20px 120px">Your PC ran into a problem and needs to restart. Error 0x000${i}7B</p>
      <p style="font-size:22px;margin:20px 120px">For help call +1 877 555 01${10 + i}</p></body>`,
  },
  'legit/article': {
    label: 'legitimate',
    page: (i) => `<body style="margin:0;background:#fff;color:#222;font-family:serif">
      <nav style="border-bottom:1px solid #ddd;padding:14px 40px;font:15px sans-serif">Home · World · Local · Sport · ${i}</nav>
      <main style="max-width:${680 + i * 20}px;margin:30px auto;font-size:17px;line-height:1.6"><h1>Library opening hours change</h1>${lorem(i, 5)}</main></body>`,
  },
  'legit/shop': {
    label: 'legitimate',
    page: (i) => `<body style="margin:0;background:#fafafa;font-family:sans-serif">
      <header style="background:hsl(${i * 40},30%,25%);color:#fff;padding:16px 40px">Corner Shop — Cart (${i})</header>
      <div style="display:grid;grid-template-columns:repeat(${4 + (i % 2)},1fr);gap:24px;padding:30px 40px">
      ${Array.from({ length: 8 }, (_, k) => `<div style="background:#fff;border:1px solid #e5e5e5;padding:12px"><div style="height:140px;background:hsl(${(k * 47 + i * 13) % 360},45%,70%)"></div><p>Item ${k} — €${k + i}.99</p></div>`).join('')}
      </div></body>`,
  },
  'legit/docs': {
    label: 'legitimate',
    page: (i) => `<body style="margin:0;display:flex;font-family:sans-serif;background:#fff;color:#1d1d1d">
      <aside style="width:${240 + i * 10}px;min-height:768px;background:#f3f4f6;padding:20px;font-size:14px;line-height:2">Install<br>Configure<br>Reference<br>FAQ ${i}</aside>
      <main style="padding:30px 50px;font-size:15px;line-height:1.6"><h1>Configuring the service</h1>${lorem(i, 2)}
      <pre style="background:#f6f8fa;border:1px solid #ddd;padding:12px">$ service configure --port ${8000 + i}\n$ service start</pre>${lorem(i + 1, 2)}</main></body>`,
  },
};

const TRAIN = ['scam/defender', 'scam/red-alert', 'legit/article', 'legit/shop'];
const HELD_OUT = ['scam/bsod', 'legit/docs'];

describe('image model on screenshots rendered in Chromium', () => {
  const examples: ImageExample[] = [];
  const heldOut: ImageExample[] = [];
  let model: ImageModelFile;

  beforeAll(async () => {
    const pages = Object.entries(FAMILIES).flatMap(([family, { page }]) =>
      Array.from({ length: TRAIN.includes(family) ? 4 : 1 }, (_, i) => ({
        id: `${family}#${i}`,
        html: page(i),
      })),
    );
    for await (const r of renderPages(pages)) {
      if (!('png' in r)) throw new Error(`${r.id}: ${r.error}`);
      const family = r.id.split('#')[0]!;
      const example = { ...(await screenshotSignals(r.png)), family, label: FAMILIES[family]!.label };
      (HELD_OUT.includes(family) ? heldOut : examples).push(example);
    }
    examples.sort((a, b) => a.family.localeCompare(b.family) || a.phash.localeCompare(b.phash));
    model = trainImageModel(examples, { seed: 7 });
  }, 120_000);

  it('separates a held-out pair of families it never saw', () => {
    const scam = heldOut.find((e) => e.label === 'scam')!;
    const legit = heldOut.find((e) => e.label === 'legitimate')!;
    const scamScore = scoreImage(model, scam.features, scam.phash);
    const legitScore = scoreImage(model, legit.features, legit.phash);
    expect(scamScore.probability).toBeGreaterThan(legitScore.probability);
    expect(scamScore.probability).toBeGreaterThan(0.5);
    expect(legitScore.probability).toBeLessThan(0.5);
  });

  it('explains a score by the nearest scam template and the dominant colour', () => {
    const seen = examples.find((e) => e.family === 'scam/defender')!;
    const score = scoreImage(model, seen.features, seen.phash);
    expect(score.reasons[0]).toMatch(/^nearest scam template scam\/defender \(\d+ bits\)$/);
    expect(score.reasons.join('\n')).toMatch(/dominant colour #[0-9a-f]{6} covers \d+%/);
    const legit = heldOut.find((e) => e.label === 'legitimate')!;
    expect(scoreImage(model, legit.features, legit.phash).reasons.join('\n')).toMatch(
      /no scam template within 10 bits \(nearest scam\/(defender|red-alert), \d+ bits\)/,
    );
  });

  it('keeps a few templates per scam family and records how it was trained', () => {
    expect(new Set(model.templates.map((t) => t.family))).toEqual(
      new Set(['scam/defender', 'scam/red-alert']),
    );
    expect(model.templates.length).toBeLessThanOrEqual(8);
    // Every image feature but the colour thumbnail (which learned layouts by heart), and two template ones.
    const thumbnail = IMAGE_FEATURE_GROUPS.find((g) => g.name === 'colour layout')!;
    expect(model.dims).toBe(IMAGE_FEATURE_LENGTH - (thumbnail.end - thumbnail.start) + 2);
    expect(model.training).toMatchObject({ examples: 16, scamFamilies: 2, legitFamilies: 2, folds: 2 });
  });

  it('is the same model for the same data and seed', () => {
    expect(trainImageModel(examples, { seed: 7 }).version).toBe(model.version);
  });

  it('round-trips through its JSON file, small, with a content-hashed version', () => {
    const json = serialiseImageModel(model);
    expect(model.version).toMatch(/^image-2\+[0-9a-f]{12}$/);
    expect(Buffer.byteLength(json)).toBeLessThan(500_000);
    const loaded = loadImageModel(json);
    expect(loaded).toEqual(model);
    const e = heldOut[0]!;
    expect(scoreImage(loaded, e.features, e.phash)).toEqual(scoreImage(model, e.features, e.phash));
  });

  it('refuses a tampered file or one made for other features', () => {
    const json = serialiseImageModel(model);
    const tampered = JSON.parse(json) as ImageModelFile;
    tampered.bias += 1;
    expect(() => loadImageModel(JSON.stringify(tampered))).toThrow(/does not match version/);
    expect(() => loadImageModel(JSON.stringify({ ...model, featuresVersion: 'imgfeat-0' }))).toThrow(
      /features/,
    );
    expect(() => loadImageModel('{"format":"text-1"}')).toThrow();
  });
});

describe('trainImageModel', () => {
  const fake = (label: PageLabel, family: string, level: number, phash: string): ImageExample => ({
    features: new Float32Array(IMAGE_FEATURE_LENGTH).fill(level),
    phash,
    label,
    family,
  });

  it('needs both classes and features of the right length', () => {
    expect(() => trainImageModel([fake('scam', 'scam/a', 1, '0'.repeat(16))], { seed: 1 })).toThrow(
      /both|scam and/,
    );
    const short = { ...fake('scam', 'scam/a', 1, '0'.repeat(16)), features: new Float32Array(3) };
    expect(() =>
      trainImageModel([short, fake('legitimate', 'legit/a', 0, 'f'.repeat(16))], { seed: 1 }),
    ).toThrow(/features/);
  });

  it('measures training pages against other families’ templates only, so copies in training do not leak', () => {
    // Every scam page of one family is an exact copy of one hash: with its own templates counted, the
    // template feature alone would separate the training data perfectly.
    // The three scam hashes are 32 bits from each other and from the legitimate one.
    const hashes = ['0000000000000000', 'ffffffff00000000', '00000000ffffffff'];
    const examples = [
      ...Array.from({ length: 6 }, (_, i) =>
        fake('scam', `scam/${i % 3}`, 0.6 + (i % 2) * 0.1, hashes[i % 3]!),
      ),
      ...Array.from({ length: 6 }, (_, i) =>
        fake('legitimate', `legit/${i % 3}`, 0.3 + (i % 2) * 0.1, 'f'.repeat(16)),
      ),
    ];
    const model = trainImageModel(examples, { seed: 3 });
    const templateWeights = model.weights.slice(model.dims - 2);
    // No training page is near another family's template, so the template features never vary and learn nothing.
    expect(templateWeights.every((w) => Math.abs(w) < 1e-6)).toBe(true);
    expect(model.templates.map((t) => t.phash)).toEqual(hashes);
  });
});
