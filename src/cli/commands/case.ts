import type { Command } from 'commander';
import { CASE_STATUSES, casePatchInput, newCaseInput } from '../../cases/case-input.js';
import { addCaseOperations, createCase, getCase, listCases, updateCase } from '../../cases/cases.js';
import { UsageError } from '../../core/errors.js';
import { auditCli, cliActor, withStore } from '../context.js';

const many = (v: string, all: string[] = []) => [...all, v];

function printCase(c: Awaited<ReturnType<typeof getCase>>): void {
  const out = process.stdout;
  out.write(`${c.reference} (id ${c.id})  ${c.title}\n`);
  out.write(
    `status ${c.status}, TLP:${c.tlp.toUpperCase()}, agency ${c.agency ?? '-'}, jurisdictions ${c.jurisdictions.join(' ') || '-'}\n`,
  );
  for (const o of c.operations)
    out.write(
      `  operation ${o.id}${o.current && o.current !== o.id ? ` → now ${o.current}` : ''}${o.current ? `  ${o.reportCount} reports, priority ${o.priority?.toFixed(1)}` : '  (gone)'}\n`,
    );
  for (const e of c.entries)
    out.write(
      `  ${(e.occurredAt ?? e.createdAt).toISOString().slice(0, 16)}  ${e.kind}${e.subtype ? `:${e.subtype}` : ''}  ${e.body}\n`,
    );
}

/** `dragnet case create|list|show|add|status`: cases from the command line. */
export function registerCase(program: Command): void {
  const c = program.command('case').description('cases: one or more operations (a sweep) taken to an agency');
  c.command('create')
    .description('open a case (draft) with operations')
    .requiredOption('--title <title>', 'what the case is about')
    .option('--operation <id>', 'an operation (repeat for a sweep)', many)
    .option('--agency <name>', 'the agency it goes to')
    .option('--jurisdiction <cc>', 'a country code (repeat)', many)
    .option('--summary <text>', 'a summary for the dossier')
    .action(
      async (o: {
        title: string;
        operation?: string[];
        agency?: string;
        jurisdiction?: string[];
        summary?: string;
      }) => {
        const input = newCaseInput.safeParse({
          title: o.title,
          operationIds: o.operation,
          agency: o.agency,
          jurisdictions: o.jurisdiction,
          summary: o.summary,
        });
        if (!input.success)
          throw new UsageError(input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
        await withStore(async (store) => {
          const made = await createCase(store.db, input.data, cliActor());
          await auditCli(store, 'case.create', `case:${made.id}`, {
            operations: made.operations.map((x) => x.id),
          });
          printCase(made);
        });
      },
    );
  c.command('list')
    .description('cases, most recently changed first')
    .option('--status <status>', `one of ${CASE_STATUSES.join(', ')}`)
    .action(async (o: { status?: string }) => {
      await withStore(async (store) => {
        const { cases, total } = await listCases(store.db, { status: o.status, limit: 200, offset: 0 });
        for (const x of cases)
          process.stdout.write(`${x.id}\t${x.reference}\t${x.status}\t${x.operations} op\t${x.title}\n`);
        process.stdout.write(`(${cases.length} of ${total})\n`);
      });
    });
  c.command('show')
    .description('a case with its operations and history')
    .argument('<case>', 'case id')
    .action(async (id: string) => {
      await withStore(async (store) => printCase(await getCase(store.db, id)));
    });
  c.command('add')
    .description('add operations to a case')
    .argument('<case>', 'case id')
    .argument('<operations...>', 'operation ids')
    .action(async (id: string, ops: string[]) => {
      await withStore(async (store) => {
        const updated = await addCaseOperations(store.db, id, ops, cliActor());
        await auditCli(store, 'case.add-operations', `case:${id}`, { operations: ops });
        printCase(updated);
      });
    });
  c.command('status')
    .description(`move a case on: ${CASE_STATUSES.join(' → ')}`)
    .argument('<case>', 'case id')
    .argument('<status>', 'the new status')
    .action(async (id: string, status: string) => {
      const patch = casePatchInput.safeParse({ status });
      if (!patch.success) throw new UsageError(`status must be one of ${CASE_STATUSES.join(', ')}`);
      await withStore(async (store) => {
        const updated = await updateCase(store.db, id, patch.data, cliActor());
        await auditCli(store, 'case.status', `case:${id}`, { status });
        printCase(updated);
      });
    });
}
