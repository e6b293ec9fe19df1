import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll } from 'vitest';
import type { PublicLimits } from '../../src/core/config.js';
import { IntakeService } from '../../src/intake/service.js';
import { buildApp } from '../../src/server/app.js';
import { BlobStore } from '../../src/store/blobs.js';
import type { Store } from '../../src/store/database.js';
import { JobQueue } from '../../src/store/queue.js';
import { freshStore, type TestEngine } from './engines.js';

/** Anonymous limits high enough that tests not about them never meet them. */
export const TEST_PUBLIC_LIMITS: PublicLimits = {
  reportsPerIp: 100_000,
  uploadsPerIp: 100_000,
  checksPerIp: 100_000,
  total: 100_000,
};

/**
 * The web role's app over a test store, with an operator token and evidence under the store's directory;
 * anonymous limits are TEST_PUBLIC_LIMITS unless given.
 */
export function testApp(
  store: Store,
  queue: JobQueue,
  dataDir: string,
  apiToken: string,
  publicLimits: PublicLimits = TEST_PUBLIC_LIMITS,
): Promise<FastifyInstance> {
  return buildApp({
    store,
    queue,
    intake: new IntakeService(store.db, queue),
    blobs: new BlobStore(dataDir, store.db),
    logger: pino({ level: 'silent' }),
    roles: ['web'],
    apiToken,
    publicLimits,
    shuttingDown: () => false,
  });
}

/** A suite's server: a fresh store, its job queue, and the web app over them. */
export interface TestServer {
  app: FastifyInstance;
  store: Store;
  queue: JobQueue;
  dataDir: string;
}

/**
 * Opens a fresh store on `engine` with its job queue before the suite's tests, lets `prepare` fill it, then
 * starts the web app over it with `apiToken` as the operator token; closes all three after the tests. The
 * returned object's fields are set once beforeAll has run.
 */
export function useTestServer(
  engine: TestEngine,
  apiToken: string,
  options: { prepare?(server: Omit<TestServer, 'app'>): Promise<void>; timeout?: number } = {},
): TestServer {
  const server = {} as TestServer;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const fresh = await freshStore(engine);
    cleanup = fresh.cleanup;
    server.store = fresh.store;
    server.dataDir = fresh.dataDir;
    server.queue = await JobQueue.open(fresh.store.db);
    await options.prepare?.(server);
    server.app = await testApp(server.store, server.queue, server.dataDir, apiToken);
  }, options.timeout);
  afterAll(async () => {
    await server.app?.close();
    await server.queue?.stop(false);
    await cleanup?.();
  });
  return server;
}
