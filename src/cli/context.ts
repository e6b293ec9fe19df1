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
