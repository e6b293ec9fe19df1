import type { Tally } from '../../score/profile.js';
import type { SharedOperation } from '../types.js';
import { dragnetId } from './ids.js';
import type { ObjectSet } from './object-set.js';
import { type ExportContext, relationship, sdo, stixTime } from './sdo.js';
import { INCIDENT_CORE_EXTENSION } from './types.js';

/** The label every intrusion set Dragnet exports carries. */
export const TSS_LABEL = 'tech-support-scam';

/** The name of an operation's intrusion set. */
export function intrusionSetName(op: SharedOperation): string {
  return `Dragnet operation ${op.id}`;
}

const tallies = (label: string, ts: Tally[]) =>
  ts.length > 0 ? `${label}: ${ts.map((t) => `${t.value} (${t.count})`).join(', ')}.` : null;

const money = (losses: Array<{ currency: string; value: number }>) =>
  losses.map((l) => `${l.value} ${l.currency}`).join(', ');

/** The finite losses of an operation (NaN or Infinity from a broken sum are not written). */
function lossesOf(op: SharedOperation): Array<{ currency: string; value: number }> {
  return op.profile.lossesByCurrency.filter((l) => Number.isFinite(l.value) && l.value > 0);
}

/** A plain-language summary of an operation's profile, for people reading the intrusion set. */
export function operationSummary(op: SharedOperation): string {
  const p = op.profile;
  const period =
    op.firstSeen && op.lastSeen ? `, ${op.firstSeen.slice(0, 10)} to ${op.lastSeen.slice(0, 10)}` : '';
  const losses = lossesOf(op);
  return [
    `Tech support scam operation tracked by Dragnet: ${op.reportCount} victim reports${period}.`,
    tallies('Impersonates', p.modusOperandi.brands),
    tallies('First contact', p.modusOperandi.channels),
    tallies('Payment methods', p.modusOperandi.paymentMethods),
    tallies('Remote-access tools', p.modusOperandi.remoteTools),
    tallies('Languages', p.modusOperandi.languages),
    tallies("Victims' countries", p.targets.victimCountries),
    losses.length > 0 ? `Reported losses: ${money(losses)}.` : null,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The intrusion set of an operation, with its profile in x_dragnet_ properties. */
export function intrusionSet(ctx: ExportContext, op: SharedOperation): ReturnType<typeof sdo> {
  const mo = op.profile.modusOperandi;
  const firstSeen = stixTime(op.firstSeen);
  const lastSeen = stixTime(op.lastSeen);
  return sdo(ctx, 'intrusion-set', dragnetId('intrusion-set', op.id), firstSeen, {
    name: intrusionSetName(op),
    description: operationSummary(op),
    labels: [TSS_LABEL],
    first_seen: firstSeen,
    last_seen: lastSeen && (!firstSeen || lastSeen >= firstSeen) ? lastSeen : undefined,
    primary_motivation: 'personal-gain',
    x_dragnet_operation_id: op.id,
    x_dragnet_report_count: op.reportCount,
    x_dragnet_priority: op.priority,
    x_dragnet_channels: mo.channels.map((t) => t.value),
    x_dragnet_payment_methods: mo.paymentMethods.map((t) => t.value),
    x_dragnet_remote_tools: mo.remoteTools.map((t) => t.value),
    x_dragnet_languages: mo.languages.map((t) => t.value),
  });
}

/**
 * What an operation targets and whom it pretends to be: a `location` per victim country (`targets`), an
 * organisation `identity` per impersonated brand (`related-to`, described "impersonates": STIX defines
 * `impersonates` for threat actors only).
 */
export function addTargetsAndBrands(ctx: ExportContext, set: ObjectSet, op: SharedOperation): void {
  const setId = dragnetId('intrusion-set', op.id);
  const since = stixTime(op.firstSeen);
  for (const t of op.profile.targets.victimCountries) {
    const country = t.value.toUpperCase();
    const location = sdo(ctx, 'location', dragnetId('location', 'country', country), since, {
      name: country,
      country,
    });
    set.add(location, op.tlp);
    set.add(
      relationship(ctx, 'targets', setId, location.id, { since, x_dragnet_report_count: t.count }),
      op.tlp,
    );
  }
  for (const b of op.profile.modusOperandi.brands) {
    const brand = sdo(ctx, 'identity', dragnetId('identity', 'impersonated-brand', b.value), since, {
      name: b.value,
      identity_class: 'organization',
      x_dragnet_role: 'impersonated-brand',
    });
    set.add(brand, op.tlp);
    set.add(
      relationship(ctx, 'related-to', setId, brand.id, {
        since,
        description: 'impersonates',
        x_dragnet_report_count: b.count,
      }),
      op.tlp,
    );
  }
}

/**
 * The victims' losses as one `incident`, attributed to the operation. The Incident Core extension gets only
 * the two properties it requires (determination, investigation_status); the sums are in the description and
 * in x_dragnet_losses.
 */
export function addIncident(ctx: ExportContext, set: ObjectSet, op: SharedOperation): void {
  const losses = lossesOf(op);
  if (losses.length === 0) return;
  const since = stixTime(op.firstSeen);
  const incident = sdo(ctx, 'incident', dragnetId('incident', op.id), since, {
    name: `Losses to ${intrusionSetName(op)}`,
    description: `Victims of ${intrusionSetName(op)} reported losses of ${money(losses)} (${op.reportCount} reports).`,
    extensions: {
      [INCIDENT_CORE_EXTENSION]: {
        extension_type: 'property-extension',
        determination: 'successful-attempt',
        investigation_status: 'open',
      },
    },
    x_dragnet_losses: losses.map((l) => ({ currency: l.currency, value: l.value })),
    x_dragnet_report_count: op.reportCount,
  });
  set.add(incident, op.tlp);
  set.add(
    relationship(ctx, 'attributed-to', incident.id, dragnetId('intrusion-set', op.id), { since }),
    op.tlp,
  );
}
