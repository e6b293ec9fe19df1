import { readdirSync, readFileSync } from 'node:fs';

/** A process seen in /proc: its id, parent and command name. */
export interface ProcessInfo {
  pid: number;
  ppid: number;
  comm: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    // /proc/PID/stat: "pid (comm) state ppid …"; comm may hold spaces and parentheses.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    const [state, ppid] = stat.slice(close + 2).split(' ');
    if (state === 'Z') return undefined; // a zombie has ended; only its parent has not collected it
    return { pid, ppid: Number(ppid), comm: stat.slice(stat.indexOf('(') + 1, close) };
  } catch {
    return undefined;
  }
}

/** Every process descending from `root` (children, their children…), read from /proc (Linux). */
export function descendantsOf(root: number): ProcessInfo[] {
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((d) => readProcess(Number(d)))
    .filter((p): p is ProcessInfo => p !== undefined);
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** Those of `processes` still running (the same pid with the same command name). */
export function stillRunning(processes: ProcessInfo[]): ProcessInfo[] {
  return processes.filter((p) => readProcess(p.pid)?.comm === p.comm);
}
