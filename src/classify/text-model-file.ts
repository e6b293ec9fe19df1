/**
 * The text model's file: JSON with its weights pruned to int16 and packed as base64 (delta-varint
 * indices), versioned by a hash of the content, and read back exactly as it was trained.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { base64 } from '@scure/base';
import { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import type { PlattCalibration } from './logistic.js';

/** Format tag of the model file; the version adds a hash of the content. */
const FORMAT = 'text-1';
/** The int16 grid weights are stored on. */
export const INT16_MAX = 32_767;

/** A trained text model in memory; `serialiseTextModel` writes it, `loadTextModel` reads it back. */
export interface TextModelFile {
  /** `text-1+<content hash>`. */
  version: string;
  dims: number;
  /** Dense weights, already pruned and quantised: what the file holds, exactly. */
  weights: Float32Array;
  bias: number;
  platt: PlattCalibration;
  /**
   * Evidence grows with length: a text of n n-grams has its calibrated log-odds scaled by
   * n / (n + shortTextGrams), so a one-word text stays near undecided (0: no scaling).
   */
  shortTextGrams: number;
  /**
   * Bucket → the n-gram that most often fell in it during training, as `field: gram`, with its hashing
   * sign (the n-gram's own weight is the bucket's weight times the sign).
   */
  explanations: Map<number, { gram: string; sign: 1 | -1 }>;
}

const fileSchema = z.object({
  version: z.string().startsWith(`${FORMAT}+`),
  dims: z
    .number()
    .int()
    .positive()
    .refine((d) => (d & (d - 1)) === 0, 'a power of two'),
  bias: z.number(),
  platt: z.object({ a: z.number(), b: z.number() }),
  /** Absent in files written before it existed: no length scaling. */
  shortTextGrams: z.number().nonnegative().default(0),
  weights: z.object({ scale: z.number().positive(), indices: z.string(), values: z.string() }),
  /** [bucket, "field: gram", sign]. */
  explanations: z.array(
    z.tuple([z.number().int().nonnegative(), z.string(), z.union([z.literal(1), z.literal(-1)])]),
  ),
});

/** The model file as stored: JSON with weights as base64 (delta-varint indices, int16 LE values). */
export type TextModelJson = z.infer<typeof fileSchema>;

/** The file's JSON content, without the version (which hashes it). */
export function encode(model: Omit<TextModelFile, 'version'>): Omit<TextModelJson, 'version'> {
  const indices: number[] = [];
  let largest = 0;
  model.weights.forEach((w, i) => {
    if (w === 0) return;
    indices.push(i);
    largest = Math.max(largest, Math.abs(w));
  });
  const scale = largest > 0 ? largest / INT16_MAX : 1;
  const values = new DataView(new ArrayBuffer(indices.length * 2));
  indices.forEach((i, k) => {
    values.setInt16(k * 2, Math.round(model.weights[i]! / scale), true);
  });
  return {
    dims: model.dims,
    bias: model.bias,
    platt: model.platt,
    shortTextGrams: model.shortTextGrams,
    weights: {
      scale,
      indices: base64.encode(encodeDeltaVarints(indices)),
      values: base64.encode(new Uint8Array(values.buffer)),
    },
    explanations: [...model.explanations]
      .sort((a, b) => a[0] - b[0])
      .map(([bucket, { gram, sign }]): [number, string, 1 | -1] => [bucket, gram, sign]),
  };
}

/** The model's version: the format tag and the first 12 hex digits of the content's SHA-256. */
export function versionOf(content: Omit<TextModelJson, 'version'>): string {
  const digest = sha256(new TextEncoder().encode(JSON.stringify(content)));
  return `${FORMAT}+${bytesToHex(digest).slice(0, 12)}`;
}

/** The model as JSON text (the committed model file). */
export function serialiseTextModel(model: TextModelFile): string {
  const { version, ...body } = model;
  return JSON.stringify({ version, ...encode(body) });
}

/** Reads a model file (JSON text or parsed JSON); throws ValidationError when it is not one. */
export function loadTextModel(json: string | unknown): TextModelFile {
  const parsed = fileSchema.safeParse(typeof json === 'string' ? JSON.parse(json) : json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('/'), message: i.message }));
    throw new ValidationError('not a text model file', issues);
  }
  const file = parsed.data;
  const indices = decodeDeltaVarints(base64.decode(file.weights.indices));
  const bytes = base64.decode(file.weights.values);
  const values = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (values.byteLength !== indices.length * 2 || indices.some((i) => i >= file.dims)) {
    throw new ValidationError('text model weights do not match their indices', [
      { path: 'weights', message: 'index and value counts differ or an index is out of range' },
    ]);
  }
  const weights = new Float32Array(file.dims);
  indices.forEach((i, k) => {
    weights[i] = values.getInt16(k * 2, true) * file.weights.scale;
  });
  return {
    version: file.version,
    dims: file.dims,
    weights,
    bias: file.bias,
    platt: file.platt,
    shortTextGrams: file.shortTextGrams,
    explanations: new Map(file.explanations.map(([bucket, gram, sign]) => [bucket, { gram, sign }])),
  };
}

/** Ascending integers as LEB128 varints of their gaps: a few bytes per weight instead of four. */
function encodeDeltaVarints(sorted: number[]): Uint8Array {
  const out: number[] = [];
  let previous = 0;
  for (const value of sorted) {
    let gap = value - previous;
    previous = value;
    while (gap >= 0x80) {
      out.push((gap & 0x7f) | 0x80);
      gap >>>= 7;
    }
    out.push(gap);
  }
  return Uint8Array.from(out);
}

/** Inverse of encodeDeltaVarints. */
function decodeDeltaVarints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  let value = 0;
  let gap = 0;
  let shift = 0;
  for (const byte of bytes) {
    gap |= (byte & 0x7f) << shift;
    if (byte & 0x80) {
      shift += 7;
      continue;
    }
    value += gap;
    out.push(value);
    gap = 0;
    shift = 0;
  }
  return out;
}
