import type { Tlp } from '../types.js';

/** How a TLP marking is printed: FIRST's TLP 2.0 label, its colour on a black background, and its meaning. */
export interface TlpMarking {
  label: string;
  colour: string;
  meaning: string;
}

// FIRST, Traffic Light Protocol 2.0: colours (RGB on black) and the short definitions.
const MARKINGS: Record<Tlp, TlpMarking> = {
  red: {
    label: 'TLP:RED',
    colour: '#FF2B2B',
    meaning: 'For the eyes and ears of individual recipients only, no further disclosure.',
  },
  'amber+strict': {
    label: 'TLP:AMBER+STRICT',
    colour: '#FFC000',
    meaning: 'Limited disclosure, restricted to the recipient organisation only.',
  },
  amber: {
    label: 'TLP:AMBER',
    colour: '#FFC000',
    meaning:
      'Limited disclosure, recipients can only spread this on a need-to-know basis within their organisation and its clients.',
  },
  green: {
    label: 'TLP:GREEN',
    colour: '#33FF00',
    meaning: 'Limited disclosure, recipients can spread this within their community.',
  },
  clear: {
    label: 'TLP:CLEAR',
    colour: '#FFFFFF',
    meaning: 'Recipients can spread this to the world, there is no limit on disclosure.',
  },
};

/** The marking of a TLP level (an unknown level is treated as the strictest, RED). */
export function tlpMarking(tlp: Tlp): TlpMarking {
  return MARKINGS[tlp] ?? MARKINGS.red;
}
