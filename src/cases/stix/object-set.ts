import type { Tlp } from '../types.js';
import { strictestTlp, TLP_MARKING_IDS } from './markings.js';
import { earliest, latest } from './sdo.js';
import type { StixObject } from './types.js';

interface Entry {
  object: StixObject;
  /** null: not marked (the producer, marking and extension definitions). */
  tlp: Tlp | null;
}

/**
 * The objects of a bundle by id. An object several operations share (a phone, an indicator, a brand) is kept
 * once, marked with the strictest TLP of those operations, and covers the widest time any of them gives.
 */
export class ObjectSet {
  private readonly byId = new Map<string, Entry>();

  /** Adds an object marked with `tlp`, or merges it into the one already there under its id. */
  add(object: StixObject, tlp: Tlp | null): void {
    const had = this.byId.get(object.id);
    if (!had) {
      this.byId.set(object.id, { object, tlp });
      return;
    }
    had.tlp = had.tlp && tlp ? strictestTlp(had.tlp, tlp) : (had.tlp ?? tlp);
    had.object = widen(had.object, object);
  }

  /** True when an object of this type is in the set. */
  hasType(type: string): boolean {
    for (const { object } of this.byId.values()) if (object.type === type) return true;
    return false;
  }

  /** The TLP levels used, to add their marking definitions. */
  levels(): Tlp[] {
    return [...new Set([...this.byId.values()].flatMap((e) => (e.tlp ? [e.tlp] : [])))];
  }

  /** Every object with its marking, sorted by id (the same input gives the same bytes). */
  objects(): StixObject[] {
    return [...this.byId.values()]
      .map(({ object, tlp }) => (tlp ? { ...object, object_marking_refs: [TLP_MARKING_IDS[tlp]] } : object))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** The first object, its times widened by the second's (an absent valid_until means "no end"). */
function widen(a: StixObject, b: StixObject): StixObject {
  const out: StixObject = { ...a };
  const set = (key: string, value: string | undefined) => {
    if (value !== undefined && key in a) out[key] = value;
  };
  set('created', earliest(str(a.created), str(b.created)));
  set('first_seen', earliest(str(a.first_seen), str(b.first_seen)));
  set('last_seen', latest(str(a.last_seen), str(b.last_seen)));
  set('valid_from', earliest(str(a.valid_from), str(b.valid_from)));
  set('start_time', earliest(str(a.start_time), str(b.start_time)));
  if ('stop_time' in a && 'stop_time' in b) set('stop_time', latest(str(a.stop_time), str(b.stop_time)));
  if ('valid_until' in a && 'valid_until' in b)
    set('valid_until', latest(str(a.valid_until), str(b.valid_until)));
  else delete out.valid_until;
  return out;
}
