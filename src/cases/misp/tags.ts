import type { Tlp } from '../types.js';
import type { MispEvent, MispTag } from './types.js';

/** MISP's `tlp` taxonomy (TLP 2.0 names). */
export const TLP_TAGS: Readonly<Record<Tlp, string>> = {
  clear: 'tlp:clear',
  green: 'tlp:green',
  amber: 'tlp:amber',
  'amber+strict': 'tlp:amber+strict',
  red: 'tlp:red',
};

/**
 * What every Dragnet event is: a scam (CIRCL incident classification) run over the phone (vishing, in the
 * social-engineering-attack-vectors taxonomy). Kept here so a taxonomy's change is a one-line fix.
 */
export const SCAM_TAGS = [
  'circl:incident-classification="scam"',
  'social-engineering-attack-vectors:technical="vishing"',
] as const;

/**
 * The Permissible Actions Protocol a marking allows: CLEAR and GREEN data may be acted on openly (block the
 * number, take the page down: PAP:GREEN); AMBER and above only for passive checks the operation cannot
 * notice, such as look-ups and monitoring (PAP:AMBER).
 */
export function papTag(tlp: Tlp): string {
  return tlp === 'clear' || tlp === 'green' ? 'PAP:GREEN' : 'PAP:AMBER';
}

/** The event's tags: its marking, what it may be used for, and what kind of incident it is. */
export function eventTags(tlp: Tlp): MispTag[] {
  return [TLP_TAGS[tlp], papTag(tlp), ...SCAM_TAGS].map((name) => ({ name }));
}

/**
 * How far the recipient's MISP may share the event on by itself: CLEAR to all communities, GREEN to its own
 * community, AMBER and above to its own organisation only (an analyst there widens it by hand).
 */
export function distributionFor(tlp: Tlp): MispEvent['distribution'] {
  if (tlp === 'clear') return '3';
  return tlp === 'green' ? '1' : '0';
}

/**
 * MISP's threat level from the operations' priority (0..100, fast-moving and costly first): 70 and above
 * high, 30 and above medium, else low.
 */
export function threatLevelFor(priority: number): MispEvent['threat_level_id'] {
  if (priority >= 70) return '1';
  return priority >= 30 ? '2' : '3';
}
