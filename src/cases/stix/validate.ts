import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { isEmailFormat, isIdnHostnameFormat, isUriFormat } from './formats.js';
import { patternProblem } from './pattern.js';
import { MAX_BUNDLE_OBJECTS } from './types.js';

/** The official STIX 2.1 JSON schemas committed to the repository (src/ or dist/cases/stix → repo root). */
export const STIX_SCHEMAS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../vendor/stix2.1-schemas/schemas',
);

/** One problem found in a bundle: the object (its id, or `objects[i]`) and what is wrong with it. */
export interface BundleProblem {
  object: string;
  message: string;
}

/** The verdict on a bundle. */
export interface BundleValidation {
  valid: boolean;
  errors: BundleProblem[];
}

const SCHEMA_BASE = 'http://raw.githubusercontent.com/oasis-open/cti-stix2-json-schemas/stix2.1/schemas/';
// Reported problems are capped: a bundle of 100,000 broken objects needs a few examples, not 100,000.
const MAX_ERRORS = 200;
const MAX_ERRORS_PER_OBJECT = 5;
interface Validators {
  bundle: ValidateFunction;
  byType: Map<string, ValidateFunction>;
  sdoCore: ValidateFunction;
  scoCore: ValidateFunction;
}

let cache: Validators | undefined;

/**
 * The schemas' type and extension-name patterns nest quantifiers (`([a-z][a-z0-9]*)+`): on a long hostile
 * type such as "aaaa…!" they backtrack for hours. The inner group matches the same strings unrepeated, so it
 * is rewritten before compiling; every other pattern is left as published.
 */
function safeRegExp(pattern: string, flags: string): RegExp {
  return new RegExp(pattern.replaceAll('([a-z][a-z0-9]*)+', '[a-z][a-z0-9]*'), flags);
}
safeRegExp.code = 'safeRegExp';

function loadSchemas(dir: string): Array<Record<string, unknown>> {
  return ['common', 'sdos', 'sros', 'observables'].flatMap((sub) =>
    readdirSync(path.join(dir, sub))
      .filter((f) => f.endsWith('.json'))
      .sort()
      .map((f) => JSON.parse(readFileSync(path.join(dir, sub, f), 'utf8')) as Record<string, unknown>),
  );
}

/**
 * bundle.json for the envelope only. Its `objects.items` is a oneOf of 36 schemas plus a catch-all for custom
 * objects, and it is both wrong and slow: it forgets location, incident, grouping, note, opinion and
 * extension-definition, so the catch-all sees them match core.json and cyber-observable-core.json at once and
 * the oneOf refuses them; and it tries every schema on every object (30 s for 80,000 objects). validateBundle
 * does the same dispatch by type, against the same per-type schemas.
 */
function envelopeSchema(bundle: Record<string, unknown>): Record<string, unknown> {
  const envelope = structuredClone(bundle) as { $id: string; properties: { objects: { items: unknown } } };
  envelope.$id = `${SCHEMA_BASE}common/bundle-envelope.json`;
  envelope.properties.objects.items = true;
  return envelope as unknown as Record<string, unknown>;
}

function compile(dir: string): Validators {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    code: { regExp: safeRegExp },
  });
  ajv.addFormat('email', isEmailFormat);
  ajv.addFormat('uri', isUriFormat);
  ajv.addFormat('idn-hostname', isIdnHostnameFormat);
  const schemas = loadSchemas(dir);
  ajv.addSchema(schemas);
  const bundle = schemas.find((s) => s.$id === `${SCHEMA_BASE}common/bundle.json`);
  if (!bundle) throw new Error(`no common/bundle.json in ${dir}`);
  const get = (file: string) => {
    const v = ajv.getSchema(`${SCHEMA_BASE}${file}`);
    if (!v) throw new Error(`no ${file} in ${dir}`);
    return v;
  };
  const byType = new Map<string, ValidateFunction>();
  for (const sub of ['sdos', 'sros', 'observables'])
    for (const f of readdirSync(path.join(dir, sub)).filter((x) => x.endsWith('.json')))
      byType.set(f.replace(/\.json$/, ''), get(`${sub}/${f}`));
  for (const type of ['marking-definition', 'extension-definition', 'language-content'])
    byType.set(type, get(`common/${type}.json`));
  return {
    bundle: ajv.compile(envelopeSchema(bundle)),
    byType,
    sdoCore: get('common/core.json'),
    scoCore: get('common/cyber-observable-core.json'),
  };
}

/** The compiled validators (compiled once, on first use). */
function validators(): Validators {
  cache ??= compile(STIX_SCHEMAS_DIR);
  return cache;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? '' : `${e.instancePath}: `;
  const p = e.params as Record<string, unknown>;
  const detail =
    e.keyword === 'additionalProperties'
      ? ` (${String(p.additionalProperty)})`
      : e.keyword === 'enum'
        ? ` (${(p.allowedValues as unknown[]).map(String).join(', ')})`
        : '';
  return `${where}${e.message ?? e.keyword}${detail}`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The extension types an object declares through extension definitions (new-sco, new-sdo…). */
function declaredExtensionTypes(o: Record<string, unknown>): string[] {
  if (!isRecord(o.extensions)) return [];
  return Object.entries(o.extensions)
    .filter(([k, v]) => k.startsWith('extension-definition--') && isRecord(v))
    .map(([, v]) => (v as Record<string, unknown>).extension_type)
    .filter((t): t is string => typeof t === 'string');
}

/** The validator for an object: its own schema, or the core its extension declares; null for an unknown type. */
function validatorOf(o: Record<string, unknown>, v: Validators): ValidateFunction | null {
  const own = typeof o.type === 'string' ? v.byType.get(o.type) : undefined;
  if (own) return own;
  const declared = declaredExtensionTypes(o);
  if (declared.includes('new-sco')) return v.scoCore;
  if (declared.includes('new-sdo') || declared.includes('new-sro')) return v.sdoCore;
  return null;
}

/** What the schemas cannot say (their README lists it): id prefixes, modified ≥ created, pattern grammar. */
function specProblems(o: Record<string, unknown>): string[] {
  const out: string[] = [];
  if (typeof o.type === 'string' && typeof o.id === 'string' && !o.id.startsWith(`${o.type}--`))
    out.push(`id must start with "${o.type}--"`);
  if (typeof o.created === 'string' && typeof o.modified === 'string') {
    if (Date.parse(o.modified) < Date.parse(o.created)) out.push('modified is earlier than created');
  }
  if (o.type === 'indicator' && o.pattern_type === 'stix' && typeof o.pattern === 'string') {
    const problem = patternProblem(o.pattern);
    if (problem) out.push(`/pattern: not a valid STIX pattern (${problem})`);
  }
  return out;
}

/** Problems of one object of a bundle. */
function objectProblems(o: unknown, v: Validators): string[] {
  if (!isRecord(o)) return ['must be an object'];
  const validate = validatorOf(o, v);
  if (!validate) {
    const type = typeof o.type === 'string' ? `"${o.type.slice(0, 100)}"` : 'missing';
    return [
      `unknown type ${type}: no STIX 2.1 schema, and no extension definition declares it (new-sco, new-sdo)`,
    ];
  }
  const out = validate(o) ? [] : (validate.errors ?? []).map(describe);
  if (validate === v.scoCore && !declaredExtensionTypes(o).includes('new-sco'))
    out.push('a custom observable needs an extension definition with extension_type "new-sco"');
  return [...new Set([...out, ...specProblems(o)])];
}

/**
 * Validates a bundle against the official STIX 2.1 schemas: the envelope against common/bundle.json (see
 * envelopeSchema), every object against its own type's schema (custom objects against cyber-observable-core
 * or core, as the extension definition they name declares: new-sco, new-sdo), then what the schemas cannot
 * check. Problems are capped at 200. Never throws.
 */
export function validateBundle(bundle: unknown): BundleValidation {
  const errors: BundleProblem[] = [];
  let dropped = 0;
  const report = (object: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ object, message });
    else dropped += 1;
  };
  if (!isRecord(bundle))
    return { valid: false, errors: [{ object: 'bundle', message: 'must be an object' }] };
  const objects = bundle.objects;
  if (Array.isArray(objects) && objects.length > MAX_BUNDLE_OBJECTS) {
    const message = `has ${objects.length} objects; at most ${MAX_BUNDLE_OBJECTS} are accepted`;
    return { valid: false, errors: [{ object: 'bundle', message }] };
  }
  const v = validators();
  const list: unknown[] = Array.isArray(objects) ? objects : [];
  const seen = new Map<string, Record<string, unknown>>();
  list.forEach((o, i) => {
    const label = isRecord(o) && typeof o.id === 'string' ? o.id.slice(0, 300) : `objects[${i}]`;
    const problems = objectProblems(o, v);
    if (isRecord(o) && typeof o.id === 'string') {
      // The same object twice is harmless; two different ones under one id and version are a conflict.
      const first = seen.get(o.id);
      if (first && first.modified === o.modified && JSON.stringify(first) !== JSON.stringify(o))
        problems.push('another object has the same id and version but different content');
      if (!first) seen.set(o.id, o);
    }
    for (const p of problems.slice(0, MAX_ERRORS_PER_OBJECT)) report(label, p);
  });
  if (!v.bundle(bundle)) for (const e of v.bundle.errors ?? []) report('bundle', describe(e));
  if (dropped > 0) errors.push({ object: 'bundle', message: `…and ${dropped} more problems` });
  return { valid: errors.length === 0, errors };
}
