import type { Command } from 'commander';
import { API_SCOPES, createApiKey, listApiKeys, revokeApiKey } from '../../auth/api-keys.js';
import { auditCli, cliActor, withStore } from '../context.js';

const many = (v: string, all: string[] = []) => [...all, v];

/** `dragnet key add|list|revoke`: partners' API keys. */
export function registerKey(program: Command): void {
  const k = program.command('key').description("partners' API keys: scopes and a TLP ceiling");
  k.command('add')
    .description('create a key; it is printed once (only a hash is kept)')
    .argument('<name>', 'who holds it')
    .option('--scope <scope>', `repeat: ${API_SCOPES.join(', ')}`, many)
    .option('--tlp <level>', 'the highest TLP it may read', 'green')
    .option('--expires <date>', 'ISO date it stops working')
    .action(async (name: string, o: { scope?: string[]; tlp: string; expires?: string }) => {
      await withStore(async (store) => {
        const { key, apiKey } = await createApiKey(store.db, {
          name,
          scopes: o.scope ?? ['operations:read', 'feeds:read', 'export:read'],
          tlpCeiling: o.tlp,
          expiresAt: o.expires ? new Date(o.expires) : null,
          createdBy: cliActor(),
        });
        await auditCli(store, 'key.create', `key:${apiKey.id}`, {
          scopes: apiKey.scopes,
          tlpCeiling: apiKey.tlpCeiling,
        });
        process.stdout.write(
          `key ${apiKey.id} for ${apiKey.name}: ${apiKey.scopes.join(' ')}, TLP ≤ ${apiKey.tlpCeiling}\n`,
        );
        process.stdout.write(`${key}\n(shown once; send it as "Authorization: Bearer <key>")\n`);
      });
    });
  k.command('list')
    .description('keys (never their secrets)')
    .action(async () => {
      await withStore(async (store) => {
        for (const x of await listApiKeys(store.db))
          process.stdout.write(
            `${x.id}\t${x.name}\t${x.scopes.join(',')}\t${x.tlpCeiling}\t${x.revokedAt ? 'revoked' : 'live'}\t${x.lastUsedAt?.toISOString() ?? 'never used'}\n`,
          );
      });
    });
  k.command('revoke')
    .description('revoke a key at once')
    .argument('<id>', 'key id')
    .action(async (id: string) => {
      await withStore(async (store) => {
        await revokeApiKey(store.db, id, new Date());
        await auditCli(store, 'key.revoke', `key:${id}`);
        process.stdout.write(`revoked ${id}\n`);
      });
    });
}
