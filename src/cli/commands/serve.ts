import type { Command } from 'commander';
import { ensureDemoAnalyst } from '../../auth/demo.js';
import { loadConfig } from '../../core/config.js';
import { UsageError } from '../../core/errors.js';
import { seedDemo } from '../../jobs/seed-demo.js';
import { OPENAPI_UI } from '../../server/app.js';
import type { Role } from '../../server/context.js';
import { startDragnet } from '../../server/start.js';
import { isDatabaseUnavailable } from '../../store/database.js';

const ROLES: Role[] = ['web', 'worker', 'crawler'];

interface ServeCliOptions {
  demo?: boolean;
  port?: string;
  host?: string;
  roles: string;
}

/** `dragnet serve`: the HTTP API and/or the job worker, until SIGINT/SIGTERM. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the HTTP API (role web), the job worker (role worker) and the crawler (role crawler)')
    .option('-p, --port <port>', 'HTTP port (default: PORT or 8080; 0 picks a free one)')
    .option('--host <host>', 'interface to listen on (default: HOST or 127.0.0.1)')
    .option('--roles <roles>', `comma-separated roles: ${ROLES.join(', ')}`, 'web,worker,crawler')
    .option('--demo', 'on an empty database, seed a simulated year of reports first (what npm start does)')
    .action(async (opts: ServeCliOptions) => {
      const config = loadConfig(process.env);
      const roles = opts.roles.split(',').map((r) => r.trim()) as Role[];
      const bad = roles.filter((r) => !ROLES.includes(r));
      if (bad.length > 0 || roles.length === 0)
        throw new UsageError(`--roles takes ${ROLES.join(', ')}; got ${opts.roles}`);
      const port = opts.port === undefined ? config.port : Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be 0–65535');
      survivesDatabaseOutages();
      const running = await startDragnet({
        port,
        host: opts.host ?? config.host,
        roles,
        config,
        beforeListen: opts.demo
          ? async (ctx) => {
              ctx.logger.info('demo: seeding a simulated year of reports (first start only)');
              const seeded = await seedDemo(ctx.store.db, ctx.queue, new Date());
              if (seeded) ctx.logger.info(seeded, 'demo: seeded');
              const analyst = await ensureDemoAnalyst(ctx.store.db);
              if (analyst)
                process.stderr.write(
                  `\nDemo analyst (shown once): ${analyst.email}  password: ${analyst.password}\n` +
                    'Add people with: npx dragnet user add EMAIL --name NAME --role analyst\n\n',
                );
            }
          : undefined,
      });
      if (running.address)
        process.stderr.write(
          `Dragnet is listening on ${running.address} (API docs: ${running.address}${OPENAPI_UI})\n`,
        );
      await new Promise<void>((resolve) => {
        let stopping = false;
        const onSignal = (signal: NodeJS.Signals) => {
          if (stopping) {
            process.stderr.write(`${signal} again: exiting now\n`);
            process.exit(1);
          }
          stopping = true;
          running.stop().then(resolve, (err) => {
            process.stderr.write(`shutdown failed: ${(err as Error).message}\n`);
            process.exitCode = 1;
            resolve();
          });
        };
        process.on('SIGINT', onSignal);
        process.on('SIGTERM', onSignal);
      });
    });
}

/**
 * pg-boss does not await the complete() or fail() that ends each job: when the database server goes
 * away (a restart, a failover), their rejections are unhandled, which ends a Node process. Those are
 * reported and survived (the jobs are retried when they expire, or at the next start); any other
 * unhandled rejection still ends the process.
 */
function survivesDatabaseOutages(): void {
  process.on('unhandledRejection', (reason) => {
    if (!isDatabaseUnavailable(reason)) throw reason;
    process.emitWarning(`database unavailable: ${(reason as Error).message}`);
  });
}
