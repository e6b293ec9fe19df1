import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { IdleOcr } from './idle-ocr.js';
import type { Ocr } from './ocr.js';

/** A stand-in for tesseract that counts the workers started and ended. */
function fakeWorkers(options: { failFirst?: boolean; readMs?: number } = {}) {
  const counts = { started: 0, ended: 0 };
  const start = async (): Promise<Ocr> => {
    counts.started++;
    if (options.failFirst && counts.started === 1) throw new Error('no model');
    return {
      recognize: async () => {
        await sleep(options.readMs ?? 0);
        return 'Call +1 888 253 6617';
      },
      close: async () => {
        counts.ended++;
      },
    };
  };
  return { counts, start };
}

describe("a crawler's OCR worker", () => {
  it('is started on the first screenshot, reused while in use, and ended once idle', async () => {
    const { counts, start } = fakeWorkers();
    const ocr = new IdleOcr(start, 50);
    expect(ocr.running).toBe(false);
    expect(await ocr.recognize(Buffer.from('png'))).toContain('888');
    await ocr.recognize(Buffer.from('png'));
    expect(counts).toEqual({ started: 1, ended: 0 });
    expect(ocr.running).toBe(true);
    await sleep(120);
    expect(counts).toEqual({ started: 1, ended: 1 });
    expect(ocr.running).toBe(false);
    // The next image-only page starts a new one.
    await ocr.recognize(Buffer.from('png'));
    expect(counts.started).toBe(2);
    await ocr.close();
    expect(counts).toEqual({ started: 2, ended: 2 });
  });

  it('is not ended while a screenshot is being read, however long that takes', async () => {
    const { counts, start } = fakeWorkers({ readMs: 150 });
    const ocr = new IdleOcr(start, 20);
    await Promise.all([
      ocr.recognize(Buffer.from('a')),
      sleep(40).then(() => ocr.recognize(Buffer.from('b'))),
    ]);
    expect(counts).toEqual({ started: 1, ended: 0 });
    await sleep(80);
    expect(counts).toEqual({ started: 1, ended: 1 });
  });

  it('is started again after a failed start', async () => {
    const { counts, start } = fakeWorkers({ failFirst: true });
    const ocr = new IdleOcr(start, 1000);
    await expect(ocr.recognize(Buffer.from('png'))).rejects.toThrow('no model');
    expect(await ocr.recognize(Buffer.from('png'))).toContain('888');
    expect(counts.started).toBe(2);
    await ocr.close();
  });
});
