// `npm run bench -- classify`: inference time per page of the committed models, on one core: the text
// model (visible text and dialogs read from the HTML, features, score) and the image model (PNG decode,
// features, pHash, score), on held-out corpus pages. BENCH_CLASSIFY_CV=1 adds the grouped
// cross-validation over the training families that design choices are made on (a minute or two).

import { generateCorpus } from '../src/classify/corpus/index.js';
import { crossValidateModels } from '../src/classify/cross-validate.js';
import { textOfHtml } from '../src/classify/dataset.js';
import { scoreImage, screenshotSignals } from '../src/classify/image-model.js';
import { loadModels } from '../src/classify/models.js';
import { renderPages } from '../src/classify/render.js';
import { scoreText } from '../src/classify/text-model.js';
import { trainingExamples } from '../src/classify/train.js';
import { type Bench, type BenchRow, ENGINE_FREE, engineFreeNote } from './table.js';

const PAGES = Number(process.env.BENCH_CLASSIFY_PAGES ?? 200);
const SHOTS = Number(process.env.BENCH_CLASSIFY_SCREENSHOTS ?? 40);

const bench: Bench = async () => {
  const models = loadModels();
  if (!models) throw new Error('no models in models/: run dragnet train');
  const pages = generateCorpus({ seed: 5, perFamily: Math.ceil(PAGES / 22) }).slice(0, PAGES);
  for (const p of pages.slice(0, 20)) scoreText(models.text, textOfHtml(p.html));
  const t0 = performance.now();
  for (const p of pages) scoreText(models.text, textOfHtml(p.html));
  const textMs = (performance.now() - t0) / pages.length;
  const pngs: Buffer[] = [];
  for await (const r of renderPages(pages.slice(0, SHOTS).map((p) => ({ id: p.id, html: p.html })))) {
    if ('png' in r) pngs.push(r.png);
  }
  const t1 = performance.now();
  for (const png of pngs) {
    const s = await screenshotSignals(png);
    scoreImage(models.image, s.features, s.phash);
  }
  const imageMs = (performance.now() - t1) / pngs.length;
  const avgKb = pages.reduce((n, p) => n + p.html.length, 0) / pages.length / 1024;
  return [
    ...(process.env.BENCH_CLASSIFY_CV === '1' ? await crossValidationRows() : []),
    {
      name: 'classification: text model per page',
      variant: ENGINE_FREE,
      value: textMs,
      unit: 'ms/page',
      target: '<= 5',
      issue: 7,
      ok: textMs <= 5,
      notes: engineFreeNote(
        'pure code on one core',
        `${models.text.version.slice(0, 20)}; ${pages.length} pages (${avgKb.toFixed(1)} KB HTML on average): visible text, dialogs, features, score`,
      ),
    },
    {
      name: 'classification: image model per screenshot',
      variant: ENGINE_FREE,
      value: imageMs,
      unit: 'ms/page',
      target: '<= 100',
      issue: 7,
      ok: imageMs <= 100,
      notes: engineFreeNote(
        'pure code on one core',
        `${models.image.version.slice(0, 20)}; ${pngs.length} screenshots 1366×768: PNG decode, features, pHash, template distance, score`,
      ),
    },
  ];
};
/** Grouped cross-validation over the training families (as `dragnet train` uses them: seed 1, 40 each). */
async function crossValidationRows(): Promise<BenchRow[]> {
  const { examples } = await trainingExamples({ seed: 1, perFamily: 40, includeDebianDocs: true });
  const t0 = performance.now();
  const scores = crossValidateModels(examples, { seed: 1 });
  const seconds = (performance.now() - t0) / 1000;
  const f = (v: number) => v.toFixed(3);
  return scores.map((s) => ({
    name: `classification CV (4 family folds × 2): ${s.model}, recall at precision ≥ .99`,
    variant: ENGINE_FREE,
    value: s.recallAtPrecision99,
    unit: 'recall',
    notes: `engine-independent (in memory); ROC-AUC ${f(s.rocAuc)}; at its threshold P ${f(s.precision)} R ${f(s.recall)}; errors ${JSON.stringify(s.errorsByFamily)}${s.model === 'fusion' ? `; ${seconds.toFixed(0)} s` : ''}`,
  }));
}

export default bench;
