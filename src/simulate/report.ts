import {
  type AgeBand,
  type Channel,
  hasSubstance,
  type PaymentMethod,
  type ReportInput,
} from '../core/report-input.js';
import { ibanPrintForm, newWallet } from './accounts.js';
import { type Brand, COUNTRY_LANGUAGES, CURRENCIES, giftCardsFor, PER_USD } from './catalogue.js';
import { IsoClock } from './clock.js';
import { defang, scamUrl, victimUrl } from './domains.js';
import { activeAt, markUsed, type TrueIndicator } from './indicators.js';
import { agentAsWritten, companyAsWritten, victimEmail } from './names.js';
import {
  noiseNarrative,
  otherScamNarrative,
  phrasebook,
  tssNarrative,
  victimName,
} from './narratives/index.js';
import type { OtherScamKind, PaymentFacts, Phrasebook, TssFacts } from './narratives/phrasebook.js';
import type { Operation } from './operations.js';
import { displayPhone, halfPhone, mistypePhone, openBlock, takeNumber } from './phones.js';
import { type Rng, Weighted } from './rng.js';
import type { World } from './world.js';

/** What kind of report this is, in the truth. */
export type ReportKind = 'tss' | 'other_scam' | 'noise';

const TSS_AGES = new Weighted<AgeBand>([
  ['19_or_less', 1],
  ['20_29', 4],
  ['30_39', 6],
  ['40_49', 9],
  ['50_59', 15],
  ['60_69', 23],
  ['70_79', 26],
  ['80_plus', 16],
]);
const OTHER_AGES = new Weighted<AgeBand>([
  ['19_or_less', 4],
  ['20_29', 14],
  ['30_39', 18],
  ['40_49', 18],
  ['50_59', 18],
  ['60_69', 15],
  ['70_79', 10],
  ['80_plus', 3],
]);
const REGIONS: Record<string, readonly string[]> = {
  US: ['CA', 'FL', 'TX', 'NY', 'PA', 'OH', 'AZ', 'MI', 'NC', 'WA'],
  CA: ['ON', 'QC', 'BC', 'AB'],
  GB: ['England', 'Scotland', 'Wales'],
  AU: ['NSW', 'VIC', 'QLD', 'WA'],
  FR: ['Île-de-France', 'Occitanie', 'Bretagne', 'Grand Est'],
  DE: ['Bayern', 'Berlin', 'Nordrhein-Westfalen', 'Hessen'],
  ES: ['Madrid', 'Cataluña', 'Andalucía'],
  JP: ['東京都', '大阪府', '神奈川県', '愛知県'],
};

/** How likely a report names the callback number / a URL, by channel (popups and calls revolve round a number). */
const PHONE_BY_CHANNEL: Record<Channel, number> = {
  popup: 0.85,
  inbound_call: 0.95,
  outbound_call: 0.6,
  search_ad: 0.85,
  email: 0.8,
  sms: 0.8,
  social: 0.6,
  other: 0.5,
};
const URL_BY_CHANNEL: Record<Channel, number> = {
  popup: 0.55,
  inbound_call: 0.12,
  outbound_call: 0.08,
  search_ad: 0.6,
  email: 0.25,
  sms: 0.5,
  social: 0.3,
  other: 0.2,
};
/** Loss sizes in US dollars by method: median and log-spread (FIELD.md: $199–$499 fees, refund scams far more). */
const LOSS_USD: Record<PaymentMethod, readonly [number, number]> = {
  gift_card: [500, 0.7],
  credit_card: [349, 0.35],
  bank_transfer: [4000, 1.1],
  crypto: [6000, 1.1],
  p2p: [800, 0.7],
  cash: [3000, 0.9],
  check: [2500, 0.8],
  other: [300, 0.6],
};

/**
 * A report with every field present in contract order, the optional ones undefined (JSON.stringify leaves
 * them out): one object shape for every report keeps V8 on its fast paths when filling and stringifying.
 */
function emptyReport(externalId: string, submittedAt: string): ReportInput {
  return {
    externalId,
    source: 'simulator',
    submittedAt,
    channel: undefined,
    firstContactAt: undefined,
    impersonatedBrand: undefined,
    callbackNumbers: undefined,
    urls: undefined,
    emails: undefined,
    companyNames: undefined,
    scammerNames: undefined,
    remoteAccess: undefined,
    payments: undefined,
    narrative: undefined,
    victim: undefined,
    consent: undefined,
    language: undefined,
    evidence: undefined,
  };
}

/** Where a report shows an indicator when it has no narrative. */
type ShownIn = 'phone' | 'url' | 'company' | 'agent' | 'email' | 'payment';

/** Whether the structured fields of a report carry `written`, shown `where`. */
function carries(r: ReportInput, where: ShownIn, written: string): boolean {
  switch (where) {
    case 'phone':
      return r.callbackNumbers?.includes(written) ?? false;
    case 'url':
      return r.urls?.includes(written) ?? false;
    case 'company':
      return r.companyNames?.includes(written) ?? false;
    case 'agent':
      return r.scammerNames?.includes(written) ?? false;
    case 'email':
      return r.emails?.includes(written) ?? false;
    case 'payment':
      return r.payments !== undefined;
  }
}

/** How a report is filled in: a narrative alone, a portal form, or a partner's structured record. */
type Mode = 'narrative' | 'portal' | 'partner';
const MODES = new Weighted<Mode>([
  ['narrative', 35],
  ['portal', 45],
  ['partner', 20],
]);
const OTHER_SCAM_COUNTRIES = new Weighted([
  ['US', 50],
  ['GB', 10],
  ['CA', 6],
  ['AU', 6],
  ['FR', 8],
  ['DE', 8],
  ['ES', 5],
  ['JP', 7],
]);
const OTHER_SCAM_KINDS = new Weighted<OtherScamKind>([
  ['romance', 3],
  ['investment', 4],
  ['delivery', 3],
]);
const NOISE_COUNTRIES = new Weighted([
  ['US', 55],
  ['GB', 10],
  ['FR', 10],
  ['DE', 10],
  ['ES', 7],
  ['JP', 8],
]);
const LANGUAGE_TABLES = new Map(
  Object.entries(COUNTRY_LANGUAGES).map(([c, entries]) => [c, new Weighted(entries)]),
);

/** The language a victim in `country` writes in. */
function languageOf(country: string, rng: Rng): string {
  return LANGUAGE_TABLES.get(country)?.draw(rng) ?? 'en';
}

/** One generated report with its kind and, for tech support scams, its operation. */
export interface GeneratedReport {
  report: ReportInput;
  kind: ReportKind;
  operation: Operation | undefined;
}

/** Writes reports one at a time; holds scratch buffers so a million reports allocate little beyond the output. */
export class ReportFactory {
  private readonly scratch: TrueIndicator[] = [];
  private readonly shown: Array<[TrueIndicator, ShownIn, string]> = [];
  private readonly prefix: string;
  private readonly clock: IsoClock;

  constructor(
    private readonly world: World,
    private readonly rng: Rng,
  ) {
    this.prefix = `sim-${world.options.seed}-`;
    this.clock = new IsoClock(world.startMs);
  }

  /** Report number `n` of `owner` (operation index, or OTHER_SCAM / NOISE), at the planned times. */
  make(n: number, owner: number, contact: number, submitted: number): GeneratedReport {
    if (owner >= 0) {
      const op = this.world.operations[owner]!;
      return { report: this.tss(n, op, contact, submitted), kind: 'tss', operation: op };
    }
    if (owner === -1)
      return { report: this.otherScam(n, contact, submitted), kind: 'other_scam', operation: undefined };
    return { report: this.noise(n, submitted), kind: 'noise', operation: undefined };
  }

  private iso(t: number): string {
    return this.clock.dateTime(t);
  }

  private pickActive(list: readonly TrueIndicator[], t: number): TrueIndicator | undefined {
    const active = activeAt(list, t, this.scratch);
    return active.length === 0 ? undefined : this.rng.pick(active);
  }

  private victimCountry(op: Operation): string {
    const c = op.targetCountries;
    // The first target country dominates (the operation's main market).
    return this.rng.chance(0.6) ? c[0]! : this.rng.pick(c);
  }

  private tss(n: number, op: Operation, t: number, submitted: number): ReportInput {
    const rng = this.rng;
    const country = this.victimCountry(op);
    const language = languageOf(country, rng);
    const book = phrasebook(language);
    const channel = op.channelTable.draw(rng);
    const brand: Brand = rng.chance(0.8) ? op.brands[0]! : rng.pick(op.brands);
    const mode = MODES.draw(rng);
    const detail = mode === 'narrative' ? 0.7 : mode === 'portal' ? 0.45 : 0.2;
    const f: TssFacts = {
      channel,
      brand: rng.pick(brand.spellings),
      phone: undefined,
      url: undefined,
      company: undefined,
      agent: undefined,
      tool: undefined,
      toolSite: undefined,
      email: undefined,
      errorCode: undefined,
      payment: undefined,
      realSite: undefined,
      realPhone: undefined,
    };
    const r = emptyReport(this.prefix + n, this.iso(submitted));
    // Indicators shown, by where they show: counted in the truth only if the final report carries them.
    const shown = this.shown;
    shown.length = 0;

    // The callback number: the operation's active one, the kit's fallback, or a victim's garbled copy.
    let phoneTrue: TrueIndicator | undefined;
    if (rng.chance(PHONE_BY_CHANNEL[channel])) {
      const useKit = op.kit.defaultPhone && rng.chance(0.05);
      phoneTrue = useKit ? op.kit.defaultPhone : this.phoneFor(op, t, country);
      if (phoneTrue?.phone) {
        let written = displayPhone(rng, phoneTrue.phone);
        const x = rng.float();
        if (x < 0.05) written = mistypePhone(rng, written);
        else if (x < 0.08) written = halfPhone(rng, written);
        else shown.push([phoneTrue, 'phone', written]);
        f.phone = written;
      }
    }
    let host: TrueIndicator | undefined;
    if (rng.chance(URL_BY_CHANNEL[channel])) {
      host = this.pickActive(op.domains, t);
      if (host) {
        const url = scamUrl(rng, host.value, op.kit.path, phoneTrue?.value);
        f.url = victimUrl(rng, url, host.value);
        shown.push([host, 'url', f.url]);
      }
    }
    if (channel === 'popup' && rng.chance(0.3)) f.errorCode = op.kit.errorCode;
    let company: TrueIndicator | undefined;
    if (rng.chance(0.3)) {
      company = this.pickActive(op.companies, t);
      if (company) {
        f.company = companyAsWritten(rng, company.value);
        if (f.company === company.value) shown.push([company, 'company', f.company]);
      }
    }
    let agent: TrueIndicator | undefined;
    if (rng.chance(0.45)) {
      agent = rng.pick(op.agents);
      f.agent = agentAsWritten(rng, agent.value);
      if (f.agent === agent.value) shown.push([agent, 'agent', f.agent]);
    }
    const usesTool = rng.chance(0.7);
    if (usesTool) {
      f.tool = op.tool.display;
      if (rng.chance(0.15)) f.toolSite = op.tool.site;
    }
    let email: TrueIndicator | undefined;
    if (rng.chance(channel === 'email' ? 0.5 : 0.08)) {
      email = this.pickActive(op.emails, t);
      if (email) {
        f.email = email.value;
        shown.push([email, 'email', email.value]);
      }
    }
    const currency = CURRENCIES[country] ?? 'USD';
    const payment = rng.chance(0.55) ? this.payment(op, t, country, currency, book, shown) : undefined;
    if (payment) f.payment = payment.facts;
    if (rng.chance(0.12)) f.realSite = rng.pick(brand.realSites);
    if (brand.realPhones.length > 0 && country === 'US' && rng.chance(0.08))
      f.realPhone = rng.pick(brand.realPhones)[1];

    // Structured fields: a portal form or a partner's record carries some facts as fields.
    const structured = mode !== 'narrative';
    const fill = (p: number) => structured && rng.chance(mode === 'partner' ? Math.min(1, p + 0.15) : p);
    if (rng.chance(mode === 'narrative' ? 0.15 : 0.8)) r.channel = channel;
    if (fill(0.55)) r.impersonatedBrand = f.brand;
    if (f.phone && fill(0.75)) r.callbackNumbers = [f.phone];
    if (f.url && fill(0.7)) r.urls = [f.url];
    if (f.realSite && fill(0.25)) r.urls = [...(r.urls ?? []), `https://${f.realSite}/`];
    if (f.email && fill(0.6)) r.emails = [f.email];
    if (f.company && fill(0.6)) r.companyNames = [f.company];
    if (f.agent && fill(0.5)) r.scammerNames = [f.agent];
    if (f.tool && fill(0.5)) {
      r.remoteAccess = { tool: f.tool };
      // The victim's own session ID: unique to the report, never evidence about the operation.
      if (rng.chance(0.3))
        r.remoteAccess.sessionIds = [`${rng.range(100, 999)} ${rng.range(100, 999)} ${rng.range(100, 999)}`];
    }
    if (payment && fill(0.75)) r.payments = [payment.field];
    if (rng.chance(0.5)) r.firstContactAt = rng.chance(0.5) ? this.iso(t) : this.iso(t).slice(0, 10);

    // Partners often send fields only; a report without a narrative must still carry an indicator.
    if (!(mode === 'partner' && rng.chance(0.4) && hasSubstance(r)))
      r.narrative = tssNarrative(book, f, rng, detail);
    if (mode !== 'narrative' || rng.chance(0.3)) r.language = book.language;
    for (const [ind, where, written] of shown)
      if (r.narrative !== undefined || carries(r, where, written)) markUsed(ind, t);
    r.victim = this.victim(n, country, book, TSS_AGES);
    if (rng.chance(0.6))
      r.consent = { lawEnforcementContact: rng.chance(0.7), partnerSharing: rng.chance(0.5) };
    return r;
  }

  private phoneFor(op: Operation, t: number, country: string): TrueIndicator | undefined {
    const active = activeAt(op.phones, t, this.scratch);
    if (active.length === 0) return undefined;
    // Victims call the number of their own country when the operation has one.
    let local = 0;
    for (const p of active) if (p.country === country) local++;
    if (local === 0) return this.rng.pick(active);
    let k = this.rng.int(local);
    for (const p of active) if (p.country === country && k-- === 0) return p;
    return active[0];
  }

  private payment(
    op: Operation,
    t: number,
    country: string,
    currency: string,
    book: Phrasebook,
    shown: Array<[TrueIndicator, ShownIn, string]>,
  ): { facts: PaymentFacts; field: NonNullable<ReportInput['payments']>[number] } {
    const rng = this.rng;
    const method = op.paymentTable.draw(rng);
    const [median, sigma] = LOSS_USD[method];
    let amount = rng.lognormal(median, sigma) * (PER_USD[currency] ?? 1);
    if (method === 'credit_card' && rng.chance(0.6))
      amount = rng.pick([199, 249, 299, 399, 499]) * (PER_USD[currency] ?? 1);
    amount = currency === 'JPY' ? Math.round(amount / 1000) * 1000 : Math.round(amount);
    const facts: PaymentFacts = { method, amount: book.money(amount, currency) };
    const recipient: NonNullable<NonNullable<ReportInput['payments']>[number]['recipient']> = {};
    if (method === 'gift_card') {
      const brand = rng.pick(giftCardsFor(country));
      if (rng.chance(0.9)) {
        facts.giftBrand = brand;
        recipient.giftCardBrand = brand;
      }
    } else if (method === 'credit_card' && rng.chance(0.6)) {
      const m = op.processor && rng.chance(0.35) ? op.processor.merchant : this.pickActive(op.merchants, t);
      if (m) {
        facts.merchant = m.value;
        recipient.merchantDescriptor = m.value;
        shown.push([m, 'payment', '']);
      }
    } else if (method === 'bank_transfer' && rng.chance(0.65)) {
      const european = !['US', 'CA', 'MX', 'JP', 'AU'].includes(country);
      if (european || rng.chance(0.3)) {
        const iban = op.processor && rng.chance(0.3) ? op.processor.iban : this.pickActive(op.ibans, t);
        if (iban) {
          const printed = rng.chance(0.5) ? ibanPrintForm(iban.value) : iban.value;
          facts.iban = printed;
          recipient.iban = printed;
          shown.push([iban, 'payment', '']);
        }
      } else {
        const acct = this.pickActive(op.bankAccounts, t);
        if (acct) {
          facts.account = acct.value;
          recipient.accountNumber = acct.value;
          shown.push([acct, 'payment', '']);
        }
      }
      const company = this.pickActive(op.companies, t);
      if (company && rng.chance(0.5)) {
        facts.recipient = company.value;
        recipient.name = company.value;
        shown.push([company, 'payment', '']);
      }
    } else if (method === 'crypto' && rng.chance(0.7)) {
      const w = this.pickActive(op.wallets, t);
      if (w) {
        facts.wallet = w.value;
        recipient.walletAddress = w.value;
        if (w.chain) recipient.chain = w.chain;
        shown.push([w, 'payment', '']);
      }
    } else if (method === 'p2p' && rng.chance(0.6)) {
      const e = this.pickActive(op.emails, t);
      if (e) {
        facts.handle = e.value;
        recipient.name = e.value;
        shown.push([e, 'payment', '']);
      }
    }
    const field: NonNullable<ReportInput['payments']>[number] = { method, amount, currency };
    if (rng.chance(0.4)) field.date = this.iso(t).slice(0, 10);
    if (Object.keys(recipient).length > 0) field.recipient = recipient;
    return { facts, field };
  }

  private victim(
    n: number,
    country: string,
    book: Phrasebook,
    ages: Weighted<AgeBand>,
  ): NonNullable<ReportInput['victim']> {
    const rng = this.rng;
    // Every key present from the start (undefined is left out of the JSON): one object shape, fast to fill.
    const v: NonNullable<ReportInput['victim']> = {
      country: undefined,
      region: undefined,
      ageBand: undefined,
      name: undefined,
      email: undefined,
    };
    if (rng.chance(0.9)) v.country = country;
    const regions = REGIONS[country];
    if (regions && rng.chance(0.25)) v.region = rng.pick(regions);
    if (rng.chance(0.6)) v.ageBand = ages.draw(rng);
    if (rng.chance(0.25)) v.name = victimName(book, rng);
    if (rng.chance(0.2)) v.email = victimEmail(rng, n);
    return v;
  }

  private otherScam(n: number, t: number, submitted: number): ReportInput {
    const rng = this.rng;
    const country = OTHER_SCAM_COUNTRIES.draw(rng);
    const book = phrasebook(languageOf(country, rng));
    const kind = OTHER_SCAM_KINDS.draw(rng);
    const currency = CURRENCIES[country] ?? 'USD';
    const usd =
      kind === 'delivery' ? rng.lognormal(40, 0.8) : rng.lognormal(kind === 'romance' ? 5000 : 12000, 1);
    const amount =
      currency === 'JPY' ? Math.round((usd * 150) / 100) * 100 : Math.round(usd * (PER_USD[currency] ?? 1));
    // Every other-scam report has its own fraudster: its values are unique and must link to nothing.
    const stem =
      kind === 'delivery'
        ? rng.pick(['usps-redelivery', 'dhl-parcel', 'colis-laposte', 'post-paket', 'yamato-delivery'])
        : rng.pick(['coin', 'trade', 'bit', 'fx', 'quant', 'crypto']) +
          rng.pick(['flex', 'pro', 'ai', 'max', 'vault', 'prime']);
    const host = `${stem}-${rng.chars('abcdefghijklmnopqrstuvwxyz0123456789', 6)}.${rng.pick(['com', 'top', 'xyz', 'vip', 'cc'])}`;
    const url = rng.chance(0.15) ? defang(rng, `https://${host}/`) : `https://${host}/`;
    const phoneCountry = kind === 'delivery' ? country : 'US';
    const phone = takeNumber(openBlock(rng, phoneCountry, 0.8));
    const wallet = newWallet(rng).address;
    const facts = {
      kind,
      amount: book.money(amount, currency),
      url,
      wallet,
      name: `${rng.pick(['Daniel', 'Richard', 'Anna', 'Kevin', 'Sophia', 'William'])} ${rng.pick(['Morgan', 'Hayes', 'Lee', 'Walsh', 'Kim', 'Stone'])}`,
      phone: displayPhone(rng, phone),
      giftBrand: rng.pick(giftCardsFor(country)),
    };
    const r: ReportInput = {
      externalId: this.prefix + n,
      source: 'simulator',
      submittedAt: this.iso(submitted),
      channel:
        kind === 'delivery'
          ? 'sms'
          : kind === 'romance'
            ? 'social'
            : rng.pick(['social', 'search_ad', 'other'] as const),
      narrative: otherScamNarrative(book, facts, rng),
    };
    if (rng.chance(0.4)) r.urls = [url];
    if (kind !== 'delivery' && rng.chance(0.4))
      r.payments = [{ method: 'crypto', amount, currency, recipient: { walletAddress: wallet } }];
    if (rng.chance(0.5)) r.firstContactAt = this.iso(t).slice(0, 10);
    r.language = book.language;
    r.victim = this.victim(n, country, book, OTHER_AGES);
    return r;
  }

  private noise(n: number, submitted: number): ReportInput {
    const rng = this.rng;
    const country = NOISE_COUNTRIES.draw(rng);
    const book = phrasebook(languageOf(country, rng));
    const r: ReportInput = {
      externalId: this.prefix + n,
      source: 'simulator',
      submittedAt: this.iso(submitted),
      narrative: noiseNarrative(book, rng),
    };
    if (rng.chance(0.3)) r.channel = 'other';
    if (rng.chance(0.5)) r.victim = { country };
    return r;
  }
}
