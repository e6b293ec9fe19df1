import { type Tlp, tlpRank } from '../types.js';
import { type StixObject, TLP_2_EXTENSION } from './types.js';

/** The fixed ids of the TLP 2.0 marking definitions (FIELD.md "Interop"). */
export const TLP_MARKING_IDS: Record<Tlp, string> = {
  clear: 'marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487',
  green: 'marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb',
  amber: 'marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421',
  'amber+strict': 'marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003',
  red: 'marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1',
};

/**
 * A TLP 2.0 marking definition as the published ones are written: no `definition`, the level in the TLP 2.0
 * property extension, and the creation date of TLP 2.0 (so that every producer's copy is the same object).
 */
export function tlpMarking(tlp: Tlp): StixObject {
  return {
    type: 'marking-definition',
    spec_version: '2.1',
    id: TLP_MARKING_IDS[tlp],
    created: '2022-10-01T00:00:00.000Z',
    name: `TLP:${tlp.toUpperCase()}`,
    extensions: { [TLP_2_EXTENSION]: { extension_type: 'property-extension', tlp_2_0: tlp } },
  };
}

/** The most restricted of TLP levels (what an object shared by several operations is marked with). */
export function strictestTlp(a: Tlp, b: Tlp): Tlp {
  return tlpRank(a) >= tlpRank(b) ? a : b;
}
