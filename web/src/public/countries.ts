import type { Language } from './i18n/languages';

/** ISO 3166-1 alpha-2 codes of the countries a victim may live in (names come from Intl.DisplayNames). */
export const COUNTRY_CODES =
  `AD AE AF AG AI AL AM AO AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT
BW BY BZ CA CD CF CG CH CI CK CL CM CN CO CR CU CV CW CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB
GD GE GF GG GH GI GL GM GN GP GQ GR GT GU GW GY HK HN HR HT HU ID IE IL IM IN IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP
KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE
NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SK SL SM SN
SO SR SS ST SV SX SY SZ TC TD TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT
ZA ZM ZW`.split(/\s+/);

/** Where a language is most spoken by our visitors, when the browser names no region. */
const COUNTRY_BY_LANGUAGE: Record<Language, string> = { en: 'US', fr: 'FR', de: 'DE', es: 'ES', ja: 'JP' };

/**
 * The country to offer first: the region of the browser's first tag in this language (fr-CA → CA), else
 * the language's main country. The person can always change it.
 */
export function defaultCountry(
  language: Language,
  preferred: readonly string[] = navigator.languages,
): string {
  for (const tag of preferred) {
    const [base, region] = tag.split('-');
    if (base?.toLowerCase() === language && region && /^[A-Za-z]{2}$/.test(region)) {
      const code = region.toUpperCase();
      if (COUNTRY_CODES.includes(code)) return code;
    }
  }
  return COUNTRY_BY_LANGUAGE[language];
}

const EURO = 'AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MC MT NL PT SI SK SM VA XK ME AD'.split(' ');
const CURRENCY_BY_COUNTRY: Record<string, string> = {
  US: 'USD',
  GB: 'GBP',
  CA: 'CAD',
  AU: 'AUD',
  NZ: 'NZD',
  JP: 'JPY',
  CH: 'CHF',
  LI: 'CHF',
  IN: 'INR',
  MX: 'MXN',
  AR: 'ARS',
  CL: 'CLP',
  CO: 'COP',
  PE: 'PEN',
  SE: 'SEK',
  NO: 'NOK',
  DK: 'DKK',
  PL: 'PLN',
  ZA: 'ZAR',
  SG: 'SGD',
  HK: 'HKD',
  IE: 'EUR',
};

/** Currencies the money step offers (the victim's own first). */
export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'NZD',
  'JPY',
  'CHF',
  'INR',
  'MXN',
  'ARS',
  'CLP',
  'COP',
  'PEN',
  'SEK',
  'NOK',
  'DKK',
  'PLN',
  'ZAR',
  'SGD',
  'HKD',
];

/** The currency people most likely paid in, from their country. */
export function currencyOf(country: string): string {
  if (EURO.includes(country)) return 'EUR';
  return CURRENCY_BY_COUNTRY[country] ?? 'USD';
}
