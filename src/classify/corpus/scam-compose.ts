import type { Rng } from '../../simulate/rng.js';
import { escapeHtml, fill, type GeneratedPage, hexDigits, joinList, type Language } from './kit.js';
import { type PagePhone, tollFreeNumber } from './phones.js';
import { type ScamTheme, scamPage } from './scam-layout.js';
import { SCAM_PHRASES } from './scam-phrases.js';

/** What a scam family adds to the shared sentences: its brand, titles, headlines and own sentences. */
export interface ScamSpec {
  /** The brand the texts name (`{brand}`). */
  brand: string;
  /** What the header shows next to the logo. */
  brandLabel: string;
  logo: string;
  titles: readonly string[];
  headlines: readonly string[];
  /** Family-specific sentences (placeholders allowed); one or two are used. */
  sentences: readonly string[];
  /** Family-specific alert texts, used besides the shared ones. */
  alerts?: readonly string[];
  theme: ScamTheme;
  /** Family-specific block, given the page's phone and code. */
  extra?: (values: ScamValues) => string;
  /** Whether the shared "blocked" and "at risk" sentences fit (not for licence or invoice pages). */
  infection?: boolean;
}

/** The random particulars of one scam page. */
export interface ScamValues {
  phone: PagePhone;
  code: string;
  count: string;
  items: string;
}

/** An error code in one of the shapes scam kits print ("0x80070424", "268D3", "DW6VB36" …). */
export function errorCode(rng: Rng): string {
  return rng.pick([
    () => `0x8007${hexDigits(rng, 4)}`,
    () => `0x800${hexDigits(rng, 5)}`,
    () => `${rng.range(100, 999)}${hexDigits(rng, 2)}`,
    () => `DW${hexDigits(rng, 5)}`,
    () => `#${rng.chars('ABCDEFGHJKLMNPQRSTUVWXYZ', 2)}${rng.range(10000, 99999)}`,
    () => `0x${hexDigits(rng, 8)}`,
  ])();
}

/** Draws a page's phone number, error code, virus count and stolen-data list. */
export function scamValues(rng: Rng, language: Language): ScamValues {
  const phrases = SCAM_PHRASES[language];
  return {
    phone: tollFreeNumber(rng, language),
    code: errorCode(rng),
    count: String(rng.range(2, 9)),
    items: joinList(rng.sample(phrases.stolenItems, rng.range(2, 4)), language),
  };
}

/** Fills a phrase with the page's values and escapes it, the phone number in bold. */
export function phraseHtml(phrase: string, brand: string, values: ScamValues): string {
  return fill(escapeHtml(phrase), {
    brand: escapeHtml(brand),
    phone: `<strong>${escapeHtml(values.phone.display)}</strong>`,
    code: escapeHtml(values.code),
    count: values.count,
    items: escapeHtml(values.items),
  });
}

/** Fills a phrase with the page's values as plain text (alerts, speech). */
export function phraseText(phrase: string, brand: string, values: ScamValues): string {
  return fill(phrase, {
    brand,
    phone: values.phone.display,
    code: values.code,
    count: values.count,
    items: values.items,
  });
}

/** One scam page of a family: its own sentences mixed with shared ones, in a drawn layout. */
export function composeScam(rng: Rng, language: Language, spec: ScamSpec): GeneratedPage {
  const phrases = SCAM_PHRASES[language];
  const values = scamValues(rng, language);
  const html = (phrase: string) => phraseHtml(phrase, spec.brand, values);
  const text = (phrase: string) => phraseText(phrase, spec.brand, values);
  const own = rng.sample(spec.sentences, rng.range(1, Math.min(2, spec.sentences.length)));
  const shared = [rng.pick(phrases.technician), rng.pick(phrases.doNotRestart)];
  if (spec.infection !== false) {
    shared.push(rng.pick(phrases.blocked), rng.pick(phrases.atRisk));
  }
  if (rng.chance(0.6)) shared.push(rng.pick(phrases.errorLine));
  const body = [...own, ...rng.sample(shared, rng.range(2, shared.length))];
  const alertPool = [...phrases.alert, ...(spec.alerts ?? [])];
  const alerts = rng.chance(0.65) ? rng.sample(alertPool, rng.range(1, 2)).map(text) : [];
  const title = text(rng.pick(spec.titles));
  const page = scamPage(
    rng,
    {
      language,
      title,
      brandName: escapeHtml(spec.brandLabel),
      logo: spec.logo,
      headline: html(rng.pick(spec.headlines)),
      paragraphs: body.map(html),
      callout: html(rng.pick(phrases.call)),
      buttons: [html(rng.pick(phrases.callButton)), html(rng.pick(phrases.backButton))],
      extra: spec.extra?.(values),
      footer: rng.chance(0.6) ? html(rng.pick(phrases.footer)) : undefined,
      alerts,
      spoken: rng.chance(0.2) ? text(rng.pick(phrases.call)) : undefined,
    },
    spec.theme,
  );
  return { title, html: page };
}
