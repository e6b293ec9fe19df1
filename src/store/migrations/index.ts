import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-reports.js';
import * as m0002 from './0002-extractions.js';
import * as m0003 from './0003-operations.js';
import * as m0004 from './0004-crawls.js';
import * as m0005 from './0005-page-labels.js';
import * as m0006 from './0006-users.js';
import * as m0007 from './0007-workbench.js';
import * as m0008 from './0008-value-operations.js';
import * as m0009 from './0009-operation-views.js';
import * as m0010 from './0010-operation-filters.js';
import * as m0011 from './0011-operation-reports-order.js';
import * as m0012 from './0012-value-operations-plans.js';
import * as m0013 from './0013-cases.js';

/** All migrations in order; names sort lexically, so keep the numeric prefix. */
export const migrations: Record<string, Migration> = {
  '0001-reports': m0001,
  '0002-extractions': m0002,
  '0003-operations': m0003,
  '0004-crawls': m0004,
  '0005-page-labels': m0005,
  '0006-users': m0006,
  '0007-workbench': m0007,
  '0008-value-operations': m0008,
  '0009-operation-views': m0009,
  '0010-operation-filters': m0010,
  '0011-operation-reports-order': m0011,
  '0012-value-operations-plans': m0012,
  '0013-cases': m0013,
};

/** A provider over the static list (no directory scanning: works from src and dist alike). */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
