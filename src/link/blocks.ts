import { getOrCreate } from '../core/collections.js';

/**
 * Lines at most this far apart are neighbours in a block: an operation takes the next number of the
 * block it bought as each one burns (FIELD.md: sequential blocks, same prefix, adjacent line numbers).
 */
export const BLOCK_SPAN = 3;

/** The last digits that number the lines of a block; the digits before them name the block. */
const LINE_DIGITS = 4;
const LINE = /\d{4}$/;

/** The block of a number (all digits but the line) and its line, or null for a number too short. */
function splitLine(phone: string): [block: string, line: number] | null {
  if (phone.length <= LINE_DIGITS + 2 || !LINE.test(phone)) return null;
  return [phone.slice(0, -LINE_DIGITS), Number(phone.slice(-LINE_DIGITS))];
}

/**
 * The numbers of `phone`'s block at most `span` lines from it, as the first and last in order (every one
 * between them is a neighbour when it has the same length), or null when it has no block.
 */
export function blockNeighbourhood(phone: string, span = BLOCK_SPAN): [string, string] | null {
  const split = splitLine(phone);
  if (!split) return null;
  const [block, line] = split;
  const at = (l: number) => `${block}${String(l).padStart(LINE_DIGITS, '0')}`;
  return [at(Math.max(0, line - span)), at(Math.min(10 ** LINE_DIGITS - 1, line + span))];
}

/** True when a and b are different numbers of one block at most `span` lines apart. */
export function inOneBlock(a: string, b: string, span = BLOCK_SPAN): boolean {
  const x = splitLine(a);
  const y = splitLine(b);
  return !!x && !!y && x[0] === y[0] && x[1] !== y[1] && Math.abs(x[1] - y[1]) <= span;
}

/**
 * Pairs of phone numbers (E.164) of one sequential block: the same digits but the last four, and lines at
 * most `span` apart. Found by sorting each block's lines, so the cost is linear in the numbers (plus the
 * pairs), never quadratic in a crowded block.
 */
export function phoneBlockPairs(phones: readonly string[], span = BLOCK_SPAN): Array<[number, number]> {
  const blocks = new Map<string, Array<[line: number, idx: number]>>();
  phones.forEach((p, idx) => {
    const split = splitLine(p);
    if (split) getOrCreate(blocks, split[0], () => []).push([split[1], idx]);
  });
  const pairs: Array<[number, number]> = [];
  for (const lines of blocks.values()) {
    if (lines.length < 2) continue;
    lines.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
    for (let x = 0; x < lines.length; x++) {
      for (let y = x + 1; y < lines.length && lines[y]![0] - lines[x]![0] <= span; y++) {
        if (lines[y]![0] !== lines[x]![0]) pairs.push([lines[x]![1], lines[y]![1]]);
      }
    }
  }
  return pairs;
}
