import { describe, expect, it } from 'vitest';
import { channelOf, facetsOf } from './facets.js';
import { buildGraph } from './graph.js';

describe('facetsOf', () => {
  it('counts a descriptor that spells a company name as identity, an account descriptor as payment', () => {
    const graph = buildGraph([
      {
        id: 'a',
        indicators: [
          { kind: 'company', value: 'quick systems' },
          { kind: 'merchant', value: 'QUICKSYSTEMS DUBLIN' },
          { kind: 'merchant', value: 'QUICK SYSTEMS' },
          { kind: 'merchant', value: 'QUICKSYSTEMS 8443970648' },
          { kind: 'merchant', value: 'SQ*QUICKSYSTEMS' },
          { kind: 'merchant', value: 'NOVAGUARD LONDON' },
          { kind: 'iban', value: 'GB33BUKB20201555555555' },
          { kind: 'phone', value: '+18554428444' },
        ],
      },
    ]);
    expect(facetsOf(graph)).toEqual([
      'identity',
      'identity',
      'identity',
      'payment',
      'payment',
      'payment',
      'payment',
      'contact',
    ]);
  });

  it('takes a page and its host for one contact channel', () => {
    expect(channelOf('url', 'https://Alert-Page.com/err/x1/')).toBe('domain:alert-page.com');
    expect(channelOf('domain', 'alert-page.com')).toBe('domain:alert-page.com');
  });
});
