import { ValidationError } from '../../core/errors.js';
import { hasSubstance, LIMITS, type ReportInput, reportInputSchema } from '../../core/report-input.js';
import { slotOfComparison, slotsOfObservable } from './observables.js';
import { simpleComparisons } from './pattern.js';
import { ReportFields, type Skipped, storable } from './report-fields.js';
import { stixTime } from './sdo.js';
import { MAX_BUNDLE_OBJECTS, type StixObject } from './types.js';
import { validateBundle } from './validate.js';

/** Options of an import. */
export interface StixImportOptions {
  /** The most objects accepted (default MAX_BUNDLE_OBJECTS). */
  maxObjects?: number;
}

/** What an import makes of a bundle: one report per operation, and what it left out. */
export interface StixImport {
  reports: ReportInput[];
  skipped: Skipped[];
}

interface Edge {
  relationship: StixObject;
  other: string;
}

/** A bundle's objects by id, and the relationships at each end. */
class BundleGraph {
  readonly byId = new Map<string, StixObject>();
  private readonly edges = new Map<string, Edge[]>();

  constructor(objects: StixObject[]) {
    for (const o of objects) if (!this.byId.has(o.id)) this.byId.set(o.id, o);
    for (const r of objects) {
      if (r.type !== 'relationship') continue;
      const source = r.source_ref as string;
      const target = r.target_ref as string;
      this.edgesOf(source).push({ relationship: r, other: target });
      this.edgesOf(target).push({ relationship: r, other: source });
    }
  }

  private edgesOf(id: string): Edge[] {
    let list = this.edges.get(id);
    if (!list) {
      list = [];
      this.edges.set(id, list);
    }
    return list;
  }

  /** The objects related to `id` that are in the bundle, with the relationship that relates them. */
  neighbours(id: string): Array<{ object: StixObject; via: StixObject | null }> {
    return (this.edges.get(id) ?? []).flatMap((e) => {
      const object = this.byId.get(e.other);
      return object ? [{ object, via: e.relationship }] : [];
    });
  }
}

/** A member of a report: an object, and the relationship that brought it in (null: listed in object_refs). */
interface Member {
  object: StixObject;
  via: StixObject | null;
}

// Objects that group others: their members are read through them, one level down.
const GROUPING_TYPES = new Set(['infrastructure', 'campaign', 'indicator']);
// Objects that are never members nor left-over values.
const FRAME_TYPES = new Set([
  'relationship',
  'marking-definition',
  'extension-definition',
  'language-content',
]);

/** The members of an intrusion set: what is related to it, and to its infrastructure, campaigns, indicators. */
function intrusionSetMembers(graph: BundleGraph, setId: string): Member[] {
  const members = new Map<string, Member>();
  for (const n of graph.neighbours(setId)) {
    if (n.object.type === 'intrusion-set' || FRAME_TYPES.has(n.object.type)) continue;
    if (!members.has(n.object.id)) members.set(n.object.id, n);
    if (!GROUPING_TYPES.has(n.object.type)) continue;
    for (const m of graph.neighbours(n.object.id)) {
      const t = m.object.type;
      // Parts of parts are not followed (an infrastructure's own infrastructure); indicators are read.
      if (t === 'intrusion-set' || t === 'infrastructure' || t === 'campaign' || FRAME_TYPES.has(t)) continue;
      if (members.has(m.object.id)) continue;
      // A campaign or an infrastructure may serve several sets; only their parts come along, not their links.
      if (t === 'identity' || t === 'threat-actor' || t === 'location') continue;
      members.set(m.object.id, m);
    }
  }
  return [...members.values()].sort((a, b) => (a.object.id < b.object.id ? -1 : 1));
}

/** The members of a `report` or `grouping`: its object_refs, and the observables its indicators are based on. */
function containerMembers(graph: BundleGraph, container: StixObject): Member[] {
  const refs = Array.isArray(container.object_refs) ? (container.object_refs as unknown[]) : [];
  const members = new Map<string, Member>();
  for (const ref of refs) {
    const object = typeof ref === 'string' ? graph.byId.get(ref) : undefined;
    if (!object || FRAME_TYPES.has(object.type)) continue;
    members.set(object.id, { object, via: null });
    if (object.type === 'indicator')
      for (const m of graph.neighbours(object.id))
        if (m.via?.relationship_type === 'based-on' && !members.has(m.object.id)) members.set(m.object.id, m);
  }
  return [...members.values()].sort((a, b) => (a.object.id < b.object.id ? -1 : 1));
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** What an identity is to the operation: a company, an impersonated brand, a scammer, or nothing for a report. */
function identityRole(o: StixObject, via: StixObject | null): 'company' | 'brand' | 'person' | null {
  const role = str(o.x_dragnet_role);
  if (role === 'impersonated-brand') return 'brand';
  if (role === 'company') return 'company';
  if (role === 'producer' || via?.relationship_type === 'targets') return null;
  if (via?.relationship_type === 'impersonates' || str(via?.description)?.startsWith('impersonates'))
    return 'brand';
  if (o.identity_class === 'organization') return 'company';
  if (o.identity_class === 'individual') return 'person';
  return null;
}

/** Reads an indicator's simple pattern into the report's fields; the reason when it has none to give. */
function readIndicator(fields: ReportFields, o: StixObject): string | undefined {
  if (o.pattern_type !== 'stix') return `pattern type "${String(o.pattern_type)}" is not read`;
  const comparisons = simpleComparisons(str(o.pattern) ?? '');
  if (!comparisons) return 'pattern is not a simple comparison of values';
  for (const c of comparisons) {
    const slot = slotOfComparison(c);
    if ('reason' in slot) fields.skipped.push({ id: o.id, reason: slot.reason });
    else fields.add(slot.slot, slot.value, o.id);
  }
  return undefined;
}

/** Reads one member into the report's fields; the reason when the report has no place for it. */
function readMember(fields: ReportFields, { object: o, via }: Member): string | undefined {
  const name = str(o.name);
  switch (o.type) {
    case 'indicator':
      return readIndicator(fields, o);
    case 'identity': {
      const role = identityRole(o, via);
      if (!role || !name) return 'identity that is neither a company, a brand nor a scammer';
      if (role === 'company') fields.add('companyNames', name, o.id);
      else if (role === 'person') fields.add('scammerNames', name, o.id);
      else if (storable(name) && name.length <= LIMITS.shortText)
        fields.brands.push({ name, weight: num(via?.x_dragnet_report_count) });
      return undefined;
    }
    case 'threat-actor':
      if (!name || (o.x_dragnet_role !== 'alias' && o.resource_level !== 'individual'))
        return 'threat actor that is not an individual scammer';
      fields.add('scammerNames', name, o.id);
      return undefined;
    case 'location': {
      const country = str(o.country);
      if (via?.relationship_type !== 'targets' || !country || !/^[A-Za-z]{2}$/.test(country))
        return 'location that is not a targeted country';
      fields.countries.push({ code: country.toUpperCase(), weight: num(via.x_dragnet_report_count) });
      return undefined;
    }
    case 'incident':
      if (str(o.description)) fields.narrative.push(o.description as string);
      return undefined;
    case 'infrastructure':
    case 'campaign':
      return undefined;
    default: {
      const slots = slotsOfObservable(o);
      if ('reason' in slots) return slots.reason;
      for (const s of slots) {
        fields.add(s.slot, s.value, o.id);
        if (s.tool) fields.addTool(s.tool);
      }
      return undefined;
    }
  }
}

/** One report from a container (intrusion set, report, grouping) and its members; null when nothing fits. */
function reportOf(
  graph: BundleGraph,
  container: StixObject,
  members: Member[],
  skipped: Skipped[],
): ReportInput | null {
  const fields = new ReportFields();
  const heading = container.type === 'intrusion-set' ? undefined : str(container.name);
  for (const text of [heading, str(container.description)]) if (text) fields.narrative.push(text);
  for (const m of members) {
    const reason = readMember(fields, m);
    if (reason) fields.skipped.push({ id: m.object.id, reason });
  }
  const producer = str(graph.byId.get(str(container.created_by_ref) ?? '')?.name);
  const source = `stix:${producer && storable(producer) ? producer : 'unknown'}`;
  // Re-written as ISO instants: STIX allows leap seconds and any precision, the report contract does not.
  const firstSeen = stixTime(str(container.first_seen) ?? str(container.published));
  const lastSeen = stixTime(str(container.last_seen) ?? str(container.modified));
  const candidate: ReportInput = {
    externalId: `stix:${container.id}`,
    source: source.length > 100 ? source.slice(0, 100).replace(/[\uD800-\uDBFF]$/, '') : source,
    ...(lastSeen ? { submittedAt: lastSeen } : {}),
    ...(firstSeen ? { firstContactAt: firstSeen } : {}),
    ...fields.toInput({ channels: container.x_dragnet_channels, tools: container.x_dragnet_remote_tools }),
  };
  skipped.push(...fields.skipped);
  if (!hasSubstance(candidate)) {
    skipped.push({ id: container.id, reason: 'nothing in it a report can hold' });
    return null;
  }
  const parsed = reportInputSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const why = parsed.error.issues.map((i) => `${i.path.join('/')}: ${i.message}`).join('; ');
  skipped.push({ id: container.id, reason: `not a valid report (${why})` });
  return null;
}

/**
 * Reads a STIX 2.1 bundle into reports, one per operation: every `intrusion-set` with the observables,
 * indicators (simple `[type:prop = 'v']` patterns), identities, aliases, targeted countries and incidents
 * related to it (and to its infrastructure and campaigns), and every `report` or `grouping` that names no
 * intrusion set with the objects it refers to. externalId is `stix:<container id>`, so importing a bundle
 * twice is idempotent; source is `stix:<producer name>`.
 *
 * Values related to no intrusion set and in no report are skipped, not gathered into one report per bundle:
 * a feed of unrelated numbers is not one operation, and one report would link them all as if it were.
 * Throws a ValidationError when the bundle is too big or does not validate (validateBundle).
 */
export function fromStixBundle(bundle: unknown, opts: StixImportOptions = {}): StixImport {
  const max = Math.min(opts.maxObjects ?? MAX_BUNDLE_OBJECTS, MAX_BUNDLE_OBJECTS);
  const count = (bundle as { objects?: unknown } | null)?.objects;
  if (Array.isArray(count) && count.length > max) {
    const message = `the bundle has ${count.length} objects; at most ${max} are accepted`;
    throw new ValidationError(`STIX bundle too big: ${message}`, [{ path: 'objects', message }]);
  }
  const verdict = validateBundle(bundle);
  if (!verdict.valid) {
    const first = verdict.errors.slice(0, 3).map((e) => `${e.object}: ${e.message}`);
    const more = verdict.errors.length > 3 ? ` (and ${verdict.errors.length - 3} more)` : '';
    throw new ValidationError(
      `invalid STIX bundle: ${first.join('; ')}${more}`,
      verdict.errors.map((e) => ({ path: e.object, message: e.message })),
    );
  }
  const objects = (bundle as { objects?: StixObject[] }).objects ?? [];
  const graph = new BundleGraph(objects);
  const reports: ReportInput[] = [];
  const skipped: Skipped[] = [];
  const covered = new Set<string>();
  const read = (container: StixObject, members: Member[]) => {
    covered.add(container.id);
    for (const m of members) covered.add(m.object.id);
    const report = reportOf(graph, container, members, skipped);
    if (report) reports.push(report);
  };
  const sorted = [...graph.byId.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const set of sorted.filter((o) => o.type === 'intrusion-set'))
    read(set, intrusionSetMembers(graph, set.id));
  // A report about intrusion sets is read through them: what it names beyond them is not theirs.
  const inSetReports = new Set<string>();
  for (const container of sorted.filter((o) => o.type === 'report' || o.type === 'grouping')) {
    const members = containerMembers(graph, container);
    if (!members.some((m) => m.object.type === 'intrusion-set')) read(container, members);
    else {
      covered.add(container.id);
      for (const m of members) inSetReports.add(m.object.id);
    }
  }
  const producers = new Set(objects.map((o) => str(o.created_by_ref)).filter(Boolean));
  for (const o of sorted) {
    if (covered.has(o.id) || FRAME_TYPES.has(o.type) || producers.has(o.id)) continue;
    const reason = inSetReports.has(o.id)
      ? 'in a report about an intrusion set, but related to none'
      : 'related to no intrusion set and in no report (unrelated values are not grouped into one report)';
    skipped.push({ id: o.id, reason });
  }
  return { reports, skipped };
}
