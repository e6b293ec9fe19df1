import type { ChildProcess } from 'node:child_process';
import { type CliResult, finished, startCli } from './cli.js';

/** A `dragnet serve` child process and the address it listens on. */
export interface ServeProcess {
  child: ChildProcess;
  address: string;
  /** Resolves once the process has ended, with its exit code or signal and its output. */
  exited: Promise<CliResult>;
  /** What it wrote on standard error so far (its warnings and errors). */
  stderr(): string;
  /** Sends SIGKILL and waits for the process to be gone. */
  kill(): Promise<CliResult>;
  /** Sends SIGTERM (graceful shutdown) and waits for the process to end. */
  stop(): Promise<CliResult>;
}

/**
 * Starts `dragnet serve --port 0 --roles ROLES` with `env` and waits until it says where it listens.
 * Throws with its output when it exits (or stays silent for `ms`) first.
 */
export async function startServe(
  env: Record<string, string | undefined>,
  roles = 'web,worker',
  ms = 90_000,
): Promise<ServeProcess> {
  const child = startCli(['serve', '--port', '0', '--roles', roles], env);
  child.stdin?.end();
  const exited = finished(child);
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`dragnet serve did not listen within ${ms} ms:\n${stderr}`));
    }, ms);
    child.stderr?.on('data', () => {
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    void exited.then((r) => {
      clearTimeout(timer);
      reject(new Error(`dragnet serve exited (${r.code ?? r.signal}) before listening:\n${r.stderr}`));
    });
  });
  return {
    child,
    address,
    exited,
    stderr: () => stderr,
    kill: () => {
      child.kill('SIGKILL');
      return exited;
    },
    stop: () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}
