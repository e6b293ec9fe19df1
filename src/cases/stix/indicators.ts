import { INDICATOR_REGISTRY, type IndicatorKind, isIndicatorKind } from '../../core/indicator-kinds.js';
import type { SharedIndicator, SharedOperation } from '../types.js';
import { dragnetId } from './ids.js';
import type { ObjectSet } from './object-set.js';
import { observableOf, patternOf } from './observables.js';
import { TSS_LABEL } from './operation.js';
import { type ExportContext, relationship, sdo, stixTime } from './sdo.js';
import type { StixObject } from './types.js';

const NAME_LENGTH = 200;

/** What Dragnet knows of an indicator in this operation, on the relationship that ties them. */
function facts(i: SharedIndicator) {
  return {
    since: stixTime(i.firstSeen),
    until: stixTime(i.lastSeen),
    x_dragnet_report_count: i.reportCount,
    x_dragnet_decay: i.decay,
    x_dragnet_expires_at: stixTime(i.expiresAt),
  };
}

/**
 * A company name as an organisation `identity` the operation is `related-to` (a front or payee company: it
 * may be a real business whose name is abused, so it is not called an actor). Its id comes from the name, so
 * every operation naming it points at one identity.
 */
function company(ctx: ExportContext, set: ObjectSet, op: SharedOperation, i: SharedIndicator): void {
  const identity = sdo(ctx, 'identity', dragnetId('identity', 'company', i.value), stixTime(i.firstSeen), {
    name: i.value,
    identity_class: 'organization',
    x_dragnet_role: 'company',
  });
  set.add(identity, op.tlp);
  const link = relationship(ctx, 'related-to', dragnetId('intrusion-set', op.id), identity.id, {
    ...facts(i),
    description: 'company name victims were given or paid',
  });
  set.add(link, op.tlp);
}

/**
 * A scammer's name as a `threat-actor` the operation is `attributed-to`, not an `identity`: callers use
 * invented names, and an individual identity would assert a real person (consumers such as OpenCTI merge
 * identities by name, so "Kevin Brown" would join every real Kevin Brown). It is scoped to the operation:
 * two call centres using the same alias are not one actor.
 */
function alias(ctx: ExportContext, set: ObjectSet, op: SharedOperation, i: SharedIndicator): void {
  const actor = sdo(ctx, 'threat-actor', dragnetId('threat-actor', op.id, i.value), stixTime(i.firstSeen), {
    name: i.value,
    description: `A name callers of ${op.id} gave victims; most likely an alias, and not a real person's identity.`,
    threat_actor_types: ['criminal'],
    roles: ['agent'],
    resource_level: 'individual',
    primary_motivation: 'personal-gain',
    first_seen: stixTime(i.firstSeen),
    last_seen: stixTime(i.lastSeen),
    x_dragnet_role: 'alias',
  });
  set.add(actor, op.tlp);
  set.add(relationship(ctx, 'attributed-to', dragnetId('intrusion-set', op.id), actor.id, facts(i)), op.tlp);
}

/** A detection `indicator` for a value: one per pattern, valid from first seen until its decay expires. */
function detection(ctx: ExportContext, kind: IndicatorKind, i: SharedIndicator, pattern: string): StixObject {
  const validFrom = stixTime(i.firstSeen) ?? ctx.now;
  const validUntil = stixTime(i.expiresAt);
  // Cut at a code point, not inside a surrogate pair.
  const name =
    i.value.length > NAME_LENGTH
      ? `${i.value.slice(0, NAME_LENGTH).replace(/[\uD800-\uDBFF]$/, '')}…`
      : i.value;
  return sdo(ctx, 'indicator', dragnetId('indicator', pattern), validFrom, {
    name,
    description: `${INDICATOR_REGISTRY[kind].label} used by tech support scam operations`,
    indicator_types: ['malicious-activity'],
    pattern,
    pattern_type: 'stix',
    pattern_version: '2.1',
    valid_from: validFrom,
    valid_until: validUntil && validUntil > validFrom ? validUntil : undefined,
    labels: [TSS_LABEL],
  });
}

/**
 * An operation's indicators: each value as its observable, `related-to` from the intrusion set (companies
 * and aliases as above); phones, domains, URLs and e-mails also as an `indicator` that `indicates` the
 * intrusion set and is `based-on` the observable. A value whose observable would not be valid is carried
 * by its pattern alone.
 */
export function addIndicators(ctx: ExportContext, set: ObjectSet, op: SharedOperation): void {
  const setId = dragnetId('intrusion-set', op.id);
  for (const i of op.indicators) {
    if (!isIndicatorKind(i.kind)) continue;
    const kind = i.kind;
    if (kind === 'company') company(ctx, set, op, i);
    if (kind === 'person') alias(ctx, set, op, i);
    const observable = observableOf(kind, i.value);
    if (observable) {
      set.add(observable, op.tlp);
      set.add(relationship(ctx, 'related-to', setId, observable.id, facts(i)), op.tlp);
    }
    const pattern = patternOf(kind, i.value);
    if (!pattern) continue;
    const indicator = detection(ctx, kind, i, pattern);
    set.add(indicator, op.tlp);
    set.add(relationship(ctx, 'indicates', indicator.id, setId, facts(i)), op.tlp);
    if (observable) set.add(relationship(ctx, 'based-on', indicator.id, observable.id), op.tlp);
  }
}
