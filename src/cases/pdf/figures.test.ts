import { describe, expect, it } from 'vitest';
import { sampleDossier } from '../../../test/helpers/shared-operations.js';
import type { DossierVictim } from '../types.js';
import { keyFigures, lossesByCountry, paymentMethodCounts } from './figures.js';

const base = sampleDossier().victims[0] as DossierVictim;
const victim = (country: string | null, losses: DossierVictim['losses'], paymentMethods: string[] = []) => ({
  ...base,
  country,
  losses,
  paymentMethods,
});

describe('keyFigures', () => {
  it('counts operations, reports, victims, countries and losses per currency', () => {
    expect(keyFigures(sampleDossier())).toEqual({
      operations: 1,
      reports: 17,
      victims: 2,
      countries: ['CA', 'US'],
      losses: [
        { currency: 'USD', value: 18250 },
        { currency: 'CAD', value: 2400 },
      ],
    });
  });
});

describe('lossesByCountry', () => {
  it('sums per country and currency, counting who lost in each, unknown countries last', () => {
    const rows = lossesByCountry([
      victim('US', [{ currency: 'USD', value: 100 }]),
      victim('US', [
        { currency: 'USD', value: 50.5 },
        { currency: 'EUR', value: 20 },
      ]),
      victim('us', []),
      victim(null, []),
      victim('DE', [{ currency: 'EUR', value: Number.NaN }]),
    ]);
    expect(rows).toEqual([
      { country: 'US', victims: 3, currency: 'USD', total: 150.5, victimsWithLoss: 2 },
      { country: 'US', victims: 3, currency: 'EUR', total: 20, victimsWithLoss: 1 },
      { country: 'DE', victims: 1, currency: 'EUR', total: 0, victimsWithLoss: 1 },
      { country: null, victims: 1, currency: null, total: 0, victimsWithLoss: 0 },
    ]);
  });
});

describe('paymentMethodCounts', () => {
  it('counts each victim once per method', () => {
    expect(
      paymentMethodCounts([
        victim('US', [], ['gift_card', 'gift_card', 'wire']),
        victim('US', [], ['gift_card']),
      ]),
    ).toEqual([
      { method: 'gift_card', victims: 2 },
      { method: 'wire', victims: 1 },
    ]);
  });
});
