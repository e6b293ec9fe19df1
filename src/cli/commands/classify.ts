import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { classifyPage, type PageEvidence } from '../../classify/classify-page.js';
import { textOfHtml } from '../../classify/dataset.js';
import { evaluateModels } from '../../classify/evaluate.js';
import { loadModels, type Models } from '../../classify/models.js';
import { PageRenderer } from '../../classify/render.js';
import type { Verdict } from '../../classify/types.js';
import { DragnetError, UsageError } from '../../core/errors.js';
import { Crawler } from '../../crawl/crawler.js';
import { createOcr } from '../../crawl/ocr.js';
import { PROFILES } from '../../crawl/profiles.js';
import { guardFromEnv } from '../../crawl/url-guard.js';

/** The committed models, or a clear error when they are missing. */
function models(): Models {
  const m = loadModels();
  if (!m) throw new DragnetError('no classifier models in models/: run `dragnet train` first');
  return m;
}

/** `dragnet classify FILE.html | SCREENSHOT.png | URL`: scam popup or legitimate page, with reasons. */
export function registerClassify(program: Command, evalCmd?: Command): void {
  program
    .command('classify')
    .description(
      'say whether a page is a scam popup or legitimate: an HTML file, a screenshot (PNG) or a URL',
    )
    .argument('<target>', 'FILE.html, SCREENSHOT.png, or an http(s) URL (crawled first)')
    .option('--json', 'print verdict, probability, text and image probabilities and reasons as JSON')
    .action(async (target: string, opts: { json?: boolean }) => {
      const m = models();
      const verdict = await classifyTarget(m, target);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({
            verdict: verdict.verdict,
            probability: verdict.probability,
            text: verdict.text && { probability: verdict.text.probability, reasons: verdict.text.reasons },
            image: verdict.image && {
              probability: verdict.image.probability,
              reasons: verdict.image.reasons,
            },
            reasons: verdict.reasons,
            models: verdict.models,
          })}\n`,
        );
      } else {
        process.stdout.write(
          `${verdict.verdict} (${(verdict.probability * 100).toFixed(1)}% scam)\n${verdict.reasons.map((r) => `  - ${r}\n`).join('')}`,
        );
      }
    });
  evalCmd
    ?.command('classify')
    .description('precision, recall and ROC-AUC of the text, image and fused models on held-out families')
    .option('--seed <n>', 'corpus seed', '1')
    .option('--per-family <n>', 'generated pages per held-out family', '40')
    .option('--json', 'print the evaluation as JSON')
    .action(async (opts: { seed: string; perFamily: string; json?: boolean }, command: Command) => {
      // `eval` has a --json of its own (the world evaluation), which commander gives the parent.
      opts.json ||= Boolean(command.optsWithGlobals().json);
      const evaluation = await evaluateModels(models(), {
        seed: Number(opts.seed),
        perFamily: Number(opts.perFamily),
        includeDebianDocs: true,
      });
      if (opts.json) process.stdout.write(`${JSON.stringify(evaluation, null, 2)}\n`);
      else {
        const lines = [
          `held-out families: ${evaluation.families.join(', ')}`,
          `${evaluation.pages} pages (${evaluation.scamPages} scam), ${evaluation.unrendered} not rendered`,
          '',
          'model    threshold  precision  recall  ROC-AUC  recall@P≥0.99',
          ...evaluation.scores.map(
            (s) =>
              `${s.model.padEnd(8)} ${s.threshold.toFixed(3).padStart(9)}  ${s.precision.toFixed(3).padStart(9)}  ${s.recall.toFixed(3).padStart(6)}  ${s.rocAuc.toFixed(3).padStart(7)}  ${s.recallAtPrecision99.toFixed(3).padStart(13)}`,
          ),
          '',
          `target: fused precision ≥ 0.99 at recall ≥ 0.95: ${evaluation.targets.met ? 'met' : 'NOT met'}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }
    });
}

async function classifyTarget(m: Models, target: string): Promise<Verdict> {
  if (/^https?:\/\//i.test(target)) {
    const crawler = await Crawler.start({ guard: guardFromEnv(), ocr: true, models: m });
    try {
      const { capture } = await crawler.crawl(target, PROFILES['windows-chrome']);
      if (!capture.verdict)
        throw new DragnetError(`could not classify ${target}: ${capture.error ?? 'no capture'}`);
      return capture.verdict;
    } finally {
      await crawler.close();
    }
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(target);
  } catch (e) {
    throw new UsageError(`cannot read ${target}: ${(e as Error).message}`);
  }
  let evidence: PageEvidence;
  if (bytes.subarray(1, 4).toString('latin1') === 'PNG') {
    const ocr = await createOcr();
    try {
      const text = await ocr.recognize(bytes);
      evidence = { text: { title: '', text, dialogs: [], ocrText: null }, screenshot: bytes };
    } finally {
      await ocr.close();
    }
  } else {
    if (bytes.length > 5_000_000) throw new UsageError(`${target} is larger than 5 MB`);
    // Anything else must be text: a binary file is not a page, and must not get a verdict as one.
    const html = bytes.toString('utf8');
    if (bytes.includes(0) || !html.includes('<'))
      throw new UsageError(`${target} is neither an HTML page nor a PNG screenshot`);
    const renderer = new PageRenderer();
    try {
      evidence = { text: textOfHtml(html), screenshot: await renderer.render(html) };
    } finally {
      await renderer.close();
    }
  }
  return classifyPage(m, evidence);
}
