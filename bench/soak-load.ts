// The soak's load: lanes of HTTP calls (each counts what it asked, what failed and how long it took) and
// the two ways they are paced (a steady rate, or a round every few seconds).

/** One kind of traffic and what became of it. */
export interface Lane {
  name: string;
  /** Answers received plus calls that failed without one. */
  requests: number;
  errors: number;
  /** Errors by HTTP status or failure name ("TimeoutError", "TypeError" for a refused connection). */
  failures: Map<string, number>;
  /** The first answer of each kind of failure, cut short: what to look at first. */
  firstFailure: Map<string, string>;
  /** [seconds since the load started, milliseconds] per answered call. */
  latencies: Array<[number, number]>;
}

/** A lane with nothing counted yet. */
export function lane(name: string): Lane {
  return { name, requests: 0, errors: 0, failures: new Map(), firstFailure: new Map(), latencies: [] };
}

/** An answer: its status and body (read whole, so the connection is free again). */
export interface Answer {
  status: number;
  body: string;
}

/** The clock lanes record against: seconds since `start`. */
export interface LoadClock {
  start: number;
}

/**
 * One HTTP call counted in `lane`: any status outside `expected`, a timeout or a failed connection is an
 * error. Returns the answer, or null when there was none.
 */
export async function call(
  lane: Lane,
  clock: LoadClock,
  url: string,
  init: RequestInit & { expected?: number[]; timeoutMs?: number } = {},
): Promise<Answer | null> {
  const { expected = [200], timeoutMs = 30_000, ...request } = init;
  const t = performance.now();
  lane.requests++;
  try {
    const res = await fetch(url, { ...request, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    lane.latencies.push([(t - clock.start) / 1000, performance.now() - t]);
    if (!expected.includes(res.status)) fail(lane, String(res.status), `${url}: ${body.slice(0, 200)}`);
    return { status: res.status, body };
  } catch (err) {
    fail(lane, (err as Error).name, `${url}: ${(err as Error).message}`);
    return null;
  }
}

/** Counts an error of `kind` in the lane, keeping the first message of each kind. */
export function fail(lane: Lane, kind: string, message: string): void {
  lane.errors++;
  lane.failures.set(kind, (lane.failures.get(kind) ?? 0) + 1);
  if (!lane.firstFailure.has(kind)) lane.firstFailure.set(kind, message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Calls `step(i)` at `perSecond` on average with at most `concurrency` in flight, until `until()` says
 * stop (or the deadline, performance.now() milliseconds, passes). A slow server makes the lane fall
 * behind rather than pile up calls.
 */
export async function paced(
  perSecond: number,
  concurrency: number,
  deadline: number,
  stopped: () => boolean,
  step: (i: number) => Promise<void>,
): Promise<void> {
  if (perSecond <= 0) return;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        const due = t0 + (i * 1000) / perSecond;
        if (due >= deadline || stopped()) return;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        if (stopped()) return;
        await step(i);
      }
    }),
  );
}

/** Runs `round(n)` every `seconds` (the first after `firstAfterSeconds`) until the deadline. */
export async function every(
  seconds: number,
  firstAfterSeconds: number,
  deadline: number,
  stopped: () => boolean,
  round: (n: number) => Promise<void>,
): Promise<void> {
  if (seconds <= 0) return;
  const t0 = performance.now() + firstAfterSeconds * 1000;
  for (let n = 0; ; n++) {
    const due = t0 + n * seconds * 1000;
    if (due >= deadline || stopped()) return;
    await sleep(Math.max(0, due - performance.now()));
    if (stopped()) return;
    await round(n);
  }
}

/** The q-quantile of already sorted numbers. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
