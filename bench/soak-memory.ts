// The soak's memory: what is sampled from the server, and the verdict on whether it stays bounded.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const MB = 1024 * 1024;
/** The line prefix of the probe's reports on the server's standard error. */
export const PROBE_TAG = 'dragnet-soak-memory ';

/** What the probe reports: process.memoryUsage() and the heap left by the latest full collection. */
export interface ProbeReport extends NodeJS.MemoryUsage {
  /** Bytes of JS heap in use right after the latest mark-sweep-compact (null before the first). */
  afterFullGc: number | null;
}

/**
 * A module for `node --import` (a data: URL) that writes a ProbeReport on standard error every second.
 * The heap after each full collection comes from v8.GCProfiler: what the program really holds, without the
 * garbage a lazy collector lets pile up between collections (hundreds of MB on a busy server).
 * Node runs `--import` modules in every worker thread too (the crawler's OCR runs in one), where
 * process.memoryUsage() and the profiler see that thread's own small heap: the probe reports from the
 * main thread only, or its lines would interleave with the worker's (a heap of 5–6 MB, read as the server's).
 */
export function memoryProbe(): string {
  const code = `
    import v8 from 'node:v8';
    import { isMainThread } from 'node:worker_threads';
    if (isMainThread) {
      let profiler = new v8.GCProfiler();
      profiler.start();
      let afterFullGc = null;
      setInterval(() => {
        const seen = profiler.stop();
        profiler = new v8.GCProfiler();
        profiler.start();
        for (const gc of seen?.statistics ?? [])
          if (gc.gcType === 'MarkSweepCompact') afterFullGc = gc.afterGC.heapStatistics.usedHeapSize;
        process.stderr.write(${JSON.stringify(PROBE_TAG)} + JSON.stringify({ ...process.memoryUsage(), afterFullGc }) + '\\n');
      }, 1000).unref();
    }`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/** The resident set of a process, in MB (Linux: VmRSS of /proc/<pid>/status). */
export function rssMbOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

/** One memory sample of the server, with the load's counters at that moment. */
export interface Sample {
  seconds: number;
  phase: 'idle' | 'load' | 'drain';
  /** VmRSS when the sample was taken. */
  rssMb: number;
  /** The lowest RSS the probe reported (once a second) since the previous sample: where the troughs are. */
  rssFloorMb: number;
  heapUsedMb: number;
  /** The JS heap V8 has reserved (in use or not): what it holds on to between collections. */
  heapTotalMb: number;
  heapAfterFullGcMb: number;
  externalMb: number;
  arrayBuffersMb: number;
  requests: number;
  errors: number;
  acknowledged: number;
  processed: number | null;
}

/** A sample's memory fields from the probe's latest report (NaN where it has none yet). */
export function memoryOf(
  report: ProbeReport | undefined,
): Pick<Sample, 'heapUsedMb' | 'heapTotalMb' | 'heapAfterFullGcMb' | 'externalMb' | 'arrayBuffersMb'> {
  const mb = (bytes: number | null | undefined) => (bytes ?? Number.NaN) / MB;
  return {
    heapUsedMb: mb(report?.heapUsed),
    heapTotalMb: mb(report?.heapTotal),
    heapAfterFullGcMb: mb(report?.afterFullGc),
    externalMb: mb(report?.external),
    arrayBuffersMb: mb(report?.arrayBuffers),
  };
}

/** The memory figures of a soak, and whether they show memory bounded. */
export interface MemoryVerdict {
  /** The growth allowed, MB per hour: 50, or `noiseMb` between the thirds when that is more. */
  maxGrowthMbPerHour: number;
  startMb: number;
  /** The RSS floor (lowest sample) of the first third after warm-up, and of the last third. */
  warmFloorMb: number;
  endFloorMb: number;
  maxMb: number;
  /** RSS floor growth from the first third after warm-up to the last, MB per hour. */
  growthMbPerHour: number;
  /** The same for the heap left by full collections. */
  heapGrowthMbPerHour: number;
  heapAfterGc: [number, number];
  samplesPerThird: number;
  bounded: boolean;
}

/** Lowest value of `of` among the samples (NaN values left out). */
function floorOf(samples: Sample[], of: (s: Sample) => number): number {
  const values = samples.map(of).filter((v) => !Number.isNaN(v));
  return values.length > 0 ? Math.min(...values) : Number.NaN;
}

/**
 * The verdict. RSS rises and falls by a few hundred MB with each collection, so single samples (and a
 * least-squares slope over them) say little; a leak lifts the floor the troughs come back to. The load
 * after warm-up is cut in three: memory is bounded when the floor of the last third is at most
 * `maxEndOverWarm` × the floor of the first, and rises between them by less than `growthMbPerHour` or,
 * when more, than `noiseMb` (how far apart troughs land without any leak) over the time between them.
 */
export function memoryVerdict(
  samples: Sample[],
  o: {
    warmupSeconds: number;
    loadSeconds: number;
    maxEndOverWarm: number;
    growthMbPerHour: number;
    noiseMb: number;
  },
): MemoryVerdict {
  const third = (o.loadSeconds - o.warmupSeconds) / 3;
  const during = (k: number) =>
    samples.filter(
      (s) =>
        s.phase === 'load' &&
        s.seconds >= o.warmupSeconds + k * third &&
        s.seconds < o.warmupSeconds + (k + 1) * third,
    );
  const first = during(0);
  const last = during(2);
  const hours = (2 * third) / 3600; // from the middle of the first third to the middle of the last
  const rss = (s: Sample) => (Number.isNaN(s.rssFloorMb) ? s.rssMb : s.rssFloorMb);
  const heap = (s: Sample) => s.heapAfterFullGcMb;
  const maxGrowthMbPerHour = Math.max(o.growthMbPerHour, o.noiseMb / hours);
  const warmFloorMb = floorOf(first, rss);
  const endFloorMb = floorOf(last, rss);
  const growthMbPerHour = (endFloorMb - warmFloorMb) / hours;
  const heapAfterGc: [number, number] = [floorOf(first, heap), floorOf(last, heap)];
  return {
    maxGrowthMbPerHour,
    startMb: samples[0]?.rssMb ?? Number.NaN,
    warmFloorMb,
    endFloorMb,
    maxMb: Math.max(...samples.map((s) => s.rssMb)),
    growthMbPerHour,
    heapGrowthMbPerHour: (heapAfterGc[1] - heapAfterGc[0]) / hours,
    heapAfterGc,
    samplesPerThird: Math.min(first.length, last.length),
    bounded: endFloorMb <= o.maxEndOverWarm * warmFloorMb && growthMbPerHour < maxGrowthMbPerHour,
  };
}

/** Writes the samples as CSV under test-results/ (git-ignored); returns its path from the working directory. */
export function writeSamplesCsv(engine: string, samples: Sample[]): string {
  const dir = path.resolve(import.meta.dirname, '../test-results');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `soak-${engine}-${new Date().toISOString().replace(/[:.]/g, '-')}.csv`);
  const head =
    'elapsed_s,phase,rss_mb,rss_floor_mb,heap_used_mb,heap_total_mb,heap_after_full_gc_mb,external_mb,array_buffers_mb,requests,errors,reports_acknowledged,reports_processed';
  const mb = (v: number) => (Number.isNaN(v) ? '' : v.toFixed(1));
  const lines = samples.map((s) =>
    [
      s.seconds.toFixed(0),
      s.phase,
      mb(s.rssMb),
      mb(s.rssFloorMb),
      mb(s.heapUsedMb),
      mb(s.heapTotalMb),
      mb(s.heapAfterFullGcMb),
      mb(s.externalMb),
      mb(s.arrayBuffersMb),
      s.requests,
      s.errors,
      s.acknowledged,
      s.processed ?? '',
    ].join(','),
  );
  writeFileSync(file, `${[head, ...lines].join('\n')}\n`);
  return path.relative(process.cwd(), file);
}
