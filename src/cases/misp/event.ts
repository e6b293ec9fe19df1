import { compareStrings } from '../feeds/entries.js';
import { strictestTlp } from '../feeds/strictest-tlp.js';
import type { SharedOperation } from '../types.js';
import { eventUuid, orgUuid } from './ids.js';
import { type EventContext, operationContent } from './objects.js';
import { distributionFor, eventTags, threatLevelFor } from './tags.js';
import type { MispEventDocument } from './types.js';
import { freeText } from './values.js';

/** Who the event is from and when; `info` replaces the generated title. */
export interface MispExportOptions {
  now: Date;
  producer: string;
  info?: string;
}

/**
 * One MISP event holding all the given operations (a case's operations, or a partner's share): one import
 * for the recipient, their context together. The event is marked by the strictest operation's TLP; an
 * operation marked less strictly tags its own attributes with its level. Uuids are UUIDv5 from the producer
 * and the operation ids, so the same input gives byte-identical JSON, and a later export of the same
 * operations updates the event in MISP instead of duplicating it. No operation: an empty AMBER event.
 */
export function toMispEvent(ops: SharedOperation[], opts: MispExportOptions): MispEventDocument {
  const operations = uniqueById(ops);
  const producer = freeText(opts.producer, 255) || 'Dragnet';
  const tlp = strictestTlp(operations.map((o) => o.tlp)) ?? 'amber';
  const ctx: EventContext = {
    event: eventUuid(
      producer,
      operations.map((o) => o.id),
    ),
    timestamp: String(Math.floor(opts.now.getTime() / 1000)),
    tlp,
  };
  const contents = operations.map((op) => operationContent(op, ctx));
  const priority = Math.max(0, ...operations.map((o) => o.priority).filter(Number.isFinite));
  return {
    Event: {
      uuid: ctx.event,
      info: freeText(opts.info ?? defaultInfo(operations), 1000) || 'Tech support scam',
      date: opts.now.toISOString().slice(0, 10),
      threat_level_id: threatLevelFor(priority),
      analysis: '1',
      distribution: distributionFor(tlp),
      published: false,
      timestamp: ctx.timestamp,
      Orgc: { name: producer, uuid: orgUuid(producer) },
      Tag: eventTags(tlp),
      Attribute: contents.flatMap((c) => c.attributes),
      Object: contents.flatMap((c) => c.objects),
    },
  };
}

/** The operations in id order, each once (the first copy of a repeated id wins). */
function uniqueById(ops: SharedOperation[]): SharedOperation[] {
  const byId = new Map<string, SharedOperation>();
  for (const op of ops) if (!byId.has(op.id)) byId.set(op.id, op);
  return [...byId.values()].sort((a, b) => compareStrings(a.id, b.id));
}

/** "Tech support scam: Dragnet operation op-7f3a9c impersonating Microsoft" (or a count of operations). */
function defaultInfo(ops: SharedOperation[]): string {
  const counts = new Map<string, number>();
  for (const op of ops)
    for (const b of op.profile.modusOperandi.brands)
      counts.set(b.value, (counts.get(b.value) ?? 0) + b.count);
  const brands = [...counts]
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0]))
    .slice(0, 3)
    .map(([brand]) => brand);
  const ids = ops.slice(0, 5).map((o) => o.id);
  const which =
    ops.length === 1
      ? `Dragnet operation ${ids[0]}`
      : `${ops.length} Dragnet operations (${ids.join(', ')}${ops.length > ids.length ? ', …' : ''})`;
  return `Tech support scam: ${which}${brands.length > 0 ? ` impersonating ${brands.join(', ')}` : ''}`;
}
