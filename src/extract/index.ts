import { INDICATOR_REGISTRY, normaliseCompany } from '../core/indicator-kinds.js';
import type { PaymentMethod, ReportInput } from '../core/report-input.js';
import { findAmounts, totalLoss } from './amount.js';
import { findBankAccounts } from './bank-account.js';
import { canonicalBrand, findBrands, isBrandName } from './brand.js';
import { findCards } from './card.js';
import { findChannel } from './channel.js';
import { findCompanies } from './company.js';
import { type Source, withRegistry } from './found.js';
import { findGiftCards } from './gift-card.js';
import { findIbans, ibanOk } from './iban.js';
import { detectLanguage } from './language.js';
import { findMerchants } from './merchant.js';
import { findPaymentMethods } from './payment-method.js';
import { findPersons } from './person.js';
import { findPhones, regionOf } from './phone.js';
import { findRemoteIds, findToolMentions } from './remote-tool.js';
import { viewOf } from './text.js';
import { triage } from './triage.js';
import type { Amount, Extraction, ExtractOptions, GiftCard, Indicator, RemoteTool, Span } from './types.js';
import { findWeb } from './url.js';
import { findWallets, walletChain } from './wallet.js';

export type {
  Amount,
  AmountKind,
  Extraction,
  ExtractOptions,
  GiftCard,
  Indicator,
  RemoteTool,
  Severity,
  Triage,
} from './types.js';
export { REMOTE_TOOLS } from './types.js';

/** Bumped whenever extraction changes what it finds, so stored results can be recomputed. */
export const EXTRACTOR_VERSION = 1;

/** What one free-text field yields. */
interface TextFindings {
  indicators: Indicator[];
  amounts: Amount[];
  tools: RemoteTool[];
}

/** Reads every indicator and amount in one text field; no I/O, no clock. */
function readText(text: string, field: string, country: string | undefined): TextFindings {
  const view = viewOf(text);
  const src: Source = { original: text, view, field };
  const region = regionOf(country);
  const web = findWeb(src);
  const claimed: Span[] = [...web.spans];
  const wallets = findWallets(src, claimed);
  claimed.push(...wallets.spans);
  const ibans = findIbans(src, claimed);
  claimed.push(...ibans.spans);
  const cards = findCards(src, claimed);
  claimed.push(...cards.spans);
  const banks = findBankAccounts(src, claimed);
  claimed.push(...banks.spans);
  const mentions = findToolMentions(view.text);
  const remote = findRemoteIds(src, mentions, claimed);
  claimed.push(...remote.spans);
  const money = findAmounts(src, country?.toUpperCase(), claimed);
  claimed.push(...money.spans);
  const phones = findPhones(src, region, claimed, web.urls);
  const merchants = findMerchants(src, claimed);
  const companies = findCompanies(src, claimed);
  const persons = findPersons(src);
  return {
    indicators: [
      ...web.indicators,
      ...phones,
      ...wallets.indicators,
      ...ibans.indicators,
      ...cards.indicators,
      ...banks.indicators,
      ...remote.indicators,
      ...merchants,
      ...companies,
      ...persons,
    ],
    amounts: money.amounts,
    tools: mentions.map((m) => m.tool),
  };
}

/** Extracts indicators and facts from a bare narrative. */
export function extractText(text: string, options: ExtractOptions = {}): Extraction {
  return extractReport({ narrative: text }, options);
}

/** Extracts indicators and facts from a whole report: structured fields and narrative alike. */
export function extractReport(input: ReportInput, options: ExtractOptions = {}): Extraction {
  const country = options.country ?? input.victim?.country;
  const indicators: Indicator[] = [];
  const amounts: Amount[] = [];
  const tools: RemoteTool[] = [];
  const methods: PaymentMethod[] = [];
  const giftCards: GiftCard[] = [];
  const brands: string[] = [];
  const narrative = input.narrative ?? '';

  const readField = (text: string, field: string) => {
    const f = readText(text, field, country);
    indicators.push(...f.indicators);
    amounts.push(...f.amounts);
    tools.push(...f.tools);
    return f;
  };

  for (const [i, v] of (input.callbackNumbers ?? []).entries()) readField(v, `callbackNumbers/${i}`);
  input.urls?.forEach((v, i) => {
    const f = readField(v, `urls/${i}`);
    if (!f.indicators.some((x) => x.kind === 'url' || x.kind === 'domain') && !/^[a-z]+:/i.test(v))
      readField(`http://${v.trim()}`, `urls/${i}`);
  });
  for (const [i, v] of (input.emails ?? []).entries()) readField(v, `emails/${i}`);
  for (const [i, v] of (input.companyNames ?? []).entries())
    pushDirect(indicators, 'company', v, `companyNames/${i}`);
  for (const [i, v] of (input.scammerNames ?? []).entries())
    pushDirect(indicators, 'person', v, `scammerNames/${i}`);
  if (input.remoteAccess) {
    const given = input.remoteAccess.tool ? findToolMentions(input.remoteAccess.tool).map((m) => m.tool) : [];
    tools.push(...(given.length > 0 ? given : input.remoteAccess.tool ? (['other'] as const) : []));
    const meta = given[0] ? { tool: given[0] } : undefined;
    for (const [i, v] of (input.remoteAccess.sessionIds ?? []).entries())
      pushDirect(indicators, 'remote_access_id', v, `remoteAccess/sessionIds/${i}`, meta);
  }
  input.payments?.forEach((p, i) => {
    if (p.method) methods.push(p.method);
    if (p.amount !== undefined && p.amount > 0)
      amounts.push({
        value: p.amount,
        currency: (p.currency ?? 'USD').toUpperCase(),
        kind: 'paid',
        raw: String(p.amount),
        field: `payments/${i}/amount`,
      });
    const r = p.recipient;
    if (!r) return;
    const at = `payments/${i}/recipient`;
    if (r.merchantDescriptor)
      pushDirect(indicators, 'merchant', r.merchantDescriptor, `${at}/merchantDescriptor`);
    if (r.iban) pushIbanOrAccount(indicators, r.iban, `${at}/iban`);
    if (r.accountNumber) pushIbanOrAccount(indicators, r.accountNumber, `${at}/accountNumber`);
    if (r.walletAddress) {
      const chain = walletChain(r.walletAddress.trim());
      pushDirect(
        indicators,
        'crypto_wallet',
        r.walletAddress,
        `${at}/walletAddress`,
        chain ? { chain } : { chain: r.chain ?? null, checksum: 'invalid' },
      );
    }
    if (r.name)
      pushDirect(
        indicators,
        /\b(?:ltd|llc|inc|pvt|gmbh|corp|limited|sarl|plc)\b/i.test(r.name) ? 'company' : 'person',
        r.name,
        `${at}/name`,
      );
    if (r.giftCardBrand)
      giftCards.push({
        brand: r.giftCardBrand,
        ...(p.amount ? { value: p.amount, currency: (p.currency ?? 'USD').toUpperCase() } : {}),
      });
  });

  if (narrative) readField(narrative, 'narrative');
  const narrativeAmounts = amounts.filter((a) => a.field === 'narrative');
  for (const g of findGiftCards(narrative, narrativeAmounts))
    if (!giftCards.some((x) => x.brand === g.brand)) giftCards.push(g);

  if (input.impersonatedBrand)
    brands.push(canonicalBrand(input.impersonatedBrand) ?? input.impersonatedBrand.trim());
  brands.push(...findBrands(narrative));
  methods.push(...findPaymentMethods(narrative));
  if (giftCards.length > 0) methods.push('gift_card');
  if (indicators.some((i) => i.kind === 'crypto_wallet')) methods.push('crypto');

  const victimValues = new Set(
    [input.victim?.email?.toLowerCase().trim(), victimPhone(input.victim?.phone, country)].filter(
      Boolean,
    ) as string[],
  );
  const unique = dedupe(indicators.filter((i) => !victimValues.has(i.value)));
  const remoteTools = [...new Set(tools)];
  const paymentMethods = [...new Set(methods)];
  const channel = findChannel(narrative, input.channel);
  const loss = totalLoss(dedupeForLoss(amounts));
  const language = detectLanguage(narrative) ?? input.language?.split('-')[0]?.toLowerCase() ?? null;
  const uniqueBrands = [...new Set(brands)];
  return {
    indicators: unique,
    amounts,
    totalLoss: loss,
    paymentMethods,
    giftCards,
    remoteTools,
    brands: uniqueBrands,
    channel,
    language,
    triage: triage({
      text: narrative,
      indicators: unique,
      amounts,
      totalLoss: loss,
      remoteTools,
      brands: uniqueBrands,
      paymentMethods,
      channel,
      ageBand: input.victim?.ageBand,
    }),
  };
}

function pushDirect(
  out: Indicator[],
  kind: Indicator['kind'],
  raw: string,
  field: string,
  meta?: Record<string, unknown>,
): void {
  const value = kind === 'company' ? normaliseCompany(raw) : INDICATOR_REGISTRY[kind].normalise(raw);
  if (!value || ((kind === 'company' || kind === 'person') && isBrandName(value))) return;
  out.push(withRegistry({ kind, value, raw, field, start: 0, end: raw.length, meta }));
}

function pushIbanOrAccount(out: Indicator[], raw: string, field: string): void {
  const compact = raw.toUpperCase().replace(/[\s-]/g, '');
  if (ibanOk(compact)) pushDirect(out, 'iban', raw, field, { country: compact.slice(0, 2) });
  else
    pushDirect(
      out,
      'bank_account',
      raw,
      field,
      /^[A-Z]{2}\d{2}/.test(compact) ? { checksum: 'invalid iban' } : undefined,
    );
}

function victimPhone(phone: string | undefined, country: string | undefined): string | undefined {
  if (!phone) return undefined;
  const f = readText(phone, 'victim', country).indicators.find((i) => i.kind === 'phone');
  return f?.value;
}

/** One indicator per kind, value and field (the first occurrence keeps its offsets). */
function dedupe(indicators: Indicator[]): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const i of indicators) {
    const key = `${i.kind}\u0000${i.value}\u0000${i.field}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

// A narrative repeats its sums ("I paid $500 … the $500 was gone"): count each paid sum once.
function dedupeForLoss(amounts: Amount[]): Amount[] {
  const seen = new Set<string>();
  return amounts.filter((a) => {
    const key = `${a.field === 'narrative' ? 'n' : a.field}\u0000${a.kind}\u0000${a.currency}\u0000${a.value}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
