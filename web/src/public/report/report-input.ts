// The ReportInput contract (DESIGN.md; src/core/report-input.ts is its schema) as far as the portal sends
// it. Mirrored as types: the server's module needs a newer lib than the web app compiles with, and its
// zod schema has no place in a victim's download. The server validates every field again.

/** How the scammer reached the victim. */
export type Channel =
  | 'popup'
  | 'inbound_call'
  | 'outbound_call'
  | 'search_ad'
  | 'email'
  | 'sms'
  | 'social'
  | 'other';

/** How the victim paid. */
export type PaymentMethod =
  | 'gift_card'
  | 'credit_card'
  | 'bank_transfer'
  | 'crypto'
  | 'p2p'
  | 'cash'
  | 'check'
  | 'other';

/** Age bands as the FTC reports them. */
export const AGE_BANDS = [
  '19_or_less',
  '20_29',
  '30_39',
  '40_49',
  '50_59',
  '60_69',
  '70_79',
  '80_plus',
] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** One payment made or asked for. */
export interface PaymentInput {
  method?: PaymentMethod;
  amount?: number;
  currency?: string;
  recipient?: {
    name?: string;
    merchantDescriptor?: string;
    accountNumber?: string;
    iban?: string;
    walletAddress?: string;
    giftCardBrand?: string;
  };
}

/** The report the portal posts to /api/reports. */
export interface ReportInput {
  externalId: string;
  source: 'portal';
  channel?: Channel;
  firstContactAt?: string;
  impersonatedBrand?: string;
  callbackNumbers?: string[];
  urls?: string[];
  emails?: string[];
  companyNames?: string[];
  remoteAccess?: { tool?: string; sessionIds?: string[] };
  payments?: PaymentInput[];
  narrative?: string;
  victim?: { country?: string; ageBand?: AgeBand; email?: string; phone?: string };
  consent: { lawEnforcementContact: boolean; partnerSharing: boolean };
  language: string;
  evidence?: Array<{ sha256: string; filename?: string; mediaType?: string; size?: number }>;
}
