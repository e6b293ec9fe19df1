import type { Tally } from '../../score/profile.js';
import type { SharedOperation } from '../types.js';
import { freeText } from './values.js';

const listOf = (tallies: Tally[], limit = 5) =>
  tallies
    .slice(0, limit)
    .map((t) => `${t.value} (${t.count})`)
    .join(', ');

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '?');

/** Amounts per currency as people write them ("18,250 USD"), largest first as the profile keeps them. */
export function lossesText(losses: Array<{ currency: string; value: number }>): string {
  return losses
    .filter((l) => Number.isFinite(l.value) && l.value > 0)
    .map((l) => `${l.value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${l.currency}`)
    .join(', ');
}

/**
 * A paragraph on one operation for the analyst who opens the event: what it does, to whom, since when, at
 * what cost. Everything in it comes from the operation's profile (counts, never a victim's data).
 */
export function operationSummary(op: SharedOperation): string {
  const mo = op.profile.modusOperandi;
  const parts = [
    `Dragnet operation ${op.id}: tech support scam, ${op.reportCount} report(s) from ${day(op.firstSeen)} to ${day(op.lastSeen)}`,
    mo.brands.length > 0 && `impersonates ${listOf(mo.brands)}`,
    mo.channels.length > 0 && `reaches victims by ${listOf(mo.channels)}`,
    mo.remoteTools.length > 0 && `remote access with ${listOf(mo.remoteTools)}`,
    mo.paymentMethods.length > 0 && `paid by ${listOf(mo.paymentMethods)}`,
    op.profile.targets.victimCountries.length > 0 &&
      `victims in ${listOf(op.profile.targets.victimCountries, 10)}`,
    op.profile.origin.phoneCountries.length > 0 &&
      `phone numbers of ${listOf(op.profile.origin.phoneCountries)}`,
    op.profile.origin.bankCountries.length > 0 &&
      `bank accounts in ${listOf(op.profile.origin.bankCountries)}`,
    op.profile.origin.hosting.length > 0 && `pages hosted on ${listOf(op.profile.origin.hosting)}`,
    lossesText(op.profile.lossesByCurrency) && `reported losses ${lossesText(op.profile.lossesByCurrency)}`,
  ];
  return freeText(`${parts.filter(Boolean).join('; ')}.`);
}
