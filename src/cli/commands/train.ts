import type { Command } from 'commander';
import { screenshotSignals } from '../../classify/image-model.js';
import { MODELS_DIR, saveModels } from '../../classify/models.js';
import { type TrainingPage, trainModels } from '../../classify/train.js';
import { UsageError } from '../../core/errors.js';
import { BlobStore } from '../../store/blobs.js';
import { labelledCaptures } from '../../store/crawls.js';
import { withStore } from '../context.js';

interface TrainCliOptions {
  seed: string;
  perFamily: string;
  out: string;
  includeLabels?: boolean;
  debianDocs: boolean;
}

/** `dragnet train [text|image|all]`: trains the page classifiers from the generated corpus (and labels). */
export function registerTrain(program: Command): void {
  program
    .command('train')
    .description('train the page classifiers (text, image and their fusion) on the generated corpus')
    .argument('[which]', 'text, image or all (the fusion is always refitted)', 'all')
    .option('--seed <n>', 'corpus and training seed', '1')
    .option('--per-family <n>', 'generated pages per template family', '40')
    .option('--out <dir>', 'where the model files go', MODELS_DIR)
    .option('--include-labels', "add analysts' labels of crawled pages from the database")
    .option('--no-debian-docs', 'leave out the Debian documentation pages')
    .action(async (which: string, opts: TrainCliOptions) => {
      if (!['text', 'image', 'all'].includes(which))
        throw new UsageError('train text, train image or train all');
      const seed = Number(opts.seed);
      const perFamily = Number(opts.perFamily);
      if (!Number.isInteger(seed)) throw new UsageError('--seed must be an integer');
      if (!Number.isInteger(perFamily) || perFamily < 5 || perFamily > 1000)
        throw new UsageError('--per-family must be 5–1000');
      const extra = opts.includeLabels ? await labelledPages() : [];
      const models = await trainModels({
        seed,
        perFamily,
        includeDebianDocs: opts.debianDocs,
        extra,
        onProgress: (m) => process.stderr.write(`${m}\n`),
      });
      const written = saveModels(
        {
          text: which === 'image' ? undefined : models.text,
          image: which === 'text' ? undefined : models.image,
          fusion: models.fusion,
        },
        opts.out,
      );
      const r = models.report;
      process.stdout.write(
        `trained on ${r.pages} pages of ${r.families} families (${r.rendered} screenshots, ${r.extra} analysts' labels) in ${r.seconds} s\n` +
          `text ${models.text.version}, image ${models.image.version}, fusion ${models.fusion.version}\n` +
          written.map((w) => `wrote ${w}\n`).join(''),
      );
    });
}

/** Analysts' labelled captures as training pages: the page's text, and its screenshot when stored. */
async function labelledPages(): Promise<TrainingPage[]> {
  return withStore(async (store, config) => {
    const blobs = new BlobStore(config.dataDir, store.db);
    const out: TrainingPage[] = [];
    for (const l of await labelledCaptures(store.db)) {
      const c = l.capture;
      const sha = c.blobs.screenshotBefore;
      out.push({
        text: {
          title: c.title ?? '',
          text: c.text,
          dialogs: c.dialogs.map((d) => d.message),
          ocrText: c.ocrText,
        },
        signals: sha ? await screenshotSignals(await blobs.get(sha)) : undefined,
        label: l.label,
        group: `labelled/${new URL(c.url).hostname}`,
      });
    }
    return out;
  });
}
