import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { UsageError } from '../../core/errors.js';
import { exportOperations, listOperations } from '../../operations/queries.js';
import { withStore } from '../context.js';

const FORMATS = ['table', 'ndjson', 'csv'] as const;

interface Options {
  format: string;
  limit: string;
  out?: string;
}

/** `dragnet operations`: the ranked operations as a table, or every operation as NDJSON / CSV. */
export function registerOperations(program: Command): void {
  program
    .command('operations')
    .description(
      'list operations ranked by priority (table), or export them (ndjson: the export contract; csv)',
    )
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'table')
    .option('--limit <n>', 'rows of the table', '25')
    .option('--out <file>', 'write to a file instead of standard output')
    .action(async (opts: Options) => {
      if (!(FORMATS as readonly string[]).includes(opts.format))
        throw new UsageError(`--format must be one of ${FORMATS.join(', ')}`);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit must be a whole number ≥ 1');
      const out: Writable = opts.out ? createWriteStream(opts.out) : process.stdout;
      await withStore(async (store) => {
        if (opts.format === 'table') {
          const { total, rows } = await listOperations(store.db, { limit, offset: 0 });
          const lines = [
            [
              'operation',
              'priority',
              'reports',
              '7d',
              'growth',
              'loss USD',
              'first seen',
              'last seen',
              'brands',
            ],
          ];
          for (const r of rows) {
            const s = r.summary as {
              priority?: { components?: Record<string, number> };
              profile?: { modusOperandi?: { brands?: Array<{ value: string }> } };
            };
            const c = s.priority?.components ?? {};
            lines.push([
              r.id,
              r.priority.toFixed(1),
              String(r.reportCount),
              String(c.reportsLast7Days ?? 0),
              (c.growth ?? 0).toFixed(1),
              Math.round(c.lossUsd ?? 0).toLocaleString('en-US'),
              r.firstSeen?.toISOString().slice(0, 10) ?? '',
              r.lastSeen?.toISOString().slice(0, 10) ?? '',
              (s.profile?.modusOperandi?.brands ?? [])
                .slice(0, 3)
                .map((b) => b.value)
                .join(', '),
            ]);
          }
          const widths = lines[0]!.map((_, i) => Math.max(...lines.map((l) => l[i]!.length)));
          for (const l of lines)
            out.write(
              `${l
                .map((c, i) => c.padEnd(widths[i]!))
                .join('  ')
                .trimEnd()}\n`,
            );
          out.write(`(${rows.length} of ${total} operations)\n`);
        } else {
          if (opts.format === 'csv')
            out.write('id,priority,reports,first_seen,last_seen,victim_countries,losses,top_indicators\n');
          for await (const op of exportOperations(store.db)) {
            const line =
              opts.format === 'ndjson'
                ? JSON.stringify(op)
                : [
                    op.id,
                    op.priority,
                    op.reports.length,
                    op.firstSeen ?? '',
                    op.lastSeen ?? '',
                    op.victimCountries.map((v) => `${v.value}:${v.count}`).join('|'),
                    op.losses.map((l) => `${l.value} ${l.currency}`).join('|'),
                    op.indicators
                      .slice(0, 10)
                      .map((i) => `${i.kind}:${i.value}`)
                      .join('|'),
                  ]
                    .map(csvCell)
                    .join(',');
            if (!out.write(`${line}\n`)) await new Promise((ok) => out.once('drain', ok));
          }
        }
      });
      if (opts.out) await new Promise<void>((ok) => (out as NodeJS.WritableStream).end(ok));
    });
}

function csvCell(v: unknown): string {
  const s = String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet: attacker-controlled values are quoted and prefixed.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
}
