import type { Messages } from '../i18n/en';
import { parseAmount } from './amount';
import {
  BRAND_CHOICES,
  BRAND_NEEDS_NAME,
  type PaymentDraft,
  type ReportDraft,
  STEPS,
  type Step,
} from './form-state';
import type { PaymentInput, ReportInput } from './report-input';

const filled = (values: string[]) => values.map((v) => v.trim()).filter((v) => v.length > 0);
const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** A problem with an answer: the field to fix (its element id) and what to say. */
export interface FieldError {
  field: string;
  message: string;
}

/** What is wrong on one step (empty when the step may be left). Every question is optional. */
export function validateStep(step: Step, draft: ReportDraft, t: Messages, locale: string): FieldError[] {
  const errors: FieldError[] = [];
  if (step === 'money' && draft.money.status !== 'no') {
    draft.money.payments.forEach((p, i) => {
      if (p.amount.trim() && parseAmount(p.amount, locale) === undefined)
        errors.push({ field: `payment-${i}-amount`, message: t.money.badAmount });
    });
  }
  if (step === 'about' && draft.about.contactOk) {
    const { email, phone } = draft.about;
    if (!email.trim() && !phone.trim())
      errors.push({ field: 'about-email', message: t.about.contactMissing });
    else if (email.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim()))
      errors.push({ field: 'about-email', message: t.about.emailInvalid });
  }
  return errors;
}

/** The free texts of every step, each under the step's title, as one narrative. */
export function narrativeOf(draft: ReportDraft, t: Messages): string {
  const notes: Record<Step, string> = {
    happened: draft.happened.story,
    channel: draft.channel.notes,
    contacts: draft.contacts.notes,
    money: draft.money.notes,
    remote: draft.remote.notes,
    about: draft.about.notes,
  };
  return STEPS.filter((s) => notes[s].trim())
    .map((s) => `${t[s].title}\n${notes[s].trim()}`)
    .join('\n\n');
}

const IBAN = /^[A-Z]{2}\d{2}[A-Z0-9 ]{10,40}$/i;

function paymentOf(p: PaymentDraft, paid: boolean, locale: string): PaymentInput | undefined {
  const recipient: NonNullable<PaymentInput['recipient']> = {};
  const who = p.recipient.trim();
  if (who) {
    if (p.method === 'bank_transfer' && IBAN.test(who)) recipient.iban = who;
    else if (p.method === 'bank_transfer' && /^[\d\s-]{6,}$/.test(who)) recipient.accountNumber = who;
    else recipient.name = who;
  }
  if (p.method === 'credit_card' && p.merchant.trim()) recipient.merchantDescriptor = p.merchant.trim();
  if (p.method === 'crypto' && p.wallet.trim()) recipient.walletAddress = p.wallet.trim();
  if (p.method === 'gift_card') {
    const brand = p.giftCardBrand === 'other' ? p.giftCardOther.trim() : p.giftCardBrand;
    if (brand) recipient.giftCardBrand = brand;
  }
  const amount = paid ? parseAmount(p.amount, locale) : undefined;
  const payment: PaymentInput = {};
  if (p.method) payment.method = p.method;
  if (amount !== undefined) {
    payment.amount = amount;
    payment.currency = p.currency;
  }
  if (Object.keys(recipient).length > 0) payment.recipient = recipient;
  return Object.keys(payment).length > 0 ? payment : undefined;
}

/** A sentence for the narrative about money asked for but not paid (amounts asked are not losses). */
function askedLine(draft: ReportDraft, t: Messages, locale: string): string | undefined {
  if (draft.money.status !== 'asked') return undefined;
  const asked = draft.money.payments
    .map((p) => {
      const amount = parseAmount(p.amount, locale);
      const how = p.method ? t.money.methods[p.method] : '';
      return [amount !== undefined ? `${amount} ${p.currency}` : '', how].filter(Boolean).join(', ');
    })
    .filter(Boolean);
  return [t.money.status.asked, ...asked].join(': ');
}

/** The ReportInput the portal sends for this form (pure: the same draft always gives the same report). */
export function buildReport(draft: ReportDraft, t: Messages, language: string): ReportInput {
  const { happened, channel, contacts, money, remote, about } = draft;
  const narrativeParts = [narrativeOf(draft, t)];
  const asked = askedLine(draft, t, language);
  if (asked) narrativeParts.push(`${t.money.title}\n${asked}`);
  const narrative = narrativeParts.filter(Boolean).join('\n\n');

  const report: ReportInput = {
    externalId: draft.externalId,
    source: 'portal',
    language,
    consent: { lawEnforcementContact: about.police, partnerSharing: about.partners },
  };
  if (narrative) report.narrative = narrative;
  if (channel.channel) report.channel = channel.channel;
  if (/^\d{4}-\d{2}-\d{2}$/.test(happened.date)) report.firstContactAt = happened.date;
  const brand = happened.brand
    ? BRAND_NEEDS_NAME.includes(happened.brand)
      ? optional(happened.brandName)
      : optional(BRAND_CHOICES[happened.brand])
    : undefined;
  if (brand) report.impersonatedBrand = brand;

  const lists = {
    callbackNumbers: filled(contacts.phones),
    urls: filled(contacts.urls),
    emails: filled(contacts.emails),
    companyNames: filled(contacts.companies),
  };
  for (const [key, values] of Object.entries(lists) as Array<[keyof typeof lists, string[]]>)
    if (values.length > 0) report[key] = values;

  if (money.status === 'paid' || money.status === 'asked') {
    const payments = money.payments
      .map((p) => paymentOf(p, money.status === 'paid', language))
      .filter((p): p is PaymentInput => p !== undefined);
    if (payments.length > 0) report.payments = payments;
  }

  if (remote.connected !== 'no') {
    const tool =
      remote.tool === 'other'
        ? optional(remote.toolOther)
        : remote.tool === 'unknown'
          ? undefined
          : remote.tool;
    const sessionIds = filled([remote.sessionId]);
    if (tool || sessionIds.length > 0)
      report.remoteAccess = { ...(tool ? { tool } : {}), ...(sessionIds.length ? { sessionIds } : {}) };
  }

  const victim: NonNullable<ReportInput['victim']> = {};
  if (about.country) victim.country = about.country;
  if (about.ageBand) victim.ageBand = about.ageBand;
  if (about.contactOk) {
    const email = optional(about.email);
    const phone = optional(about.phone);
    if (email) victim.email = email;
    if (phone) victim.phone = phone;
  }
  if (Object.keys(victim).length > 0) report.victim = victim;
  if (draft.evidence.length > 0)
    report.evidence = draft.evidence.map(({ sha256, filename, mediaType, size }) => ({
      sha256,
      filename,
      mediaType,
      size,
    }));
  return report;
}

/** True when the report carries something to work with (the server's rule: a narrative or an indicator). */
export function hasSubstance(report: ReportInput): boolean {
  if (report.narrative?.trim()) return true;
  if ([report.callbackNumbers, report.urls, report.emails, report.companyNames].some((l) => l?.length))
    return true;
  if (report.remoteAccess?.sessionIds?.length) return true;
  return (report.payments ?? []).some((p) => {
    const r = p.recipient;
    return Boolean(r && (r.merchantDescriptor || r.accountNumber || r.iban || r.walletAddress || r.name));
  });
}
