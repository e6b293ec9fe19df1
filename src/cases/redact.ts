/** What a victim told about themselves, to be blanked out of their own words. */
export interface VictimIdentity {
  name?: string | null | undefined;
  email?: string | null | undefined;
  phone?: string | null | undefined;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A pattern for a phone number written with any spacing or punctuation, from its last 7+ digits. */
function phonePattern(phone: string): RegExp | null {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return null;
  // The national part: a victim writes their own number without the country code more often than with it.
  const tail = digits.slice(-Math.min(digits.length, 10));
  return new RegExp(`(?:\\+?\\d{1,3}[\\s.()-]*)?${[...tail].join('[\\s.()-]*')}`, 'g');
}

/**
 * The victim's own words with their personal data blanked out: their name (whole and each part of three
 * letters or more), e-mail address and phone number, and any card-like number
 * (13–19 digits). Indicators of the scammers (their numbers, sites) stay: they are the evidence.
 */
export function redactNarrative(text: string, who: VictimIdentity): string {
  let out = text;
  if (who.email) out = out.replace(new RegExp(escapeRegExp(who.email), 'gi'), '[e-mail]');
  const phone = who.phone ? phonePattern(who.phone) : null;
  if (phone) out = out.replace(phone, '[phone]');
  if (who.name?.trim()) {
    const whole = who.name.trim();
    const parts = whole.split(/\s+/).filter((p) => p.length >= 3);
    for (const p of [whole, ...parts.sort((a, b) => b.length - a.length)])
      out = out.replace(
        new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(p)}(?![\\p{L}\\p{N}])`, 'giu'),
        '[name]',
      );
  }
  return out.replace(/\b(?:\d[ -]?){12,18}\d\b/g, '[card number]');
}
