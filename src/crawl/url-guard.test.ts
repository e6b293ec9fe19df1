import { describe, expect, it } from 'vitest';
import { checkUrl, classifyAddress, type GuardOptions, guardFromEnv } from './url-guard.js';

/** A resolver that answers from a table and fails the test when asked about anything else. */
const fakeDns = (table: Record<string, string[]>) => {
  const asked: string[] = [];
  const lookup = async (host: string): Promise<string[]> => {
    asked.push(host);
    const answer = table[host];
    if (!answer) throw Object.assign(new Error(`no such host ${host}`), { code: 'ENOTFOUND' });
    return answer;
  };
  return { lookup, asked };
};

// A resolver that must not be consulted: IP literals and refused names are decided without DNS.
const noDns: GuardOptions['lookup'] = async (host) => {
  throw new Error(`unexpected lookup of ${host}`);
};

describe('classifyAddress', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.0.1', 'link-local'],
    ['169.254.169.254', 'cloud-metadata'],
    ['100.100.100.200', 'cloud-metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['100.64.0.1', 'carrier-grade-nat'],
    ['100.127.255.255', 'carrier-grade-nat'],
    ['192.0.0.8', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.7', 'documentation'],
    ['203.0.113.9', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['198.19.255.255', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fec0::1', 'private'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['ff02::1', 'multicast'],
    ['fd00:ec2::254', 'cloud-metadata'],
    ['::ffff:127.0.0.1', 'ipv4-mapped loopback'],
    ['::ffff:7f00:1', 'ipv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'ipv4-mapped private'],
    ['::ffff:169.254.169.254', 'ipv4-mapped cloud-metadata'],
    ['::ffff:0:192.168.0.1', 'ipv4-translated private'],
    ['::127.0.0.1', 'ipv4-compatible loopback'],
    ['::8.8.8.8', 'reserved'],
    ['64:ff9b::10.0.0.1', 'nat64 private'],
    ['64:ff9b::a9fe:a9fe', 'nat64 cloud-metadata'],
    ['64:ff9b:1::1', 'reserved'],
    ['2002:c0a8:0101::1', '6to4 private'],
    ['2002:7f00:0001::1', '6to4 loopback'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo'],
    ['2001:db8::1', 'documentation'],
    ['2001:2::1', 'benchmarking'],
    ['100::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['not an address', 'invalid'],
  ])('refuses %s as %s', (ip, reason) => {
    expect(classifyAddress(ip)).toBe(reason);
  });

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '11.0.0.1',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '100.128.0.1',
    '169.253.255.255',
    '198.20.0.1',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2001:4860:4860::8888',
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '2002:0808:0808::1',
  ])('accepts the public unicast address %s', (ip) => {
    expect(classifyAddress(ip)).toBeNull();
  });
});

describe('checkUrl on IP literals', () => {
  it.each([
    ['http://127.0.0.1/', '127.0.0.1 is a loopback address'],
    ['http://127.1/', '127.0.0.1 is a loopback address'],
    ['http://2130706433/', '127.0.0.1 is a loopback address'],
    ['http://0x7f.1/', '127.0.0.1 is a loopback address'],
    ['http://0177.0.0.1/', '127.0.0.1 is a loopback address'],
    ['http://0x7f000001:8080/', '127.0.0.1 is a loopback address'],
    ['http://0/', '0.0.0.0 is an unspecified address'],
    ['http://10.0.0.1/', '10.0.0.1 is a private address'],
    ['http://3232235777/', '192.168.1.1 is a private address'],
    ['http://0xa9fea9fe/latest/meta-data/', '169.254.169.254 is a cloud-metadata address'],
    ['http://169.254.169.254/latest/meta-data/', '169.254.169.254 is a cloud-metadata address'],
    ['http://100.100.100.200/', '100.100.100.200 is a cloud-metadata address'],
    ['https://255.255.255.255/', '255.255.255.255 is a broadcast address'],
    ['ws://192.168.1.1/socket', '192.168.1.1 is a private address'],
    ['wss://100.64.1.1/', '100.64.1.1 is a carrier-grade-nat address'],
    ['http://[::1]:8080/', '::1 is a loopback address'],
    ['http://[::]/', ':: is an unspecified address'],
    ['http://[::ffff:127.0.0.1]/', '::ffff:7f00:1 is an ipv4-mapped loopback address'],
    ['http://[::ffff:a9fe:a9fe]/', 'is an ipv4-mapped cloud-metadata address'],
    ['http://[fd00:ec2::254]/', 'fd00:ec2::254 is a cloud-metadata address'],
    ['http://[fe80::1]/', 'fe80::1 is a link-local address'],
    ['http://[fc00::1]/', 'fc00::1 is a private address'],
    ['http://[ff02::1]/', 'ff02::1 is a multicast address'],
    ['wss://[64:ff9b::a00:1]/', 'is a nat64 private address'],
    ['https://[2002:c0a8:101::1]/', 'is a 6to4 private address'],
    ['http://[::127.0.0.1]/', 'is an ipv4-compatible loopback address'],
  ])('refuses %s', async (url, reason) => {
    const verdict = await checkUrl(url, { lookup: noDns });
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
    expect(verdict.ok ? '' : verdict.reason).toMatch(/^refused: /);
  });

  it.each([
    ['http://8.8.8.8/', '8.8.8.8', 80],
    ['https://1.1.1.1/dns-query', '1.1.1.1', 443],
    ['ws://134744072:8080/', '8.8.8.8', 8080],
    ['wss://[2606:4700:4700::1111]/', '2606:4700:4700::1111', 443],
  ])('accepts %s without a lookup', async (url, address, port) => {
    expect(await checkUrl(url, { lookup: noDns })).toEqual({
      ok: true,
      host: address,
      port,
      addresses: [address],
    });
  });

  it.each([
    'file:///etc/passwd',
    'ftp://8.8.8.8/',
    'javascript:alert(1)',
    'data:text/html,hi',
    'gopher://8.8.8.8/',
  ])('refuses the scheme of %s', async (url) => {
    const verdict = await checkUrl(url, { lookup: noDns });
    expect(verdict).toEqual({
      ok: false,
      reason: expect.stringMatching(/^refused: scheme \w+: is not allowed$/),
    });
  });

  it('refuses what is not a URL', async () => {
    expect(await checkUrl('not a url', { lookup: noDns })).toEqual({
      ok: false,
      reason: 'refused: not a valid URL',
    });
  });
});

describe('checkUrl with loopback allowed for tests', () => {
  it('allows any loopback port with true, but never other private or metadata addresses', async () => {
    const allow = { allowLoopback: true, lookup: noDns };
    expect((await checkUrl('http://127.0.0.1:5173/', allow)).ok).toBe(true);
    expect((await checkUrl('http://[::1]/', allow)).ok).toBe(true);
    expect((await checkUrl('http://10.0.0.1/', allow)).ok).toBe(false);
    expect((await checkUrl('http://169.254.169.254/', allow)).ok).toBe(false);
    expect((await checkUrl('http://[::ffff:127.0.0.1]/', allow)).ok).toBe(false);
  });

  it('allows only the listed ports with a port list', async () => {
    const allow = { allowLoopback: [8080], lookup: noDns };
    expect(await checkUrl('http://127.0.0.1:8080/x', allow)).toMatchObject({ ok: true, port: 8080 });
    expect((await checkUrl('http://127.0.0.1:8081/', allow)).ok).toBe(false);
    expect((await checkUrl('http://127.0.0.1/', allow)).ok).toBe(false);
    expect((await checkUrl('https://127.0.0.1/', allow)).ok).toBe(false);
  });

  it('resolves localhost with the system resolver when allowed, and every answer is loopback', async () => {
    const verdict = await checkUrl('http://localhost:8080/', { allowLoopback: [8080] });
    expect(verdict.ok).toBe(true);
    if (!verdict.ok) return;
    expect(verdict.addresses.length).toBeGreaterThan(0);
    for (const address of verdict.addresses) expect(classifyAddress(address)).toBe('loopback');
  });
});

describe('checkUrl on names', () => {
  it.each([
    ['http://localhost/', 'localhost is loopback'],
    ['http://LOCALHOST./', 'localhost is loopback'],
    ['http://app.localhost/', 'app.localhost is a loopback name'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata.google.internal is an internal name'],
    ['https://db.corp.internal/', 'db.corp.internal is an internal name'],
  ])('refuses %s by name, before any lookup', async (url, reason) => {
    expect(await checkUrl(url, { lookup: noDns })).toEqual({ ok: false, reason: `refused: ${reason}` });
  });

  it('refuses *.localhost and internal names even when loopback is allowed', async () => {
    const allow = { allowLoopback: true, lookup: noDns };
    expect((await checkUrl('http://app.localhost/', allow)).ok).toBe(false);
    expect((await checkUrl('http://metadata.google.internal/', allow)).ok).toBe(false);
  });

  it('refuses a host resolving to a private address, naming host and address', async () => {
    const dns = fakeDns({ 'intranet.example': ['10.1.2.3'] });
    expect(await checkUrl('https://intranet.example/login', dns)).toEqual({
      ok: false,
      reason: 'refused: intranet.example resolves to 10.1.2.3, a private address',
    });
    expect(dns.asked).toEqual(['intranet.example']);
  });

  it.each([
    [['93.184.216.34', '10.0.0.1'], '10.0.0.1, a private address'],
    [['10.0.0.1', '93.184.216.34'], '10.0.0.1, a private address'],
    [['2606:2800:220:1::1', '::1'], '::1, a loopback address'],
    [['93.184.216.34', '::ffff:169.254.169.254'], 'an ipv4-mapped cloud-metadata address'],
    [['93.184.216.34', 'garbage'], 'garbage, an invalid address'],
  ])('refuses a mixed answer %j', async (answer, reason) => {
    const verdict = await checkUrl('http://mixed.example/', fakeDns({ 'mixed.example': answer }));
    expect(verdict).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });

  it('accepts a host whose every address is public, and returns them all in order', async () => {
    const dns = fakeDns({ 'scam-popup.example': ['2606:2800:220:1::1', '93.184.216.34'] });
    expect(await checkUrl('wss://Scam-Popup.example./ws', dns)).toEqual({
      ok: true,
      host: 'scam-popup.example',
      port: 443,
      addresses: ['2606:2800:220:1::1', '93.184.216.34'],
    });
  });

  it('refuses hosts that do not resolve or resolve to nothing', async () => {
    const dns = fakeDns({ 'empty.example': [] });
    expect(await checkUrl('http://gone.example/', dns)).toEqual({
      ok: false,
      reason: 'refused: cannot resolve gone.example (ENOTFOUND)',
    });
    expect(await checkUrl('http://empty.example/', dns)).toEqual({
      ok: false,
      reason: 'refused: empty.example resolves to no address',
    });
  });

  it('refuses an over-long hostname without resolving it', async () => {
    const long = `${'a'.repeat(60)}.`.repeat(5).concat('example');
    expect(await checkUrl(`http://${long}/`, { lookup: noDns })).toEqual({
      ok: false,
      reason: 'refused: hostname is empty or too long',
    });
  });
});

describe('guardFromEnv', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', true],
    ['8080', [8080]],
    ['8080, 9090', [8080, 9090]],
    ['8080,abc', false],
    ['70000', false],
  ])('reads DRAGNET_CRAWL_ALLOW_LOOPBACK=%j as %j', (value, allowLoopback) => {
    expect(guardFromEnv({ DRAGNET_CRAWL_ALLOW_LOOPBACK: value })).toEqual({ allowLoopback });
  });

  it('reads process.env by default', () => {
    const before = process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK;
    process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK = '4173';
    try {
      expect(guardFromEnv()).toEqual({ allowLoopback: [4173] });
    } finally {
      if (before === undefined) delete process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK;
      else process.env.DRAGNET_CRAWL_ALLOW_LOOPBACK = before;
    }
  });
});
