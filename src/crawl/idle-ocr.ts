import { createOcr, type Ocr } from './ocr.js';

/** How long a crawler keeps its OCR worker after the last screenshot it read. */
export const OCR_IDLE_MS = 60_000;

/**
 * A crawler's OCR worker, started on first use and ended once `idleMs` pass without one. A tesseract
 * worker holds about 100 MB (a worker thread with its WebAssembly engine and the model) and most pages show
 * their number as text, so OCR is rare: kept for the life of the process, as it was, the first image-only
 * page raised the server's memory for good (+90 MB from the 20th minute of the soak on, per crawler).
 */
export class IdleOcr {
  private worker: Promise<Ocr> | undefined;
  private reading = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly start: () => Promise<Ocr> = createOcr,
    private readonly idleMs = OCR_IDLE_MS,
  ) {}

  /** The text of a PNG screenshot (see Ocr.recognize), starting the worker when none runs. */
  async recognize(png: Buffer): Promise<string> {
    clearTimeout(this.timer);
    this.reading++;
    try {
      this.worker ??= this.start();
      const worker = this.worker;
      let ocr: Ocr;
      try {
        ocr = await worker;
      } catch (e) {
        // A worker that failed to start is started again next time.
        if (this.worker === worker) this.worker = undefined;
        throw e;
      }
      return await ocr.recognize(png);
    } finally {
      if (--this.reading === 0) this.timer = setTimeout(() => void this.end(), this.idleMs).unref();
    }
  }

  /** True while a worker runs (or starts). */
  get running(): boolean {
    return this.worker !== undefined;
  }

  /** Ends the worker now, if one runs. */
  async close(): Promise<void> {
    clearTimeout(this.timer);
    await this.end();
  }

  private async end(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await (await worker.catch(() => undefined))?.close();
  }
}
