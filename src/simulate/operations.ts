import type { Channel, PaymentMethod } from '../core/report-input.js';
import { IBAN_COUNTRIES, newIban, newUsBankAccount, newWallet } from './accounts.js';
import {
  BRANDS,
  type Brand,
  CHANNEL_WEIGHTS,
  ERROR_CODES,
  MERCHANT_COUNTRIES,
  ORIGIN_COUNTRIES,
  PAYMENT_WEIGHTS,
  REMOTE_TOOLS,
  type RemoteTool,
  TARGET_BUNDLES,
} from './catalogue.js';
import { chooseHosting, type HostingChoice, newHostname, newKitPath } from './domains.js';
import { indicator, lifetimeDays, rotate, type TrueIndicator } from './indicators.js';
import { agentName, companyName, merchantDescriptor, operationEmail } from './names.js';
import { openBlock, type PhoneBlock, takeNumber } from './phones.js';
import { type Rng, Weighted } from './rng.js';

const DAY = 86_400;

/** A kit (page template) some operations share: its path and its default phone number. */
export interface Kit {
  id: string;
  path: string;
  errorCode: string;
  /** The number the kit shows when no number is passed in: shared by every operation using the kit. */
  defaultPhone?: TrueIndicator;
}

/** A payment processor or facilitator whose descriptor and collection account several operations use. */
export interface Processor {
  id: string;
  merchant: TrueIndicator;
  iban: TrueIndicator;
}

/** One operation (a call centre) and everything it uses, scheduled over its active period. */
export interface Operation {
  id: string;
  index: number;
  /** Relative volume: its expected share of the tech-support-scam reports. */
  weight: number;
  fastMoving: boolean;
  /** Seconds since the period start. */
  activeFrom: number;
  activeTo: number;
  /** Start of the surge for fast-moving operations (equal to activeTo otherwise). */
  surgeFrom: number;
  brands: readonly Brand[];
  channels: readonly (readonly [Channel, number])[];
  targetCountries: readonly string[];
  paymentMethods: readonly (readonly [PaymentMethod, number])[];
  /** The same two choices as precomputed tables, drawn once per report. */
  channelTable: Weighted<Channel>;
  paymentTable: Weighted<PaymentMethod>;
  tool: RemoteTool;
  origin: string;
  merchantCountries: readonly string[];
  hosting: HostingChoice;
  kit: Kit;
  processor?: Processor;
  phones: TrueIndicator[];
  domains: TrueIndicator[];
  emails: TrueIndicator[];
  companies: TrueIndicator[];
  merchants: TrueIndicator[];
  wallets: TrueIndicator[];
  ibans: TrueIndicator[];
  bankAccounts: TrueIndicator[];
  agents: TrueIndicator[];
  sharedGroups: string[];
}

/** What the world decides for an operation before it is built. */
export interface OperationSeed {
  index: number;
  weight: number;
  expectedReports: number;
  periodSeconds: number;
  fastMoving: boolean;
  kit?: Kit;
  processor?: Processor;
  hosting?: HostingChoice;
  sharedGroups: string[];
}

/** Builds an operation: its profile, then its rotating infrastructure over its active period. */
export function buildOperation(rng: Rng, seed: OperationSeed): Operation {
  const period = seed.periodSeconds;
  // Small operations live briefly; large ones span the period (so a small one's reports can still connect).
  const lifeDays = Math.min(period / DAY, rng.lognormal(25 + 10 * Math.sqrt(seed.expectedReports), 0.4));
  let activeFrom: number;
  let activeTo: number;
  let surgeFrom: number;
  if (seed.fastMoving) {
    const surgeDays = rng.range(14, 28);
    const before = Math.min(period / DAY - surgeDays, rng.range(0, 120));
    activeTo = period;
    surgeFrom = period - surgeDays * DAY;
    activeFrom = surgeFrom - before * DAY;
  } else {
    const span = lifeDays * DAY;
    activeFrom = rng.float() * Math.max(0, period - span);
    activeTo = Math.min(period, activeFrom + span);
    surgeFrom = activeTo;
  }

  const primary = rng.weighted(BRANDS.map((b) => [b, b.weight] as const));
  const brands = [
    primary,
    ...rng.sample(
      BRANDS.filter((b) => b !== primary),
      rng.chance(0.4) ? rng.range(1, 2) : 0,
    ),
  ];
  const channels = rng
    .sample(CHANNEL_WEIGHTS, rng.range(2, 4))
    .map(([c, w]) => [c, w * (0.5 + rng.float())] as const);
  const targetCountries = rng.weighted(TARGET_BUNDLES);
  const paymentMethods = rng
    .sample(PAYMENT_WEIGHTS, rng.range(2, 4))
    .map(([m, w]) => [m, w * (0.5 + rng.float())] as const);
  const tool = rng.weighted(REMOTE_TOOLS.map((t) => [t, t.weight] as const));
  const origin = rng.weighted(ORIGIN_COUNTRIES);
  const merchantCountries = rng.sample(
    MERCHANT_COUNTRIES.filter((c) => !targetCountries.includes(c)),
    rng.range(1, 3),
  );
  const hosting = seed.hosting ?? chooseHosting(rng);
  const kit = seed.kit ?? {
    id: `kit-own-${seed.index}`,
    path: newKitPath(rng),
    errorCode: rng.pick(ERROR_CODES),
  };

  // Concurrent lines and sites grow with volume: a big call centre runs several numbers at once.
  const scale = Math.log10(seed.expectedReports + 1);
  const phoneSlots = Math.max(1, Math.min(6, Math.round(scale)));
  const domainSlots = Math.max(1, Math.min(5, Math.round(scale * 0.8)));
  const voipShare = 0.3 + rng.float() * 0.5;

  const blocks = new Map<string, PhoneBlock>();
  const phones = rotate(
    rng,
    activeFrom,
    activeTo,
    phoneSlots,
    lifetimeDays(rng, 14, 0.35, 7, 21),
    (slot, start, end) => {
      const country = targetCountries[slot % targetCountries.length]!;
      let block = blocks.get(country);
      // Mostly the next number of the block bought earlier; sometimes a fresh block.
      if (!block || rng.chance(0.3)) {
        block = openBlock(rng, country, voipShare);
        blocks.set(country, block);
      }
      const number = takeNumber(block);
      const ind = indicator('phone', number.e164, start, end);
      ind.phone = number;
      ind.voip = number.range.voip;
      ind.country = number.range.country;
      return ind;
    },
  );

  const brandWord = () => rng.pick(rng.pick(brands).domainWords);
  const domains = rotate(
    rng,
    activeFrom,
    activeTo,
    domainSlots,
    lifetimeDays(rng, 6, 0.6, 2, 30),
    (_slot, start, end) => indicator('domain', newHostname(rng, brandWord(), hosting), start, end),
  );

  const companies = rotate(
    rng,
    activeFrom,
    activeTo,
    1,
    lifetimeDays(rng, 200, 0.4, 90, 400),
    (_s, start, end) => indicator('company', companyName(rng), start, end),
  );
  const merchants = rotate(
    rng,
    activeFrom,
    activeTo,
    rng.range(1, 2),
    lifetimeDays(rng, 80, 0.4, 45, 150),
    (_s, start, end) => {
      const company = companies.find((c) => c.from <= start && c.to > start)?.value ?? companyName(rng);
      const ind = indicator('merchant', merchantDescriptor(rng, company), start, end);
      ind.country = rng.pick(merchantCountries);
      return ind;
    },
  );
  const emails = rotate(rng, activeFrom, activeTo, 1, lifetimeDays(rng, 60, 0.5, 30, 120), (_s, start, end) =>
    indicator('email', operationEmail(rng, brandWord(), domains[0]?.value), start, end),
  );
  const wallets = rotate(
    rng,
    activeFrom,
    activeTo,
    1,
    lifetimeDays(rng, 45, 0.5, 20, 90),
    (_s, start, end) => {
      const w = newWallet(rng);
      const ind = indicator('crypto_wallet', w.address, start, end);
      ind.chain = w.chain;
      return ind;
    },
  );
  const ibanCountries = IBAN_COUNTRIES.filter((c) => !targetCountries.includes(c));
  const ibans = rotate(
    rng,
    activeFrom,
    activeTo,
    1,
    lifetimeDays(rng, 60, 0.5, 30, 120),
    (_s, start, end) => {
      const country = rng.pick(ibanCountries);
      const ind = indicator('iban', newIban(rng, country), start, end);
      ind.country = country;
      return ind;
    },
  );
  const bankAccounts = rotate(
    rng,
    activeFrom,
    activeTo,
    1,
    lifetimeDays(rng, 60, 0.5, 30, 120),
    (_s, start, end) => {
      const acct = newUsBankAccount(rng);
      const ind = indicator('bank_account', acct.account, start, end);
      ind.routing = acct.routing;
      ind.country = 'US';
      return ind;
    },
  );
  const agentCount = Math.max(2, Math.min(12, Math.round(1 + scale * 2)));
  const agentNames = new Set<string>();
  while (agentNames.size < agentCount) agentNames.add(agentName(rng));
  const agents = [...agentNames].map((n) => indicator('person', n, activeFrom, activeTo));

  return {
    id: `op-${String(seed.index + 1).padStart(4, '0')}`,
    index: seed.index,
    weight: seed.weight,
    fastMoving: seed.fastMoving,
    activeFrom,
    activeTo,
    surgeFrom,
    brands,
    channels,
    targetCountries,
    paymentMethods,
    channelTable: new Weighted(channels),
    paymentTable: new Weighted(paymentMethods),
    tool,
    origin,
    merchantCountries,
    hosting,
    kit,
    ...(seed.processor ? { processor: seed.processor } : {}),
    phones,
    domains,
    emails,
    companies,
    merchants,
    wallets,
    ibans,
    bankAccounts,
    agents,
    sharedGroups: seed.sharedGroups,
  };
}

/** Every indicator of an operation (its own and the shared ones it uses), for the truth file. */
export function operationIndicators(op: Operation): TrueIndicator[] {
  const shared: TrueIndicator[] = [];
  if (op.kit.defaultPhone) shared.push(op.kit.defaultPhone);
  if (op.processor) shared.push(op.processor.merchant, op.processor.iban);
  return [
    ...op.phones,
    ...op.domains,
    ...op.emails,
    ...op.companies,
    ...op.merchants,
    ...op.wallets,
    ...op.ibans,
    ...op.bankAccounts,
    ...op.agents,
    ...shared,
  ];
}
