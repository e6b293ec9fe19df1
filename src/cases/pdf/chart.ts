import type { SharedOperation } from '../types.js';
import { formatCount } from './format.js';
import { COLOURS, type Pen, SIZES, setFont } from './layout.js';

/** The width of one bar: a day, a week (from Monday), a month or a year. */
export type BinUnit = 'day' | 'week' | 'month' | 'year';

/** Reports in one bar of the timeline. */
export interface Bin {
  /** First day of the bin, `YYYY-MM-DD`. */
  start: string;
  reports: number;
}

/** The timeline of a case: bars of one unit, from the first report's bin to the last's, gaps included. */
export interface Timeline {
  unit: BinUnit;
  bins: Bin[];
}

const DAY = 86_400_000;
/** At most this many bars: a unit is chosen so that the range fits. */
const MAX_BINS = 160;
// Days outside this window are implausible for a report (a typo, or a hostile value) and are left out.
const EARLIEST = Date.UTC(1990, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);

function binStart(time: number, unit: BinUnit): number {
  const d = new Date(time);
  if (unit === 'day') return time;
  if (unit === 'week') return time - ((d.getUTCDay() + 6) % 7) * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Date.UTC(d.getUTCFullYear(), 0, 1);
}

function nextBin(time: number, unit: BinUnit): number {
  const d = new Date(time);
  if (unit === 'day') return time + DAY;
  if (unit === 'week') return time + 7 * DAY;
  if (unit === 'month') return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  return Date.UTC(d.getUTCFullYear() + 1, 0, 1);
}

function binCount(first: number, last: number, unit: BinUnit): number {
  let n = 0;
  for (let t = binStart(first, unit); t <= last && n <= MAX_BINS; t = nextBin(t, unit)) n++;
  return n;
}

/** Reports per day summed over the operations, binned by the finest unit that fits in `MAX_BINS` bars. */
export function timelineOf(operations: SharedOperation[]): Timeline {
  const perDay = new Map<number, number>();
  for (const op of operations)
    for (const d of op.daily) {
      const time = /^\d{4}-\d{2}-\d{2}$/.test(d.day) ? Date.parse(`${d.day}T00:00:00Z`) : Number.NaN;
      if (!(time >= EARLIEST && time < LATEST) || !(d.reports > 0)) continue;
      perDay.set(time, (perDay.get(time) ?? 0) + d.reports);
    }
  if (perDay.size === 0) return { unit: 'day', bins: [] };
  const times = [...perDay.keys()];
  const first = times.reduce((a, b) => Math.min(a, b));
  const last = times.reduce((a, b) => Math.max(a, b));
  const units: BinUnit[] = ['day', 'week', 'month', 'year'];
  const unit = units.find((u) => binCount(first, last, u) <= MAX_BINS) ?? 'year';
  const bins = new Map<number, number>();
  for (let t = binStart(first, unit); t <= last; t = nextBin(t, unit)) bins.set(t, 0);
  for (const [time, reports] of perDay) {
    const start = binStart(time, unit);
    bins.set(start, (bins.get(start) ?? 0) + reports);
  }
  return {
    unit,
    bins: [...bins].map(([start, reports]) => ({
      start: new Date(start).toISOString().slice(0, 10),
      reports,
    })),
  };
}

/** Round tick values from 0 to at least `max`: steps of 1, 2 or 5 × 10^k, about five of them. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const whole = Math.max(1, step);
  const ticks: number[] = [];
  for (let v = 0; v < max + whole; v += whole) ticks.push(v);
  return ticks;
}

function binLabel(start: string, unit: BinUnit): string {
  if (unit === 'month') return start.slice(0, 7);
  if (unit === 'year') return start.slice(0, 4);
  return start;
}

/** Draws the timeline as a bar chart in a box: y axis with round ticks, gridlines, dated x labels. */
export function drawTimeline(
  pen: Pen,
  timeline: Timeline,
  box: { x: number; y: number; width: number; height: number },
): void {
  const { doc } = pen;
  const max = Math.max(1, ...timeline.bins.map((b) => b.reports));
  const ticks = niceTicks(max);
  const top = ticks[ticks.length - 1] ?? max;
  const plot = { x: box.x + 36, y: box.y + 6, width: box.width - 40, height: box.height - 30 };
  const yOf = (v: number) => plot.y + plot.height - (v / top) * plot.height;
  setFont(pen, '0', 'regular', SIZES.small);
  for (const tick of ticks) {
    const y = yOf(tick);
    doc
      .moveTo(plot.x, y)
      .lineTo(plot.x + plot.width, y)
      .lineWidth(0.3)
      .strokeColor(COLOURS.rule)
      .stroke();
    const label = formatCount(tick);
    doc
      .fillColor(COLOURS.muted)
      .text(label, plot.x - 4 - doc.widthOfString(label), y - 3.5, { lineBreak: false });
  }
  const n = Math.max(1, timeline.bins.length);
  const slot = plot.width / n;
  const gap = slot > 4 ? Math.min(2, slot * 0.2) : 0;
  timeline.bins.forEach((bin, i) => {
    if (bin.reports <= 0) return;
    const y = yOf(bin.reports);
    doc
      .rect(plot.x + i * slot + gap / 2, y, Math.max(0.5, slot - gap), plot.y + plot.height - y)
      .fill(COLOURS.accent);
  });
  doc
    .moveTo(plot.x, plot.y + plot.height)
    .lineTo(plot.x + plot.width, plot.y + plot.height)
    .lineWidth(0.8)
    .strokeColor(COLOURS.text)
    .stroke();
  // About six dated labels, evenly spaced, never overlapping.
  const every = Math.max(1, Math.ceil(n / 6));
  timeline.bins.forEach((bin, i) => {
    if (i % every !== 0) return;
    const x = plot.x + i * slot + slot / 2;
    doc
      .moveTo(x, plot.y + plot.height)
      .lineTo(x, plot.y + plot.height + 3)
      .lineWidth(0.5)
      .strokeColor(COLOURS.text)
      .stroke();
    const label = binLabel(bin.start, timeline.unit);
    const width = doc.widthOfString(label);
    const left = Math.min(Math.max(box.x, x - width / 2), box.x + box.width - width);
    doc.fillColor(COLOURS.muted).text(label, left, plot.y + plot.height + 6, { lineBreak: false });
  });
  doc.fillColor(COLOURS.text);
}
