import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { toCsv } from '../../cases/feeds/csv.js';
import { FEED_KINDS, type FeedKind, feedEntries } from '../../cases/feeds/entries.js';
import { toText } from '../../cases/feeds/text.js';
import { loadFeedOperations, loadSharedOperations, topOperationIds } from '../../cases/load.js';
import { toMispEvent } from '../../cases/misp/event.js';
import { toStixBundle } from '../../cases/stix/export.js';
import { UsageError } from '../../core/errors.js';
import { isTlp, TLP_LEVELS, type Tlp } from '../../core/tlp.js';
import { auditCli, withStore } from '../context.js';

const many = (v: string, all: string[] = []) => [...all, v];

interface ExportOptions {
  operation?: string[];
  limit: string;
  tlp: string;
  out?: string;
}

function ceilingOf(o: { tlp: string }): Tlp {
  if (!isTlp(o.tlp)) throw new UsageError(`--tlp must be one of ${TLP_LEVELS.join(', ')}`);
  return o.tlp;
}

async function write(out: string | undefined, text: string): Promise<void> {
  const stream: Writable = out ? createWriteStream(out) : process.stdout;
  await new Promise<void>((resolve, reject) => {
    stream.write(text, (err) => (err ? reject(err) : out ? stream.end(resolve) : resolve()));
  });
}

/** `dragnet export stix|misp|feed`: what Dragnet shares, from the command line. */
export function registerExport(program: Command): void {
  const e = program.command('export').description('share operations: STIX 2.1, MISP, blocklist feeds');
  for (const format of ['stix', 'misp'] as const) {
    e.command(format)
      .description(
        format === 'stix'
          ? 'operations and indicators as a STIX 2.1 bundle (valid against the official schemas, OpenCTI-ready)'
          : 'operations as one MISP event (JSON)',
      )
      .option('--operation <id>', 'an operation (repeat); default: the highest-priority ones', many)
      .option('--limit <n>', 'how many operations without --operation', '50')
      .option('--tlp <level>', 'leave out operations marked above this TLP', 'amber')
      .option('--out <file>', 'write to a file instead of standard output')
      .action(async (o: ExportOptions) => {
        const limit = Number(o.limit);
        if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
        const ceiling = ceilingOf(o);
        await withStore(async (store, config) => {
          const now = new Date();
          const ids = o.operation?.length ? o.operation : await topOperationIds(store.db, limit, ceiling);
          const ops = (await loadSharedOperations(store.db, ids, now)).filter(
            (op) => TLP_LEVELS.indexOf(op.tlp) <= TLP_LEVELS.indexOf(ceiling),
          );
          if (ops.length < ids.length)
            process.stderr.write(
              `left out ${ids.length - ops.length} operation(s) marked above TLP:${ceiling.toUpperCase()}\n`,
            );
          const doc =
            format === 'stix'
              ? toStixBundle(ops, { now, producer: config.instanceName })
              : toMispEvent(ops, { now, producer: config.instanceName });
          await write(o.out, `${JSON.stringify(doc, null, 2)}\n`);
          await auditCli(store, `export.${format}`, null, {
            operations: ops.map((x) => x.id).slice(0, 50),
            count: ops.length,
            tlp: ceiling,
          });
        });
      });
  }
  e.command('feed')
    .description('a blocklist for telcos and browsers: phones, domains or urls, expiring with decay')
    .argument('<kind>', 'phones, domains or urls')
    .option('--format <format>', 'csv or txt', 'csv')
    .option('--min-reports <n>', 'values seen in fewer reports are left out', '2')
    .option('--tlp <level>', 'leave out operations marked above this TLP', 'green')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(
      async (kindName: string, o: { format: string; minReports: string; tlp: string; out?: string }) => {
        const kind = kindName.replace(/s$/, '') as FeedKind;
        if (!FEED_KINDS.includes(kind)) throw new UsageError('the feed is phones, domains or urls');
        if (o.format !== 'csv' && o.format !== 'txt') throw new UsageError('--format is csv or txt');
        const minReports = Number(o.minReports);
        if (!Number.isInteger(minReports) || minReports < 1)
          throw new UsageError('--min-reports must be a whole number ≥ 1');
        const ceiling = ceilingOf(o);
        await withStore(async (store, config) => {
          const now = new Date();
          const entries = feedEntries(
            await loadFeedOperations(store.db, kind, ceiling, now, minReports),
            kind,
            { now, minReports },
          );
          await write(
            o.out,
            o.format === 'csv'
              ? toCsv(entries)
              : toText(entries, { now, kind, producer: config.instanceName }),
          );
          await auditCli(store, 'export.feed', null, { kind, entries: entries.length, tlp: ceiling });
        });
      },
    );
}
