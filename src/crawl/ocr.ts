import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { createWorker, OEM } from 'tesseract.js';

/** Reads the text of screenshots; one tesseract worker, reused page after page. */
export interface Ocr {
  /** The text of a PNG screenshot: lines read on the image and on its negative, each once. */
  recognize(png: Buffer): Promise<string>;
  /** Ends the worker and removes its temporary directory. */
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);

/**
 * The English model shipped in `@tesseract.js-data/eng` (the LSTM-only integer model: smaller and faster
 * to load than the one with the legacy engine, which Dragnet does not use). A local path, so tesseract
 * reads the file and never fetches it from its default CDN.
 */
export const OCR_LANG_PATH = path.join(
  path.dirname(require.resolve('@tesseract.js-data/eng/package.json')),
  '4.0.0_best_int',
);

// Sauvola: a local threshold, so a white box on a blue page, a red banner and a gradient are all read
// (tesseract's default global Otsu threshold loses whichever region is the minority).
const SAUVOLA = '2';

/**
 * Starts an offline OCR worker. The worker script and the WebAssembly core are tesseract.js's own files
 * in node_modules (its node defaults); the model comes from OCR_LANG_PATH; the cache is a private
 * temporary directory and is neither read nor written (`cacheMethod: 'none'`).
 */
export async function createOcr(): Promise<Ocr> {
  const cachePath = await mkdtemp(path.join(tmpdir(), 'dragnet-ocr-'));
  let worker: Awaited<ReturnType<typeof createWorker>> | undefined;
  try {
    worker = await createWorker('eng', OEM.LSTM_ONLY, {
      langPath: OCR_LANG_PATH,
      gzip: true,
      cachePath,
      cacheMethod: 'none',
    });
    await worker.setParameters({ thresholding_method: SAUVOLA });
    const ready = worker;
    return {
      async recognize(png) {
        const lines: string[] = [];
        for (const image of await passes(png)) {
          const { data } = await ready.recognize(image);
          lines.push(...data.text.split('\n'));
        }
        return uniqueLines(lines).join('\n');
      },
      async close() {
        await ready.terminate();
        await rm(cachePath, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await worker?.terminate().catch(() => undefined);
    await rm(cachePath, { recursive: true, force: true });
    throw e;
  }
}

// Screenshots narrower than this are read at twice their size: 11–13 px text is lost at 1×.
const UPSCALE_BELOW_WIDTH = 1600;

/**
 * The two images read per screenshot (measured on synthetic 1280×800 scam pages: 11 of 11 numbers, where
 * the upscaled grayscale alone read 9): the grayscale, upscaled for small text; and its negative at 1×, because
 * Sauvola assumes dark text on a light ground and white-on-blue text is read best inverted.
 */
async function passes(png: Buffer): Promise<Buffer[]> {
  const gray = sharp(png).flatten({ background: '#ffffff' }).grayscale();
  const { width } = await gray.metadata();
  const upscaled =
    width && width < UPSCALE_BELOW_WIDTH
      ? gray.clone().resize({ width: width * 2, kernel: 'cubic' })
      : gray.clone();
  return Promise.all([upscaled.png().toBuffer(), gray.clone().negate({ alpha: false }).png().toBuffer()]);
}

/** Non-blank lines, each once (both passes read most lines), trimmed, in the order first read. */
function uniqueLines(lines: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of lines) {
    const t = line.trim();
    if (!/[\p{L}\p{N}]{2}/u.test(t) || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}
