import { readFile } from 'node:fs/promises';
import { IsoClock } from './clock.js';
import type { IndicatorKind, TrueIndicator } from './indicators.js';
import { type Operation, operationIndicators } from './operations.js';
import type { ReportKind } from './report.js';
import { NOISE, OTHER_SCAM, type ReportPlan } from './schedule.js';
import type { SharedGroup, World, WorldOptions } from './world.js';

/** Identifies the truth file format. */
export const TRUTH_FORMAT = 'dragnet-simulator-truth/1';

/** One true indicator of an operation, as written to the truth file. */
export interface TruthIndicator {
  kind: IndicatorKind;
  value: string;
  /** When the operation used it (ISO date-times). */
  firstUse: string;
  lastUse: string;
  /** How many generated reports carry the exact value, and the first/last contact time among them. */
  reports: number;
  firstSeen?: string;
  lastSeen?: string;
  voip?: boolean;
  country?: string;
  /** Shared-infrastructure group, when other operations use the same value. */
  shared?: string;
}

/** One operation's properties in the truth file. */
export interface TruthOperation {
  id: string;
  /** Number of reports generated for it. */
  size: number;
  weight: number;
  fastMoving: boolean;
  activeFrom: string;
  activeTo: string;
  surgeFrom?: string;
  brands: string[];
  channels: string[];
  targetCountries: string[];
  paymentMethods: string[];
  remoteTool: string;
  origin: string;
  merchantCountries: string[];
  hosting: string;
  kit: string;
  sharedGroups: string[];
  indicators: TruthIndicator[];
}

/** One report's truth: its operation (null for other scams and noise) and its kind. */
export interface TruthReport {
  externalId: string;
  operation: string | null;
  kind: ReportKind;
}

/** The whole ground truth of a simulated world. */
export interface Truth {
  format: typeof TRUTH_FORMAT;
  options: Required<WorldOptions>;
  period: { start: string; end: string };
  counts: { reports: number; tss: number; other_scam: number; noise: number; operations: number };
  commonValues: World['commonValues'];
  sharedGroups: SharedGroup[];
  operations: TruthOperation[];
  reports: TruthReport[];
}

/**
 * The truth file as a sequence of text chunks (one operation or one report per line), so a million
 * reports' truth never becomes one huge string. Call after every report was generated (it reads the
 * usage counts the generator recorded).
 */
export function* truthChunks(world: World, plan: ReportPlan): Generator<string> {
  const clock = new IsoClock(world.startMs);
  const iso = (t: number) => clock.dateTime(t);
  const sizes = new Int32Array(world.operations.length);
  const counts = {
    reports: plan.owner.length,
    tss: 0,
    other_scam: 0,
    noise: 0,
    operations: world.operations.length,
  };
  for (const o of plan.owner) {
    if (o >= 0) {
      sizes[o]! += 1;
      counts.tss++;
    } else if (o === OTHER_SCAM) counts.other_scam++;
    else counts.noise++;
  }
  const head = {
    format: TRUTH_FORMAT,
    options: world.options,
    period: { start: iso(0), end: iso(world.periodSeconds) },
    counts,
    commonValues: world.commonValues,
    sharedGroups: world.sharedGroups,
  };
  const headJson = JSON.stringify(head, null, 1);
  yield `${headJson.slice(0, -2)},\n"operations": [\n`;
  for (let i = 0; i < world.operations.length; i++) {
    const line = JSON.stringify(truthOperation(world.operations[i]!, sizes[i]!, iso));
    yield `${line}${i + 1 < world.operations.length ? ',' : ''}\n`;
  }
  yield '],\n"reports": [\n';
  const prefix = `sim-${world.options.seed}-`;
  const n = plan.owner.length;
  let buf = '';
  for (let j = 0; j < n; j++) {
    const o = plan.owner[j]!;
    const op = o >= 0 ? `"${world.operations[o]!.id}"` : 'null';
    const kind = o >= 0 ? 'tss' : o === NOISE ? 'noise' : 'other_scam';
    buf += `{"externalId":"${prefix}${j}","operation":${op},"kind":"${kind}"}${j + 1 < n ? ',' : ''}\n`;
    if (buf.length > 65_536) {
      yield buf;
      buf = '';
    }
  }
  yield `${buf}]\n}\n`;
}

function truthOperation(op: Operation, size: number, iso: (t: number) => string): TruthOperation {
  const out: TruthOperation = {
    id: op.id,
    size,
    weight: Number(op.weight.toPrecision(4)),
    fastMoving: op.fastMoving,
    activeFrom: iso(op.activeFrom),
    activeTo: iso(op.activeTo),
    brands: op.brands.map((b) => b.name),
    channels: op.channels.map(([c]) => c),
    targetCountries: [...op.targetCountries],
    paymentMethods: op.paymentMethods.map(([m]) => m),
    remoteTool: op.tool.id,
    origin: op.origin,
    merchantCountries: [...op.merchantCountries],
    hosting:
      op.hosting.kind === 'cheap'
        ? 'cheap-tld'
        : op.hosting.kind === 'trusted'
          ? op.hosting.suffix
          : op.hosting.apex,
    kit: op.kit.id,
    sharedGroups: op.sharedGroups,
    indicators: operationIndicators(op).map((ind) => truthIndicator(ind, iso)),
  };
  if (op.fastMoving) out.surgeFrom = iso(op.surgeFrom);
  return out;
}

function truthIndicator(ind: TrueIndicator, iso: (t: number) => string): TruthIndicator {
  const out: TruthIndicator = {
    kind: ind.kind,
    value: ind.value,
    firstUse: iso(ind.from),
    lastUse: iso(ind.to),
    reports: ind.reports,
  };
  if (ind.reports > 0) {
    out.firstSeen = iso(ind.firstSeen);
    out.lastSeen = iso(ind.lastSeen);
  }
  if (ind.voip !== undefined) out.voip = ind.voip;
  if (ind.country) out.country = ind.country;
  if (ind.shared) out.shared = ind.shared;
  return out;
}

/** Parses a truth document, checking the parts evaluation relies on. */
export function parseTruth(text: string): Truth {
  const doc = JSON.parse(text) as Partial<Truth>;
  if (doc.format !== TRUTH_FORMAT)
    throw new Error(`not a Dragnet simulator truth file (format ${String(doc.format)})`);
  if (!Array.isArray(doc.operations) || !Array.isArray(doc.reports) || !Array.isArray(doc.sharedGroups))
    throw new Error('truth file lacks operations, reports or sharedGroups');
  return doc as Truth;
}

/** Reads a truth file written by `dragnet simulate --truth`. */
export async function loadTruth(path: string): Promise<Truth> {
  return parseTruth(await readFile(path, 'utf8'));
}
