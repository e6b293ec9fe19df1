import { tmpdir } from 'node:os';
import path from 'node:path';
import { dialogsOf, visibleText } from './corpus/index.js';
import { screenshotSignals } from './image-model.js';
import { renderPages } from './render.js';
import type { CorpusPage, PageText } from './types.js';

/** Where rendered corpus screenshots are kept between runs (keyed by the HTML's hash). */
export const RENDER_CACHE = path.join(tmpdir(), 'dragnet-render-cache');

/** What the text model reads of an HTML file: its title, visible text and the texts of its alerts. */
export function textOfHtml(html: string): PageText {
  const { title, text } = visibleText(html);
  return { title, text, dialogs: dialogsOf(html) };
}

/** Image features and pHash of a rendered page. */
export interface ScreenshotSignals {
  features: Float32Array;
  phash: string;
}

/**
 * Renders corpus pages offline in Chromium (cached) and reads each screenshot's features and pHash.
 * Pages that fail to render are left out (and counted by the caller by what is missing).
 */
export async function renderSignals(
  pages: readonly CorpusPage[],
  onProgress?: (done: number, total: number) => void,
): Promise<Map<string, ScreenshotSignals>> {
  const out = new Map<string, ScreenshotSignals>();
  let done = 0;
  for await (const r of renderPages(
    pages.map((p) => ({ id: p.id, html: p.html })),
    { cacheDir: RENDER_CACHE },
  )) {
    done++;
    if ('png' in r) out.set(r.id, await screenshotSignals(r.png));
    onProgress?.(done, pages.length);
  }
  return out;
}
