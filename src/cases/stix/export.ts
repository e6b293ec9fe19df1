import type { SharedOperation } from '../types.js';
import { addCaptures } from './captures.js';
import { dragnetId } from './ids.js';
import { addIndicators } from './indicators.js';
import { tlpMarking } from './markings.js';
import { ObjectSet } from './object-set.js';
import { dragnetExtensionDefinition } from './observables.js';
import { addIncident, addTargetsAndBrands, intrusionSet } from './operation.js';
import { type ExportContext, earliest, stixTime } from './sdo.js';
import type { StixBundle } from './types.js';

/** What an export needs besides the operations: the clock and who is speaking. */
export interface StixExportOptions {
  /** The export time: every object's `modified` (the module reads no clock). */
  now: Date;
  /** The installation's name: the producer `identity` every object is `created_by_ref`. */
  producer: string;
}

/**
 * Operations as a STIX 2.1 bundle (FIELD.md "Interop"): each an `intrusion-set` with its indicators as
 * observables and detection indicators, its victims' countries, impersonated brands, losses (`incident`) and
 * crawled popup sites (`infrastructure`), everything marked with the operation's TLP 2.0 level.
 * Pure and deterministic: ids derive from the data, arrays are sorted, time is `opts.now`.
 */
export function toStixBundle(ops: SharedOperation[], opts: StixExportOptions): StixBundle {
  const now = opts.now.toISOString();
  const sorted = [...ops].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ctx: ExportContext = { now, producerId: dragnetId('identity', 'producer', opts.producer) };
  const set = new ObjectSet();
  for (const op of sorted) {
    set.add(intrusionSet(ctx, op), op.tlp);
    addTargetsAndBrands(ctx, set, op);
    addIndicators(ctx, set, op);
    addIncident(ctx, set, op);
    addCaptures(ctx, set, op);
  }
  for (const tlp of set.levels()) set.add(tlpMarking(tlp), null);
  if (set.hasType('x-tracking-id')) set.add(dragnetExtensionDefinition(), null);
  const created = earliest(now, ...sorted.map((op) => stixTime(op.firstSeen))) as string;
  set.add(
    {
      type: 'identity',
      spec_version: '2.1',
      id: ctx.producerId,
      created,
      modified: now,
      name: opts.producer,
      identity_class: 'organization',
      description: 'Dragnet installation that produced this bundle.',
      x_dragnet_role: 'producer',
    },
    null,
  );
  const objects = set.objects();
  return {
    type: 'bundle',
    id: dragnetId('bundle', opts.producer, now, ...sorted.map((op) => op.id)),
    objects,
  };
}
