import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { adviceFor } from './advice';
import { parseAmount } from './amount';
import { buildReport, hasSubstance, validateStep } from './build-report';
import { emptyDraft, emptyPayment, type ReportDraft } from './form-state';
import { referenceOf } from './reference';

const draft = (change: (d: ReportDraft) => void = () => {}): ReportDraft => {
  const d = emptyDraft('US', 'USD');
  change(d);
  return d;
};

describe('amounts as people type them', () => {
  it.each([
    ['250', 'en', 250],
    ['1,250.50', 'en', 1250.5],
    ['$1,250', 'en', 1250],
    ['1 250,50', 'fr', 1250.5],
    ['12,50', 'fr', 12.5],
    ['1.250,50', 'de', 1250.5],
    ['1.250', 'de', 1250],
    ['¥30,000', 'ja', 30000],
    ['499,99 €', 'es', 499.99],
  ])('%s in %s is %d', (typed, locale, value) => {
    expect(parseAmount(typed, locale)).toBe(value);
  });
  it('is undefined for words', () => {
    expect(parseAmount('five hundred', 'en')).toBeUndefined();
  });
});

describe('the report a form makes', () => {
  it('is empty of substance when nothing was told, and says so on the last step', () => {
    const report = buildReport(draft(), en, 'en');
    expect(hasSubstance(report)).toBe(false);
    expect(report).toMatchObject({
      source: 'portal',
      language: 'en',
      consent: { lawEnforcementContact: false },
    });
  });

  it('joins the free texts under each step title and drops empty list entries', () => {
    const d = draft((d) => {
      d.happened.story = 'Un message est apparu.';
      d.remote.notes = 'Il a pris la main.';
      d.contacts.phones = [' 01 86 95 12 34 ', ''];
    });
    const report = buildReport(d, fr, 'fr');
    expect(report.narrative).toBe(
      'Que s’est-il passé ?\nUn message est apparu.\n\nAccès à votre ordinateur\nIl a pris la main.',
    );
    expect(report.callbackNumbers).toEqual(['01 86 95 12 34']);
    expect(report).not.toHaveProperty('urls');
  });

  it('sends amounts only for money paid; money asked for is told in the narrative', () => {
    const asked = draft((d) => {
      d.money.status = 'asked';
      d.money.payments = [
        { ...emptyPayment('USD'), method: 'gift_card', amount: '500', giftCardBrand: 'Apple' },
      ];
    });
    const report = buildReport(asked, en, 'en');
    expect(report.payments).toEqual([{ method: 'gift_card', recipient: { giftCardBrand: 'Apple' } }]);
    expect(report.narrative).toContain('They asked, but I did not pay: 500 USD, Gift cards');
  });

  it('keeps contact details only with consent, and asks for one when consent is given', () => {
    const d = draft((d) => {
      d.about.email = 'me@example.com';
      d.happened.story = 'x';
    });
    expect(buildReport(d, en, 'en').victim).toEqual({ country: 'US' });
    d.about.contactOk = true;
    expect(buildReport(d, en, 'en').victim).toEqual({ country: 'US', email: 'me@example.com' });
    d.about.email = '';
    expect(validateStep('about', d, en, 'en')).toEqual([
      { field: 'about-email', message: en.about.contactMissing },
    ]);
  });
});

describe('advice that fits', () => {
  it('calls the bank for a card, the issuer for gift cards, and names the remote tool', () => {
    const d = draft((d) => {
      d.channel.channel = 'popup';
      d.money.status = 'paid';
      d.money.payments = [
        { ...emptyPayment('USD'), method: 'credit_card' },
        { ...emptyPayment('USD'), method: 'gift_card', giftCardBrand: 'Google Play' },
      ];
      d.remote.connected = 'yes';
      d.remote.tool = 'UltraViewer';
    });
    expect(adviceFor(d).map((a) => a.kind)).toEqual([
      'hangUp',
      'bank',
      'giftCard',
      'remote',
      'passwords',
      'popup',
    ]);
    expect(adviceFor(d)).toContainEqual({ kind: 'giftCard', brand: 'Google Play', site: 'play.google.com' });
    expect(adviceFor(d)).toContainEqual({ kind: 'remote', tool: 'UltraViewer' });
  });

  it('praises not paying, and leaves the computer alone when nobody connected', () => {
    const d = draft((d) => {
      d.channel.channel = 'email';
      d.money.status = 'asked';
      d.remote.connected = 'no';
    });
    expect(adviceFor(d).map((a) => a.kind)).toEqual(['askedOnly']);
  });
});

it('gives a reference from the end of the report id', () => {
  expect(referenceOf('01937a2e-5b1c-7d3e-9f10-4a5bc93e0133')).toBe('C93E-0133');
});
