import { createReadStream, createWriteStream, statSync, type WriteStream } from 'node:fs';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { type ImportSummary, importRecords, type Reject } from '../../intake/import.js';
import {
  FORMATS,
  type Format,
  formatFromName,
  readRecords,
  sniffFormat,
} from '../../intake/readers/index.js';
import { IntakeService } from '../../intake/service.js';
import { JobQueue } from '../../store/queue.js';
import { auditCli, withStore } from '../context.js';

interface IngestOptions {
  format?: Format;
  rejects: string;
  batchSize: string;
  progress?: boolean;
}

/** `dragnet ingest FILE...`: bulk import of NDJSON, JSON arrays and CSV, streaming, idempotent. */
export function registerIngest(program: Command): void {
  program
    .command('ingest')
    .description('import reports from NDJSON, JSON array or CSV files (- for stdin); safe to re-run')
    .argument('<files...>', 'files to import; - reads standard input')
    .option(
      '-f, --format <format>',
      `input format (${FORMATS.join(', ')}); default: from the file name or content`,
    )
    .option('--rejects <file>', 'where invalid records go, one JSON line each', 'rejects.ndjson')
    .option('--batch-size <n>', 'records per transaction', '1000')
    .option('--no-progress', 'no progress bar, even on a terminal')
    .addHelpText(
      'after',
      '\nEvery valid record is stored once: running the same file again stores nothing twice.\n' +
        'Exit code 0 when every record was stored or already present, 1 when some were rejected.',
    )
    .action(async (files: string[], opts: IngestOptions) => {
      const batchSize = Number(opts.batchSize);
      if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
        throw new UsageError('--batch-size must be a whole number from 1 to 10000');
      if (opts.format && !FORMATS.includes(opts.format))
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      if (files.filter((f) => f === '-').length > 1)
        throw new UsageError('standard input (-) can be read only once');
      for (const f of files) if (f !== '-') assertReadable(f);

      const summary: ImportSummary = { read: 0, stored: 0, duplicates: 0, rejected: 0 };
      let rejects: WriteStream | undefined;
      const onReject = (r: Reject) => {
        rejects ??= createWriteStream(opts.rejects, { flags: 'w' });
        if (!rejects.write(`${JSON.stringify(r)}\n`))
          return new Promise<void>((ok) => rejects!.once('drain', ok));
      };
      let seconds = 0;
      await withStore(async (store) => {
        const queue = await JobQueue.open(store.db);
        const started = process.hrtime.bigint();
        const intake = new IntakeService(store.db, queue);
        try {
          for (const file of files) await ingestOne(file, intake, summary, onReject, batchSize, opts);
          await auditCli(store, 'reports.ingest', null, { files, ...summary });
        } finally {
          seconds = Number(process.hrtime.bigint() - started) / 1e9;
          await queue.stop(false);
        }
      });
      if (rejects) await new Promise<void>((ok) => rejects!.end(ok));
      process.stdout.write(
        `read ${summary.read}, stored ${summary.stored}, duplicates ${summary.duplicates}, rejected ${summary.rejected}` +
          (summary.rejected > 0 ? ` (see ${opts.rejects})` : '') +
          ` in ${seconds.toFixed(2)} s (${Math.round(summary.read / Math.max(seconds, 1e-3))} records/s)\n`,
      );
      if (summary.rejected > 0) process.exitCode = 1;
    });
}

function assertReadable(file: string): void {
  try {
    if (!statSync(file).isFile()) throw new UsageError(`${file} is not a file`);
  } catch (err) {
    if (err instanceof UsageError) throw err;
    throw new UsageError(
      `cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
}

async function ingestOne(
  file: string,
  intake: IntakeService,
  summary: ImportSummary,
  onReject: (r: Reject) => void | Promise<void>,
  batchSize: number,
  opts: IngestOptions,
): Promise<void> {
  const stream = file === '-' ? process.stdin : createReadStream(file, { highWaterMark: 1 << 20 });
  const chunks = peekable(stream as AsyncIterable<Buffer>);
  const format =
    opts.format ?? (file === '-' ? undefined : formatFromName(file)) ?? sniffFormat(await chunks.peek());
  const total = file === '-' ? 0 : statSync(file).size;
  const bar =
    opts.progress !== false && process.stderr.isTTY && total > 0
      ? new SingleBar({
          format: `${file} {bar} {percentage}% | {records} records | {rate}/s | eta {eta_formatted}`,
          stream: process.stderr,
          hideCursor: true,
        })
      : undefined;
  const started = Date.now();
  bar?.start(total, 0, { records: 0, rate: 0 });
  try {
    await importRecords(
      intake,
      readRecords(format, chunks),
      {
        file,
        batchSize,
        onReject,
        onCommitted: (s, offset) => {
          const rate = Math.round(s.read / Math.max(0.001, (Date.now() - started) / 1000));
          if (bar) bar.update(offset, { records: s.read, rate });
          else if (process.env.DRAGNET_PROGRESS_LINES)
            process.stderr.write(`committed ${s.stored + s.duplicates}\n`);
        },
      },
      summary,
    );
  } finally {
    if (bar) {
      bar.update(total);
      bar.stop();
    }
  }
}

/** Lets the format sniffer look at the first chunk without losing it. */
function peekable(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> & { peek(): Promise<Buffer> } {
  const it = source[Symbol.asyncIterator]();
  let first: IteratorResult<Buffer> | undefined;
  return {
    async peek() {
      first ??= await it.next();
      return first.done ? Buffer.alloc(0) : first.value;
    },
    async *[Symbol.asyncIterator]() {
      if (first) {
        if (first.done) return;
        yield first.value;
      }
      while (true) {
        const next = await it.next();
        if (next.done) return;
        yield next.value;
      }
    },
  };
}
