import type { FastifyBaseLogger } from 'fastify';
import type { PublicLimits } from '../core/config.js';
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
  /** Anonymous callers' limits on the public endpoints (default: DEFAULT_PUBLIC_LIMITS). */
  publicLimits?: PublicLimits;
  /** Which proxies to believe about the client's address (default: none, the socket's address). */
  trustProxy?: boolean | string;
  /** This installation's name in what it shares (default "Dragnet"). */
  instanceName?: string;
  shuttingDown(): boolean;
}
