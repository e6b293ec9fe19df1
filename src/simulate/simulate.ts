import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { type GeneratedReport, ReportFactory } from './report.js';
import { Rng } from './rng.js';
import { planReports, type ReportPlan } from './schedule.js';
import { truthChunks } from './truth.js';
import { buildWorld, type World, type WorldOptions } from './world.js';

/** A simulated world with its report plan; reports and truth are produced lazily, in order. */
export interface Simulation {
  world: World;
  plan: ReportPlan;
  /** Every report in submission order; `sim-<seed>-<n>` is the n-th. Iterate once. */
  reports(): Generator<GeneratedReport>;
  /** The truth file as text chunks; complete only after reports() was fully iterated. */
  truth(): Generator<string>;
}

/** Builds the world and plans its reports (deterministic for the options). */
export function simulate(options: WorldOptions): Simulation {
  const world = buildWorld(options);
  const plan = planReports(world, new Rng(world.options.seed, 2));
  const factory = new ReportFactory(world, new Rng(world.options.seed, 3));
  return {
    world,
    plan,
    *reports() {
      const { owner, contact, submitted } = plan;
      for (let n = 0; n < owner.length; n++) yield factory.make(n, owner[n]!, contact[n]!, submitted[n]!);
    },
    truth: () => truthChunks(world, plan),
  };
}

/** Counts of what a simulation wrote. */
export interface SimulationSummary {
  reports: number;
  tss: number;
  otherScam: number;
  noise: number;
  operations: number;
  fastMoving: number;
  sharedGroups: number;
  bytes: number;
}

/**
 * Writes text to a stream in ~1 MiB chunks, encoding each piece straight into a buffer (no big joined string),
 * and waits for 'drain' when the stream asks (backpressure): memory stays bounded whatever the volume.
 */
export class ChunkWriter {
  private buffer: Buffer;
  private used = 0;
  /** Bytes handed to the stream so far. */
  written = 0;

  constructor(
    private readonly out: Writable,
    private readonly chunkSize = 1 << 20,
  ) {
    this.buffer = Buffer.allocUnsafe(chunkSize);
  }

  /** Appends text; resolves at once unless a full chunk met a full stream. */
  async write(text: string): Promise<void> {
    // Worst case UTF-8 is 3 bytes per UTF-16 unit; flush first when the text might not fit.
    if (this.used + text.length * 3 > this.chunkSize) {
      await this.flush();
      if (text.length * 3 > this.chunkSize) {
        const big = Buffer.from(text, 'utf8');
        this.written += big.length;
        if (!this.out.write(big)) await once(this.out, 'drain');
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  /** Hands the filled part of the buffer to the stream (which keeps it) and starts a fresh one. */
  async flush(): Promise<void> {
    if (this.used === 0) return;
    const chunk = this.buffer.subarray(0, this.used);
    this.buffer = Buffer.allocUnsafe(this.chunkSize);
    this.written += this.used;
    this.used = 0;
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}

/**
 * Generates the world's reports as NDJSON into `reportsOut` and, when given, its truth into `truthOut`,
 * respecting backpressure on both. Does not end the streams (the caller owns them).
 */
export async function writeSimulation(
  options: WorldOptions,
  reportsOut: Writable,
  truthOut?: Writable,
): Promise<SimulationSummary> {
  const sim = simulate(options);
  const out = new ChunkWriter(reportsOut);
  let tss = 0;
  let otherScam = 0;
  let noise = 0;
  for (const g of sim.reports()) {
    if (g.kind === 'tss') tss++;
    else if (g.kind === 'other_scam') otherScam++;
    else noise++;
    await out.write(`${JSON.stringify(g.report)}\n`);
  }
  await out.flush();
  if (truthOut) {
    const t = new ChunkWriter(truthOut);
    for (const chunk of sim.truth()) await t.write(chunk);
    await t.flush();
  }
  return {
    reports: sim.plan.owner.length,
    tss,
    otherScam,
    noise,
    operations: sim.world.operations.length,
    fastMoving: sim.world.operations.filter((o) => o.fastMoving).length,
    sharedGroups: sim.world.sharedGroups.length,
    bytes: out.written,
  };
}
