import type { FastifyInstance } from 'fastify';
import { ping } from '../../store/database.js';
import type { ServerContext } from '../context.js';

/** `/healthz` (the process answers) and `/readyz` (the database answers and intake can store). */
export async function healthRoutes(app: FastifyInstance, ctx: ServerContext): Promise<void> {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    const database = await ping(ctx.store.db);
    const ready = database && !ctx.shuttingDown();
    return reply.status(ready ? 200 : 503).send({
      status: ready ? 'ready' : 'not_ready',
      database: database ? 'ok' : 'unreachable',
      engine: ctx.store.engine,
      roles: ctx.roles,
    });
  });
}
