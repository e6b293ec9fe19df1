import { z } from 'zod';
import { AGE_BANDS, CHANNELS, PAYMENT_METHODS } from './report-vocabulary.js';

export {
  AGE_BANDS,
  type AgeBand,
  CHANNELS,
  type Channel,
  PAYMENT_METHODS,
  type PaymentMethod,
} from './report-vocabulary.js';

/** Bounds on every attacker-supplied field: a report is small, and a huge one is an attack, not a report. */
export const LIMITS = {
  narrative: 20_000,
  shortText: 200,
  url: 2_048,
  email: 320,
  phone: 64,
  listItems: 50,
  payments: 50,
  evidence: 20,
  /** Bytes of one record as JSON; the CLI and the API refuse larger records. */
  recordBytes: 64 * 1024,
} as const;

/**
 * A string field: bounded, and storable as PostgreSQL text (no NUL character, no lone surrogate, which
 * text and jsonb refuse; left unchecked, one such record would fail its whole batch, and a route would
 * answer 500). Every free text an API takes uses it.
 */
export const storableText = (max: number, min = 1) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), 'must not contain a NUL character')
    .refine((s) => s.isWellFormed(), 'must be valid Unicode (it contains a lone surrogate)');
const text = storableText;
const shortText = text(LIMITS.shortText);
const textList = (max: number) => z.array(text(max)).max(LIMITS.listItems);
/** ISO 8601 date-time with offset, or a plain date (victims often know only the day). */
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

const recipientSchema = z.strictObject({
  name: shortText.optional(),
  merchantDescriptor: shortText.optional(),
  accountNumber: text(64).optional(),
  iban: text(64).optional(),
  walletAddress: text(128).optional(),
  chain: text(32).optional(),
  giftCardBrand: shortText.optional(),
});

const paymentSchema = z.strictObject({
  method: z.enum(PAYMENT_METHODS).optional(),
  amount: z.number().finite().nonnegative().max(1e10).optional(),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be a three-letter ISO 4217 code such as USD')
    .optional(),
  date: instant.optional(),
  recipient: recipientSchema.optional(),
});

const victimSchema = z.strictObject({
  country: z
    .string()
    .regex(/^[A-Za-z]{2}$/, 'must be a two-letter ISO 3166-1 code such as US')
    .optional(),
  region: shortText.optional(),
  ageBand: z.enum(AGE_BANDS).optional(),
  name: shortText.optional(),
  email: text(LIMITS.email).optional(),
  phone: text(LIMITS.phone).optional(),
});

const evidenceSchema = z.strictObject({
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'must be a lower-case hex SHA-256'),
  filename: text(255).optional(),
  mediaType: text(100).optional(),
  size: z.number().int().nonnegative().optional(),
});

const reportInputObject = z.strictObject({
  externalId: text(200).optional(),
  source: text(100).optional(),
  submittedAt: instant.optional(),
  channel: z.enum(CHANNELS).optional(),
  firstContactAt: instant.optional(),
  impersonatedBrand: shortText.optional(),
  callbackNumbers: textList(LIMITS.phone).optional(),
  urls: textList(LIMITS.url).optional(),
  emails: textList(LIMITS.email).optional(),
  companyNames: textList(LIMITS.shortText).optional(),
  scammerNames: textList(LIMITS.shortText).optional(),
  remoteAccess: z
    .strictObject({
      tool: shortText.optional(),
      sessionIds: textList(100).optional(),
    })
    .optional(),
  payments: z.array(paymentSchema).max(LIMITS.payments).optional(),
  narrative: text(LIMITS.narrative, 0).optional(),
  victim: victimSchema.optional(),
  consent: z
    .strictObject({
      lawEnforcementContact: z.boolean().optional(),
      partnerSharing: z.boolean().optional(),
    })
    .optional(),
  language: z
    .string()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a BCP 47 tag such as en or pt-BR')
    .optional(),
  evidence: z.array(evidenceSchema).max(LIMITS.evidence).optional(),
});

/** True when the report carries something to work with: a narrative or at least one indicator. */
export function hasSubstance(r: z.infer<typeof reportInputObject>): boolean {
  if (r.narrative && r.narrative.trim().length > 0) return true;
  const lists = [
    r.callbackNumbers,
    r.urls,
    r.emails,
    r.companyNames,
    r.scammerNames,
    r.remoteAccess?.sessionIds,
  ];
  if (lists.some((l) => (l?.length ?? 0) > 0)) return true;
  return (r.payments ?? []).some((p) => {
    const x = p.recipient;
    return Boolean(x && (x.merchantDescriptor || x.accountNumber || x.iban || x.walletAddress || x.name));
  });
}

/**
 * A victim's or partner's report as the whole project receives it (DESIGN.md "ReportInput").
 * Validation never rewrites a value (no trimming, no case folding): the stored report is what was sent.
 * Unknown fields are refused everywhere (API, CLI, CSV headers): a typo must never silently drop data.
 */
export const reportInputSchema = reportInputObject.refine(hasSubstance, {
  message:
    'a report needs a narrative or at least one indicator (callbackNumbers, urls, emails, companyNames, scammerNames, remoteAccess.sessionIds or a payment recipient)',
});

export type ReportInput = z.infer<typeof reportInputSchema>;
