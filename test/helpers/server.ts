import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { IntakeService } from '../../src/intake/service.js';
import { buildApp } from '../../src/server/app.js';
import { BlobStore } from '../../src/store/blobs.js';
import type { Store } from '../../src/store/database.js';
import type { JobQueue } from '../../src/store/queue.js';

/** The web role's app over a test store, with an operator token and evidence under the store's directory. */
export function testApp(
  store: Store,
  queue: JobQueue,
  dataDir: string,
  apiToken: string,
): Promise<FastifyInstance> {
  return buildApp({
    store,
    queue,
    intake: new IntakeService(store.db, queue),
    blobs: new BlobStore(dataDir, store.db),
    logger: pino({ level: 'silent' }),
    roles: ['web'],
    apiToken,
    shuttingDown: () => false,
  });
}
