import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';

/** The built CLI (npm test builds first). */
export const BIN = path.resolve(import.meta.dirname, '../../bin/dragnet.js');

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs `dragnet ARGS` to completion with extra environment and optional stdin. */
export function runCli(
  args: string[],
  env: Record<string, string | undefined>,
  stdin?: string,
): Promise<CliResult> {
  const child = startCli(args, env);
  if (stdin !== undefined) child.stdin?.end(stdin);
  else child.stdin?.end();
  return finished(child);
}

/** Starts `dragnet ARGS` and returns the child process. */
export function startCli(args: string[], env: Record<string, string | undefined>): ChildProcess {
  return spawn(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Collects a child's output until it exits. */
export function finished(child: ChildProcess): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  return new Promise((resolve) => {
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}
