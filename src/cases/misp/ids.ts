import { v5 as uuidv5 } from 'uuid';

/** Dragnet's namespace for MISP uuids (UUIDv5): fixed, so the same names always give the same uuids. */
export const DRAGNET_MISP_NAMESPACE = '27c7fd6d-0164-4115-b505-299b5688bee4';

const encoder = new TextEncoder();

/** A UUIDv5 of some parts: JSON keeps the parts apart and any string (even a lone surrogate) distinct. */
function uuidOf(parts: string[], namespace: string): string {
  return uuidv5(encoder.encode(JSON.stringify(parts)), namespace);
}

/**
 * The event's uuid, from who produced it and which operations it holds: exporting the same operations again
 * gives the same event, which MISP then updates (it keeps the copy with the newer timestamps).
 */
export function eventUuid(producer: string, operationIds: string[]): string {
  return uuidOf(['event', producer, ...[...operationIds].sort()], DRAGNET_MISP_NAMESPACE);
}

/** The producing organisation's uuid. */
export function orgUuid(producer: string): string {
  return uuidOf(['org', producer], DRAGNET_MISP_NAMESPACE);
}

/**
 * A uuid for something inside an event, named by its parts. It is scoped to the event, because MISP refuses
 * an attribute or object whose uuid another event already holds.
 */
export function memberUuid(event: string, ...parts: string[]): string {
  return uuidOf(parts, event);
}
