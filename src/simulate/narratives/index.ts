import type { Rng } from '../rng.js';
import { de } from './de.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { ja } from './ja.js';
import type { OtherScamFacts, Phrasebook, TssFacts } from './phrasebook.js';

/** Every phrasebook by language tag. */
export const PHRASEBOOKS: Record<string, Phrasebook> = { en, fr, de, es, ja };

/** The phrasebook for a language, English when there is none. */
export function phrasebook(language: string): Phrasebook {
  return PHRASEBOOKS[language] ?? en;
}

/**
 * A tech-support-scam narrative: an opening for the channel, then each known fact not yet mentioned, in the
 * order victims tell it (who, what was installed, what was paid, what they checked after).
 */
export function tssNarrative(book: Phrasebook, f: TssFacts, rng: Rng, detail: number): string {
  const parts: string[] = [];
  const opening = rng.pick(book.opening[f.channel])(f);
  parts.push(opening);
  const mentioned = (v: string | undefined) => v === undefined || opening.includes(v);
  if (!mentioned(f.phone)) parts.push(rng.pick(book.phone)(f));
  if (!mentioned(f.url)) parts.push(rng.pick(book.url)(f));
  if (f.agent) parts.push(rng.pick(book.agent)(f));
  if (f.company) parts.push(rng.pick(book.company)(f));
  if (f.tool && rng.chance(0.4 + detail * 0.5)) parts.push(rng.pick(book.tool)(f));
  if (f.email) parts.push(rng.pick(book.email)(f));
  if (f.payment) parts.push(rng.pick(book.pay[f.payment.method])(f.payment));
  else if (rng.chance(detail)) parts.push(rng.pick(book.noPay));
  if (f.realSite) parts.push(rng.pick(book.realSite)(f));
  if (f.realPhone) parts.push(rng.pick(book.realPhone)(f));
  if (rng.chance(detail)) parts.push(rng.pick(book.closing));
  return parts.join(book.joiner).trim();
}

/** A narrative of another kind of scam (romance, investment, delivery). */
export function otherScamNarrative(book: Phrasebook, f: OtherScamFacts, rng: Rng): string {
  return rng.pick(book.otherScam[f.kind])(f);
}

/** A report that is no scam at all: a test, a question, spam. */
export function noiseNarrative(book: Phrasebook, rng: Rng): string {
  return rng.pick(book.noise);
}

/** A victim's name as written in their language. */
export function victimName(book: Phrasebook, rng: Rng): string {
  const given = rng.pick(book.names.given);
  const family = rng.pick(book.names.family);
  return book.names.familyFirst ? `${family} ${given}` : `${given} ${family}`;
}
