import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  closedWithin,
  connectVia,
  exchange,
  rebindingDns,
  startTarget,
  upgradeVia,
  viaProxy,
} from '../../test/helpers/egress-proxy.js';
import {
  type BlockedRequest,
  EGRESS_HEADER,
  type EgressProxyOptions,
  startEgressProxy,
} from './egress-proxy.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 5000);

const target = async () => {
  const started = await startTarget();
  cleanups.push(started.close);
  return started;
};

const proxy = async (options: EgressProxyOptions) => {
  const blockedSeen: BlockedRequest[] = [];
  const started = await startEgressProxy({ ...options, onBlocked: (b) => blockedSeen.push(b) });
  cleanups.push(started.close);
  return { proxy: started, blockedSeen };
};

describe('egress proxy: plain HTTP', () => {
  it('forwards to an allowed loopback port with the original Host, a body, and no hop-by-hop headers', async () => {
    const site = await target();
    const { proxy: p } = await proxy({ allowLoopback: [site.port] });
    const answer = await viaProxy(p, `http://127.0.0.1:${site.port}/popup?id=7`, {
      method: 'POST',
      body: 'call now',
      headers: {
        'proxy-authorization': 'Basic eDp5',
        'proxy-connection': 'keep-alive',
        connection: 'x-secret',
        'x-secret': '1',
        'x-kept': 'yes',
      },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('hello from target, you sent 8 bytes');
    expect(answer.headers['x-target']).toBe('yes');
    expect(answer.headers['x-drop']).toBeUndefined();
    expect(answer.headers[EGRESS_HEADER]).toBeUndefined();
    const [request] = site.seen;
    expect(request).toMatchObject({ method: 'POST', path: '/popup?id=7', body: 'call now' });
    expect(request?.headers.host).toBe(`127.0.0.1:${site.port}`);
    expect(request?.headers['x-kept']).toBe('yes');
    for (const name of ['proxy-authorization', 'proxy-connection', 'x-secret']) {
      expect(request?.headers[name]).toBeUndefined();
    }
    expect(p.blocked).toEqual([]);
  });

  it('refuses another loopback port with 403, reports it, and never reaches that server', async () => {
    const allowed = await target();
    const other = await target();
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [allowed.port] });
    const url = `http://127.0.0.1:${other.port}/`;
    const answer = await viaProxy(p, url);
    expect(answer.status).toBe(403);
    expect(answer.body).toBe('refused: 127.0.0.1 is a loopback address');
    expect(answer.headers[EGRESS_HEADER]).toBe('refused');
    expect(blockedSeen).toEqual([{ url, reason: 'refused: 127.0.0.1 is a loopback address' }]);
    expect(p.blocked).toEqual(blockedSeen);
    expect(other.seen).toEqual([]);
  });

  it('refuses loopback altogether when it is not allowed', async () => {
    const site = await target();
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: false });
    expect((await viaProxy(p, `http://127.0.0.1:${site.port}/`)).status).toBe(403);
    expect((await viaProxy(p, `http://[::ffff:127.0.0.1]:${site.port}/`)).status).toBe(403);
    expect((await viaProxy(p, `http://localhost:${site.port}/`)).status).toBe(403);
    expect(blockedSeen).toHaveLength(3);
    expect(site.seen).toEqual([]);
  });

  it('refuses a name whose answer mixes an allowed address with a private one', async () => {
    const site = await target();
    const lookup = async () => ['127.0.0.1', '10.0.0.1'];
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [site.port], lookup });
    const answer = await viaProxy(p, `http://mixed.test:${site.port}/`);
    expect(answer.status).toBe(403);
    expect(blockedSeen[0]?.reason).toBe('refused: mixed.test resolves to 10.0.0.1, a private address');
    expect(site.seen).toEqual([]);
  });

  it('connects to the checked answer only: a rebinding DNS cannot swap the address', async () => {
    const site = await target();
    const dns = rebindingDns([['127.0.0.1'], ['169.254.169.254']]);
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [site.port], lookup: dns.lookup });
    const first = await viaProxy(p, `http://rebind.test:${site.port}/a`);
    expect(first.status).toBe(200);
    expect(site.seen[0]?.headers.host).toBe(`rebind.test:${site.port}`);
    // One lookup for one request: nothing resolved the name a second time before connecting.
    expect(dns.calls()).toBe(1);
    const second = await viaProxy(p, `http://rebind.test:${site.port}/b`);
    expect(second.status).toBe(403);
    expect(blockedSeen[0]?.reason).toContain('169.254.169.254, a cloud-metadata address');
    expect(dns.calls()).toBe(2);
    expect(site.seen).toHaveLength(1);
  });

  it('answers 502 when an allowed upstream is not listening, without calling it blocked', async () => {
    const gone = await startTarget();
    await gone.close();
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [gone.port] });
    const answer = await viaProxy(p, `http://127.0.0.1:${gone.port}/`);
    expect(answer.status).toBe(502);
    expect(answer.body).toMatch(/^upstream unreachable: .*ECONNREFUSED/);
    expect(answer.headers[EGRESS_HEADER]).toBe('failed');
    expect(blockedSeen).toEqual([]);
  });

  it('passes an upstream cut mid-body on as a cut, not as a complete answer', async () => {
    const site = await target();
    const { proxy: p } = await proxy({ allowLoopback: [site.port] });
    const outcome = await new Promise<string>((resolve) => {
      const req = http.request({
        host: '127.0.0.1',
        port: p.port,
        path: `http://127.0.0.1:${site.port}/cut`,
      });
      const timer = setTimeout(() => resolve('still waiting'), 3000);
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve('ended'));
        res.on('error', () => resolve('cut'));
        res.on('close', () => {
          clearTimeout(timer);
          resolve(res.complete ? 'ended' : 'cut');
        });
      });
      req.on('error', () => resolve('cut'));
      req.end();
    });
    expect(outcome).toBe('cut');
  });

  it('refuses to be driven through itself even when every loopback port is allowed', async () => {
    const { proxy: p } = await proxy({ allowLoopback: true });
    const answer = await viaProxy(p, `http://127.0.0.1:${p.port}/`);
    expect(answer).toMatchObject({ status: 403, body: 'refused: the egress proxy itself' });
  });

  it('answers 400 to a request that is not an absolute http:// URI', async () => {
    const { proxy: p } = await proxy({ allowLoopback: true });
    expect((await viaProxy(p, '/just-a-path')).status).toBe(400);
    expect((await viaProxy(p, 'https://127.0.0.1/')).status).toBe(400);
  });
});

describe('egress proxy: CONNECT tunnels', () => {
  it('tunnels to an allowed loopback port', async () => {
    const site = await target();
    const { proxy: p } = await proxy({ allowLoopback: [site.port] });
    const tunnel = await connectVia(p, `127.0.0.1:${site.port}`);
    expect(tunnel.status).toBe(200);
    const reply = await exchange(
      tunnel.socket,
      'GET /through HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n',
      /you sent 0 bytes/,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 200 OK/);
    expect(site.seen[0]?.path).toBe('/through');
    tunnel.socket.destroy();
  });

  it('refuses other loopback ports, loopback when not allowed, and private addresses', async () => {
    const allowed = await target();
    const other = await target();
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [allowed.port] });
    for (const authority of [
      `127.0.0.1:${other.port}`,
      `[::1]:${other.port}`,
      '10.0.0.1:443',
      'metadata.google.internal:80',
    ]) {
      const refusal = await connectVia(p, authority);
      expect(refusal.status).toBe(403);
      expect(refusal.body).toMatch(/refused: /);
      expect(refusal.headers[EGRESS_HEADER]).toBe('refused');
    }
    expect(blockedSeen.map((b) => b.url)).toEqual([
      `127.0.0.1:${other.port}`,
      `[::1]:${other.port}`,
      '10.0.0.1:443',
      'metadata.google.internal:80',
    ]);
    const closed = await proxy({ allowLoopback: false });
    expect((await connectVia(closed.proxy, `127.0.0.1:${allowed.port}`)).status).toBe(403);
    expect(other.seen).toEqual([]);
    expect(allowed.seen).toEqual([]);
  });

  it('refuses an authority that is not plain host:port', async () => {
    const site = await target();
    const { proxy: p } = await proxy({ allowLoopback: [site.port] });
    expect((await connectVia(p, `evil.test@127.0.0.1:${site.port}`)).status).toBe(400);
    expect((await connectVia(p, '127.0.0.1')).status).toBe(400);
  });

  it('tunnels to the checked answer of a rebinding DNS, resolving once', async () => {
    const site = await target();
    const dns = rebindingDns([['127.0.0.1'], ['10.0.0.1']]);
    const { proxy: p } = await proxy({ allowLoopback: [site.port], lookup: dns.lookup });
    const tunnel = await connectVia(p, `rebind.test:${site.port}`);
    expect(tunnel.status).toBe(200);
    await exchange(
      tunnel.socket,
      'GET /r HTTP/1.1\r\nHost: rebind.test\r\nConnection: close\r\n\r\n',
      /you sent 0 bytes/,
    );
    expect(dns.calls()).toBe(1);
    expect((await connectVia(p, `rebind.test:${site.port}`)).status).toBe(403);
    tunnel.socket.destroy();
  });

  it('drops the upstream connection when the browser left during resolution', async () => {
    const site = await target();
    let answered = false;
    const slowLookup = async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      answered = true;
      return ['127.0.0.1'];
    };
    const { proxy: p } = await proxy({ allowLoopback: [site.port], lookup: slowLookup });
    const client = net.connect(p.port, '127.0.0.1');
    await new Promise((resolve) => client.once('connect', resolve));
    client.write(`CONNECT slow.test:${site.port} HTTP/1.1\r\nHost: slow.test\r\n\r\n`);
    // A reset, not a polite end: the proxy's side is destroyed before the lookup answers.
    await new Promise((resolve) => setTimeout(resolve, 50));
    client.resetAndDestroy();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(answered).toBe(true);
    expect(site.openSockets()).toBe(0);
  });

  it('closes an idle tunnel, and close() ends open tunnels', async () => {
    const site = await target();
    const idle = await proxy({ allowLoopback: [site.port], idleTimeoutMs: 200 });
    const quiet = await connectVia(idle.proxy, `127.0.0.1:${site.port}`);
    expect(await closedWithin(quiet.socket, 3000)).toBe(true);
    const busy = await proxy({ allowLoopback: [site.port] });
    const open = await connectVia(busy.proxy, `127.0.0.1:${site.port}`);
    expect(await closedWithin(open.socket, 300)).toBe(false);
    await busy.proxy.close();
    expect(await closedWithin(open.socket, 1000)).toBe(true);
  });
});

describe('egress proxy: WebSocket upgrades over plain HTTP', () => {
  it.each(['http', 'ws'])('upgrades %s:// to an allowed port and relays both ways', async (scheme) => {
    const site = await target();
    const { proxy: p } = await proxy({ allowLoopback: [site.port] });
    const upgraded = await upgradeVia(p, `${scheme}://127.0.0.1:${site.port}/chat?room=1`);
    expect(upgraded.status).toBe(101);
    expect(await exchange(upgraded.socket!, 'ping', /echo:ping/)).toBe('echo:ping');
    expect(site.seen[0]).toMatchObject({ method: 'GET', path: '/chat?room=1' });
    expect(site.seen[0]?.headers).toMatchObject({ host: `127.0.0.1:${site.port}`, upgrade: 'websocket' });
    upgraded.socket!.destroy();
  });

  it('refuses an upgrade to a port that is not allowed', async () => {
    const allowed = await target();
    const other = await target();
    const { proxy: p, blockedSeen } = await proxy({ allowLoopback: [allowed.port] });
    expect((await upgradeVia(p, `ws://127.0.0.1:${other.port}/chat`)).status).toBe(403);
    expect(blockedSeen).toHaveLength(1);
    expect(other.seen).toEqual([]);
  });
});
