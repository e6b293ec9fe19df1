import type { Command } from 'commander';
import { registerAudit } from './audit.js';
import { registerCase } from './case.js';
import { registerCrawl } from './crawl.js';
import { registerEval } from './eval.js';
import { registerExplain } from './explain.js';
import { registerExport } from './export.js';
import { registerExtract } from './extract.js';
import { registerImport } from './import.js';
import { registerIngest } from './ingest.js';
import { registerKey } from './key.js';
import { registerLink } from './link.js';
import { registerMigrate } from './migrate.js';
import { registerOperations } from './operations.js';
import { registerReferral } from './referral.js';
import { registerReprocess } from './reprocess.js';
import { registerServe } from './serve.js';
import { registerSimulate } from './simulate.js';
import { registerTrain } from './train.js';
import { registerUser } from './user.js';

/** Every CLI command, one registration function per file. */
export const commands: Array<(program: Command) => void> = [
  registerServe,
  registerIngest,
  registerReprocess,
  registerLink,
  registerCrawl,
  registerOperations,
  registerExplain,
  registerMigrate,
  registerExtract,
  registerEval,
  registerSimulate,
  registerTrain,
  registerUser,
  registerCase,
  registerReferral,
  registerExport,
  registerImport,
  registerKey,
  registerAudit,
];
