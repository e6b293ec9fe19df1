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
