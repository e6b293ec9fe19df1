import type { z } from 'zod';
import { ValidationError } from '../core/errors.js';
import { fieldIssues } from '../core/validate.js';

/** Parses a body, query or params with a zod schema; a ValidationError names every bad field. */
export function parseWith<T>(schema: z.ZodType<T>, input: unknown, what = 'the body'): T {
  const r = schema.safeParse(input);
  if (!r.success)
    throw new ValidationError(`${what} does not match the contract; see issues`, fieldIssues(r.error));
  return r.data;
}
