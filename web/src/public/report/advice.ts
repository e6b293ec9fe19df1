import { GIFT_CARD_BRANDS, type GiftCardBrand, type ReportDraft } from './form-state';

/** One piece of advice that fits what the person told us (the confirmation words it). */
export type Advice =
  | { kind: 'hangUp' }
  | { kind: 'bank' }
  | { kind: 'giftCard'; brand?: string; site?: string }
  | { kind: 'crypto' }
  | { kind: 'p2p' }
  | { kind: 'cash' }
  | { kind: 'askedOnly' }
  | { kind: 'remote'; tool?: string }
  | { kind: 'passwords' }
  | { kind: 'popup' };

const isKnownCard = (brand: string): brand is GiftCardBrand => brand in GIFT_CARD_BRANDS;

/**
 * Advice for this report, most urgent first: stop the contact, then money that may still be stopped,
 * then the computer. Pure: from the answers only.
 */
export function adviceFor(draft: ReportDraft): Advice[] {
  const advice: Advice[] = [];
  const { channel } = draft.channel;
  const phones = draft.contacts.phones.some((p) => p.trim());
  if (phones || !channel || ['popup', 'outbound_call', 'inbound_call'].includes(channel))
    advice.push({ kind: 'hangUp' });

  const paid = draft.money.status === 'paid' ? draft.money.payments : [];
  const methods = new Set(paid.map((p) => p.method));
  if (methods.has('credit_card') || methods.has('bank_transfer') || methods.has('check'))
    advice.push({ kind: 'bank' });
  const cards = new Set<string>();
  for (const p of paid.filter((x) => x.method === 'gift_card')) {
    const brand = p.giftCardBrand === 'other' ? p.giftCardOther.trim() : p.giftCardBrand;
    cards.add(brand);
  }
  for (const brand of cards) {
    if (!brand) advice.push({ kind: 'giftCard' });
    else
      advice.push({
        kind: 'giftCard',
        brand,
        site: isKnownCard(brand) ? GIFT_CARD_BRANDS[brand] : undefined,
      });
  }
  if (methods.has('crypto')) advice.push({ kind: 'crypto' });
  if (methods.has('p2p')) advice.push({ kind: 'p2p' });
  if (methods.has('cash')) advice.push({ kind: 'cash' });
  if (draft.money.status === 'asked') advice.push({ kind: 'askedOnly' });

  const { connected, tool, toolOther, sessionId } = draft.remote;
  if (connected === 'yes' || (connected !== 'no' && (tool || sessionId.trim()))) {
    const name = tool === 'other' ? toolOther.trim() : tool === 'unknown' ? '' : tool;
    advice.push(name ? { kind: 'remote', tool: name } : { kind: 'remote' });
    advice.push({ kind: 'passwords' });
  }
  if (channel === 'popup') advice.push({ kind: 'popup' });
  return advice;
}
