import type { Dossier, SharedIndicator, SharedOperation } from '../../src/cases/types.js';

const indicator = (kind: string, value: string, reportCount: number, lastSeen: string): SharedIndicator => ({
  kind,
  value,
  reportCount,
  firstSeen: '2026-10-02T09:00:00.000Z',
  lastSeen,
  expiresAt: new Date(Date.parse(lastSeen) + 9 * 86_400_000).toISOString(),
  decay: 0.8,
});

/** A call centre as the exports see it: phones, popup domains and URLs, a merchant, a wallet, an IBAN. */
export function sampleOperation(over: Partial<SharedOperation> = {}): SharedOperation {
  return {
    id: 'op-7f3a9c',
    tlp: 'amber',
    priority: 42.5,
    reportCount: 17,
    firstSeen: '2026-10-02T09:00:00.000Z',
    lastSeen: '2026-11-20T15:30:00.000Z',
    profile: {
      modusOperandi: {
        channels: [{ value: 'popup', count: 12 }],
        brands: [{ value: 'Microsoft', count: 15 }],
        paymentMethods: [
          { value: 'gift_card', count: 9 },
          { value: 'credit_card', count: 4 },
        ],
        remoteTools: [{ value: 'anydesk', count: 11 }],
        languages: [{ value: 'en', count: 17 }],
      },
      origin: {
        phoneCountries: [{ value: 'US', count: 3 }],
        bankCountries: [{ value: 'GB', count: 1 }],
        hosting: [{ value: 'azurewebsites.net', count: 2 }],
      },
      targets: {
        victimCountries: [
          { value: 'US', count: 12 },
          { value: 'CA', count: 5 },
        ],
      },
      activePeriod: { first: '2026-10-02T09:00:00.000Z', last: '2026-11-20T15:30:00.000Z' },
      lossesByCurrency: [
        { currency: 'USD', value: 18250 },
        { currency: 'CAD', value: 2400 },
      ],
    },
    indicators: [
      indicator('phone', '+18885550142', 11, '2026-11-20T15:30:00.000Z'),
      indicator('phone', '+18445550199', 4, '2026-11-02T10:00:00.000Z'),
      indicator('domain', 'win-alert-0x8024.azurewebsites.net', 6, '2026-11-19T08:00:00.000Z'),
      indicator(
        'url',
        'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02',
        6,
        '2026-11-19T08:00:00.000Z',
      ),
      indicator('email', 'billing@secure-pc-helpdesk.com', 2, '2026-10-30T12:00:00.000Z'),
      indicator('merchant', 'SQ *TECHFIX SOLUTIONS', 3, '2026-11-11T12:00:00.000Z'),
      indicator('company', 'Techfix Solutions LLC', 5, '2026-11-11T12:00:00.000Z'),
      indicator('crypto_wallet', 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh', 2, '2026-11-01T12:00:00.000Z'),
      indicator('iban', 'GB33BUKB20201555555555', 1, '2026-10-21T12:00:00.000Z'),
      indicator('remote_access_id', 'anydesk:123456789', 3, '2026-11-15T12:00:00.000Z'),
      indicator('person', 'Kevin Brown', 4, '2026-11-15T12:00:00.000Z'),
    ],
    daily: [
      { day: '2026-10-02', reports: 2, losses: [{ currency: 'USD', value: 1200 }] },
      { day: '2026-11-19', reports: 9, losses: [{ currency: 'USD', value: 9800 }] },
      { day: '2026-11-20', reports: 6, losses: [{ currency: 'CAD', value: 2400 }] },
    ],
    geography: {
      victims: [
        { country: 'US', count: 12 },
        { country: 'CA', count: 5 },
      ],
      origins: [],
    },
    captures: [
      {
        id: 'c0ffee00-0000-4000-8000-000000000001',
        url: 'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02',
        finalUrl: 'https://win-alert-0x8024.azurewebsites.net/?err=DT00X02',
        title: 'Windows Defender Security Warning',
        capturedAt: '2026-11-19T08:05:00.000Z',
        verdict: 'scam',
        scamProbability: 0.998,
        screenshotSha256: 'a'.repeat(64),
      },
    ],
    ...over,
  };
}

/** A small dossier around `sampleOperation`: one case, two victims (one consented), a short chain. */
export function sampleDossier(over: Partial<Dossier> = {}): Dossier {
  const op = sampleOperation();
  return {
    case: {
      id: 'case-1',
      reference: 'DRG-2026-0001',
      title: 'Techfix Solutions popup call centre',
      status: 'draft',
      tlp: 'amber',
      agency: 'FBI IC3',
      jurisdictions: ['US', 'CA'],
      assignee: 'Ana Analyst',
      createdAt: '2026-11-21T10:00:00.000Z',
      summary:
        'Popup call centre impersonating Microsoft; gift cards and card payments to Techfix Solutions.',
      events: [{ at: '2026-11-21T10:00:00.000Z', kind: 'status', text: 'Case opened (draft)' }],
    },
    generatedAt: '2026-11-25T12:00:00.000Z',
    recipient: { name: 'FBI IC3', personalData: false },
    operations: [op],
    evidence: [
      {
        operationId: op.id,
        links: [
          {
            from: 'r-2',
            to: 'r-1',
            shared: [{ kind: 'phone', value: '+18885550142', weight: 3.2, reportCount: 11 }],
            weak: false,
          },
        ],
        linksTruncated: false,
      },
    ],
    victims: [
      {
        reportId: 'r-1',
        externalId: 'portal-1',
        operationId: op.id,
        reportedAt: '2026-11-19T09:00:00.000Z',
        country: 'US',
        ageBand: '65-74',
        channel: 'popup',
        losses: [{ currency: 'USD', value: 1200 }],
        paymentMethods: ['gift_card'],
        narrative: 'A popup said my computer was locked and to call +1 888 555 0142. [name] paid $1,200.',
        name: null,
        email: null,
        phone: null,
        consent: { lawEnforcementContact: true, partnerSharing: false },
        declaration: {
          text: 'I called the number on the screen…',
          consent: 'given',
          takenAt: '2026-11-22T10:00:00.000Z',
        },
      },
      {
        reportId: 'r-2',
        externalId: null,
        operationId: op.id,
        reportedAt: '2026-11-20T09:00:00.000Z',
        country: 'CA',
        ageBand: null,
        channel: 'popup',
        losses: [{ currency: 'CAD', value: 2400 }],
        paymentMethods: ['credit_card'],
        narrative: 'They took control with AnyDesk.',
        name: null,
        email: null,
        phone: null,
        consent: { lawEnforcementContact: null, partnerSharing: null },
        declaration: null,
      },
    ],
    ...over,
  };
}
