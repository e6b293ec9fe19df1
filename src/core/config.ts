import path from 'node:path';

/** Settings read from the environment (the README's configuration table lists each). */
export interface Config {
  /** Directory of the embedded database and the blob store. */
  dataDir: string;
  /** PostgreSQL server URL; when set, the embedded database is not used. */
  databaseUrl: string | undefined;
  port: number;
  host: string;
  logLevel: string;
}

/** Reads the configuration from an environment (pure: pass process.env). */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const port = Number(env.PORT ?? 8080);
  return {
    dataDir: path.resolve(env.DRAGNET_DATA ?? './data'),
    databaseUrl: env.DATABASE_URL || undefined,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 8080,
    host: env.HOST ?? '127.0.0.1',
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
