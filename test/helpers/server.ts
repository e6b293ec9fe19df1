import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import type { PublicLimits } from '../../src/core/config.js';
import { IntakeService } from '../../src/intake/service.js';
import { buildApp } from '../../src/server/app.js';
import { BlobStore } from '../../src/store/blobs.js';
import type { Store } from '../../src/store/database.js';
import type { JobQueue } from '../../src/store/queue.js';

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
