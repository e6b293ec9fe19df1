import type { Rng } from '../../simulate/rng.js';
import { digits, type Language } from './kit.js';

/** A generated phone number: how the page prints it and the country it is dialled in. */
export interface PagePhone {
  display: string;
  country: 'US' | 'GB' | 'FR' | 'DE' | 'ES' | 'JP' | 'CA';
}

const US_TOLL_FREE = ['800', '833', '844', '855', '866', '877', '888'] as const;

/** A North American exchange or line start: never 0/1, and never the fictitious 555. */
function exchange(rng: Rng): string {
  for (;;) {
    const value = `${rng.range(2, 9)}${digits(rng, 2)}`;
    if (value !== '555') return value;
  }
}

/**
 * A realistic toll-free number for the page's market, formatted the way scam kits print them
 * (the formats vary on purpose: dashes, dots, brackets, a leading +1 or "1-").
 */
export function tollFreeNumber(rng: Rng, language: Language): PagePhone {
  switch (language) {
    case 'en': {
      if (rng.chance(0.15)) {
        return { display: `0800 ${digits(rng, 3)} ${digits(rng, 4)}`, country: 'GB' };
      }
      const area = rng.pick(US_TOLL_FREE);
      const ex = exchange(rng);
      const line = digits(rng, 4);
      const display = rng.pick([
        `1-${area}-${ex}-${line}`,
        `+1 (${area}) ${ex}-${line}`,
        `(${area}) ${ex}-${line}`,
        `+1-${area}-${ex}-${line}`,
        `${area}.${ex}.${line}`,
        `1 ${area} ${ex} ${line}`,
      ]);
      return { display, country: 'US' };
    }
    case 'fr': {
      const prefix = rng.pick(['0800', '0805', '0806', '0809']);
      const d = digits(rng, 6);
      const display = rng.chance(0.7)
        ? `${prefix.slice(0, 2)} ${prefix.slice(2)} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`
        : `${prefix} ${d.slice(0, 3)} ${d.slice(3)}`;
      return { display, country: 'FR' };
    }
    case 'de': {
      const d = digits(rng, 7);
      const display = rng.pick([`0800 ${d}`, `0800 ${d.slice(0, 3)} ${d.slice(3)}`, `+49 800 ${d}`]);
      return { display, country: 'DE' };
    }
    case 'es': {
      const d = digits(rng, 6);
      const prefix = rng.pick(['900', '800']);
      const display = rng.pick([
        `${prefix} ${d.slice(0, 3)} ${d.slice(3)}`,
        `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)}`,
        `+34 ${prefix} ${d.slice(0, 3)} ${d.slice(3)}`,
      ]);
      return { display, country: 'ES' };
    }
    case 'ja': {
      if (rng.chance(0.3)) {
        const d = digits(rng, 7);
        return { display: `0800-${d.slice(0, 3)}-${d.slice(3)}`, country: 'JP' };
      }
      const d = `${rng.range(1, 9)}${digits(rng, 5)}`;
      const display = rng.chance(0.8)
        ? `0120-${d.slice(0, 3)}-${d.slice(3)}`
        : `0120-${d.slice(0, 2)}-${d.slice(2)}`;
      return { display, country: 'JP' };
    }
  }
}

/** The country whose numbering plan a page in `language` uses by default. */
export function defaultCountry(language: Language): PagePhone['country'] {
  return ({ en: 'US', fr: 'FR', de: 'DE', es: 'ES', ja: 'JP' } as const)[language];
}
