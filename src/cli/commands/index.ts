import type { Command } from 'commander';
import { registerCrawl } from './crawl.js';
import { registerEval } from './eval.js';
import { registerExplain } from './explain.js';
import { registerExtract } from './extract.js';
import { registerIngest } from './ingest.js';
import { registerLink } from './link.js';
import { registerMigrate } from './migrate.js';
import { registerOperations } from './operations.js';
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
];
