import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { installAudit } from './audit.js';
import { installAuth } from './auth.js';
import type { ServerContext } from './context.js';
import { installErrorHandler } from './errors.js';
import { installPublicLimits, RateLimitedError } from './public-limits.js';
import { caseRoutes } from './routes/cases.js';
import { crawlRoutes } from './routes/crawls.js';
import { exclusionRoutes } from './routes/exclusions.js';
import { healthRoutes } from './routes/health.js';
import { operationViewRoutes } from './routes/operation-views.js';
import { operationRoutes } from './routes/operations.js';
import { portalRoutes } from './routes/portal.js';
import { reportRoutes } from './routes/reports.js';
import { searchRoutes } from './routes/search.js';
import { sessionRoutes } from './routes/session.js';
import { sharingRoutes } from './routes/sharing.js';
import { triageRoutes } from './routes/triage.js';
import { webRoutes } from './web.js';

/** Where the OpenAPI document and its browsable UI are served. */
export const OPENAPI_JSON = '/api/openapi.json';
/** Where the browsable OpenAPI UI is served. */
export const OPENAPI_UI = '/api/docs';

/**
 * Builds the HTTP app. Route schemas document the API (OpenAPI); validation is done by the zod contract
 * inside each route, so every door shares one set of rules and one error shape.
 */
export async function buildApp(ctx: ServerContext): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.logger,
    bodyLimit: 128 * 1024,
    trustProxy: ctx.trustProxy ?? false,
    ajv: { customOptions: { strict: false } },
  });
  // The zod contract validates; Fastify's own validator would answer with a different error shape.
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  installErrorHandler(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Dragnet API',
        version: '0.1.0',
        description: 'Intake and investigation of tech support scams.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'dragnet_session' },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: OPENAPI_UI });
  app.get(OPENAPI_JSON, { schema: { hide: true } }, async () => app.swagger());
  await installAuth(app, ctx);
  installAudit(app, ctx);
  // Once for the whole app: routes opt in (sign-in by config, the public endpoints by publicLimiters).
  await app.register(rateLimit, {
    global: false,
    hook: 'preHandler',
    errorResponseBuilder: (_req, c) =>
      new RateLimitedError(`too many attempts; try again in ${c.after}`, Math.ceil(c.ttl / 1000)),
  });
  installPublicLimits(app, ctx.publicLimits);
  await healthRoutes(app, ctx);
  await sessionRoutes(app, ctx);
  await reportRoutes(app, ctx);
  await portalRoutes(app, ctx);
  await operationRoutes(app, ctx);
  await crawlRoutes(app, ctx);
  await triageRoutes(app, ctx);
  await searchRoutes(app, ctx);
  await operationViewRoutes(app, ctx);
  await exclusionRoutes(app, ctx);
  await caseRoutes(app, ctx);
  await sharingRoutes(app, ctx);
  await webRoutes(app);
  return app;
}
