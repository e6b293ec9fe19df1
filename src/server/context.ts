import type { FastifyBaseLogger } from 'fastify';
import type { IntakeService } from '../intake/service.js';
import type { BlobStore } from '../store/blobs.js';
import type { Store } from '../store/database.js';
import type { JobQueue } from '../store/queue.js';

/** A process role: `web` answers HTTP, `worker` processes queued jobs, `crawler` visits queued URLs. */
export type Role = 'web' | 'worker' | 'crawler';

/** What routes need from the running process. */
export interface ServerContext {
  store: Store;
  queue: JobQueue;
  blobs: BlobStore;
  intake: IntakeService;
  logger: FastifyBaseLogger;
  roles: Role[];
  apiToken: string | undefined;
  shuttingDown(): boolean;
}
