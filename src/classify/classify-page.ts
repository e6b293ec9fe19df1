import { claimsSystem, fuse, type PageSignals } from './fusion.js';
import { scoreImage, screenshotSignals } from './image-model.js';
import type { Models } from './models.js';
import { scoreText } from './text-model.js';
import type { PageText, Verdict } from './types.js';

/** What is known of a page: its text (when any), its screenshot (when any), and what the crawler saw. */
export interface PageEvidence {
  text: PageText | null;
  screenshot: Buffer | null;
  behaviours?: readonly string[];
  phoneShown?: boolean;
}

/** The verdict on one page from both models and the crawler's evidence. */
export async function classifyPage(models: Models, page: PageEvidence): Promise<Verdict> {
  const hasText = page.text !== null && (page.text.text.trim() !== '' || page.text.title.trim() !== '');
  const text = hasText ? scoreText(models.text, page.text!) : null;
  let image = null;
  if (page.screenshot) {
    const s = await screenshotSignals(page.screenshot);
    image = scoreImage(models.image, s.features, s.phash);
  }
  const all = page.text
    ? [page.text.title, page.text.text, ...page.text.dialogs, page.text.ocrText ?? ''].join('\n')
    : '';
  const signals: PageSignals | null = page.behaviours
    ? { behaviours: page.behaviours, phoneShown: page.phoneShown ?? false, claimsSystem: claimsSystem(all) }
    : null;
  return fuse(models.fusion, text, image, signals, {
    text: models.text.version,
    image: models.image.version,
  });
}
