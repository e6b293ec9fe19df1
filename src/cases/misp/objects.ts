import {
  type CommonValue,
  commonNormalisedValue,
  INDICATOR_KINDS,
  INDICATOR_REGISTRY,
  type IndicatorKind,
  isIndicatorKind,
} from '../../core/indicator-kinds.js';
import { compareStrings } from '../feeds/entries.js';
import { hostOf, isHostingSuffix } from '../feeds/listable.js';
import type { SharedIndicator, SharedOperation, Tlp } from '../types.js';
import { memberUuid } from './ids.js';
import { coinSymbol, MISP_PLACEMENT, type MispPlacement, relationType } from './placement.js';
import { lossesText, operationSummary } from './summary.js';
import { TLP_TAGS } from './tags.js';
import { MISP_TEMPLATES } from './templates.js';
import type { MispAttribute, MispObject, MispObjectReference, MispTag } from './types.js';
import { exactValue, freeText } from './values.js';

/** What every member of an event shares: the event's uuid (their namespace), the time, the event's marking. */
export interface EventContext {
  event: string;
  timestamp: string;
  tlp: Tlp;
}

/** An operation's share of an event: its objects and its standalone attributes. */
export interface OperationContent {
  objects: MispObject[];
  attributes: MispAttribute[];
}

/** An indicator as it goes into MISP: its exact value, where it goes, and whether the value is common. */
interface Exportable {
  kind: IndicatorKind;
  value: string;
  indicator: SharedIndicator;
  placement: MispPlacement;
  common: CommonValue | null;
}

/**
 * An operation's objects and attributes. Each object's comment names the operation; the operation's
 * company (else its most reported alias) anchors it, and every other object of the operation references
 * that anchor. Values the common-values list blocks (a brand's real number) are left out; values it only
 * informs about, and hosting suffixes, go in without `to_ids`.
 */
export function operationContent(op: SharedOperation, ctx: EventContext): OperationContent {
  const exportables = exportablesOf(op);
  const objects: MispObject[] = [];
  const attributes: MispAttribute[] = [summaryAttribute(op, ctx), ...lossAttributes(op, ctx)];
  for (const x of exportables) {
    if (x.placement.object === null) attributes.push(standaloneAttribute(op, x, ctx));
    else objects.push(indicatorObject(op, x, ctx));
  }
  linkToAnchor(op, objects, ctx);
  return { objects, attributes };
}

/** The operation's indicators that can go into MISP, one per value, in the registry's kind order. */
function exportablesOf(op: SharedOperation): Exportable[] {
  const byKey = new Map<string, Exportable>();
  for (const indicator of op.indicators) {
    if (!isIndicatorKind(indicator.kind)) continue;
    const kind = indicator.kind;
    const placement = MISP_PLACEMENT[kind];
    const value = exactValue(indicator.value);
    if (!placement || value === null) continue;
    // Not a value of its kind (MISP would refuse it as that type, or it says nothing): left out.
    const normalised = INDICATOR_REGISTRY[kind].normalise(value);
    if (normalised === null) continue;
    const common = commonNormalisedValue(kind, normalised);
    if (common?.mode === 'block') continue;
    const key = `${kind}\n${INDICATOR_REGISTRY[kind].compareKey(normalised)}`;
    const seen = byKey.get(key);
    const better =
      !seen ||
      indicator.reportCount > seen.indicator.reportCount ||
      (indicator.reportCount === seen.indicator.reportCount && compareStrings(value, seen.value) < 0);
    if (better) {
      byKey.set(key, { kind, value, indicator, placement, common });
    }
  }
  const rank = (k: IndicatorKind) => INDICATOR_KINDS.indexOf(k);
  return [...byKey.values()].sort(
    (a, b) =>
      rank(a.kind) - rank(b.kind) ||
      b.indicator.reportCount - a.indicator.reportCount ||
      compareStrings(a.value, b.value),
  );
}

function indicatorObject(op: SharedOperation, x: Exportable, ctx: EventContext): MispObject {
  if (x.placement.object === null) throw new Error('not an object placement');
  const { object, relation } = x.placement;
  const template = MISP_TEMPLATES[object];
  const uuid = memberUuid(ctx.event, 'object', op.id, x.kind, x.value);
  const seen = seenRange(x.indicator.firstSeen, x.indicator.lastSeen);
  const comment = commentFor(op, x);
  const member = (rel: string, value: string, main: boolean): MispAttribute => ({
    uuid: memberUuid(ctx.event, 'attribute', op.id, x.kind, x.value, rel),
    ...relationType(object, rel, value),
    value,
    to_ids: main && toIds(x),
    distribution: '5',
    comment,
    timestamp: ctx.timestamp,
    object_relation: rel,
    ...(main ? seen : {}),
    ...tlpTag(op, ctx),
  });
  const extra: MispAttribute[] = [];
  if (object === 'person') extra.push(member('role', 'Suspect', false));
  const symbol = object === 'coin-address' ? coinSymbol(x.value) : null;
  if (symbol) extra.push(member('symbol', symbol, false));
  return {
    uuid,
    name: template.name,
    'meta-category': template.metaCategory,
    ...(template.uuid ? { template_uuid: template.uuid } : {}),
    distribution: '5',
    comment,
    timestamp: ctx.timestamp,
    ...seen,
    Attribute: [member(relation, x.value, true), ...extra],
    ObjectReference: [],
  };
}

function standaloneAttribute(op: SharedOperation, x: Exportable, ctx: EventContext): MispAttribute {
  if (x.placement.object !== null) throw new Error('not a standalone placement');
  return {
    uuid: memberUuid(ctx.event, 'attribute', op.id, x.kind, x.value),
    type: x.placement.type,
    category: x.placement.category,
    value: x.value,
    to_ids: toIds(x),
    distribution: '5',
    comment: commentFor(op, x),
    timestamp: ctx.timestamp,
    ...seenRange(x.indicator.firstSeen, x.indicator.lastSeen),
    ...tlpTag(op, ctx),
  };
}

function summaryAttribute(op: SharedOperation, ctx: EventContext): MispAttribute {
  return {
    uuid: memberUuid(ctx.event, 'summary', op.id),
    type: 'text',
    category: 'Other',
    value: operationSummary(op),
    to_ids: false,
    distribution: '5',
    comment: freeText(`Summary of Dragnet operation ${op.id}`),
    timestamp: ctx.timestamp,
    ...seenRange(op.firstSeen, op.lastSeen),
    ...tlpTag(op, ctx),
  };
}

/** Reported losses, one attribute per currency (no template of ours holds an amount). */
function lossAttributes(op: SharedOperation, ctx: EventContext): MispAttribute[] {
  return op.profile.lossesByCurrency.flatMap((loss) => {
    const value = exactValue(lossesText([loss]));
    if (value === null) return [];
    return [
      {
        uuid: memberUuid(ctx.event, 'loss', op.id, loss.currency),
        type: 'text',
        category: 'Financial fraud',
        value,
        to_ids: false,
        distribution: '5',
        comment: freeText(`Losses reported to Dragnet for operation ${op.id} (${op.reportCount} report(s))`),
        timestamp: ctx.timestamp,
        ...tlpTag(op, ctx),
      } satisfies MispAttribute,
    ];
  });
}

/** Every other object of the operation references its anchor: the company, else the most reported alias. */
function linkToAnchor(op: SharedOperation, objects: MispObject[], ctx: EventContext): void {
  const anchor = objects.find((o) => o.name === 'legal-entity') ?? objects.find((o) => o.name === 'person');
  if (!anchor) return;
  for (const source of objects) {
    if (source === anchor) continue;
    const relationship = relationshipTo(source.name, anchor.name);
    source.ObjectReference.push({
      uuid: memberUuid(ctx.event, 'reference', source.uuid, anchor.uuid),
      timestamp: ctx.timestamp,
      object_uuid: source.uuid,
      referenced_uuid: anchor.uuid,
      relationship_type: relationship,
      comment: freeText(`Both from Dragnet operation ${op.id}`),
    } satisfies MispObjectReference);
  }
}

function relationshipTo(source: string, anchor: string): string {
  if (source === 'legal-entity' || (source === 'person' && anchor === 'person')) return 'related-to';
  return source === 'person' ? 'belongs-to' : 'used-by';
}

function commentFor(op: SharedOperation, x: Exportable): string {
  const n = x.indicator.reportCount;
  const notes = [`${x.placement.note}. Dragnet operation ${op.id}: ${n} report${n === 1 ? '' : 's'}`];
  if (x.common) notes.push(`common value (${x.common.reason}): not for detection`);
  if (onHostingSuffix(x)) notes.push('a hosting suffix itself: not for detection');
  return freeText(notes.join('; '));
}

function toIds(x: Exportable): boolean {
  return x.placement.toIds && x.common === null && !onHostingSuffix(x);
}

function onHostingSuffix(x: Exportable): boolean {
  if (x.kind !== 'domain' && x.kind !== 'url') return false;
  const normalised = INDICATOR_REGISTRY[x.kind].normalise(x.value);
  const host = normalised === null ? null : hostOf(x.kind, normalised);
  return host !== null && isHostingSuffix(host);
}

/** An attribute of an operation marked less strictly than the event carries its own TLP tag. */
function tlpTag(op: SharedOperation, ctx: EventContext): { Tag?: MispTag[] } {
  return op.tlp === ctx.tlp ? {} : { Tag: [{ name: TLP_TAGS[op.tlp] }] };
}

/** first_seen and last_seen in order (MISP refuses last before first); unknown or invalid ones left out. */
export function seenRange(
  first: string | null,
  last: string | null,
): { first_seen?: string; last_seen?: string } {
  const times = [first, last].map((t) => (t === null ? Number.NaN : Date.parse(t))).filter(Number.isFinite);
  if (times.length === 0) return {};
  return {
    first_seen: new Date(Math.min(...times)).toISOString(),
    last_seen: new Date(Math.max(...times)).toISOString(),
  };
}
