import type { ReportInput } from '../../src/core/report-input.js';

/** One request of a client: a batch (`POST /api/reports/batch`) or one report (`POST /api/reports`). */
export interface Submission {
  kind: 'batch' | 'single';
  reports: ReportInput[];
}

/** The server's acknowledgement of one report: the id it holds and whether it was new. */
export interface Ack {
  id: string;
  status: 'created' | 'duplicate';
}

/** An answer that was not an acknowledgement (an error status), or no answer at all (`status` 0). */
export interface Failure {
  submission: Submission;
  status: number;
  body: unknown;
  error?: string;
}

/** Splits reports into submissions: `batchSize` reports per batch, and `singles` single reports after each. */
export function submissionsOf(reports: ReportInput[], batchSize: number, singles: number): Submission[] {
  const out: Submission[] = [];
  for (let i = 0; i < reports.length; ) {
    out.push({ kind: 'batch', reports: reports.slice(i, i + batchSize) });
    i += batchSize;
    for (let s = 0; s < singles && i < reports.length; s++, i++)
      out.push({ kind: 'single', reports: [reports[i]!] });
  }
  return out;
}

/** Number of reports in some submissions. */
export const reportsIn = (subs: Iterable<Submission>): number => {
  let n = 0;
  for (const s of subs) n += s.reports.length;
  return n;
};

/**
 * A client that submits reports with the operator token as a careful partner would: it remembers what
 * was acknowledged (by externalId) and what got an error or no answer, to send again.
 */
export class ReportClient {
  /** Acknowledged reports by externalId. */
  readonly acked = new Map<string, Ack>();
  /** Submissions that got no acknowledgement, in the order they ended. */
  readonly failures: Failure[] = [];
  /** Submissions sent and not yet answered. */
  readonly inFlight = new Set<Submission>();
  /** Calls after every acknowledged submission (the test's trigger for a fault). */
  onAck: (() => void) | undefined;

  constructor(
    public address: string,
    private readonly token: string,
    private readonly timeoutMs = 30_000,
  ) {}

  /** Sends one submission; true when every report in it was acknowledged. */
  async submit(submission: Submission): Promise<boolean> {
    this.inFlight.add(submission);
    try {
      const single = submission.kind === 'single';
      const res = await fetch(`${this.address}/api/reports${single ? '' : '/batch'}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
        body: JSON.stringify(single ? submission.reports[0] : { reports: submission.reports }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // kept as text: the test says what came back
      }
      if (res.status !== 200 && res.status !== 201) {
        this.failures.push({ submission, status: res.status, body });
        return false;
      }
      const results = single ? [body as Ack] : (body as { results: Array<Ack & { index: number }> }).results;
      for (const [i, r] of results.entries()) {
        this.acked.set(submission.reports[i]!.externalId!, { id: r.id, status: r.status });
      }
      this.onAck?.();
      return true;
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause;
      this.failures.push({ submission, status: 0, body: null, error: cause?.code ?? (err as Error).message });
      return false;
    } finally {
      this.inFlight.delete(submission);
    }
  }

  /**
   * Sends `queue` with `concurrency` requests at a time until it is empty or `stopped()` says so;
   * returns the submissions never sent. A lane whose request failed waits `pauseAfterFailureMs` before
   * its next one (a client does not hammer a server that is down).
   */
  async run(
    queue: Submission[],
    concurrency: number,
    stopped: () => boolean = () => false,
    pauseAfterFailureMs = 0,
  ) {
    const pending = [...queue];
    const lane = async () => {
      while (pending.length > 0 && !stopped()) {
        const ok = await this.submit(pending.shift()!);
        if (!ok && pauseAfterFailureMs > 0) await new Promise((r) => setTimeout(r, pauseAfterFailureMs));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, lane));
    return pending;
  }

  /** Takes the failed submissions out, to be sent again. */
  takeFailures(): Submission[] {
    return this.failures.splice(0).map((f) => f.submission);
  }
}
