import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { EgressProxy } from '../../src/crawl/egress-proxy.js';

/** What a local test site saw of one request. */
export interface Seen {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A local site: answers with what it saw, speaks a toy WebSocket-style echo after an upgrade. */
export const startTarget = async () => {
  const seen: Seen[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      if (req.url === '/cut') {
        // Promises 100 bytes, sends 10, hangs up: a truncated answer.
        res.writeHead(200, { 'content-length': '100' });
        res.write('0123456789', () => res.socket?.destroy());
        return;
      }
      seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, {
        'content-type': 'text/plain',
        'x-target': 'yes',
        connection: 'x-drop',
        'x-drop': '1',
      });
      res.end(`hello from target, you sent ${body.length} bytes`);
    });
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body: '' });
    socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n');
    socket.on('data', (data: Buffer) => socket.write(`echo:${data}`));
  });
  // Upgraded sockets leave the server's own bookkeeping, so closing must find them here.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, seen, close, openSockets: () => sockets.size };
};

/** A plain proxied request: absolute URI in the request line, as Chromium sends it. */
export const viaProxy = (
  p: EgressProxy,
  url: string,
  init: { method?: string; headers?: http.OutgoingHttpHeaders; body?: string } = {},
) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: p.port,
      path: url,
      method: init.method ?? 'GET',
      headers: init.headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(init.body);
  });

/** A CONNECT tunnel request; on 200 the socket is the tunnel, otherwise `body` holds the refusal text. */
export const connectVia = (p: EgressProxy, authority: string) =>
  new Promise<{ status: number; headers: http.IncomingHttpHeaders; socket: Socket; body: string }>(
    (resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port: p.port, method: 'CONNECT', path: authority });
      req.on('connect', (res: http.IncomingMessage, socket: Socket, head: Buffer) => {
        const status = res.statusCode ?? 0;
        const { headers } = res;
        if (status === 200) return resolve({ status, headers, socket, body: '' });
        let body = head.toString();
        socket.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        socket.on('close', () => resolve({ status, headers, socket, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );

/** Sends `data` on a socket and collects what comes back until `until` matches. */
export const exchange = (socket: Socket, data: string, until: RegExp) =>
  new Promise<string>((resolve, reject) => {
    let received = '';
    const timer = setTimeout(() => reject(new Error(`no answer matching ${until}: ${received}`)), 3000);
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString();
      if (until.test(received)) {
        clearTimeout(timer);
        resolve(received);
      }
    });
    socket.write(data);
  });

/** Whether the socket closes within `ms`. */
export const closedWithin = (socket: Socket, ms: number) =>
  new Promise<boolean>((resolve) => {
    if (socket.destroyed) return resolve(true);
    const timer = setTimeout(() => resolve(false), ms);
    socket.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

/** A resolver whose answers change on every call, the way a rebinding attacker's DNS server does. */
export const rebindingDns = (answers: string[][]) => {
  let calls = 0;
  const lookup = async (): Promise<string[]> => answers[Math.min(calls++, answers.length - 1)]!;
  return { lookup, calls: () => calls };
};

/** A WebSocket-style upgrade through the proxy: 101 with the socket, or the refusal status. */
export const upgradeVia = (p: EgressProxy, url: string) =>
  new Promise<{ status: number; socket?: Socket }>((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port: p.port,
      path: url,
      headers: { connection: 'Upgrade', upgrade: 'websocket' },
    });
    req.on('upgrade', (res: http.IncomingMessage, socket: Socket) =>
      resolve({ status: res.statusCode ?? 0, socket }),
    );
    req.on('response', (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0 });
    });
    req.on('error', reject);
    req.end();
  });
