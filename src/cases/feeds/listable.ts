import { parse as parseHost } from 'tldts';
import { commonNormalisedValue, INDICATOR_REGISTRY, type IndicatorKind } from '../../core/indicator-kinds.js';

/**
 * True when a hostname is itself a public or hosting suffix (azurewebsites.net, pages.dev, co.uk): blocking
 * it would block every site anyone hosts there. Hosts under it (win-alert.azurewebsites.net) are not.
 */
export function isHostingSuffix(host: string): boolean {
  const parsed = parseHost(host, { allowPrivateDomains: true });
  return !parsed.isIp && parsed.domain === null;
}

/** The host a value of a kind points at (domains and URLs), or null for kinds without one. */
export function hostOf(kind: IndicatorKind, normalised: string): string | null {
  if (kind === 'domain') return normalised;
  if (kind === 'url') return new URL(normalised).hostname;
  return null;
}

/**
 * The canonical form of a value when it may go on a blocklist, else null: not a value of its kind, on the
 * common-values list (a brand's real support number, microsoft.com, anydesk.com: 'block' and 'inform'
 * alike), or a hosting suffix itself.
 */
export function listableValue(kind: IndicatorKind, value: string): string | null {
  const normalised = INDICATOR_REGISTRY[kind].normalise(value);
  if (normalised === null || commonNormalisedValue(kind, normalised) !== null) return null;
  const host = hostOf(kind, normalised);
  return host !== null && isHostingSuffix(host) ? null : normalised;
}
