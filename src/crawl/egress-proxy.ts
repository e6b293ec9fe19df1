import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import net, { type AddressInfo, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { checkUrl, classifyAddress, type GuardOptions, type UrlCheck } from './url-guard.js';

/** A request the proxy refused, and why. */
export interface BlockedRequest {
  /** The absolute URI, or `host:port` for a CONNECT tunnel. */
  url: string;
  reason: string;
}

/** Options of the egress proxy: the guard's, a refusal callback, and time limits. */
export interface EgressProxyOptions extends GuardOptions {
  onBlocked?: (blocked: BlockedRequest) => void;
  /** Time to establish a TCP connection to one checked address (default 10 s). */
  connectTimeoutMs?: number;
  /** A connection with no traffic either way for this long is destroyed (default 60 s). */
  idleTimeoutMs?: number;
}

/** A running egress proxy. */
export interface EgressProxy {
  /** `http://127.0.0.1:PORT`, for Playwright's `proxy.server` or `--proxy-server`. */
  url: string;
  port: number;
  /** Stops listening and destroys every open connection and tunnel. */
  close(): Promise<void>;
  /** The most recent refusals, oldest first (bounded). */
  blocked: BlockedRequest[];
}

const MAX_BLOCKED_KEPT = 1000;
const MAX_CONNECTIONS = 512;
// More addresses than this are not worth the wait; the crawl is best effort, the guard is not.
const MAX_CONNECT_ATTEMPTS = 3;
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authorization',
  'proxy-authenticate',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/** Copies headers without hop-by-hop ones, including those the Connection header names. */
const endToEnd = (headers: IncomingHttpHeaders): IncomingHttpHeaders => {
  const named = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name) && !named.includes(name)) kept[name] = value;
  }
  return kept;
};

/**
 * Marks answers the proxy wrote itself ("refused" or "failed"), so the crawler never mistakes a refusal
 * page for the site's own 403 or 502.
 */
export const EGRESS_HEADER = 'x-dragnet-egress';
const egressVerdict = (status: number) => (status === 403 ? 'refused' : 'failed');

const rawResponse = (status: number, statusText: string, body: string): string =>
  `HTTP/1.1 ${status} ${statusText}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
  `${EGRESS_HEADER}: ${egressVerdict(status)}\r\n` +
  `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;

/** Answers on a raw socket (CONNECT, upgrade) and closes it. */
const refuseOn =
  (socket: Duplex) =>
  (status: number, statusText: string, body: string): void => {
    socket.end(rawResponse(status, statusText, body));
  };

// The checked address is passed as an IP, so Node never resolves; this makes a slip fail loudly instead.
const neverResolve: net.LookupFunction = (host, _options, callback) =>
  callback(new Error(`egress proxy must not resolve ${host}`), '', 4);

const connectOnce = (ip: string, port: number, timeoutMs: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = net.connect({ host: ip, port, lookup: neverResolve });
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`connect to ${ip}:${port} timed out`)), timeoutMs);
    socket.once('error', fail);
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.removeListener('error', fail);
      resolve(socket);
    });
  });

/** Connects to the first reachable checked address; the host is never resolved again. */
const connectChecked = async (addresses: string[], port: number, timeoutMs: number): Promise<Socket> => {
  let lastError: unknown = new Error('no address');
  for (const ip of addresses.slice(0, MAX_CONNECT_ATTEMPTS)) {
    try {
      return await connectOnce(ip, port, timeoutMs);
    } catch (error) {
      lastError = error;
    }
  }
  throw lastError;
};

/** Joins two sockets both ways; when either ends badly or closes, both go. */
const tunnel = (a: Duplex, b: Duplex): void => {
  const end = () => {
    a.destroy();
    b.destroy();
  };
  // The browser may have left while we resolved and connected; its 'close' has already fired then.
  if (a.destroyed || b.destroyed) {
    end();
    return;
  }
  a.on('error', end).on('close', end);
  b.on('error', end).on('close', end);
  a.pipe(b);
  b.pipe(a);
};

/**
 * Starts the crawler's HTTP forward proxy on 127.0.0.1: every request, CONNECT tunnel and WebSocket
 * upgrade is checked by the URL guard, and the proxy connects to the checked IP itself (resolve once,
 * check every address, connect to one of them), so redirects, sub-resources and DNS rebinding all meet
 * the same guard.
 */
export async function startEgressProxy(options: EgressProxyOptions = {}): Promise<EgressProxy> {
  const connectTimeoutMs = options.connectTimeoutMs ?? 10_000;
  const idleTimeoutMs = options.idleTimeoutMs ?? 60_000;
  const guard: GuardOptions = { allowLoopback: options.allowLoopback, lookup: options.lookup };
  const blocked: BlockedRequest[] = [];
  const sockets = new Set<Socket>();
  let ownPort = 0;

  const track = (socket: Socket): void => {
    sockets.add(socket);
    socket.setTimeout(idleTimeoutMs);
    socket.on('timeout', () => socket.destroy());
    // Errors are handled where the socket is used; an unhandled one must not crash the crawler.
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
  };

  const block = (url: string, reason: string): void => {
    const entry = { url: url.slice(0, 2048), reason };
    blocked.push(entry);
    if (blocked.length > MAX_BLOCKED_KEPT) blocked.shift();
    try {
      options.onBlocked?.(entry);
    } catch {
      // A failing observer must not turn a refusal into a crash.
    }
  };

  const check = async (url: string): Promise<UrlCheck> => {
    const verdict = await checkUrl(url, guard);
    // Even when tests allow loopback, a page must not drive the proxy through itself.
    if (
      verdict.ok &&
      verdict.port === ownPort &&
      verdict.addresses.some((a) => classifyAddress(a) === 'loopback')
    ) {
      return { ok: false, reason: 'refused: the egress proxy itself' };
    }
    return verdict;
  };

  /** Checks and connects, or answers the refusal and returns nothing. */
  const open = async (
    url: string,
    label: string,
    refuse: (status: number, text: string, body: string) => void,
  ): Promise<Socket | undefined> => {
    const verdict = await check(url);
    if (!verdict.ok) {
      block(label, verdict.reason);
      refuse(403, 'Forbidden', verdict.reason);
      return undefined;
    }
    try {
      const upstream = await connectChecked(verdict.addresses, verdict.port, connectTimeoutMs);
      track(upstream);
      return upstream;
    } catch (error) {
      refuse(502, 'Bad Gateway', `upstream unreachable: ${(error as Error).message}`);
      return undefined;
    }
  };

  const forward = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const target = req.url ?? '';
    const reply = (status: number, _text: string, body: string) => {
      if (res.headersSent) return void res.destroy();
      const headers = { 'content-type': 'text/plain; charset=utf-8', connection: 'close' };
      res.writeHead(status, { ...headers, [EGRESS_HEADER]: egressVerdict(status) }).end(body);
    };
    // Chromium sends https through CONNECT; a plain request must name an http:// URL.
    if (!/^http:\/\//i.test(target)) return reply(400, 'Bad Request', 'absolute http:// URI expected');
    const upstreamSocket = await open(target, target, reply);
    if (!upstreamSocket) return;
    // The browser may have left while we resolved and connected.
    if (req.socket.destroyed) return void upstreamSocket.destroy();
    const url = new URL(target);
    const upstream = http.request({
      method: req.method,
      path: `${url.pathname}${url.search}`,
      headers: { ...endToEnd(req.headers), host: url.host },
      createConnection: () => upstreamSocket,
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, endToEnd(answer.headers));
      answer.pipe(res);
      // An upstream cut mid-body must reach the browser as a cut, not as a short but complete answer.
      answer.on('close', () => answer.complete || res.destroy());
    });
    upstream.on('error', (error) => reply(502, 'Bad Gateway', `upstream failed: ${error.message}`));
    // The browser gave up, or the answer is complete: either way the upstream connection is done.
    res.on('close', () => upstreamSocket.destroy());
    req.pipe(upstream);
  };

  const upgrade = async (req: IncomingMessage, client: Socket, head: Buffer): Promise<void> => {
    // The HTTP server may have cleared the idle timer for keep-alive; a tunnel needs it back.
    client.setTimeout(idleTimeoutMs);
    const target = req.url ?? '';
    const refuse = refuseOn(client);
    if (!/^(http|ws):\/\//i.test(target)) return refuse(400, 'Bad Request', 'absolute http:// URI expected');
    const url = new URL(target.replace(/^ws:/i, 'http:'));
    const upstream = await open(url.href, target, refuse);
    if (!upstream) return;
    const lines = [
      `${req.method} ${url.pathname}${url.search} HTTP/1.1`,
      `Host: ${url.host}`,
      'Connection: Upgrade',
    ];
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i]!;
      const lower = name.toLowerCase();
      if (lower === 'upgrade' || (!HOP_BY_HOP.has(lower) && lower !== 'host')) {
        lines.push(`${name}: ${req.rawHeaders[i + 1]}`);
      }
    }
    upstream.write(`${lines.join('\r\n')}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    tunnel(client, upstream);
  };

  const connect = async (req: IncomingMessage, client: Socket, head: Buffer): Promise<void> => {
    client.setTimeout(idleTimeoutMs);
    const authority = req.url ?? '';
    const refuse = refuseOn(client);
    // host:port only; anything else (userinfo, paths) could make the URL parser see another host.
    if (!/^[a-z0-9.\-_[\]:]+:\d{1,5}$/i.test(authority))
      return refuse(400, 'Bad Request', 'host:port expected');
    const upstream = await open(`https://${authority}/`, authority, refuse);
    if (!upstream) return;
    client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    if (head.length > 0) upstream.write(head);
    tunnel(client, upstream);
  };

  // A bug in one exchange ends that exchange, never the crawler process.
  const server = http.createServer((req, res) => forward(req, res).catch(() => res.destroy()));
  server.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) =>
    connect(req, socket, head).catch(() => socket.destroy()),
  );
  server.on('upgrade', (req: IncomingMessage, socket: Socket, head: Buffer) =>
    upgrade(req, socket, head).catch(() => socket.destroy()),
  );
  server.on('connection', (socket: Socket) => track(socket));
  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  ownPort = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${ownPort}`,
    port: ownPort,
    blocked,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      }),
  };
}
