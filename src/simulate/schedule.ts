import type { Operation } from './operations.js';
import { AliasTable, type Rng } from './rng.js';
import type { World } from './world.js';

/** Marker in the plan for a report about another scam (no operation). */
export const OTHER_SCAM = -1;
/** Marker in the plan for a report that is no scam at all. */
export const NOISE = -2;

/** When each report happens and whose it is, in submission order (the order an intake stream sees). */
export interface ReportPlan {
  /** Operation index, OTHER_SCAM or NOISE, per report. */
  owner: Int32Array;
  /** Seconds since the period start: when the victim was contacted, and when they reported. */
  contact: Float64Array;
  submitted: Float64Array;
}

const DAY = 86_400;

/**
 * Plans every report: its owner (operations by weight through an alias table), its contact time (uniform
 * over the operation's active period, or climbing through the surge for fast movers), and its submission a
 * little later. Sorted by submission time with one typed-array sort of packed keys (time · n + index), which
 * keeps a million reports at a few megabytes and well under a second.
 */
export function planReports(world: World, rng: Rng): ReportPlan {
  const n = world.options.reports;
  const ops = world.operations;
  const table = new AliasTable(ops.map((o) => o.weight));
  const { otherScamShare, noiseShare } = world.options;
  const period = world.periodSeconds;
  if (period * n >= Number.MAX_SAFE_INTEGER) throw new RangeError('too many reports for the period length');
  const owner = new Int32Array(n);
  const contact = new Float64Array(n);
  const submitted = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = rng.float();
    let t: number;
    if (x < noiseShare) {
      owner[i] = NOISE;
      t = rng.float() * period;
    } else if (x < noiseShare + otherScamShare) {
      owner[i] = OTHER_SCAM;
      t = rng.float() * period;
    } else {
      const k = table.draw(rng);
      owner[i] = k;
      t = contactTime(ops[k]!, rng);
    }
    contact[i] = t;
    // Most report within a day or two; some weeks later; never after the period ends.
    const delay = Math.min(30 * DAY, rng.lognormal(1.2 * DAY, 1.1));
    submitted[i] = t + delay < period ? t + delay : t + rng.float() * Math.max(0, period - 1 - t);
  }
  // Pack (submission second, index) into one exactly representable double and sort natively.
  const keys = new Float64Array(n);
  for (let i = 0; i < n; i++) keys[i] = Math.floor(submitted[i]!) * n + i;
  keys.sort();
  const sortedOwner = new Int32Array(n);
  const sortedContact = new Float64Array(n);
  const sortedSubmitted = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const i = keys[j]! % n;
    sortedOwner[j] = owner[i]!;
    sortedContact[j] = contact[i]!;
    sortedSubmitted[j] = submitted[i]!;
  }
  return { owner: sortedOwner, contact: sortedContact, submitted: sortedSubmitted };
}

/** A contact time for one of the operation's reports. */
function contactTime(op: Operation, rng: Rng): number {
  if (op.fastMoving && rng.chance(0.7)) {
    // Density rising linearly through the surge: volume climbs sharply towards the end.
    const len = op.activeTo - op.surgeFrom;
    return op.surgeFrom + Math.sqrt(rng.float()) * len * 0.999999;
  }
  const end = op.fastMoving ? op.surgeFrom : op.activeTo;
  return op.activeFrom + rng.float() * (end - op.activeFrom);
}
