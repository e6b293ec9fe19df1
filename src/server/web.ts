import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/** The built workbench (`npm run build` writes it); the same path from src/ (tsx) and dist/. */
export const WEB_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url));

/**
 * Serves the workbench: its built files, and index.html for every other non-API path (the app routes in
 * the browser). A strict Content-Security-Policy means that even if attacker text ever reached the DOM as
 * markup, no script of theirs could run: only the app's own scripts load.
 */
export async function webRoutes(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        // Deployments on a LAN are often plain http; upgrading would break every request there.
        upgradeInsecureRequests: null,
      },
    },
    // Loopback and private deployments are served over http; HSTS would be a promise we cannot keep.
    strictTransportSecurity: false,
  });
  // Vite puts every built file but index.html under assets/ with a content hash in its name; serving the
  // directory (not a list made at start) keeps a running server right across rebuilds.
  if (existsSync(`${WEB_DIST}assets`)) {
    await app.register(fastifyStatic, {
      root: `${WEB_DIST}assets`,
      prefix: '/assets/',
      index: false,
      immutable: true,
      maxAge: '365d',
    });
  }
  app.get('/*', { schema: { hide: true } }, async (request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    if (path.startsWith('/api/') || path === '/api' || !request.headers.accept?.includes('text/html')) {
      return reply
        .status(404)
        .send({ error: 'not_found', message: `no route ${request.method} ${request.url}` });
    }
    const index = await readFile(`${WEB_DIST}index.html`).catch(() => null);
    if (!index) {
      return reply
        .status(503)
        .type('text/plain')
        .send(`The workbench is not built: run "npm run build". The API is documented at /api/docs.`);
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').send(index);
  });
}
