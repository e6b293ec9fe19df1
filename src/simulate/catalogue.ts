import type { Channel, PaymentMethod } from '../core/report-input.js';

// The fixed vocabulary of the scam world: brands impersonated, remote tools, gift cards, hosting, and the
// common values (real brand sites and support numbers) that reports mention but that must never link.

/** A brand the operations impersonate, with what victims and scam domains call it. */
export interface Brand {
  /** Canonical name (what extraction should report). */
  name: string;
  /** How victims write it in the impersonatedBrand field or a narrative. */
  spellings: readonly string[];
  /** Words scam domains borrow from it. */
  domainWords: readonly string[];
  /** The brand's real support sites: common values, never indicators of an operation. */
  realSites: readonly string[];
  /** The brand's real, public support numbers (E.164, national display): common values. */
  realPhones: readonly (readonly [string, string])[];
  /** Relative weight among operations' choices. */
  weight: number;
}

/** Brands impersonated, weighted roughly as reports name them (Microsoft far ahead). */
export const BRANDS: readonly Brand[] = [
  {
    name: 'Microsoft',
    spellings: [
      'Microsoft',
      'microsoft',
      'Windows',
      'Windows Defender',
      'Microsoft Support',
      'MS',
      'Microsft',
    ],
    domainWords: ['microsoft', 'windows', 'win', 'defender', 'msft', 'ms', 'outlook', 'hotmail', 'office365'],
    realSites: ['microsoft.com', 'support.microsoft.com', 'www.microsoft.com'],
    realPhones: [['+18006427676', '1-800-642-7676']],
    weight: 40,
  },
  {
    name: 'Apple',
    spellings: ['Apple', 'apple', 'Apple Support', 'iCloud', 'Apple Care', 'AppleCare'],
    domainWords: ['apple', 'icloud', 'mac', 'ios', 'iphone', 'applecare'],
    realSites: ['apple.com', 'support.apple.com'],
    realPhones: [
      ['+18002752273', '1-800-275-2273'],
      ['+18006927753', '1-800-692-7753'],
    ],
    weight: 14,
  },
  {
    name: 'Norton',
    spellings: ['Norton', 'norton', 'Norton 360', 'Norton LifeLock', 'Nortan'],
    domainWords: ['norton', 'norton360', 'lifelock'],
    realSites: ['norton.com', 'support.norton.com'],
    realPhones: [],
    weight: 8,
  },
  {
    name: 'McAfee',
    spellings: ['McAfee', 'mcafee', 'Mcafee', 'McAffee', 'McAfee Total Protection'],
    domainWords: ['mcafee', 'mcafee-total', 'mcafeeav'],
    realSites: ['mcafee.com', 'service.mcafee.com'],
    realPhones: [],
    weight: 7,
  },
  {
    name: 'Geek Squad',
    spellings: ['Geek Squad', 'GeekSquad', 'geek squad', 'Best Buy Geek Squad', 'Geek Squad Protection'],
    domainWords: ['geeksquad', 'geek-squad', 'bestbuy'],
    realSites: ['bestbuy.com', 'geeksquad.com'],
    realPhones: [['+18004335778', '1-800-433-5778']],
    weight: 7,
  },
  {
    name: 'Amazon',
    spellings: ['Amazon', 'amazon', 'Amazon Support', 'Amazon Prime'],
    domainWords: ['amazon', 'amzn', 'prime'],
    realSites: ['amazon.com', 'www.amazon.com'],
    realPhones: [['+18882804331', '1-888-280-4331']],
    weight: 7,
  },
  {
    name: 'PayPal',
    spellings: ['PayPal', 'Paypal', 'paypal', 'Pay Pal'],
    domainWords: ['paypal', 'pp-secure', 'paypal-resolution'],
    realSites: ['paypal.com', 'www.paypal.com'],
    realPhones: [['+18882211161', '1-888-221-1161']],
    weight: 5,
  },
  {
    name: 'Dell',
    spellings: ['Dell', 'dell', 'Dell Support'],
    domainWords: ['dell', 'dellcare'],
    realSites: ['dell.com'],
    realPhones: [],
    weight: 3,
  },
  {
    name: 'HP',
    spellings: ['HP', 'hp', 'HP Support', 'Hewlett Packard'],
    domainWords: ['hp', 'hpprinter', '123hp'],
    realSites: ['hp.com', 'support.hp.com'],
    realPhones: [],
    weight: 3,
  },
  {
    name: 'Xfinity',
    spellings: ['Xfinity', 'Comcast', 'xfinity'],
    domainWords: ['xfinity', 'comcast'],
    realSites: ['xfinity.com'],
    realPhones: [],
    weight: 2,
  },
  {
    name: 'AT&T',
    spellings: ['AT&T', 'ATT', 'att'],
    domainWords: ['att', 'attnet'],
    realSites: ['att.com'],
    realPhones: [],
    weight: 2,
  },
  {
    name: 'BT',
    spellings: ['BT', 'British Telecom', 'BT Broadband'],
    domainWords: ['bt', 'btinternet', 'broadband'],
    realSites: ['bt.com'],
    realPhones: [],
    weight: 2,
  },
];

/** A remote-access tool operators make victims install. */
export interface RemoteTool {
  /** Canonical id (DESIGN.md remoteTools). */
  id:
    | 'anydesk'
    | 'teamviewer'
    | 'connectwise'
    | 'quickassist'
    | 'ultraviewer'
    | 'logmein'
    | 'rustdesk'
    | 'supremo';
  display: string;
  /** The vendor's own site: a common value. */
  site: string;
  weight: number;
}

/** Remote tools, weighted as reports mention them. */
export const REMOTE_TOOLS: readonly RemoteTool[] = [
  { id: 'anydesk', display: 'AnyDesk', site: 'anydesk.com', weight: 35 },
  { id: 'teamviewer', display: 'TeamViewer', site: 'teamviewer.com', weight: 20 },
  { id: 'connectwise', display: 'ScreenConnect', site: 'screenconnect.com', weight: 12 },
  { id: 'quickassist', display: 'Quick Assist', site: 'support.microsoft.com', weight: 10 },
  { id: 'ultraviewer', display: 'UltraViewer', site: 'ultraviewer.net', weight: 10 },
  { id: 'logmein', display: 'LogMeIn', site: 'support.me', weight: 6 },
  { id: 'rustdesk', display: 'RustDesk', site: 'rustdesk.com', weight: 4 },
  { id: 'supremo', display: 'Supremo', site: 'supremocontrol.com', weight: 3 },
];

/** Gift-card brands by market: payment brands are modus operandi, never links. */
const GIFT_CARD_MARKETS: Record<string, readonly string[]> = {
  default: ['Google Play', 'Apple', 'Steam', 'Target', 'Walmart', 'Amazon', 'eBay', 'Razer Gold', 'Best Buy'],
  FR: ['Transcash', 'PCS', 'Neosurf', 'Google Play', 'Steam', 'Paysafecard'],
  DE: ['Paysafecard', 'Google Play', 'Apple', 'Amazon', 'Steam'],
  ES: ['Paysafecard', 'Google Play', 'Amazon', 'Neosurf'],
  JP: ['Google Play', 'Apple', 'Amazon', 'WebMoney', 'BitCash'],
};

/** Which gift-card market each victim country buys in. */
const GIFT_CARD_MARKET_OF: Record<string, string> = {
  FR: 'FR',
  BE: 'FR',
  CH: 'DE',
  DE: 'DE',
  AT: 'DE',
  ES: 'ES',
  MX: 'ES',
  JP: 'JP',
};

/** The gift-card brands sold where the victim lives. */
export function giftCardsFor(country: string): readonly string[] {
  return GIFT_CARD_MARKETS[GIFT_CARD_MARKET_OF[country] ?? 'default']!;
}

/** Every gift-card brand (common values). */
export const ALL_GIFT_CARDS: readonly string[] = [...new Set(Object.values(GIFT_CARD_MARKETS).flat())];

/** Trusted hosting suffixes scam pages sit under (risk features, never hubs). */
export const TRUSTED_HOSTING: readonly string[] = [
  'azurewebsites.net',
  'web.core.windows.net',
  'blob.core.windows.net',
  'pages.dev',
  'netlify.app',
  'web.app',
];

/** Cheap TLDs scam domains are registered under. */
export const CHEAP_TLDS: readonly string[] = [
  'xyz',
  'online',
  'site',
  'top',
  'club',
  'live',
  'shop',
  'info',
  'icu',
  'buzz',
  'space',
  'website',
  'tech',
  'fun',
  'click',
  'support',
  'help',
  'com',
  'net',
];

/** Words scam domains combine with a brand word. */
export const DOMAIN_WORDS: readonly string[] = [
  'help',
  'support',
  'desk',
  'helpdesk',
  'care',
  'alert',
  'fix',
  'helpline',
  'secure',
  'security',
  'tech',
  'service',
  'error',
  'warning',
  'center',
  'team',
  'online',
  'protect',
  'virus',
  'scan',
  'call',
  'contact',
];

/** Fake error codes scam pages display (FIELD.md). */
export const ERROR_CODES: readonly string[] = [
  '0x80070424',
  '#268D3',
  '0x8024402c',
  'DW6VB36',
  '#0x800F081F',
  'ERR_PORN_VIRUS_DETECTED',
  'Trojan:Win32/Emotet',
  'Zeus Virus',
];

/** Channels and how common each is for a typical operation (FIELD.md survey shares). */
export const CHANNEL_WEIGHTS: readonly (readonly [Channel, number])[] = [
  ['popup', 37],
  ['search_ad', 14],
  ['inbound_call', 16],
  ['outbound_call', 12],
  ['email', 12],
  ['sms', 4],
  ['social', 2],
  ['other', 3],
];

/** Payment methods operations take, and their weight. */
export const PAYMENT_WEIGHTS: readonly (readonly [PaymentMethod, number])[] = [
  ['gift_card', 30],
  ['credit_card', 25],
  ['bank_transfer', 20],
  ['crypto', 15],
  ['p2p', 7],
  ['cash', 2],
  ['check', 1],
];

/** Where the call centres sit (origin), and where their merchant accounts and companies are registered. */
export const ORIGIN_COUNTRIES: readonly (readonly [string, number])[] = [
  ['IN', 60],
  ['PK', 8],
  ['BD', 5],
  ['PH', 6],
  ['NG', 3],
  ['KH', 4],
  ['AE', 4],
];
/** Countries merchant accounts and shell companies are registered in. */
export const MERCHANT_COUNTRIES: readonly string[] = [
  'GB',
  'IE',
  'CY',
  'MT',
  'HK',
  'SG',
  'AE',
  'EE',
  'LT',
  'IN',
  'US',
];

/** Target-country bundles operations choose from, with weights (most target the US and its neighbours). */
export const TARGET_BUNDLES: readonly (readonly [readonly string[], number])[] = [
  [['US'], 30],
  [['US', 'CA'], 18],
  [['US', 'CA', 'GB', 'AU'], 10],
  [['GB'], 6],
  [['GB', 'IE'], 3],
  [['AU'], 4],
  [['FR'], 6],
  [['FR', 'BE', 'CH'], 3],
  [['DE', 'AT'], 6],
  [['DE', 'AT', 'CH'], 2],
  [['ES'], 3],
  [['ES', 'MX'], 2],
  [['JP'], 6],
];

/** Language a victim in each country writes in (the first), and the occasional alternative. */
export const COUNTRY_LANGUAGES: Record<string, readonly (readonly [string, number])[]> = {
  US: [
    ['en', 94],
    ['es', 6],
  ],
  CA: [
    ['en', 78],
    ['fr', 22],
  ],
  GB: [['en', 1]],
  IE: [['en', 1]],
  AU: [['en', 1]],
  FR: [
    ['fr', 96],
    ['en', 4],
  ],
  BE: [
    ['fr', 80],
    ['en', 20],
  ],
  CH: [
    ['de', 55],
    ['fr', 40],
    ['en', 5],
  ],
  DE: [
    ['de', 96],
    ['en', 4],
  ],
  AT: [['de', 1]],
  ES: [
    ['es', 97],
    ['en', 3],
  ],
  MX: [['es', 1]],
  JP: [
    ['ja', 97],
    ['en', 3],
  ],
};

/** Currency of each victim country. */
export const CURRENCIES: Record<string, string> = {
  US: 'USD',
  CA: 'CAD',
  GB: 'GBP',
  IE: 'EUR',
  AU: 'AUD',
  FR: 'EUR',
  BE: 'EUR',
  CH: 'CHF',
  DE: 'EUR',
  AT: 'EUR',
  ES: 'EUR',
  MX: 'MXN',
  JP: 'JPY',
};

/** Rough value of one US dollar in each currency, to keep losses comparable. */
export const PER_USD: Record<string, number> = {
  USD: 1,
  CAD: 1.35,
  GBP: 0.8,
  EUR: 0.92,
  AUD: 1.5,
  CHF: 0.9,
  MXN: 17,
  JPY: 150,
};
