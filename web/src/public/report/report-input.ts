// The ReportInput contract (DESIGN.md; src/core/report-input.ts is its schema) as far as the portal sends
// it. Mirrored as types: the server's module needs a newer lib than the web app compiles with, and its
// zod schema has no place in a victim's download. The server validates every field again. The fixed
// vocabularies are the server's own (src/core/report-vocabulary.ts).
import type { AgeBand, Channel, PaymentMethod } from '../../../../src/core/report-vocabulary';

export {
  AGE_BANDS,
  type AgeBand,
  type Channel,
  type PaymentMethod,
} from '../../../../src/core/report-vocabulary';

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
