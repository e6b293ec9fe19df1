import { userInfo } from 'node:os';
import { appendAudit } from '../audit/log.js';
import { type Config, loadConfig } from '../core/config.js';
import { openStore, type Store } from '../store/database.js';

/** Opens the configured store for a command, runs `fn`, and always closes the store. */
export async function withStore<T>(fn: (store: Store, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  try {
    return await fn(store, config);
  } finally {
    await store.close();
  }
}

/** Who acts from the command line, for authorship and the audit log: `cli:<OS user>`. */
export function cliActor(): string {
  try {
    return `cli:${userInfo().username}`;
  } catch {
    return 'cli:unknown';
  }
}

/** Records a command's act in the audit log. */
export async function auditCli(
  store: Store,
  action: string,
  subject: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await appendAudit(store.db, { actor: cliActor(), action, subject, detail });
}
