#!/usr/bin/env node
// The package's bin: runs the compiled CLI (npm install builds it through the `prepare` script).
import { run } from '../dist/cli/main.js';

const code = await run(process.argv.slice(2));
process.exitCode = code;
