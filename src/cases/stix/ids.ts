import { v5 as uuidv5 } from 'uuid';
import { canonicalJson } from '../../core/hash.js';

/** The namespace STIX 2.1 (§2.9) gives for deterministic observable ids: every producer derives the same one. */
const SCO_NAMESPACE = '00abedb4-aa42-466c-9c01-fed23315a9b7';
/** Dragnet's own namespace for the ids of objects it describes (operations, their incidents, relationships). */
const DRAGNET_NAMESPACE = 'b3e18ebc-e106-4510-a049-22eb4b8cae97';

/**
 * The id of an observable from its id-contributing properties, as STIX 2.1 derives it: the same value gets
 * the same id from any producer (OpenCTI included), so consumers merge it without a lookup.
 */
export function observableId(type: string, contributing: Record<string, unknown>): string {
  return `${type}--${uuidv5(canonicalJson(contributing), SCO_NAMESPACE)}`;
}

/** The id of a Dragnet-described object from a stable name ("intrusion-set" + operation id…): same input, same id. */
export function dragnetId(type: string, ...name: string[]): string {
  return `${type}--${uuidv5(JSON.stringify([type, ...name]), DRAGNET_NAMESPACE)}`;
}
