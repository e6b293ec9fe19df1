import { dragnetId } from './ids.js';
import type { StixObject } from './types.js';

/** What every Dragnet-made SDO and SRO shares: the producer, and the export's clock. */
export interface ExportContext {
  /** The export time (opts.now), as a STIX timestamp: every object's `modified`. */
  now: string;
  producerId: string;
}

/**
 * A STIX timestamp (UTC, milliseconds) of an ISO instant, or undefined when there is none or it cannot be
 * written as one (not a date, or beyond year 9999).
 */
export function stixTime(iso: string | null | undefined): string | undefined {
  if (!iso) return undefined;
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return undefined;
  const s = new Date(ms).toISOString();
  return /^\d{4}-/.test(s) ? s : undefined;
}

/** The earliest of timestamps (STIX timestamps sort as strings). */
export function earliest(...times: Array<string | undefined>): string | undefined {
  return times.filter((t): t is string => t !== undefined).sort()[0];
}

/** The latest of timestamps. */
export function latest(...times: Array<string | undefined>): string | undefined {
  return times
    .filter((t): t is string => t !== undefined)
    .sort()
    .at(-1);
}

/**
 * The properties worth writing: no undefined or null (STIX has no null), no empty list (lists need an item),
 * no number that JSON cannot hold.
 */
export function present(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(
      ([, v]) =>
        v !== undefined &&
        v !== null &&
        !(Array.isArray(v) && v.length === 0) &&
        !(typeof v === 'number' && !Number.isFinite(v)),
    ),
  );
}

/** An SDO made by the producer: created when the thing it describes was first seen (never after now). */
export function sdo(
  ctx: ExportContext,
  type: string,
  id: string,
  since: string | undefined,
  properties: Record<string, unknown>,
): StixObject {
  return {
    type,
    spec_version: '2.1',
    id,
    created_by_ref: ctx.producerId,
    created: earliest(since, ctx.now) as string,
    modified: ctx.now,
    ...present(properties),
  };
}

/** A relationship, its id derived from its ends and type (the same fact from two operations is one object). */
export function relationship(
  ctx: ExportContext,
  relationshipType: string,
  sourceRef: string,
  targetRef: string,
  properties: { since?: string; until?: string; [extra: string]: unknown } = {},
): StixObject {
  const { since, until, ...extra } = properties;
  // stop_time must be later than start_time: a single sighting has a start only.
  const stop = since && until && until > since ? until : undefined;
  return sdo(ctx, 'relationship', dragnetId('relationship', relationshipType, sourceRef, targetRef), since, {
    relationship_type: relationshipType,
    source_ref: sourceRef,
    target_ref: targetRef,
    start_time: since,
    stop_time: stop,
    ...extra,
  });
}
