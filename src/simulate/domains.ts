import { CHEAP_TLDS, DOMAIN_WORDS, TRUSTED_HOSTING } from './catalogue.js';
import type { Rng } from './rng.js';

// Scam hostnames and URLs: brand words on cheap TLDs, subdomains of trusted hosting, or subdomains of a
// shared reseller apex; and the ways victims paste them (defanged, without scheme, with the popup's query).

const ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Where an operation puts its pages: its own cheap domains, a trusted host, or a reseller's apex. */
export type HostingChoice =
  | { kind: 'cheap' }
  | { kind: 'trusted'; suffix: string }
  | { kind: 'reseller'; apex: string };

/** A brand-flavoured label: "microsoft-help-desk24", "windowsdefenderalert", "win-security-7781". */
export function brandLabel(rng: Rng, brandWord: string): string {
  const w1 = rng.pick(DOMAIN_WORDS);
  const w2 = rng.pick(DOMAIN_WORDS);
  const num = rng.chance(0.5) ? String(rng.pick([24, 247, 365, 1, 2, 365, rng.range(10, 9999)])) : '';
  const sep = rng.chance(0.6) ? '-' : '';
  const parts = rng.chance(0.5) ? [brandWord, w1, w2] : [brandWord, w1];
  if (rng.chance(0.15)) parts.unshift(rng.pick(['my', 'the', 'get', 'call', 'go']));
  return `${parts.join(sep)}${num && sep ? sep : ''}${num}`;
}

/** A fresh hostname for an operation, following its hosting choice. */
export function newHostname(rng: Rng, brandWord: string, hosting: HostingChoice): string {
  if (hosting.kind === 'cheap') return `${brandLabel(rng, brandWord)}.${rng.pick(CHEAP_TLDS)}`;
  if (hosting.kind === 'reseller')
    return `${brandLabel(rng, brandWord)}-${rng.chars(ALNUM, 4)}.${hosting.apex}`;
  // On trusted hosting the label is often random: the brand shows only on the page.
  const label = rng.chance(0.6)
    ? `${brandLabel(rng, brandWord)}-${rng.chars(ALNUM, 5)}`
    : rng.chars(ALNUM, rng.range(8, 14));
  if (hosting.suffix === 'web.core.windows.net')
    return `${label.replace(/-/g, '')}.z${rng.range(5, 33)}.web.core.windows.net`;
  if (hosting.suffix === 'blob.core.windows.net')
    return `${label.replace(/-/g, '').slice(0, 24)}.blob.core.windows.net`;
  return `${label}.${hosting.suffix}`;
}

/** A reseller's apex domain that hosts subdomains for several operations (a false-merge trap). */
export function newResellerApex(rng: Rng): string {
  const stem = rng.pick([
    'secure-cdn',
    'fastnode',
    'cloud-edge',
    'webhost',
    'pagehub',
    'sitecloud',
    'hostmaster',
  ]);
  return `${stem}-${rng.chars(ALNUM, 3)}.${rng.pick(['xyz', 'top', 'online', 'site', 'icu'])}`;
}

/** A hosting choice: mostly cheap domains, often trusted hosting (FIELD.md), both per operation. */
export function chooseHosting(rng: Rng): HostingChoice {
  return rng.chance(0.55) ? { kind: 'cheap' } : { kind: 'trusted', suffix: rng.pick(TRUSTED_HOSTING) };
}

/** A kit's page path, as its URLs carry it ("/win/err0x268D3/index.html"). */
export function newKitPath(rng: Rng): string {
  const dir = rng.pick(['win', 'lp', 'defender', 'alert', 'sec', 'mac', 'err', 'support', 'w10']);
  const leaf = rng.pick(['index.html', 'index.php', '', 'home.html', 'error.html']);
  return `/${dir}/${rng.chars(ALNUM, rng.range(4, 8))}/${leaf}`;
}

/** A full scam URL on `host` with the kit's path and, often, the phone number passed in the query. */
export function scamUrl(rng: Rng, host: string, kitPath: string, e164?: string): string {
  const scheme = rng.chance(0.85) ? 'https' : 'http';
  let query = '';
  if (e164 && rng.chance(0.35)) {
    const style = rng.int(3);
    if (style === 0) query = `?phone=${e164.slice(1)}`;
    else if (style === 1) query = `?pn=${Buffer.from(e164).toString('base64')}`;
    else query = `?n1=${e164.slice(1, 5)}&n2=${e164.slice(5)}`;
  } else if (rng.chance(0.3)) {
    query = `?gclid=${rng.chars(ALNUM, 16)}`;
  }
  return `${scheme}://${host}${kitPath}${query}`;
}

/** A URL the way a victim pastes it: sometimes defanged (hxxp, [.]), sometimes bare host, sometimes as is. */
export function victimUrl(rng: Rng, url: string, host: string): string {
  const x = rng.float();
  if (x < 0.12) return defang(rng, url);
  if (x < 0.3) return host;
  if (x < 0.36) return `www.${host}`.replace('www.www.', 'www.');
  if (x < 0.42) return url.replace(/^https?:\/\//, '');
  return url;
}

/** Defangs a URL as security-aware victims and partners do: hxxp, [.], (dot). */
export function defang(rng: Rng, url: string): string {
  const dot = rng.pick(['[.]', '[.]', '(.)', '[dot]']);
  const m = /^(https?:\/\/)?([^/?#]+)(.*)$/.exec(url);
  if (!m) return url;
  const scheme = (m[1] ?? '').replace(/^http/, 'hxxp');
  return `${scheme}${m[2]!.replaceAll('.', dot)}${m[3] ?? ''}`;
}
