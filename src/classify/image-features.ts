import sharp from 'sharp';

/**
 * What the image model reads of a screenshot, all from one 160×90 RGB copy of it (sharp decodes and
 * shrinks; the rest is plain loops): a 16×9 colour thumbnail, a hue/grey histogram, the share of the
 * dominant colours, a 16×9 grid of edge density (where the text and boxes are) and global statistics.
 * Tech-support scam popups are full screens of saturated blue, red or black with a few large blocks of
 * text; ordinary pages are mostly white with many small ones. Every value lies in [0, 1].
 */

/** Bumped whenever a feature changes meaning, so a model is never fed features it was not trained on. */
export const IMAGE_FEATURES_VERSION = 'imgfeat-1';

const WIDTH = 160;
const HEIGHT = 90;
const GRID_W = 16;
const GRID_H = 9;
const CELL = WIDTH / GRID_W; // 10×10 pixels per cell
const HUE_BINS = 12;
const GREY_BINS = 5;
const COLOUR_LEVELS = 4; // per channel: 64 quantised colours for the dominant-colour share
const STATS = [
  'brightness mean',
  'brightness spread',
  'saturation mean',
  'saturation spread',
  'share saturated',
  'share dark',
  'share white',
  'edge mean',
  'share edge pixels',
  'dominant colour share',
  'top three colours share',
  'colours for 90% of page',
  'top band edge density',
  'centre edge density',
  'left/right edge balance',
  'rows with edges',
] as const;

const THUMB_LEN = GRID_W * GRID_H * 3;
const HIST_LEN = HUE_BINS + GREY_BINS;
const EDGE_LEN = GRID_W * GRID_H;

/** Number of values in a feature vector. */
export const IMAGE_FEATURE_LENGTH = THUMB_LEN + HIST_LEN + EDGE_LEN + STATS.length;

/** Where each group of features starts and ends, to explain a score by group. */
export const IMAGE_FEATURE_GROUPS: ReadonlyArray<{ name: string; start: number; end: number }> = [
  { name: 'colour layout', start: 0, end: THUMB_LEN },
  { name: 'colour histogram', start: THUMB_LEN, end: THUMB_LEN + HIST_LEN },
  { name: 'text and box layout', start: THUMB_LEN + HIST_LEN, end: THUMB_LEN + HIST_LEN + EDGE_LEN },
  { name: 'page statistics', start: THUMB_LEN + HIST_LEN + EDGE_LEN, end: IMAGE_FEATURE_LENGTH },
];

/** Name of a feature, for reasons and debugging (`thumb r 3,4`, `hue 210°`, `edges 7,2`, `brightness mean`). */
export function imageFeatureName(index: number): string {
  if (index < THUMB_LEN) {
    const cell = Math.floor(index / 3);
    return `thumb ${'rgb'[index % 3]} ${cell % GRID_W},${Math.floor(cell / GRID_W)}`;
  }
  let i = index - THUMB_LEN;
  if (i < HUE_BINS) return `hue ${i * (360 / HUE_BINS)}°`;
  i -= HUE_BINS;
  if (i < GREY_BINS) return ['black', 'dark grey', 'grey', 'light grey', 'white'][i] ?? 'grey';
  i -= GREY_BINS;
  if (i < EDGE_LEN) return `edges ${i % GRID_W},${Math.floor(i / GRID_W)}`;
  return STATS[i - EDGE_LEN] ?? `feature ${index}`;
}

/** Features of a screenshot (PNG or any image sharp reads). Deterministic: same image, same values. */
export async function extractImageFeatures(image: Buffer): Promise<Float32Array> {
  const { data } = await sharp(image)
    .removeAlpha()
    .resize(WIDTH, HEIGHT, { fit: 'fill', kernel: 'linear' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return featuresOfPixels(data);
}

/** Features of a 160×90 RGB raw image (exported for tests of the arithmetic). */
export function featuresOfPixels(rgb: Uint8Array): Float32Array {
  if (rgb.length !== WIDTH * HEIGHT * 3) throw new Error(`image features: expected ${WIDTH}×${HEIGHT} RGB`);
  const out = new Float32Array(IMAGE_FEATURE_LENGTH);
  const n = WIDTH * HEIGHT;
  const grey = new Float32Array(n);
  const colourCounts = new Uint32Array(COLOUR_LEVELS ** 3);
  const hist = out.subarray(THUMB_LEN, THUMB_LEN + HIST_LEN);
  let vSum = 0;
  let vSq = 0;
  let sSum = 0;
  let sSq = 0;
  let saturated = 0;
  let dark = 0;
  let white = 0;

  for (let p = 0; p < n; p++) {
    const r = rgb[p * 3]! / 255;
    const g = rgb[p * 3 + 1]! / 255;
    const b = rgb[p * 3 + 2]! / 255;
    const max = Math.max(r, g, b);
    const min = Math.min(r, g, b);
    const s = max === 0 ? 0 : (max - min) / max;
    grey[p] = 0.299 * r + 0.587 * g + 0.114 * b;
    vSum += max;
    vSq += max * max;
    sSum += s;
    sSq += s * s;
    if (max < 0.2) dark++;
    if (min > 0.94) white++;
    if (s > 0.25 && max > 0.2) {
      saturated++;
      hist[Math.min(HUE_BINS - 1, Math.floor((hue(r, g, b, max, min) / 360) * HUE_BINS))]! += 1;
    } else {
      hist[HUE_BINS + Math.min(GREY_BINS - 1, Math.floor(max * GREY_BINS))]! += 1;
    }
    const x = p % WIDTH;
    const y = Math.floor(p / WIDTH);
    const cell = Math.floor(y / CELL) * GRID_W + Math.floor(x / CELL);
    out[cell * 3]! += r;
    out[cell * 3 + 1]! += g;
    out[cell * 3 + 2]! += b;
    const q = quantise(rgb[p * 3]!) * 16 + quantise(rgb[p * 3 + 1]!) * 4 + quantise(rgb[p * 3 + 2]!);
    colourCounts[q]!++;
  }
  for (let i = 0; i < THUMB_LEN; i++) out[i]! /= CELL * CELL;
  for (let i = 0; i < HIST_LEN; i++) hist[i]! /= n;

  const edges = sobel(grey);
  const edgeGrid = out.subarray(THUMB_LEN + HIST_LEN, THUMB_LEN + HIST_LEN + EDGE_LEN);
  let edgeSum = 0;
  let edgePixels = 0;
  const rowHasEdge = new Uint8Array(HEIGHT);
  for (let p = 0; p < n; p++) {
    const e = edges[p]!;
    const x = p % WIDTH;
    const y = Math.floor(p / WIDTH);
    edgeGrid[Math.floor(y / CELL) * GRID_W + Math.floor(x / CELL)]! += e;
    edgeSum += e;
    if (e > 0.1) {
      edgePixels++;
      rowHasEdge[y] = 1;
    }
  }
  for (let i = 0; i < EDGE_LEN; i++) edgeGrid[i] = Math.min(1, edgeGrid[i]! / (CELL * CELL) / 0.5);

  const order = [...colourCounts.keys()].sort((a, b) => colourCounts[b]! - colourCounts[a]! || a - b);
  const top = order[0]!;
  const dominantShare = colourCounts[top]! / n;
  const topThree = order.slice(0, 3).reduce((sum, q) => sum + colourCounts[q]!, 0) / n;
  let covered = 0;
  let coloursFor90 = 0;
  while (covered < 0.9 * n) covered += colourCounts[order[coloursFor90++]!]!;

  const band = (x0: number, x1: number, y0: number, y1: number) => {
    let sum = 0;
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) sum += edgeGrid[y * GRID_W + x]!;
    return sum / ((x1 - x0) * (y1 - y0));
  };
  const left = band(0, GRID_W / 2, 0, GRID_H);
  const right = band(GRID_W / 2, GRID_W, 0, GRID_H);
  const vMean = vSum / n;
  const sMean = sSum / n;
  const stats = [
    vMean,
    Math.sqrt(Math.max(0, vSq / n - vMean * vMean)) * 2,
    sMean,
    Math.sqrt(Math.max(0, sSq / n - sMean * sMean)) * 2,
    saturated / n,
    dark / n,
    white / n,
    Math.min(1, (edgeSum / n) * 4),
    edgePixels / n,
    dominantShare,
    topThree,
    Math.min(1, coloursFor90 / 16),
    band(0, GRID_W, 0, 1),
    band(4, 12, 2, 7),
    left + right === 0 ? 0.5 : left / (left + right),
    rowHasEdge.reduce((a, b) => a + b, 0) / HEIGHT,
  ];
  out.set(stats, THUMB_LEN + HIST_LEN + EDGE_LEN);
  return out;
}

const quantise = (v: number) => Math.min(COLOUR_LEVELS - 1, Math.floor(v / (256 / COLOUR_LEVELS)));

function hue(r: number, g: number, b: number, max: number, min: number): number {
  const d = max - min;
  if (d === 0) return 0;
  const h = max === r ? ((g - b) / d) % 6 : max === g ? (b - r) / d + 2 : (r - g) / d + 4;
  return (h * 60 + 360) % 360;
}

/** Sobel gradient magnitude of a grey image, scaled so a black/white step is about 1. */
function sobel(grey: Float32Array): Float32Array {
  const out = new Float32Array(grey.length);
  for (let y = 1; y < HEIGHT - 1; y++) {
    for (let x = 1; x < WIDTH - 1; x++) {
      const at = (dx: number, dy: number) => grey[(y + dy) * WIDTH + x + dx]!;
      const gx = at(1, -1) + 2 * at(1, 0) + at(1, 1) - at(-1, -1) - 2 * at(-1, 0) - at(-1, 1);
      const gy = at(-1, 1) + 2 * at(0, 1) + at(1, 1) - at(-1, -1) - 2 * at(0, -1) - at(1, -1);
      out[y * WIDTH + x] = Math.min(1, Math.sqrt(gx * gx + gy * gy) / 4);
    }
  }
  return out;
}

/**
 * The most common colour of the page and the share it covers, read back from a feature vector (the
 * median colour of the commonest thumbnail cells; the share measured on the full 160×90 copy).
 */
export function dominantColourOf(features: Float32Array): { colour: string; share: number } {
  const counts = new Map<number, number[]>();
  for (let cell = 0; cell < GRID_W * GRID_H; cell++) {
    const rgb = [0, 1, 2].map((c) => Math.round(features[cell * 3 + c]! * 255));
    const q = quantise(rgb[0]!) * 16 + quantise(rgb[1]!) * 4 + quantise(rgb[2]!);
    const cells = counts.get(q) ?? [];
    cells.push(cell);
    counts.set(q, cells);
  }
  const cells = [...counts.values()].sort((a, b) => b.length - a.length || a[0]! - b[0]!)[0] ?? [0];
  // The median cell, as cells that hold a little text are a little off the page's colour.
  const hex = (c: number) => {
    const values = cells.map((cell) => features[cell * 3 + c]!).sort((x, y) => x - y);
    return Math.round(values[Math.floor(values.length / 2)]! * 255)
      .toString(16)
      .padStart(2, '0');
  };
  const share = features[THUMB_LEN + HIST_LEN + EDGE_LEN + STATS.indexOf('dominant colour share')] ?? 0;
  return { colour: `#${hex(0)}${hex(1)}${hex(2)}`, share };
}
