import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** How the guard resolves names and whether tests may reach loopback. */
export interface GuardOptions {
  /** `true` allows every loopback port; a list allows only those ports (test servers). */
  allowLoopback?: boolean | number[];
  /** Injectable resolver (tests); defaults to the system resolver, every address, in resolver order. */
  lookup?: (host: string) => Promise<string[]>;
}

/** A guard verdict: where it is safe to connect, or why not. */
export type UrlCheck =
  | { ok: true; host: string; port: number; addresses: string[] }
  | { ok: false; reason: string };

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];
const cidrs = (...ranges: string[]): Cidr[] => ranges.map((r) => ipaddr.parseCIDR(r));

// Order matters: the first matching row names the reason, so narrow rows come before the ranges they sit in.
const IPV4_RANGES: Array<[string, Cidr[]]> = [
  ['cloud-metadata', cidrs('169.254.169.254/32', '100.100.100.200/32')],
  ['broadcast', cidrs('255.255.255.255/32')],
  ['unspecified', cidrs('0.0.0.0/8')],
  ['loopback', cidrs('127.0.0.0/8')],
  ['private', cidrs('10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16')],
  ['carrier-grade-nat', cidrs('100.64.0.0/10')],
  ['link-local', cidrs('169.254.0.0/16')],
  ['documentation', cidrs('192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24')],
  ['benchmarking', cidrs('198.18.0.0/15')],
  ['multicast', cidrs('224.0.0.0/4')],
  // IETF protocol assignments, the retired 6to4 relay anycast, and the never-allocated class E.
  ['reserved', cidrs('192.0.0.0/24', '192.88.99.0/24', '240.0.0.0/4')],
];

const IPV6_RANGES: Array<[string, Cidr[]]> = [
  ['cloud-metadata', cidrs('fd00:ec2::254/128')],
  ['unspecified', cidrs('::/128')],
  ['loopback', cidrs('::1/128')],
  ['private', cidrs('fc00::/7', 'fec0::/10')],
  ['link-local', cidrs('fe80::/10')],
  ['multicast', cidrs('ff00::/8')],
  // Teredo tunnels to hosts we cannot see; no web server worth crawling lives only there.
  ['teredo', cidrs('2001::/32')],
  ['benchmarking', cidrs('2001:2::/48')],
  ['documentation', cidrs('2001:db8::/32', '3fff::/20')],
  ['reserved', cidrs('2001::/23', '100::/64', '64:ff9b:1::/48', '5f00::/16')],
];

// IPv6 forms that carry an IPv4 address: judged by the address they carry. Offsets are 16-bit parts.
const EMBEDDED_V4: Array<[string, Cidr, number]> = [
  ['ipv4-mapped', ipaddr.parseCIDR('::ffff:0:0/96'), 6],
  ['ipv4-translated', ipaddr.parseCIDR('::ffff:0:0:0/96'), 6],
  ['nat64', ipaddr.parseCIDR('64:ff9b::/96'), 6],
  ['6to4', ipaddr.parseCIDR('2002::/16'), 1],
  ['ipv4-compatible', ipaddr.parseCIDR('::/96'), 6],
];
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');

const matchRange = (addr: ipaddr.IPv4 | ipaddr.IPv6, table: Array<[string, Cidr[]]>): string | null => {
  for (const [reason, ranges] of table) {
    if (ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits))) return reason;
  }
  return null;
};

/** Why an address must not be contacted ("loopback", "private", "ipv4-mapped private" …), or null if public unicast. */
export function classifyAddress(ip: string): string | null {
  // A zone (fe80::1%eth0) says which interface, not which address.
  const bare = ip.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return matchRange(ipaddr.IPv4.parse(bare), IPV4_RANGES);
  if (family !== 6) return 'invalid';
  // ipaddr.js reads "::1.2.3.4" as IPv4-mapped; WHATWG URL's canonical hex form avoids that misreading.
  const v6 = ipaddr.IPv6.parse(new URL(`http://[${bare}]/`).hostname.slice(1, -1));
  const special = matchRange(v6, IPV6_RANGES);
  if (special) return special;
  for (const [form, [net, bits], at] of EMBEDDED_V4) {
    if (!v6.match(net, bits)) continue;
    const p = v6.parts;
    const v4 = new ipaddr.IPv4([p[at]! >> 8, p[at]! & 0xff, p[at + 1]! >> 8, p[at + 1]! & 0xff]);
    const inner = classifyAddress(v4.toString());
    if (inner) return `${form} ${inner}`;
    // Deprecated (RFC 4291) forms are never legitimate destinations, whatever they carry.
    return form === 'ipv4-compatible' || form === 'ipv4-translated' ? 'reserved' : null;
  }
  // Everything outside 2000::/3 is unassigned or special today.
  return v6.match(...GLOBAL_UNICAST_V6) ? null : 'reserved';
}

const ALLOWED_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:']);
const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'ws:': 80, 'https:': 443, 'wss:': 443 };
const MAX_HOSTNAME = 253;
const LOOKUP_TIMEOUT_MS = 5000;

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const refused = (reason: string): UrlCheck => ({ ok: false, reason: `refused: ${reason}` });

const loopbackAllowed = (options: GuardOptions, port: number): boolean => {
  const allow = options.allowLoopback;
  return allow === true || (Array.isArray(allow) && allow.includes(port));
};

/** The reason an address is refused for this port, or null when it may be contacted. */
const addressRefusal = (ip: string, port: number, options: GuardOptions): string | null => {
  const reason = classifyAddress(ip);
  if (reason === 'loopback' && loopbackAllowed(options, port)) return null;
  return reason;
};

/** Names that mean "this machine" or "the cloud provider's internal network", refused before any lookup. */
const nameRefusal = (host: string, port: number, options: GuardOptions): string | null => {
  if (host === 'localhost') return loopbackAllowed(options, port) ? null : 'localhost is loopback';
  if (host.endsWith('.localhost')) return `${host} is a loopback name`;
  if (host === 'internal' || host.endsWith('.internal')) return `${host} is an internal name`;
  return null;
};

const systemLookup = async (host: string): Promise<string[]> =>
  (await dns.lookup(host, { all: true, verbatim: true })).map((a) => a.address);

const withTimeout = <T>(work: Promise<T>, ms: number): Promise<T> => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error('lookup timed out'), { code: 'ETIMEOUT' })), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
};

/**
 * Decides whether a crawler may contact a URL: scheme, special names, and every address the host
 * resolves to. Connect only to the returned `addresses`, never re-resolve (that would reopen DNS rebinding).
 */
export async function checkUrl(url: string, options: GuardOptions = {}): Promise<UrlCheck> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return refused('not a valid URL');
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return refused(`scheme ${parsed.protocol} is not allowed`);
  const port = parsed.port ? Number(parsed.port) : DEFAULT_PORTS[parsed.protocol]!;
  // WHATWG URL has already turned decimal, hex and octal IPv4 forms into dotted quads.
  const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
  if (isIP(host)) {
    const reason = addressRefusal(host, port, options);
    if (reason) return refused(`${host} is ${article(reason)} address`);
    return { ok: true, host, port, addresses: [host] };
  }
  const name = host.replace(/\.$/, '');
  if (!name || name.length > MAX_HOSTNAME) return refused('hostname is empty or too long');
  const byName = nameRefusal(name, port, options);
  if (byName) return refused(byName);
  let addresses: string[];
  try {
    addresses = await withTimeout((options.lookup ?? systemLookup)(name), LOOKUP_TIMEOUT_MS);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'error';
    return refused(`cannot resolve ${name} (${code})`);
  }
  if (addresses.length === 0) return refused(`${name} resolves to no address`);
  for (const ip of addresses) {
    const reason = isIP(ip) ? addressRefusal(ip, port, options) : 'invalid';
    if (reason) return refused(`${name} resolves to ${ip}, ${article(reason)} address`);
  }
  return { ok: true, host: name, port, addresses };
}

/** Guard options from the environment: `DRAGNET_CRAWL_ALLOW_LOOPBACK=1` or a comma list of ports. */
export function guardFromEnv(env: NodeJS.ProcessEnv = process.env): GuardOptions {
  const raw = env.DRAGNET_CRAWL_ALLOW_LOOPBACK?.trim();
  if (!raw || raw === '0' || raw === 'false') return { allowLoopback: false };
  if (raw === '1' || raw === 'true') return { allowLoopback: true };
  const ports = raw.split(',').map((p) => Number(p.trim()));
  // A malformed list fails closed: better a refused test fixture than an open loopback.
  if (ports.some((p) => !Number.isInteger(p) || p < 1 || p > 65535)) return { allowLoopback: false };
  return { allowLoopback: ports };
}
