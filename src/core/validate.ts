import type { z } from 'zod';
import type { FieldIssue } from './errors.js';

/** Flattens zod issues into one entry per bad field; unknown keys each get their own path. */
export function fieldIssues(error: z.ZodError, prefix: (string | number)[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: joinPath([...base, key]), message: 'unknown field' });
    } else {
      out.push({ path: joinPath(base), message: issue.message });
    }
  }
  return out;
}

function joinPath(parts: (string | number)[]): string {
  return parts.length === 0 ? '(record)' : parts.join('/');
}

/**
 * Whether a parsed JSON value nests deeper than `max` arrays and objects. Iterative: JSON.stringify and
 * recursive walkers overflow the stack on the 60,000 levels a 128 KiB body can hold.
 */
export function nestedDeeperThan(value: unknown, max: number): boolean {
  return jsonProblem(value, max, false) !== null;
}

/**
 * Why a parsed JSON value cannot be kept in a jsonb column as sent (a NUL character or a lone surrogate in
 * a key or a string, which PostgreSQL refuses, or nesting deeper than `maxDepth`), or null when it can.
 */
export function unstorableJson(value: unknown, maxDepth: number): string | null {
  return jsonProblem(value, maxDepth, true);
}

function jsonProblem(value: unknown, maxDepth: number, checkText: boolean): string | null {
  const pending: Array<[unknown, number]> = [[value, 0]];
  while (pending.length > 0) {
    const [v, depth] = pending.pop()!;
    if (typeof v === 'string') {
      if (checkText && (v.includes('\u0000') || !v.isWellFormed()))
        return 'must not contain a NUL character or a lone surrogate';
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return `must not be nested more than ${maxDepth} levels deep`;
    if (Array.isArray(v)) for (const x of v) pending.push([x, depth + 1]);
    else for (const [k, x] of Object.entries(v)) pending.push([k, depth + 1], [x, depth + 1]);
  }
  return null;
}
